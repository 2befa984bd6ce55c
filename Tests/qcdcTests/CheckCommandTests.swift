import Foundation
import Testing

/// Every sample report under examples/ (each has golden text and JSON outputs).
private let examples: [String] = {
    let dir = packageRoot.appendingPathComponent("examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
}()

/// Examples checked with an overlay rather than the national set.
private func rulesArguments(_ example: String) -> [String] {
    example.hasPrefix("lam-dong-") ? ["--rules", "rules/overlays/lam-dong.yaml"] : []
}

/// The register's communes (code, name, subtype, province), from `register/units-2025.tsv`.
func registerCommunes() throws -> [(code: String, name: String, type: String, parent: String)] {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("register/units-2025.tsv"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        .filter { $0.count == 4 && !$0[3].isEmpty }.map { ($0[0], $0[1], $0[2], $0[3]) }
}

/// `count` copies of the non-compliant example for distinct real communes, where every 40th
/// repeats an earlier unit (a duplicate report, an input error).
func noncompliantReports(_ count: Int) throws -> URL {
    let dir = try temporaryDirectory()
    let source = try String(contentsOf: packageRoot.appendingPathComponent("examples/commune-noncompliant-2026.yaml"), encoding: .utf8)
    let communes = try registerCommunes()
    for i in 0..<count {
        let c = communes[i % 40 == 39 ? i - 30 : i]
        let text = source.replacingOccurrences(of: "code: \"24985\"", with: "code: \"\(c.code)\"")
            .replacingOccurrences(of: "name: Xã Ninh Gia", with: "name: \(c.name)")
            .replacingOccurrences(of: "subtype: xa", with: "subtype: \(c.type)")
            .replacingOccurrences(of: "parent: \"68\"", with: "parent: \"\(c.parent)\"")
        try text.write(to: dir.appendingPathComponent(String(format: "r%03d.yaml", i)), atomically: true, encoding: .utf8)
    }
    return dir
}

@Suite("qcdc check, end to end")
struct CheckCommandTests {
    @Test(arguments: examples)
    func goldenText(_ example: String) throws {
        let r = try qcdc(["check"] + rulesArguments(example) + ["examples/\(example)"])
        #expect(r.stderr.isEmpty)
        let stem = example.split(separator: ".").dropLast().joined(separator: ".")
        try assertGolden(r.stdout, "Tests/qcdcTests/Golden/\(stem).txt")
    }

    @Test(arguments: examples)
    func goldenJSON(_ example: String) throws {
        let r = try qcdc(["check"] + rulesArguments(example) + ["--lang", "en", "--format", "json", "examples/\(example)"])
        let stem = example.split(separator: ".").dropLast().joined(separator: ".")
        try assertGolden(r.stdout, "Tests/qcdcTests/Golden/\(stem).en.json")
        // It is JSON, with the documented top-level keys.
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(doc.keys) == ["tool", "schema_version", "language", "rule_sets", "rules", "facts", "reports", "errors", "baseline", "summary"])
        #expect(doc["schema_version"] as? Int == 2)
        let rules = try #require(doc["rules"] as? [String: [String: Any]])
        let facts = try #require(doc["facts"] as? [String: [String: Any]])
        for (id, rule) in rules {
            for key in ["title", "severity", "category", "weight", "kind", "strength", "metric", "applies_to", "in_force", "citation", "basis"] {
                #expect(rule[key] != nil, "rule \(id) lacks \(key)")
            }
        }
        for report in try #require(doc["reports"] as? [[String: Any]]) {
            for result in try #require(report["results"] as? [[String: Any]]) {
                for key in ["rule", "status", "severity", "location"] { #expect(result[key] != nil, "result lacks \(key)") }
                // Every result's rule is in `rules`; every missing fact has a label in `facts`.
                #expect(rules[result["rule"] as? String ?? ""] != nil)
                #expect(result["status"] as? String != "not_applicable")
                for path in result["missing_facts"] as? [String] ?? [] {
                    let general = path.replacingOccurrences(of: #"\[\d+\]"#, with: "[]", options: .regularExpression)
                    #expect(facts[general] != nil, "no label for \(path)")
                }
                if ["fail", "error", "waived"].contains(result["status"] as? String) { #expect(result["message"] is String) }
            }
            let notApplicable = try #require(report["not_applicable"] as? [String: [String]])
            #expect(Set(notApplicable.keys).isSubset(of: ["kind", "condition", "not_in_force"]))
        }
    }

    /// `--format jsonl`: a header line, one line per report equal to the document's report, a summary line.
    @Test func jsonLinesCarryTheDocument() throws {
        let args = ["check", "--lang", "en", "--fail-on", "none", "examples/"]
        func canonical(_ value: Any?) throws -> Data {
            try JSONSerialization.data(withJSONObject: ["v": value ?? NSNull()], options: [.sortedKeys])
        }
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(try qcdc(args + ["--format", "json"]).stdout.utf8)) as? [String: Any])
        let lines = try qcdc(args + ["--format", "jsonl"]).stdout.split(separator: "\n")
        var objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let reports = try #require(doc["reports"] as? [[String: Any]])
        #expect(objects.count == reports.count + 2)
        #expect(objects.map { $0["type"] as? String } == ["header"] + reports.map { _ in "report" } + ["summary"])
        for i in objects.indices { objects[i]["type"] = nil }
        for key in ["tool", "schema_version", "language", "rule_sets", "rules", "facts"] {
            #expect(try canonical(objects.first?[key]) == canonical(doc[key]), "header \(key)")
        }
        for (line, report) in zip(objects.dropFirst(), reports) { #expect(try canonical(line) == canonical(report)) }
        for key in ["errors", "baseline", "summary"] { #expect(try canonical(objects.last?[key]) == canonical(doc[key]), "summary \(key)") }
    }

    /// Two processes (two hash seeds) over the same inputs print the same bytes, in every
    /// format of `check` and of `scorecard`.
    @Test func outputIsDeterministicAcrossProcesses() throws {
        let check = ["check", "--today", "2026-11-23", "--waivers", "examples/ci/waivers.yaml", "--fail-on", "none", "--all", "examples/"]
        for format in ["text", "json", "jsonl", "sarif", "junit", "github", "markdown"] {
            let a = try qcdc(check + ["--format", format]), b = try qcdc(check + ["--format", format])
            #expect(!a.stdout.isEmpty && a.stdout == b.stdout, "check --format \(format) differs between runs")
        }
        for format in ["html", "markdown", "csv", "json"] {
            let args = ["scorecard", "--no-register", "--format", format, "Tests/qcdcTests/Fixtures/scorecard/", "examples/"]
            let a = try qcdc(args), b = try qcdc(args)
            #expect(!a.stdout.isEmpty && a.stdout == b.stdout, "scorecard --format \(format) differs between runs")
        }
    }

    /// Reports are checked in parallel a batch at a time; any number of workers writes the same
    /// bytes as one, across batches, with duplicates (a second report of a unit) found in order.
    @Test func parallelRunsWriteWhatOneWorkerWrites() throws {
        let dir = try noncompliantReports(100)
        for format in ["text", "json", "jsonl", "sarif", "junit", "github", "markdown"] {
            let args = ["check", "--fail-on", "none", "--format", format, dir.path]
            let one = try qcdc(args + ["-j", "1"])
            #expect(one.status == 2 && one.stdout.contains("r009.yaml"), "the duplicates make the run invalid")
            for jobs in ["2", "3"] {   // batches of 64 and 96: several per run
                let many = try qcdc(args + ["--jobs", jobs])
                #expect(many.status == one.status && many.stdout == one.stdout, "--format \(format) -j \(jobs) differs from -j 1")
            }
        }
        #expect(try qcdc(["check", "-j", "0", "examples/"]).status == 64)
    }

    /// The Markdown comment stays within GitHub's 65,536 characters at any scale: verdict and
    /// totals first, then as many lines as fit, the most important sections first, and a note
    /// saying how many were left out.
    @Test func markdownCommentIsCapped() throws {
        let dir = try noncompliantReports(1000)
        let r = try qcdc(["check", "--lang", "en", "--format", "markdown", dir.path])
        #expect(r.stdout.count <= 65_536 && r.stdout.count > 50_000, "\(r.stdout.count) characters")
        #expect(r.stdout.hasPrefix("## qcdc — ⛔ Invalid input\n\n1000 reports · "))
        #expect(r.stdout.contains("### Input errors") && r.stdout.contains("### Findings"))
        #expect(r.stdout.contains("more entries, left out to keep the comment within 65536 characters"))
        #expect(r.stdout.contains("its artifact"))
        // Each report's findings fold into one block, never cut in the middle.
        let opened = r.stdout.components(separatedBy: "<details>").count, closed = r.stdout.components(separatedBy: "</details>").count
        #expect(opened == closed && opened > 10)
    }

    @Test func exitCodes() throws {
        #expect(try qcdc(["check", "examples/commune-compliant-2026.yaml"]).status == 0)
        #expect(try qcdc(["check", "examples/commune-noncompliant-2026.yaml"]).status == 1)
        #expect(try qcdc(["check", "--fail-on", "none", "examples/commune-noncompliant-2026.yaml"]).status == 0)
        // Missing evidence alone does not fail.
        #expect(try qcdc(["check", "examples/dien-bien-2020.yaml"]).status == 0)
        // Only an info-level policy target fails in this report when errors are ignored... the agency fails an error rule.
        #expect(try qcdc(["check", "--fail-on", "info", "examples/agency-2025.yaml"]).status == 1)
    }

    @Test func vietnameseByDefaultEnglishOnRequest() throws {
        let vi = try qcdc(["check", "examples/commune-noncompliant-2026.yaml"])
        #expect(vi.stdout.contains("examples/commune-noncompliant-2026.yaml:14:12: lỗi[TTND-C1]: Ban Thanh tra nhân dân có 4 thành viên cho 12 thôn, tổ dân phố; yêu cầu >= 12. (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 36 khoản 1; 59/2023/NĐ-CP, Điều 13 khoản 2)"))
        let en = try qcdc(["check", "--lang", "en", "examples/commune-noncompliant-2026.yaml"])
        #expect(en.stdout.contains("error[TTND-C1]: The People's Inspection Board has 4 members for 12 villages and residential groups; required >= 12. (Law on Implementing Grassroots Democracy 10/2022/QH15, Art. 36(1); 59/2023/NĐ-CP, Art. 13(2))"))
    }

    @Test func batchWithOneMalformedFileReportsBothAndExits2() throws {
        let dir = try temporaryDirectory()
        try Data("unit: {code: \"1\", name: X, kind: commune\nperiod: 2026\n".utf8).write(to: dir.appendingPathComponent("a-bad.yaml"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples/commune-compliant-2026.yaml"),
                                         to: dir.appendingPathComponent("b-good.yaml"))
        let r = try qcdc(["check", dir.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("a-bad.yaml:2:7: lỗi[input.yaml_syntax]"))
        #expect(r.stdout.contains("b-good.yaml: Xã Hiệp Thạnh (xã 24967), 2026"))
        #expect(r.stdout.contains("35 đạt"))
        let json = try qcdc(["check", "--format", "json", dir.path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reports = try #require(doc["reports"] as? [[String: Any]])
        #expect(reports.count == 2)
        #expect((reports[0]["errors"] as? [Any])?.count == 1)
        #expect((reports[1]["results"] as? [Any])?.isEmpty == false)
    }

    @Test func invalidValuesArePointedAt() throws {
        let dir = try temporaryDirectory()
        let f = dir.appendingPathComponent("r.yaml")
        try Data("unit: {code: \"1\", name: X, kind: commune}\nperiod: {year: 2026}\npeoples_inspection_board:\n  members: -2\nstaff_conference: {held: yes, date: 2026-02-30}\nmediaton: {teams: 3}\n".utf8).write(to: f)
        let r = try qcdc(["check", "--lang", "en", f.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("r.yaml:4:12: error[report.out_of_range]"))
        #expect(r.stdout.contains("r.yaml:5:26: error[report.type_mismatch]: staff_conference.held: expected true or false, found 'yes'"))
        #expect(r.stdout.contains("r.yaml:5:37: error[report.invalid_date]"))
        #expect(r.stdout.contains("r.yaml:6:1: warning[report.unknown_field]: unknown field 'mediaton'"))
        #expect(r.stdout.contains("did you mean 'mediation'?"))
        #expect(!r.stdout.contains("Fatal error") && r.stderr.isEmpty)
    }

    @Test func standardInputAndDirectories() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/commune-compliant-2026.yaml"), encoding: .utf8)
        let r = try qcdc(["check", "-"], stdin: text)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<stdin>: Xã Hiệp Thạnh"))
        let json = try qcdc(["check", "-"], stdin: "{\"unit\": {\"code\": \"1\", \"name\": \"E\", \"kind\": \"enterprise\"}, \"period\": {\"year\": 2025}, \"workplace_dialogues\": {\"periodic\": 0}}")
        #expect(json.status == 1)
        #expect(json.stdout.contains("<stdin>:1:122: lỗi[DN-01]"))
        // examples/ holds the CI submissions too (examples/ci/), one of them deliberately invalid.
        let all = try qcdc(["check", "examples/"])
        #expect(all.status == 2)
        #expect(all.stdout.contains("Tổng cộng: \(examples.count + 4) báo cáo (1 không hợp lệ)"))
        let listed = try qcdc(["check", "--all", "examples/ci/"])
        #expect(listed.stdout.contains("examples/ci/waivers.yaml:1:1: ghi chú[input.skipped]: bỏ qua: một tệp miễn trừ, không phải báo cáo"))
        #expect(try qcdc(["check", "examples/ci/waivers.yaml"]).status == 2)
        #expect(examples.count >= 12)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try qcdc(["check"]).status == 64)
        #expect(try qcdc(["check", "--format", "xml", "examples/"]).status == 64)
        #expect(try qcdc(["check", "--lang", "fr", "examples/"]).status == 64)
        #expect(try qcdc(["frobnicate"]).status == 64)
    }

    /// `check` is parsed as itself first (faster); whatever that cannot parse must still get
    /// the messages of the full parse, which name the command `qcdc check`.
    @Test func checkUsageAndHelpNameTheWholeCommand() throws {
        for args in [["check", "--bogus", "examples/"], ["check"], ["check", "--limit", "nope=1", "examples/"], ["check", "-j", "0", "examples/"]] {
            let r = try qcdc(args)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr.contains("Cách dùng: qcdc check"), "\(args): \(r.stderr)")
        }
        let version = try qcdc(["check", "--version"]), root = try qcdc(["--version"])
        #expect(version.status == 0 && version.stdout == root.stdout)
        for args in [["check", "--help"], ["check", "-h"], ["help", "check"]] {
            let r = try qcdc(args)
            #expect(r.status == 0, "\(args)")
            #expect(r.stdout.contains("USAGE: qcdc check"), "\(args): \(r.stdout.prefix(200))")
        }
    }

    @Test func missingPathIsAnInputError() throws {
        let r = try qcdc(["check", "no/such/report.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("no/such/report.yaml:1:1: lỗi[input.not_found]: không có tệp hoặc thư mục: no/such/report.yaml"))
    }

    @Test func outputFileAndBuiltinRulesFromAnyDirectory() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.json")
        let report = packageRoot.appendingPathComponent("examples/commune-noncompliant-2026.yaml").path
        let r = try qcdc(["check", "--format", "json", "--output", out.path, report], directory: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("lỗi[TTND-C1]"))   // text still on the terminal
        // --quiet: only what fails the gate on the terminal (no header, no missing evidence, no totals).
        let quiet = try qcdc(["check", "-q", "-f", "json", "-o", out.path, report], directory: dir)
        #expect(quiet.status == 1 && quiet.stdout.contains("lỗi[TTND-C1]"))
        #expect(!quiet.stdout.contains("thiếu dữ liệu") && !quiet.stdout.contains("Tổng cộng") && !quiet.stdout.contains("Xã Ninh Gia"))
        let quietClean = try qcdc(["check", "-q", packageRoot.appendingPathComponent("examples/commune-compliant-2026.yaml").path], directory: dir)
        #expect(quietClean.status == 0 && quietClean.stdout.isEmpty)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.contains("{\"rule\":\"TTND-C1\""))
        #expect(written.contains("\"file\": \"rules/national/communes.yaml\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func noColourWhenNotATerminal() throws {
        let r = try qcdc(["check", "examples/commune-noncompliant-2026.yaml"], environment: ["NO_COLOR": ""])
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test func invalidRuleSetExits2WithLocatedErrors() throws {
        let dir = try temporaryDirectory()
        let rules = dir.appendingPathComponent("bad.yaml")
        try Data("id: x\nversion: \"1\"\ntitle: {vi: x, en: x}\nrules:\n  - id: R\n    expect: a >\n".utf8).write(to: rules)
        let r = try qcdc(["check", "--rules", rules.path, "examples/agency-2025.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("bad.yaml:5:5: lỗi[ruleset.missing_key]"))
        #expect(r.stdout.contains("bad.yaml:6:16: lỗi[expression.syntax]"))
    }
}

@Suite("qcdc rules lint, end to end")
struct RulesLintTests {
    @Test func builtinLibraryPasses() throws {
        let r = try qcdc(["rules", "lint"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(" đúng, 0 sai"))
        #expect(try qcdc(["rules", "lint", "--lang", "en"]).stdout.contains(" passed, 0 failed"))
        let dir = try qcdc(["rules", "lint", "rules/national.yaml"])
        #expect(dir.status == 0)
    }

    @Test func brokenExampleFailsLint() throws {
        let dir = try temporaryDirectory()
        let text = try String(contentsOf: packageRoot.appendingPathComponent("rules/national/enterprises.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{status: fail, report: {workplace_dialogues: {periodic: 0}}}", with: "{status: pass, report: {workplace_dialogues: {periodic: 0}}}")
            .replacingOccurrences(of: "extends: [common.yaml]", with: "extends: [\(packageRoot.path)/rules/national/common.yaml]")
        let f = dir.appendingPathComponent("enterprises.yaml")
        try Data(text.utf8).write(to: f)
        let r = try qcdc(["rules", "lint", "--lang", "en", f.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("error[ruleset.example_failed]: example of rule DN-01 should give pass but gives fail"))
        let viaRules = try qcdc(["rules", "lint", "--rules", f.path])
        #expect(viaRules.stdout.contains("lỗi[ruleset.example_failed]: ví dụ của quy tắc DN-01 phải cho kết quả pass nhưng cho fail"))
    }
}

@Suite("--expect: who has not reported")
struct ExpectTests {
    /// Two of three expected communes of Lâm Đồng report; the third does not.
    func submissions() throws -> (dir: URL, list: String) {
        let dir = try tree(["r/a.yaml": goodReport(code: "24967"), "r/b.yaml": goodReport(code: "24985"),
                            "expect.csv": "\u{FEFF}ma,ten,loai\r\n24967,Xã Hiệp Thạnh,xa\r\n# a comment\r\n\r\n24985\r\n24988\r\n"])
        return (dir, dir.appendingPathComponent("expect.csv").path)
    }

    @Test func missingUnitsAreListedInEveryFormatAndFailTheGate() throws {
        let (dir, list) = try submissions()
        let reports = dir.appendingPathComponent("r").path
        let text = try qcdc(["check", "--expect", list, reports])
        #expect(text.status == 1, "\(text.stdout)")
        #expect(text.stdout.contains("Chưa nộp báo cáo: 1/3 đơn vị"))
        #expect(text.stdout.contains("lỗi[not_submitted]: Xã Tà Năng (mã 24988, Tỉnh Lâm Đồng) chưa nộp báo cáo"))
        #expect(try qcdc(["check", "--expect", list, "--fail-on", "none", reports]).status == 0)
        let json = try qcdc(["check", "--format", "json", "--expect", list, reports])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["expected"] as? Int == 3)
        let missing = try #require(doc["not_submitted"] as? [[String: Any]])
        #expect(missing.count == 1 && missing[0]["code"] as? String == "24988" && missing[0]["name"] as? String == "Xã Tà Năng"
                && missing[0]["province"] as? String == "68")
        let sarif = try qcdc(["check", "--format", "sarif", "--expect", list, reports]).stdout
        #expect(sarif.contains("{\"ruleId\":\"not_submitted\""))
        #expect(sarif.contains("\"logicalLocations\":[{\"name\":\"24988\",\"fullyQualifiedName\":\"68/24988\",\"kind\":\"module\"}]"))
        let junit = try qcdc(["check", "--format", "junit", "--expect", list, reports]).stdout
        #expect(junit.contains("<testsuite name=\"not_submitted\" tests=\"1\" failures=\"1\""))
        let summary = try temporaryDirectory().appendingPathComponent("summary.md")
        let github = try qcdc(["check", "--format", "github", "--lang", "en", "--expect", list, reports],
                              environment: ["GITHUB_STEP_SUMMARY": summary.path]).stdout
        #expect(github.contains("::error title=not_submitted::Xã Tà Năng (code 24988, Tỉnh Lâm Đồng) has not submitted a report"))
        // The run's own errors are rows of the job summary too.
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("| `not_submitted` | 1 |"))
        let markdown = try qcdc(["check", "--format", "markdown", "--expect", list, reports]).stdout
        #expect(markdown.contains("### Chưa nộp báo cáo: 1/3 đơn vị"))
        // A whole province: 124 communes, two reported.
        let province = try qcdc(["check", "--format", "json", "--expect", "province:68", reports])
        let p = try #require(try JSONSerialization.jsonObject(with: Data(province.stdout.utf8)) as? [String: Any])
        #expect(p["expected"] as? Int == 124 && (p["not_submitted"] as? [Any])?.count == 122)
    }

    @Test func anInvalidReportIsStillASubmissionAndInvalidInputWins() throws {
        let (dir, list) = try submissions()
        try Data(goodReport(code: "24988").replacingOccurrences(of: "members: 7", with: "members: bảy").utf8)
            .write(to: dir.appendingPathComponent("r/c.yaml"))
        let r = try qcdc(["check", "--format", "json", "--expect", list, dir.appendingPathComponent("r").path])
        #expect(r.status == 2)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["not_submitted"] as? [Any])?.isEmpty == true)
    }

    @Test func aBadExpectationIsLocated() throws {
        let dir = try tree(["r.yaml": goodReport(), "bad.txt": "24967\n249 67\n"])
        let province = try qcdc(["check", "--lang", "en", "--expect", "province:99", dir.appendingPathComponent("r.yaml").path])
        #expect(province.status == 2 && province.stdout.contains("error[input.invalid_expect]: --expect province:99: no province has the code '99'"))
        let list = try qcdc(["check", "--lang", "en", "--expect", dir.appendingPathComponent("bad.txt").path, dir.appendingPathComponent("r.yaml").path])
        #expect(list.status == 2 && list.stdout.contains("bad.txt:2:1: error[input.invalid_expect]"))
    }

    @Test func scorecardShowsSubmissionPerProvince() throws {
        let (dir, list) = try submissions()
        let r = try qcdc(["scorecard", "--format", "json", "--expect", list, dir.appendingPathComponent("r").path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let submission = try #require(doc["submission"] as? [[String: Any]])
        #expect(submission.count == 1 && submission[0]["province"] as? String == "68" && submission[0]["reported"] as? Int == 2
                && submission[0]["expected"] as? Int == 3)
        let html = try qcdc(["scorecard", "--expect", list, dir.appendingPathComponent("r").path]).stdout
        #expect(html.contains("<section id=\"submission\">") && html.contains("Xã Tà Năng (24988)"))
    }
}

@Suite("qcdc units and template --unit")
struct UnitsCommandTests {
    @Test func theRegisterIsListed() throws {
        let all = try qcdc(["units"])
        #expect(all.status == 0)
        #expect(all.stdout.hasSuffix("34 đơn vị cấp tỉnh (28 tỉnh, 6 thành phố trực thuộc trung ương); 3.321 đơn vị cấp xã (2.621 xã, 687 phường, 13 đặc khu)\n"))
        let json = try qcdc(["units", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let provinces = try #require(doc["provinces"] as? [[String: Any]])
        #expect(provinces.count == 34)
        #expect(provinces.reduce(0) { $0 + (($1["communes"] as? [Any])?.count ?? 0) } == 3321)
        let csv = try qcdc(["units", "--province", "68", "--format", "csv", "--lang", "en"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}code,name,type,parent,province\r\n68,Tỉnh Lâm Đồng,tinh,,68\r\n"))
        #expect(csv.stdout.contains("\r\n24967,Xã Hiệp Thạnh,xa,68,68\r\n"))
        let bad = try qcdc(["units", "--province", "lam dong"])
        #expect(bad.status == 64 && bad.stderr.contains("'68': Tỉnh Lâm Đồng"))
        #expect(try qcdc(["units", "--pre-reform", "--lang", "en"]).stdout.contains("10,051 commune-level units"))
    }

    @Test func templateFillsTheUnitFromTheRegister() throws {
        let t = try qcdc(["template", "--unit", "07192"])
        #expect(t.status == 0)
        #expect(t.stdout.contains("unit:\n  code: \"07192\"\n  name: \"Đặc khu Cô Tô\"\n  kind: commune\n  subtype: dac_khu\n  parent: \"22\"\n"))
        #expect(try qcdc(["check", "-"], stdin: t.stdout).status == 0)   // blank: missing evidence only
        #expect(try qcdc(["template", "--unit", "22", "--kind", "commune"]).status == 64)
        #expect(try qcdc(["template", "--unit", "99999"]).status == 64)
    }
}
