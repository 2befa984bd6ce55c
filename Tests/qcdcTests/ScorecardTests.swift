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
