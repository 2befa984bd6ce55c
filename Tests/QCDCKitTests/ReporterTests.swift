import Foundation
import Testing
@testable import QCDCKit

/// Every reporter rendered from one fixed run built in memory: a five-rule set, two reports
/// (one valid, one invalid) and a waiver, all given as bytes. The goldens change only when a
/// reporter changes, never when the national rules do.
@Suite("Reporters on a fixed in-memory run")
struct ReporterTests {
    static let rules = """
        id: test.reporters
        version: "1"
        title: {vi: Bộ quy tắc thử, en: Test rule set}
        facts:
          board.members: {type: integer, min: 0, label: {vi: Số thành viên Ban, en: Board members}}
          board.plan: {type: boolean, label: {vi: Có kế hoạch năm, en: Annual plan}}
          villages: {type: integer, min: 0, label: {vi: Số thôn, en: Villages}}
          cases:
            type: list
            label: {vi: Các vụ việc, en: Cases}
            fields:
              id: {type: string, label: {vi: Số hiệu, en: Number}}
              days: {type: integer, min: 0, label: {vi: Số ngày giải quyết, en: Days taken}}
        categories: {c: {name: {vi: Nhóm thử, en: Test group}}}
        rules:
          - id: T-MEMBERS
            title: {vi: Ban có ít nhất 5 thành viên, en: The board has at least 5 members}
            basis: [{kind: law, strength: primary, document: "10/2022/QH15", name: {vi: Luật Thử, en: Test Law}, article: "36", clause: "1"}]
            applies_to: [commune]
            severity: error
            category: c
            params: {min_members: 5}
            expect: board.members >= params.min_members
            message: {vi: "Ban có {board.members} thành viên; yêu cầu {expected}.", en: "The board has {board.members} members; required {expected}."}
            examples: [{status: pass, report: {board: {members: 5}}}, {status: fail, report: {board: {members: 4}}}]
          - id: T-PLAN
            title: {vi: Ban có kế hoạch năm, en: The board has an annual plan}
            basis: [{kind: policy, strength: secondary, document: "KH-01/UBND"}]
            applies_to: [commune]
            severity: warning
            category: c
            expect: board.plan
            message: {vi: "Kế hoạch năm: {board.plan}.", en: "Annual plan: {board.plan}."}
            examples: [{status: pass, report: {board: {plan: true}}}, {status: fail, report: {board: {plan: false}}}]
          - id: T-CASES
            title: {vi: Vụ việc giải quyết trong 30 ngày, en: Cases are settled within 30 days}
            basis: [{kind: law, strength: primary, document: "02/2011/QH13", article: "28"}]
            applies_to: [commune]
            severity: error
            category: c
            expect: "all(x in cases: x.days <= 30)"
            message: {vi: "Có vụ việc giải quyết quá 30 ngày.", en: "A case took more than 30 days."}
            examples: [{status: pass, report: {cases: [{id: A, days: 30}]}}, {status: fail, report: {cases: [{id: A, days: 31}]}}]
          - id: T-VILLAGES
            title: {vi: Số thôn được báo cáo, en: The number of villages is reported}
            basis: [{kind: law, strength: unverified, document: "59/2023/NĐ-CP"}]
            applies_to: [commune]
            severity: info
            category: c
            expect: villages >= 1
            message: {vi: "Số thôn: {villages}.", en: "Villages: {villages}."}
            examples: [{status: pass, report: {villages: 3}}, {status: missing, report: {}}]
          - id: T-PROVINCE
            title: {vi: Chỉ cho tỉnh, en: Provinces only}
            basis: [{kind: law, strength: primary, document: "72/2025/QH15"}]
            applies_to: [province]
            severity: error
            category: c
            expect: villages >= 1
            message: {vi: "Số thôn: {villages}.", en: "Villages: {villages}."}
            examples: [{status: pass, kind: province, report: {villages: 3}}, {status: fail, kind: province, report: {villages: 0}}]
        """

    static let goodReport = """
        unit: {code: "00007", name: "Xã Thử <b>|x|</b>", kind: commune, subtype: xa, parent: "68"}
        period: {year: 2026}
        board: {members: 4, plan: false}
        cases:
          - {id: VV-01, days: 12}
          - {id: VV-02, days: 45}
        boardd: 1
        """

    static let badReport = """
        unit: {code: "00008", name: Xã Hỏng, kind: commune}
        period: {year: 2026}
        board: {members: bốn}
        """

    static let waivers = """
        waivers:
          - rule: T-PLAN
            unit: "00007"
            period: {year: 2026}
            justification: Kế hoạch năm đang chờ Đảng ủy phê duyệt.
            approved_by: UBND tỉnh (thử)
            expires: 2027-03-31
        """

    static func run(_ lang: Language, gate: Gate = Gate(), withInvalid: Bool = true) throws -> CheckRun {
        let (ruleSet, diags) = RuleSetLoader().load(files: ["test.yaml": Array(rules.utf8)], entry: ["test.yaml"])
        let rs = try #require(ruleSet, "\(diags)")
        var checker = Checker(ruleSet: rs, language: lang)
        checker.checksRegister = false   // made-up units (the register has its own tests)
        let (set, wd) = WaiverSet.load(Array(waivers.utf8), file: "waivers.yaml", knownRules: Set(rs.rules.map(\.id)))
        #expect(wd.isEmpty, "\(wd)")
        var application = WaiverSet.Application(try #require(set), today: Day(year: 2026, month: 11, day: 23)!)
        var outcomes: [ReportOutcome] = []
        for (file, text) in [("good.yaml", goodReport)] + (withInvalid ? [("bad.yaml", badReport)] : []) {
            var outcome = checker.check(bytes: Array(text.utf8), file: file)
            application.apply(to: &outcome)
            outcomes.append(outcome)
        }
        return CheckRun(ruleSet: rs, reports: outcomes, diagnostics: application.finish(), language: lang, gate: gate)
    }

    static let formats: [(OutputFormat, String)] = [(.text, "txt"), (.json, "json"), (.sarif, "sarif"), (.junit, "xml"),
                                                    (.github, "github.txt"), (.gitlab, "gitlab.json"), (.markdown, "md")]

    @Test(arguments: Language.allCases)
    func everyFormatMatchesItsGolden(_ lang: Language) throws {
        let run = try Self.run(lang)
        #expect(run.exitCode == 2)   // the invalid report
        for (format, ext) in Self.formats {
            let text = format.render(run, OutputStyle(showAll: true))
            try assertGolden(text, "Tests/QCDCKitTests/Golden/reporters.\(lang.rawValue).\(ext)",
                             placeholders: [(QCDC.version, "version")] + run.ruleSet.sources.map { ($0.sha256, "sha256") })
        }
    }

    /// The same run rendered twice, and rendered from a second run, is byte-identical.
    @Test func renderingIsDeterministic() throws {
        let a = try Self.run(.vi), b = try Self.run(.vi)
        for (format, _) in Self.formats {
            #expect(format.render(a) == format.render(a))
            #expect(format.render(a) == format.render(b), "\(format)")
        }
    }

    /// What a format calls a finding is what the exit code counts: a clean verdict everywhere
    /// with `--fail-on none`, whatever the results.
    @Test func formatsFollowTheGate() throws {
        let run = try Self.run(.en, gate: Gate(failOn: .none), withInvalid: false)
        #expect(run.exitCode == 0)
        #expect(SARIFReporter().render(run).contains("\"exitCode\": 0"))
        #expect(!MarkdownReporter().render(run).contains("❌"))
        let valid = try Self.run(.en, gate: Gate(failOn: .warning), withInvalid: false)
        #expect(valid.exitCode == 1)
        #expect(SARIFReporter().render(valid).contains("\"exitCode\": 1"))
    }
}

@Suite("Checker: what an outcome keeps")
struct OutcomeKeepsTests {
    /// A report's facts stay with its outcome for roll-ups, unless the run is told nothing reads
    /// them (`qcdc check`); its results are the same either way.
    @Test func factsAreKeptUnlessNothingReadsThem() throws {
        let (ruleSet, diags) = RuleSetLoader().load(files: ["test.yaml": Array(ReporterTests.rules.utf8)], entry: ["test.yaml"])
        var checker = Checker(ruleSet: try #require(ruleSet, "\(diags)"))
        checker.checksRegister = false
        let kept = checker.check(bytes: Array(ReporterTests.goodReport.utf8), file: "good.yaml")
        checker.keepsFacts = false
        let dropped = checker.check(bytes: Array(ReporterTests.goodReport.utf8), file: "good.yaml")
        #expect(kept.facts != nil)
        #expect(dropped.facts == nil)
        #expect(!kept.results.isEmpty)
        #expect(kept.results.map(\.status) == dropped.results.map(\.status))
    }
}

@Suite("JSON members written straight out")
struct JSONMemberTests {
    /// A report's summary and periods are written as bytes; they must be what the ``JSON`` tree
    /// (which the run's own summary still uses) writes, compact.
    @Test func summaryAndPeriodMatchTheTree() {
        var s = Summary()
        #expect(Self.written { JSONReporter.summary(s, into: &$0) } == JSONReporter.summary(s).rendered(pretty: false))
        s.reports = 12
        s.invalidReports = 3
        s.byStatus = [.pass: 7, .fail: 1_000_001, .waived: 2, .notApplicable: 36]
        s.failedBySeverity = [.warning: 4, .info: 9]
        s.inputErrors = 5
        s.inputWarnings = 11
        #expect(Self.written { JSONReporter.summary(s, into: &$0) } == JSONReporter.summary(s).rendered(pretty: false))
        for p in [Period.year(2026), Period(start: Day(year: 1, month: 1, day: 1)!, end: Day(year: 9999, month: 12, day: 31)!)] {
            #expect(Self.written { JSONReporter.period(p, into: &$0) } == JSONReporter.period(p).rendered(pretty: false))
        }
        #expect(Self.written { JSONReporter.optional(nil, into: &$0) } == "null")
        #expect(Self.written { JSONReporter.optional("a\"b", into: &$0) } == #""a\"b""#)
    }

    static func written(_ write: (inout JSONText) -> Void) -> String {
        var out = JSONText()
        write(&out)
        return out.string
    }
}
