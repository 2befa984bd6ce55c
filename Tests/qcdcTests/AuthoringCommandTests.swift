import Foundation
import Testing

@Suite("qcdc rules list / rules test / explain / template / schema, end to end")
struct AuthoringCommandTests {
    /// `-f` and `-o` mean `--format` and `--output` in every command that has them, as in `check`.
    @Test func shortFormatAndOutputEverywhere() throws {
        let dir = try temporaryDirectory()
        let runs: [(String, [String], String)] = [
            ("scorecard.json", ["scorecard", "-f", "json", "examples/commune-compliant-2026.yaml"], "\"schema_version\""),
            ("template.csv", ["template", "-f", "csv", "--kind", "commune", "--year", "2026"], "qcdc"),
            ("units.json", ["units", "-f", "json", "--province", "68"], "24985"),
            ("schema.json", ["schema", "--kind", "commune"], "\"$schema\""),
        ]
        for (name, args, needle) in runs {
            let out = dir.appendingPathComponent(name).path
            let r = try qcdc(args + ["-o", out])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let written = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            #expect(written.contains(needle), "\(args): \(written.prefix(200))")
        }
        let list = try qcdc(["rules", "list", "-f", "json"])
        #expect(list.status == 0 && (list.stdout.hasPrefix("{") || list.stdout.hasPrefix("[")), "\(list.stdout.prefix(100))")
    }

    @Test func rulesListFiltersByKindAndDate() throws {
        let h1 = try qcdc(["rules", "list", "--kind", "commune", "--at", "2026-03-01"])
        #expect(h1.status == 0)
        #expect(h1.stdout.contains("TCD-01A") && !h1.stdout.contains("TCD-01B"))
        #expect(!h1.stdout.contains("DN-01"))
        let h2 = try qcdc(["rules", "list", "--kind", "commune", "--at", "2026-08-01"])
        #expect(h2.stdout.contains("TCD-01B") && !h2.stdout.contains("TCD-01A"))
        let json = try qcdc(["rules", "list", "--format", "json", "--kind", "district", "--at", "2021-06-01"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ids = ((doc["rules"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("TCD-03"))
        #expect(!ids.contains("DIAL-01"))
        #expect(try qcdc(["rules", "list", "--at", "2026-02-30"]).status == 64)
    }

    @Test func rulesTestReportsCoverage() throws {
        let r = try qcdc(["rules", "test", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("PASS  DIAL-01"))
        #expect(r.stdout.contains(", 0 failed"))
        #expect(r.stdout.contains("rules have both a passing and a failing example, or for metrics a passing and a missing-evidence one (100%)"))
        // An example that gives another status makes `rules test` exit 1.
        let dir = try temporaryDirectory()
        let text = try String(contentsOf: packageRoot.appendingPathComponent("rules/national/mediation.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{status: fail, report: {mediation: {teams: 1441, teams_compliant: 1400}}}",
                                  with: "{status: pass, report: {mediation: {teams: 1441, teams_compliant: 1400}}}")
            .replacingOccurrences(of: "extends: [common.yaml]", with: "extends: [\(packageRoot.path)/rules/national/common.yaml]")
        try Data(text.utf8).write(to: dir.appendingPathComponent("mediation.yaml"))
        let bad = try qcdc(["rules", "test", "--lang", "en", dir.appendingPathComponent("mediation.yaml").path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("FAIL  HG-01"))
        #expect(bad.stdout.contains("expected pass, got fail"))
    }

    @Test func explainARule() throws {
        let r = try qcdc(["explain", "--lang", "en", "DIAL-01"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("72/2025/QH15, Art. 43(1)"))
        #expect(r.stdout.contains("65/2025/QH15, Art. 24(1)"))
        #expect(r.stdout.contains("Basis (law, strength: secondary):"))
        #expect(r.stdout.contains("[law, secondary]"))
        #expect(r.stdout.contains("`dialogue_conferences.sessions` (list): Dialogue conferences with citizens"))
        #expect(r.stdout.contains("in words: the number of entries in «Dialogue conferences with citizens» where «Date held» falls in the period ≥ 1"))
        #expect(r.stdout.contains("as written: `count(s in dialogue_conferences.sessions where in_period(s.date)) >= params.min_per_year`"))
        #expect(r.stdout.contains("not applicable      before the February 2025 law"))
        let vi = try qcdc(["explain", "ttnd-c1"])
        #expect(vi.stdout.contains("Căn cứ (pháp luật, độ tin cậy: đã đọc văn bản gốc):") && vi.stdout.contains("Điều 36"))
        let unknown = try qcdc(["explain", "DIAL-1"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("có phải ý bạn là DIAL-01?"))
        #expect(try qcdc(["explain", "DIAL-1", "--lang", "en"]).stderr.contains("did you mean DIAL-01?"))
    }

    @Test func explainAFindingOnAReport() throws {
        let r = try qcdc(["explain", "--lang", "en", "--report", "examples/commune-noncompliant-2026.yaml", "TCD-01B"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("TCD-01B on examples/commune-noncompliant-2026.yaml: fail"))
        #expect(r.stdout.contains("Period judged: 2026-07-01 → 2026-12-31"))
        #expect(r.stdout.contains("per_week") || r.stdout.contains("per_month(d in citizen_reception.leader_days"))
        #expect(r.stdout.contains("`period_months()`  →  6"))
        let cases = try qcdc(["explain", "--lang", "en", "--report", "examples/commune-noncompliant-2026.yaml", "KN-02A"])
        #expect(cases.stdout.contains("Flagged: KN-2026-04 at examples/commune-noncompliant-2026.yaml:"))
        #expect(cases.stdout.contains("• `c = complaints.cases[2] KN-2026-03`"))
    }

    @Test func templateCanBeFilledInAndChecked() throws {
        let t = try qcdc(["template", "--kind", "commune", "--year", "2026", "--lang", "en"])
        #expect(t.status == 0)
        #expect(t.stdout.contains("  members:"))
        #expect(t.stdout.contains("# Members of the People's Inspection Board"))
        #expect(t.stdout.contains("Basis: TTND-C1 (Law on Implementing Grassroots Democracy 10/2022/QH15, Art. 36(1)"))
        #expect(!t.stdout.contains("workplace_dialogues"))   // an enterprise fact
        let dir = try temporaryDirectory()
        let blank = dir.appendingPathComponent("blank.yaml")
        try Data(t.stdout.utf8).write(to: blank)
        // Blank: the unit must be named first.
        let first = try qcdc(["check", blank.path])
        #expect(first.status == 2)
        #expect(first.stdout.contains("lỗi[report.missing_unit]"))
        // Filled in: located, cited results; the rest is missing evidence, not failure.
        let filled = t.stdout
            .replacingOccurrences(of: "  code:      #", with: "  code: \"24967\"   #")
            .replacingOccurrences(of: "  name:      #", with: "  name: Xã Hiệp Thạnh   #")
            .replacingOccurrences(of: "  members:\n", with: "  members: 4\n")
            .replacingOccurrences(of: "  villages:\n", with: "  villages: 12\n")
            .replacingOccurrences(of: "  items_disclosed:\n", with: "  items_disclosed: 14\n")
        let report = dir.appendingPathComponent("filled.yaml")
        try Data(filled.utf8).write(to: report)
        let r = try qcdc(["check", "--lang", "en", "--show-missing", report.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[TTND-C1]: The People's Inspection Board has 4 members for 12 villages and residential groups; required >= 12."))
        #expect(r.stdout.contains("missing[DIAL-01]"))
        #expect(!r.stdout.contains("error[report."))
        // A district template only exists for years before the reform.
        #expect(try qcdc(["template", "--kind", "district", "--year", "2026"]).status == 64)
    }

    @Test(.enabled(if: ExternalTools.shouldRun(schemaPython != nil), Comment(rawValue: ExternalTools.skipReason("Python jsonschema and PyYAML"))))
    func schemaValidatesEveryExampleWithAnExternalValidator() throws {
        let dir = try temporaryDirectory()
        let schema = dir.appendingPathComponent("report.schema.json")
        #expect(try qcdc(["schema", "--output", schema.path]).status == 0)
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data("unit: {code: \"1\", name: X, kind: commune}\nperiod: {year: 2026}\npeoples_inspection_board: {members: -1}\n".utf8).write(to: bad)
        let typo = dir.appendingPathComponent("typo.yaml")
        try Data("unit: {code: \"1\", name: X, kind: commune}\nperiod: {year: 2026}\npeoples_inspection_bord: {members: 1}\n".utf8).write(to: typo)
        let examples = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("examples").path)
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) && !$0.hasPrefix("lam-dong-") }.sorted()
            .map { "examples/" + $0 }
        let v = try python(schemaPython, ["scripts/validate-schema.py", schema.path] + examples + ["--expect-invalid", bad.path, typo.path])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("examples/commune-noncompliant-2026.yaml: valid"))
        #expect(v.stdout.contains("bad.yaml: rejected as expected"))
        // Per kind.
        let commune = dir.appendingPathComponent("commune.schema.json")
        #expect(try qcdc(["schema", "--kind", "commune", "--output", commune.path]).status == 0)
        let vc = try python(schemaPython, ["scripts/validate-schema.py", commune.path, "examples/commune-compliant-2026.yaml",
                             "--expect-invalid", "examples/agency-2025.yaml"])
        #expect(vc.status == 0, "\(vc.stdout)\(vc.stderr)")
        // An overlay's schema knows the overlay's facts.
        let overlay = dir.appendingPathComponent("lam-dong.schema.json")
        #expect(try qcdc(["schema", "--rules", "rules/overlays/lam-dong.yaml", "--output", overlay.path]).status == 0)
        let vo = try python(schemaPython, ["scripts/validate-schema.py", overlay.path, "examples/lam-dong-commune-2026.yaml"])
        #expect(vo.status == 0, "\(vo.stdout)\(vo.stderr)")
    }

    @Test func overlayChangesTheNationalRules() throws {
        let r = try qcdc(["check", "--lang", "en", "--rules", "rules/overlays/lam-dong.yaml", "examples/lam-dong-commune-2026.yaml"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[DIAL-01]: Dialogue conferences with citizens held in 2026: 1; at least 2 required."))
        let national = try qcdc(["check", "--lang", "en", "examples/lam-dong-commune-2026.yaml"])
        #expect(!national.stdout.contains("error[DIAL-01]"))
        #expect(national.stdout.contains("warning[report.unknown_field]: unknown field 'office_culture'"))
        let list = try qcdc(["rules", "list", "--rules", "rules/overlays/lam-dong.yaml"])
        #expect(list.stdout.contains("LD-24-01") && !list.stdout.contains("POL-MC-01"))
        #expect(try qcdc(["rules", "lint", "rules/overlays/lam-dong.yaml"]).status == 0)
    }
}

/// The Python with the schema validator (jsonschema, PyYAML), if there is one.
let schemaPython = ExternalTools.python(with: ["jsonschema", "yaml"])

/// Runs a validator script with `interpreter` from the package root.
func python(_ interpreter: String?, _ arguments: [String]) throws -> RunResult {
    let python = try #require(interpreter, "\(ExternalTools.skipReason("a Python with the validator modules"))")
    return try runProcess(URL(fileURLWithPath: python), arguments, directory: packageRoot, timeout: 300)
}
