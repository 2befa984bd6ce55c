import Foundation
import Testing

/// Runs `examples/ci/check-submissions.sh` — the commands docs/ci.md's workflows run — on examples/ci/.
private func runPipeline(_ out: URL, lang: String = "en") throws -> RunResult {
    try runProcess(URL(fileURLWithPath: "/bin/bash"), ["examples/ci/check-submissions.sh"], directory: packageRoot,
                   environment: ["QCDC": qcdcBinary.path, "OUT": out.path, "QCDC_TODAY": "2026-11-23", "QCDC_LANG": lang,
                                 "NO_COLOR": "1"])
}

/// The Python with the SARIF schema validator and junitparser, if there is one.
private let ciPython = ExternalTools.python(with: ["jsonschema", "junitparser"])

private func jsonRun(_ args: [String]) throws -> (RunResult, [String: Any]) {
    let r = try qcdc(["check", "--lang", "en", "--format", "json"] + args)
    let doc = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]) ?? [:]
    return (r, doc)
}

private func results(_ doc: [String: Any]) -> [[String: Any]] {
    ((doc["reports"] as? [[String: Any]]) ?? []).flatMap { ($0["results"] as? [[String: Any]]) ?? [] }
}

@Suite("CI: the worked pipeline, formats, waivers, baselines")
struct CIPipelineTests {
    @Test func workedPipelineOnExamplesCI() throws {
        let out = try temporaryDirectory()
        let r = try runPipeline(out)
        #expect(r.status == 2, "a submission with a data error blocks the merge: \(r.stderr)")
        try assertGolden(r.stdout, "Tests/qcdcTests/Golden/ci.github.txt")
        #expect(r.stdout.contains("::error file=examples/ci/submissions/06688-2026.yaml,line=10,col=12,title=report.type_mismatch::"))
        #expect(r.stdout.contains("::warning file=examples/ci/submissions/06724-2026.yaml,line=11,col=64,title=CD-02 "))
        let sarif = try String(contentsOf: out.appendingPathComponent("qcdc.sarif"), encoding: .utf8)
        let junit = try String(contentsOf: out.appendingPathComponent("qcdc-junit.xml"), encoding: .utf8)
        let markdown = try String(contentsOf: out.appendingPathComponent("qcdc-summary.md"), encoding: .utf8)
        // The repository's root, where the clone is, is the one line that depends on the machine.
        try assertGolden(sarif, "Tests/qcdcTests/Golden/ci.sarif", placeholders: [("file://" + packageRoot.standardizedFileURL.path + "/", "source-root")])
        try assertGolden(junit, "Tests/qcdcTests/Golden/ci.junit.xml")
        try assertGolden(markdown, "Tests/qcdcTests/Golden/ci.md")
        // The waived finding is kept, with its justification, in SARIF and JUnit.
        #expect(sarif.contains("\"suppressions\"") && sarif.contains("cơn bão tháng 10"))
        #expect(junit.contains("<skipped message=\"waived: Đặc khu có bốn tổ dân phố"))
        #expect(markdown.contains("⛔ Invalid input"))
    }

    /// Real validators: the official SARIF 2.1.0 schema (jsonschema), and junitparser.
    @Test(.enabled(if: ExternalTools.shouldRun(ciPython != nil), Comment(rawValue: ExternalTools.skipReason("Python jsonschema and junitparser"))))
    func pipelineOutputsPassExternalValidators() throws {
        let out = try temporaryDirectory()
        _ = try runPipeline(out)
        let v = try python(ciPython, ["scripts/validate-ci-formats.py",
                                      "--sarif", out.appendingPathComponent("qcdc.sarif").path, "Tests/qcdcTests/Schemas/sarif-schema-2.1.0.json",
                                      "--junit", out.appendingPathComponent("qcdc-junit.xml").path])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("SARIF valid") && v.stdout.contains("JUnit valid"))
        // With --expect: units without a report are results located by a logical location.
        let sarif = out.appendingPathComponent("expect.sarif").path, junit = out.appendingPathComponent("expect.xml").path
        let r = try qcdc(["check", "--expect", "province:22", "--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit,
                          "examples/ci/submissions/06724-2026.yaml"])
        #expect(r.status == 1)
        let w = try python(ciPython, ["scripts/validate-ci-formats.py", "--sarif", sarif, "Tests/qcdcTests/Schemas/sarif-schema-2.1.0.json", "--junit", junit])
        #expect(w.status == 0 && w.stdout.contains("SARIF valid") && w.stdout.contains("JUnit valid"), "\(w.stdout)\(w.stderr)")
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"fullyQualifiedName\":\"22/06688\""))
    }

    @Test func sarifDescribesEveryRuleWithItsBasis() throws {
        let r = try qcdc(["check", "--format", "sarif", "examples/commune-noncompliant-2026.yaml"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let dial = try #require(rules.first { $0["id"] as? String == "DIAL-01" })
        // Rule names and descriptions are in the run's language, like the results.
        #expect(dial["name"] as? String == "Dial01", "a short, identifier-like name: \(dial["name"] ?? "")")
        #expect(((dial["shortDescription"] as? [String: Any])?["text"] as? String)?.hasPrefix("Chính quyền") == true)
        let en = try qcdc(["check", "--lang", "en", "--format", "sarif", "examples/commune-noncompliant-2026.yaml"])
        #expect(en.stdout.contains("\"text\": \"The commune government holds a dialogue conference"))
        #expect(((dial["help"] as? [String: Any])?["text"] as? String)?.contains("72/2025/QH15") == true)
        // Help in Markdown: the title, then each citation (linked where it has an address).
        let markdown = try #require((dial["help"] as? [String: Any])?["markdown"] as? String)
        #expect(markdown.hasPrefix("**DIAL-01: ") && markdown.contains("72/2025/QH15") && markdown.contains("](https://"))
        #expect((dial["helpUri"] as? String)?.hasPrefix("https://") == true)
        let res = try #require(run["results"] as? [[String: Any]])
        let ttnd = try #require(res.first { $0["ruleId"] as? String == "TTND-C1" })
        #expect(ttnd["level"] as? String == "error")
        let region = (((ttnd["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(region?["startLine"] as? Int == 14 && region?["startColumn"] as? Int == 12)
        let missing = try #require(res.first { $0["ruleId"] as? String == "HG-01" })
        #expect(missing["kind"] as? String == "review")
    }

    @Test func waiversAppliedExpiredAndStale() throws {
        let (r, doc) = try jsonRun(["--waivers", "examples/ci/waivers.yaml", "--today", "2026-11-23", "examples/ci/submissions/06724-2026.yaml", "examples/ci/submissions/07192-2026.yaml"])
        #expect(r.status == 0)
        let all = results(doc)
        let waived = try #require(all.first { $0["rule"] as? String == "TTND-C1" && $0["status"] as? String == "waived" })
        let w = try #require(waived["waiver"] as? [String: Any])
        #expect(w["original_status"] as? String == "fail")
        #expect(w["approved_by"] as? String == "Sở Nội vụ tỉnh (ví dụ), công văn 123/SNV-XDCQ")
        #expect(all.contains { $0["rule"] as? String == "CD-02" && $0["status"] as? String == "fail" })
        let errors = (doc["errors"] as? [[String: Any]]) ?? []
        #expect(errors.contains { $0["code"] as? String == "waiver.expired" && (($0["location"] as? [String: Any])?["line"] as? Int) == 16 })
        #expect(errors.contains { $0["code"] as? String == "waiver.unused" && (($0["location"] as? [String: Any])?["line"] as? Int) == 23 })
        // Before it expired, the same waiver applies.
        let (_, before) = try jsonRun(["--waivers", "examples/ci/waivers.yaml", "--today", "2026-10-01", "examples/ci/submissions/06724-2026.yaml"])
        #expect(results(before).contains { $0["rule"] as? String == "CD-02" && $0["status"] as? String == "waived" })
    }

    @Test func invalidWaiverFileStopsBeforeEvaluation() throws {
        let dir = try temporaryDirectory()
        let f = dir.appendingPathComponent("w.yaml")
        try Data("""
        waivers:
          - rule: TTND-C9
            unit: "07192"
            period: {year: 2026}
            approved_by: X
            expires: 2027-02-30
            reason: forgot the justification
        """.utf8).write(to: f)
        let r = try qcdc(["check", "--lang", "en", "--waivers", f.path, "examples/commune-noncompliant-2026.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("w.yaml:7:5: error[waiver.unknown_key]: unknown key 'reason' in waivers[0]"))
        #expect(r.stdout.contains("error[waiver.missing_key]: waivers[0] needs `justification`"))
        #expect(r.stdout.contains("w.yaml:6:14: error[waiver.invalid_date]: waivers[0].expires: 2027-02-30 is not a date in the calendar"))
        #expect(r.stdout.contains("error[waiver.unknown_rule]: waiver names rule TTND-C9"))
        let vi = try qcdc(["check", "--waivers", f.path, "examples/commune-noncompliant-2026.yaml"])
        #expect(vi.stdout.contains("w.yaml:2:5: lỗi[waiver.missing_key]: waivers[0] thiếu `justification`"))
        #expect(!r.stdout.contains("TTND-C1]: "))   // nothing was evaluated
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let dir = try temporaryDirectory()
        let report = dir.appendingPathComponent("r.yaml")
        let original = try String(contentsOf: packageRoot.appendingPathComponent("examples/commune-noncompliant-2026.yaml"), encoding: .utf8)
        try Data(original.utf8).write(to: report)
        let baseline = dir.appendingPathComponent("baseline.json")
        let first = try qcdc(["check", "--write-baseline", baseline.path, report.path])
        #expect(first.status == 1)
        let same = try qcdc(["check", "--lang", "en", "--baseline", baseline.path, report.path])
        #expect(same.status == 0)
        #expect(same.stdout.contains("Baseline: 0 new findings; 21 known findings still present (not shown); 0 fixed"))
        #expect(!same.stdout.contains("error[TTND-C1]"))
        // Fix one finding, break another: only the new one shows and fails.
        let changed = original.replacingOccurrences(of: "  members: 4\n", with: "  members: 12\n")
            .replacingOccurrences(of: "  items_disclosed: 12\n", with: "  items_disclosed: 13\n")
            .replacingOccurrences(of: "  min_notice_days: 5\n", with: "  min_notice_days: 3\n")
        try Data(changed.utf8).write(to: report)
        let next = try qcdc(["check", "--lang", "en", "--baseline", baseline.path, report.path])
        #expect(next.status == 0)   // CD-02 is a warning
        #expect(next.stdout.contains("warning[CD-02]"))
        #expect(next.stdout.contains("Baseline: 1 new findings; 19 known findings still present (not shown); 2 fixed"))
        let (_, doc) = try jsonRun(["--baseline", baseline.path, report.path])
        #expect(results(doc).first { $0["rule"] as? String == "CD-02" }?["baseline_state"] as? String == "new")
        #expect(results(doc).first { $0["rule"] as? String == "DIAL-01" }?["baseline_state"] as? String == "unchanged")
        #expect((doc["baseline"] as? [String: Any])?["fixed"] as? Int == 2)
    }

    /// Every format agrees with the exit code: Markdown's verdict and SARIF's `exitCode` come
    /// from the same gate as the process's exit status (they used a hard-coded --fail-on error).
    @Test func formatsAgreeWithTheExitCode() throws {
        let report = "examples/commune-noncompliant-2026.yaml"
        for (failOn, expected) in [("none", 0), ("error", 1), ("warning", 1)] {
            let md = try qcdc(["check", "--lang", "en", "--fail-on", failOn, "--format", "markdown", report])
            #expect(md.status == Int32(expected), "\(failOn)")
            #expect(md.stdout.hasPrefix(expected == 0 ? "## qcdc — ✅ Passed the gate; findings below --fail-on none: 8" : "## qcdc — ❌ Findings"),
                    "\(failOn): \(md.stdout.prefix(80))")
            let sarif = try qcdc(["check", "--fail-on", failOn, "--format", "sarif", report])
            #expect(sarif.status == Int32(expected))
            #expect(sarif.stdout.contains("\"exitCode\": \(expected)"), "\(failOn)")
        }
        // A warning-only report: exit 0 by default, 1 with --fail-on warning, and SARIF says so.
        let agency = try qcdc(["check", "--fail-on", "info", "--format", "sarif", "examples/province-2026.yaml"])
        #expect(agency.status == 1 && agency.stdout.contains("\"exitCode\": 1"))
        let clean = try qcdc(["check", "--format", "sarif", "examples/province-2026.yaml"])
        #expect(clean.status == 0 && clean.stdout.contains("\"exitCode\": 0"))
        let vi = try qcdc(["check", "--fail-on", "none", "--format", "markdown", report])
        #expect(vi.stdout.hasPrefix("## qcdc — ✅ Đạt ngưỡng; vi phạm dưới ngưỡng --fail-on none: 8"))
    }

    /// `rules list` knows its own formats: an unknown one is a usage error, not silently text.
    @Test func rulesListRefusesFormatsItCannotWrite() throws {
        let r = try qcdc(["rules", "list", "--format", "sarif"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("hãy chọn 'text' hoặc 'json'"))
        #expect(try qcdc(["rules", "list", "--format", "sarif", "--lang", "en"]).stderr.contains("'text' and 'json'"))
    }

    @Test func failOnMissing() throws {
        #expect(try qcdc(["check", "examples/dien-bien-2020.yaml"]).status == 0)
        let strict = try qcdc(["check", "--fail-on-missing", "--format", "junit", "examples/dien-bien-2020.yaml"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("<failure message=\"thiếu dữ liệu"))
    }

    @Test func severalOutputsAtOnceFromStandardInput() throws {
        let dir = try temporaryDirectory()
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/agency-2025.yaml"), encoding: .utf8)
        let j = dir.appendingPathComponent("out.json"), s = dir.appendingPathComponent("out.sarif"), x = dir.appendingPathComponent("out.xml")
        let r = try qcdc(["check", "--format", "json", "--output", j.path, "--format", "sarif", "--output", s.path,
                          "--format", "junit", "--output", x.path, "-"], stdin: text)
        #expect(r.status == 1)
        #expect(r.stdout.contains("<stdin>:23:5: lỗi[TCD-04]"))
        #expect(try String(contentsOf: j, encoding: .utf8).contains("\"file\": \"<stdin>\""))
        #expect(try String(contentsOf: s, encoding: .utf8).contains("\"uri\":\"%3Cstdin%3E\""))
        #expect(try String(contentsOf: x, encoding: .utf8).contains("<testsuite name=\"&lt;stdin&gt; — Sở Nội vụ (ví dụ) (SNV-68)\""))
        // A last --format without --output goes to standard output instead of the text.
        let g = try qcdc(["check", "--format", "json", "--output", j.path, "--format", "github", "examples/agency-2025.yaml"])
        #expect(g.stdout.contains("::error file=examples/agency-2025.yaml,line=23,col=5,title=TCD-04"))
        #expect(!g.stdout.contains("Tổng cộng"))
        #expect(try qcdc(["check", "--output", j.path, "--output", s.path, "examples/agency-2025.yaml"]).status == 64)
        // Text written to a file is not printed again on the terminal.
        let t = dir.appendingPathComponent("out.txt")
        let toFile = try qcdc(["check", "--format", "text", "--output", t.path, "examples/agency-2025.yaml"])
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOf: t, encoding: .utf8).contains("lỗi[TCD-04]"))
    }
}
