import Foundation
import Testing

private let fixture = "Tests/qcdcTests/Fixtures/scorecard/"

@Suite("qcdc scorecard, end to end")
struct ScorecardTests {
    @Test(arguments: ["markdown", "csv", "json"])
    func golden(_ format: String) throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", format, "--lang", "en", fixture])
        #expect(r.status == 2)    // one fixture report is invalid: listed, the others scored
        #expect(r.stderr.contains("bad-2026.yaml:4:12: error[report.out_of_range]"))
        try assertGolden(r.stdout, "Tests/qcdcTests/Golden/scorecard.\(format == "markdown" ? "md" : format)")
    }

    @Test func jsonHasRollupsTrendsAndRules() throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", "json", "--lang", "en", fixture])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rollups = try #require(doc["rollups"] as? [[String: Any]])
        let dialogue = try #require(rollups.first { $0["id"] as? String == "RU-DIALOGUE" })
        #expect(dialogue["claimed"] as? Int == 4)
        #expect((dialogue["contradicting"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Xã Đông Hà"])
        #expect(((dialogue["location"] as? [String: Any])?["line"] as? Int) == 11)
        let oneStop = try #require(rollups.first { $0["id"] as? String == "RU-ONE-STOP" })
        #expect((oneStop["contradicting"] as? [[String: Any]])?.first?["code"] as? String == "77003")
        let trends = try #require(doc["trends"] as? [[String: Any]])
        #expect(trends.count == 1)
        #expect(trends.first?["newly_passing"] as? [String] == ["TTND-C1"])
        #expect((trends.first?["score_delta"] as? Double ?? 0) > 0)
        let units = try #require(doc["units"] as? [[String: Any]])
        #expect(units.count == 6)
        #expect((doc["invalid"] as? [Any])?.count == 1)
        let scoring = try #require(doc["scoring"] as? [String: Any])
        #expect(scoring["model_urn"] as? String == "urn:xccdf:scoring:flat")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(groups.first { $0["key"] as? String == "77" }?["name"] as? String == "Tỉnh Thử Nghiệm (77)")
        // Models and missing policy from the command line.
        let ex = try qcdc(["scorecard", "--no-register", "--format", "json", "--model", "flat-unweighted", "--missing", "exclude", fixture])
        #expect(ex.stdout.contains("\"model_urn\": \"urn:xccdf:scoring:flat-unweighted\""))
        #expect(try qcdc(["scorecard", "--no-register", "--model", "xccdf", fixture]).status == 64)
    }

    @Test func csvIsSpreadsheetSafe() throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", "csv", fixture])
        let bytes = Array(r.stdout.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(r.stdout.contains("\r\n"))
        #expect(r.stdout.contains(",'=1+2,"))
        #expect(r.stdout.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")"))
        #expect(!r.stdout.contains(",=1+2,"))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let dir = try temporaryDirectory()
        let page = dir.appendingPathComponent("scorecard.html")
        let r = try qcdc(["scorecard", "--no-register", "--output", page.path, fixture])
        #expect(r.status == 2)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(!html.contains("<script>document.title"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import") && !html.contains("url("))
        #expect(html.components(separatedBy: "<script>").count == 2)    // the page's own script only
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("<svg"))
        let en = try qcdc(["scorecard", "--no-register", "--lang", "en", fixture])
        #expect(en.stdout.contains("<html lang=\"en\">") && en.stdout.contains("Pass rate by rule"))
    }

    /// Loads the page in headless Chromium (Debian): it runs its own script (logging a ready
    /// message), reports no console error or CSP violation, and nothing from report data runs.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.chromium != nil), Comment(rawValue: ExternalTools.skipReason("headless Chromium (Debian package chromium)"))))
    func htmlInARealBrowser() throws {
        let dir = try temporaryDirectory()
        let page = dir.appendingPathComponent("scorecard.html")
        _ = try qcdc(["scorecard", "--no-register", "--output", page.path, fixture])
        let browser = try #require(ExternalTools.chromium, "\(ExternalTools.skipReason("headless Chromium"))")
        let run = try runProcess(URL(fileURLWithPath: browser), ["--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--log-level=0",
                       "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                       "--virtual-time-budget=3000", "--dump-dom", page.absoluteString], timeout: 120)
        let dom = run.stdout
        let log = run.stderr
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.contains { $0.contains("\"qcdc-scorecard-ready\"") }, "the page's script did not run: \(log.suffix(2000))")
        #expect(console.count == 1, "console messages besides the ready one: \(console)")
        #expect(dom.contains("<title>Bảng điểm tuân thủ dân chủ ở cơ sở</title>"))     // no script changed it
        #expect(!dom.contains("pwned</title>"))
        #expect(dom.contains("&lt;script&gt;document.title="))                        // shown as text
        #expect(dom.contains("<button type=\"button\">"))                             // sorting enabled by the page's script
    }

    /// Units of one period and one kind are ranked together, newest period first, and
    /// scores equal as shown share a place (`1=`, `1=`, `3`).
    @Test func rankingsNeverMixPeriodsOrKindsAndTiesSharePlaces() throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", "json", "--lang", "en", fixture])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rankings = try #require(doc["rankings"] as? [[String: Any]])
        func from(_ x: [String: Any]) -> String { (x["period"] as? [String: Any])?["from"] as? String ?? "?" }
        #expect(rankings.map { "\(from($0)) \($0["kind"] as? String ?? "?")" } == ["2026-01-01 province", "2026-01-01 commune", "2025-01-01 commune"])
        let units = try #require(doc["units"] as? [[String: Any]])
        var offset = 0
        for ranking in rankings {
            let n = try #require(ranking["units"] as? Int)
            let members = units[offset..<offset + n]
            #expect(members.allSatisfy { from($0) == from(ranking) && $0["kind"] as? String == ranking["kind"] as? String })
            let places = members.compactMap { $0["rank"] as? Int }
            #expect(places == places.sorted() && places.first == 1)
            offset += n
        }
        #expect(offset == units.count)
        let communes = units[1..<5].map { "\($0["rank"] as? Int ?? 0)\($0["rank_tied"] as? Bool == true ? "=" : "")" }
        #expect(communes == ["1=", "1=", "3", "4"])
        let md = try qcdc(["scorecard", "--no-register", "--format", "markdown", "--lang", "en", fixture])
        #expect(md.stdout.contains("## Ranking: commune — 2025 (1 unit)"))
        #expect(md.stdout.contains("| 1= | Xã An Phú (77001) |"))
        let csv = try qcdc(["scorecard", "--no-register", "--format", "csv", "--lang", "en", fixture])
        #expect(csv.stdout.contains("\r\n1=,77001,Xã An Phú,commune,77,77,Tỉnh Thử Nghiệm,2026-01-01,"))
    }

    /// `--period` and `--kind` keep one ranking; the reports left out are counted.
    @Test func periodAndKindSelectOneRanking() throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", "json", "--period", "2026", "--kind", "commune", fixture])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["rankings"] as? [Any])?.count == 1)
        #expect((doc["units"] as? [Any])?.count == 4)
        #expect((doc["selection"] as? [String: Any])?["excluded"] as? Int == 2)
        let range = try qcdc(["scorecard", "--no-register", "--format", "json", "--period", "2025-01-01..2025-12-31", fixture])
        #expect(range.stdout.contains("\"excluded\": 5"))
        let md = try qcdc(["scorecard", "--no-register", "--format", "markdown", "--lang", "en", "--kind", "province", fixture])
        #expect(md.stdout.contains("5 valid reports are outside the selection \\(--kind province\\) and not scored."))
        for bad in [["--period", "2026-13-01..2026-12-31"], ["--period", "2026-12-31..2026-01-01"], ["--period", "+202"], ["--period", "0999"],
                    ["--period", "2026-01-01...2026-06-30"], ["--period", "2026-01-01.2026-06-30.."], ["--period", "2026.."],
                    ["--kind", "village"], ["--date", "24/11/2026"]] {
            #expect(try qcdc(["scorecard", "--no-register"] + bad + [fixture]).status == 64, "\(bad)")
        }
    }

    /// The long CSV: one row per unit and rule that applies to it, for pivot tables.
    @Test func longCSVHasARowPerUnitAndRule() throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", "csv-long", "--lang", "en", fixture])
        #expect(r.status == 2)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "\u{FEFF}period_from,period_to,kind,province,province_name,code,name,rule,category,status,weight,file")
        #expect(lines.contains { $0.hasPrefix("2026-01-01,2026-12-31,commune,77,Tỉnh Thử Nghiệm,77001,Xã An Phú,TTND-C1,") && $0.contains(",pass,") })
        #expect(lines.contains { $0.hasPrefix("2025-01-01,2025-12-31,commune,77,Tỉnh Thử Nghiệm,77001,Xã An Phú,TTND-C1,") && !$0.contains(",pass,") })
        #expect(lines.contains { $0.contains(",'=1+2,") } && !lines.contains { $0.contains(",=1+2,") })
        // Every unit has the same rules (none disabled): six units, as many rows each.
        #expect((lines.count - 1) % 6 == 0 && lines.count > 60)
        let vi = try qcdc(["scorecard", "--no-register", "--format", "csv-long", fixture])
        #expect(vi.stdout.hasPrefix("\u{FEFF}từ ngày,đến ngày,loại,mã tỉnh,tỉnh,mã,tên,quy tắc,nhóm tiêu chí,kết quả,trọng số,tệp\r\n"))
        #expect(vi.stdout.contains(",không đạt,") && vi.stdout.contains(",đạt,"))
    }

    /// Title, issuer and date for an official document; escaped like any text.
    @Test func headingForAnOfficialDocument() throws {
        let args = ["scorecard", "--no-register", "--title", "Bảng điểm năm 2026", "--issuer", "UBND tỉnh <b>Thử Nghiệm</b>", "--date", "2026-11-24"]
        let html = try qcdc(args + [fixture])
        #expect(html.stdout.contains("<title>Bảng điểm năm 2026</title>") && html.stdout.contains("<h1>Bảng điểm năm 2026</h1>"))
        #expect(html.stdout.contains("<p class=\"issuer\">UBND tỉnh &lt;b&gt;Thử Nghiệm&lt;/b&gt;</p>"))
        #expect(html.stdout.contains("<p>Ngày 24 tháng 11 năm 2026</p>"))
        let json = try qcdc(args + ["--format", "json", fixture])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let heading = try #require(doc["heading"] as? [String: Any])
        #expect(heading["title"] as? String == "Bảng điểm năm 2026" && heading["date"] as? String == "2026-11-24")
        #expect(try qcdc(["scorecard", "--no-register", "--title", "a\nb", fixture]).status == 64)
    }

    /// With the register on, provinces are named by it even when they sent no report.
    @Test func provincesAreNamedByTheRegister() throws {
        let r = try qcdc(["scorecard", "--format", "json", "examples/commune-compliant-2026.yaml", "examples/ci/submissions"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let units = try #require(doc["units"] as? [[String: Any]])
        #expect(units.first { $0["code"] as? String == "24967" }?["province_name"] as? String == "Tỉnh Lâm Đồng")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(Set(groups.compactMap { $0["name"] as? String }).isSuperset(of: ["Tỉnh Lâm Đồng (68)", "Tỉnh Quảng Ninh (22)"]))
    }

    /// The search box and the filters, driven in headless Chromium: a copy of the page without
    /// its Content-Security-Policy runs a script of the test's that types and picks, then logs
    /// how many ranking rows stay visible.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.chromium != nil), Comment(rawValue: ExternalTools.skipReason("headless Chromium (Debian package chromium)"))))
    func filtersAndSearchInARealBrowser() throws {
        let dir = try temporaryDirectory()
        let page = dir.appendingPathComponent("scorecard.html")
        // The examples, and an agency no province holds (it must hide when a province is chosen).
        let reports = dir.appendingPathComponent("reports")
        try FileManager.default.copyItem(atPath: "examples", toPath: reports.path)
        let agency = try String(contentsOfFile: "examples/agency-2025.yaml", encoding: .utf8)
            .replacingOccurrences(of: "code: SNV-68", with: "code: BAN-TW").replacingOccurrences(of: "  parent: \"68\"\n", with: "")
        try Data(agency.utf8).write(to: reports.appendingPathComponent("no-province.yaml"))
        _ = try qcdc(["scorecard", "--output", page.path, reports.path])
        let json = try qcdc(["scorecard", "--format", "json", reports.path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let units = try #require(doc["units"] as? [[String: Any]])
        let driver = """
        <script>
        (function () {
          function shown() { return document.querySelectorAll("tr.u:not([hidden])").length; }
          function set(id, v) { var el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event("input")); }
          var out = ["bar=" + !document.getElementById("filters").hidden, "all=" + shown()];
          set("f-q", "hiep thanh"); out.push("search=" + shown());
          set("f-q", "24967"); out.push("code=" + shown());
          set("f-q", ""); set("f-p", "22"); out.push("province=" + shown());
          out.push("tiles=" + document.querySelectorAll(".tile:not([hidden])").length);
          out.push("groups=" + document.querySelectorAll(".grp:not([hidden])").length);
          out.push("nameless=" + document.querySelectorAll("tr.u[data-p='']:not([hidden])").length);
          set("f-p", ""); set("f-b", "high"); out.push("band=" + shown());
          set("f-b", ""); set("f-k", "commune"); out.push("kind=" + shown());
          out.push("sections=" + document.querySelectorAll("section.ranking:not([hidden])").length);
          set("f-k", ""); out.push("reset=" + shown());
          var tables = document.querySelectorAll("section.ranking")[1].querySelectorAll("table");
          var ranking = tables[tables.length - 1];                  // after the groups' table
          ranking.tHead.rows[0].cells[2].querySelector("button").click();
          out.push("first-code=" + ranking.tBodies[0].rows[0].cells[2].textContent);
          console.log("qcdc-test " + out.join(" "));
        })();
        </script>
        """
        var html = try String(contentsOf: page, encoding: .utf8)
        html = html.replacingOccurrences(of: #"<meta http-equiv="Content-Security-Policy""#, with: "<meta name=\"csp-removed-by-the-test\"")
        html = html.replacingOccurrences(of: "</body>", with: driver + "</body>")
        let driven = dir.appendingPathComponent("driven.html")
        try Data(html.utf8).write(to: driven)
        let browser = try #require(ExternalTools.chromium, "\(ExternalTools.skipReason("headless Chromium"))")
        let run = try runProcess(URL(fileURLWithPath: browser), ["--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--log-level=0",
                       "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                       "--virtual-time-budget=3000", "--dump-dom", driven.absoluteString], timeout: 120)
        let line = try #require(run.stderr.split(separator: "\n").first { $0.contains("qcdc-test ") }, "\(run.stderr.suffix(2000))")
        func count(_ p: ([String: Any]) -> Bool) -> Int { units.filter(p).count }
        let expected = [
            "bar=true", "all=\(units.count)", "search=1", "code=1",
            "province=\(count { $0["province"] as? String == "22" })", "tiles=2", "groups=2",    // its communes (2026) and agencies (2025)
            "nameless=0",
            "band=\(count { $0["band"] as? String == "high" })",
            "kind=\(count { $0["kind"] as? String == "commune" })",
            "sections=\((doc["rankings"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "commune" }.count)",
            "reset=\(units.count)",
            "first-code=\(units.filter { $0["kind"] as? String == "commune" && ($0["period"] as? [String: Any])?["from"] as? String == "2026-01-01" }.compactMap { $0["code"] as? String }.min() ?? "?")",
        ]
        #expect(line.contains("qcdc-test " + expected.joined(separator: " ")), "\(line)")
        #expect(count { $0["province"] as? String == "22" } == 3)
        #expect(count { $0["province"] is NSNull } == 1)                    // the agency without a province
    }

    /// An invalid rule set or waiver file is reported the way `check` reports it: in the
    /// requested format (and on standard error), exit 2.
    @Test func setupErrorsGoThroughTheScorecard() throws {
        let dir = try temporaryDirectory()
        let rules = dir.appendingPathComponent("r.yaml")
        try Data("id: x\nversion: \"1\"\ntitle: {vi: x, en: x}\nrules: [{id: R}]\n".utf8).write(to: rules)
        let json = try qcdc(["scorecard", "--no-register", "--format", "json", "--rules", rules.path, fixture])
        #expect(json.status == 2)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let errors = try #require(doc["errors"] as? [[String: Any]])
        #expect(errors.contains { ($0["code"] as? String)?.hasPrefix("ruleset.") == true })
        #expect(json.stderr.contains("r.yaml:4:"))
        let waivers = dir.appendingPathComponent("w.yaml")
        try Data("waivers:\n  - {rule: NOPE-1}\n".utf8).write(to: waivers)
        let md = try qcdc(["scorecard", "--no-register", "--format", "markdown", "--lang", "en", "--waivers", waivers.path, fixture])
        #expect(md.status == 2)
        #expect(md.stdout.contains("## Input errors and warnings"))
        #expect(md.stdout.contains("**waiver.missing_key**"))
        let html = try qcdc(["scorecard", "--no-register", "--waivers", waivers.path, fixture])
        #expect(html.stdout.contains("<section id=\"input\">") && html.stdout.contains("waiver.unknown_rule"))
    }
}
