import Foundation
import Testing
@testable import QCDCKit

/// Deterministic mutations of the example reports: whatever the bytes, loading,
/// validation and evaluation finish with diagnostics or results, never a crash.
@Suite("Robustness on mutated input")
struct RobustnessTests {
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    static let seeds: [String] = ["commune-noncompliant-2026.yaml", "enterprise-2025.json", "agency-2025.yaml"]

    @Test(arguments: seeds)
    func mutatedReportsNeverCrash(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent("examples/\(name)")))
        var rng = LCG(state: UInt64(name.utf8.count))
        let checker = Checker(ruleSet: builtin, language: .vi)
        let alphabet = Array("{}[]:,-#&*!|>'\"\\ \n\t%0123456789.eaz".utf8) + [0xC3, 0xA0, 0xFF, 0x00]
        var outcomes = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let i = Int(rng.next() % UInt64(max(bytes.count, 1)))
                switch rng.next() % 3 {
                case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
                default: bytes.remove(at: i)
                }
            }
            let o = checker.check(bytes: bytes, file: name)
            // Either evaluated (one result per enabled rule) or invalid with located errors.
            #expect(o.isInvalid ? o.results.isEmpty && o.diagnostics.allSatisfy({ $0.location.line >= 1 && $0.location.column >= 1 })
                                : o.results.count == builtin.rules.count)
            outcomes += 1
        }
        #expect(outcomes == 300)
    }
}

@Suite("Robustness: the library's bounds and neutral text")
struct BoundsTests {
    @Test func visibleTextShowsControlsAndInvisibles() {
        #expect(Neutral.visible("plain Việt") == "plain Việt")
        #expect(Neutral.visible("a\nb\r\tc") == "a\\nb\\r\\tc")
        #expect(Neutral.visible("\u{1B}[31m") == "<U+001B>[31m")
        #expect(Neutral.visible("\u{202E}00001\u{200B}") == "<U+202E>00001<U+200B>")
        #expect(Neutral.visible("x ##[add-mask]y") == "x #<U+0023>[add-mask]y")
        #expect(Neutral.visible("a\nb", keepingNewlines: true) == "a\nb")
        #expect(Neutral.path("::error::x.yaml") == "./::error::x.yaml")
        #expect(Neutral.path(" ::x") == "./ ::x")
        #expect(Neutral.path("a/b.yaml") == "a/b.yaml")
    }

    /// The text reporter writes a result's location in pieces (the file's name neutralised,
    /// then the numbers): the same text as neutralising the whole location, for any name.
    @Test func aResultsLocationIsWrittenAsItsNeutralisedText() {
        let names = ["a/b.yaml", "", ":x.yaml", " x", "::error::x", "x##", "##[x", "a\u{1B}[31m", "\u{202E}x", "x\n", "#", "["]
        let rule = builtin.rules[0]
        for name in names {
            for (line, column, sheet) in [(1, 1, nil), (12, 345, nil), (7, 3, "Sheet 1")] as [(Int, Int, String?)] {
                var r = RuleResult(rule: rule, status: .fail, explanation: .passed, location: FindingLocation(file: name, line: line, column: column, path: ""))
                r.location.source.sheet = sheet
                let text = TextReporter().result(r, Localizer(.en))
                #expect(text.hasPrefix(Neutral.path(r.location.description) + ": "), "\(name) \(line) \(column): \(text)")
            }
        }
    }

    /// `isPlain` (a table a byte) says plain exactly when the text has no control or invisible
    /// character and no `##[`: checked against the definition on text made of the bytes that
    /// matter, next to each other in every order.
    @Test func plainMeansNothingToNeutralise() {
        let parts = ["a", "Việt", "#", "[", "\u{180E}", "\u{A0}", "\u{1E00}", "\u{202E}", "\u{85}", "\u{7F}", "\t", "\u{FEFF}",
                     "\u{200B}", "\u{2028}", "\u{00C2}", "\u{0600}", "\u{061C}", " "]
        var checked = 0
        for a in parts {
            for b in parts {
                for c in parts {
                    let s = a + b + c
                    let expected = !Neutral.hasHidden(s) && !Neutral.hasWorkflowMarker(s)
                    #expect(Neutral.isPlain(s) == expected || (!Neutral.isPlain(s) && Neutral.visible(s) == s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
                    if Neutral.isPlain(s) { #expect(expected) }
                    checked += 1
                }
            }
        }
        #expect(checked == parts.count * parts.count * parts.count)
    }

    @Test func markdownIsInert() {
        let m = Neutral.markdown("| a | [x](https://e.example) @octocat <b> *em* www.e.example\n## h")
        #expect(!m.contains("@octocat") && !m.contains("](") && !m.contains("<b>") && !m.contains("\n"))
        #expect(m.contains("\\|") && m.contains("\\*em\\*") && m.contains("\\[x\\]"))
        #expect(!m.contains("https://") && !m.contains("www."))
    }

    @Test func periodsOutsideTheSupportedRangeAreErrors() {
        for text in ["{from: 2026-01-01, to: 9999-12-01}", "{from: 1900-01-01, to: 1900-12-31}", "{year: 2101}", "1989"] {
            var diags: [Diagnostic] = []
            let (node, _) = compose(text)
            #expect(PeriodReader.read(node!, file: "p.yaml", into: &diags) == nil, "\(text)")
            #expect(diags.contains { $0.code == "report.invalid_period" }, "\(text): \(diags)")
        }
        var diags: [Diagnostic] = []
        let (node, _) = compose("{year: 2026}")
        #expect(PeriodReader.read(node!, file: "w.yaml", prefix: .waiver, into: &diags) == .year(2026))
        let (bad, _) = compose("{from: 15/04/2027, to: 2027-12-31}")
        _ = PeriodReader.read(bad!, file: "w.yaml", prefix: .waiver, into: &diags)
        #expect(diags.first?.code == "waiver.invalid_period")
        #expect(diags.first?.notes.contains("write 2027-04-15 (year-month-day)") == true)
    }

    @Test func longPeriodsAreCutAtCalendarYears() {
        let p = Period(start: Day(year: 2020, month: 5, day: 13)!, end: Day(year: 2023, month: 5, day: 12)!)
        #expect(p.isLongerThanAYear)
        #expect(p.calendarYears.map(\.description) == ["2020-05-13..2020-12-31", "2021", "2022", "2023-01-01..2023-05-12"])
        let fiscal = Period(start: Day(year: 2024, month: 12, day: 15)!, end: Day(year: 2025, month: 12, day: 14)!)
        #expect(!fiscal.isLongerThanAYear)
        #expect(!Period.year(2026).isLongerThanAYear)
        #expect(Day(year: 9999, month: 12, day: 1)!.addingMonths(checked: 1) == nil)
    }

    @Test func theEvaluationBudgetStopsWork() throws {
        let (rs, diags) = ruleSet("""
        id: t
        version: "1"
        title: {vi: T, en: T}
        facts:
          xs.items: {type: list, label: {vi: X, en: X}, fields: {n: {type: integer, label: {vi: N, en: N}}}}
        categories: {c: {name: {vi: C, en: C}}}
        rules:
          - id: CUBE
            title: {vi: C, en: C}
            basis: [{kind: law, strength: unverified, document: "1"}]
            applies_to: [commune]
            severity: info
            category: c
            expect: 'count(a in xs.items where count(b in xs.items where count(c in xs.items where c.n == b.n) > 0) > 0) >= 0'
            message: {vi: x, en: x}
            examples: [{status: missing, report: {}}]
        """)
        #expect(diags.contains { $0.code == "expression.expensive" })
        let set = try #require(rs)
        var items = ""
        for i in 0..<200 { items += "  - {n: \(i)}\n" }
        let (r, _) = report("unit: {code: \"1\", name: X, kind: commune}\nperiod: {year: 2026}\nxs:\n items:\n" + items.replacingOccurrences(of: "  - ", with: "   - "), set)
        var limits = LoadLimits.default
        limits.maxEvaluationSteps = 10_000
        let result = Engine(ruleSet: set, limits: limits).evaluate(set.rules[0], on: try #require(r))
        #expect(result.status == .error)
        #expect(result.reason?.contains("budget") == true)
    }

    @Test(arguments: [String(repeating: "(", count: 100) + "true" + String(repeating: ")", count: 100),
                      String(repeating: "not ", count: 100) + "true",
                      (0..<300).map { _ in "1" }.joined(separator: " + ") + " > 0",
                      String(repeating: "x", count: 5000)])
    func expressionsOverTheLimitsAreErrors(_ expect: String) {
        let (rs, diags) = ruleSet("""
        id: t
        version: "1"
        title: {vi: T, en: T}
        categories: {c: {name: {vi: C, en: C}}}
        rules:
          - id: DEEP
            title: {vi: C, en: C}
            basis: [{kind: law, strength: unverified, document: "1"}]
            applies_to: [commune]
            severity: info
            category: c
            expect: '\(expect)'
            message: {vi: x, en: x}
            examples: [{status: pass, report: {}}]
        """)
        #expect(rs == nil)
        #expect(diags.contains { $0.code == "expression.too_deep" || $0.code == "expression.too_large" }, "\(diags.map(\.code))")
    }

    @Test func waiversMustBeNarrowAndJustified() {
        let text = """
        waivers:
          - {rule: "*", unit: "0*", period: {year: 2026}, justification: "  \u{200B}\u{200B}  ", approved_by: " ", expires: 2101-01-01}
          - {rule: "TTND-C1", unit: "00 1", period: {year: 2026}, justification: "a real justification", approved_by: X, expires: 2027-01-01}
        """
        let (set, diags) = WaiverSet.load(Array(text.utf8), file: "w.yaml", knownRules: ["TTND-C1"])
        #expect(set == nil)
        let found = Set(diags.map(\.code))
        #expect(found.isSuperset(of: ["waiver.too_broad", "waiver.invalid_value", "waiver.invalid_date"]), "\(found)")
        #expect(diags.allSatisfy { $0.code.hasPrefix("waiver.") || $0.code.hasPrefix("input.") })
    }

    @Test func baselineEntriesAreChecked() {
        let text = """
        {"qcdc_baseline": 1, "findings": [{"rule": "NOPE", "unit": "1", "period": "2026-01-01..2026-12-31", "status": "fail"},
          {"rule": "A", "unit": "1", "period": "2026..2027", "status": "pass"}]}
        """
        let (b, diags) = Baseline.load(Array(text.utf8), file: "b.json", knownRules: ["A"])
        #expect(b == nil)
        #expect(diags.map(\.code).sorted() == ["baseline.invalid_value", "baseline.invalid_value", "baseline.unknown_rule"])
    }

    @Test func theComposerIsLinearAndMergeKeysAreNamed() {
        var text = "a:\n"
        for i in 0..<200_000 { text += "  - \(i)\n" }
        let (node, diags) = compose(text)
        #expect(diags.isEmpty)
        #expect(node?["a"]?.items?.count == 200_000)
        let (_, merge) = compose("x: &a {b: 1}\ny:\n  <<: *a\n")
        #expect(merge.map(\.code) == ["input.merge_key"])
        let (_, empty) = compose("# only a comment\n")
        #expect(empty.map(\.code) == ["input.empty"])
    }

    @Test func rulesLoadFromMemory() {
        let (rs, diags) = RuleSetLoader().load(paths: ["m/r.yaml"], source: .memory(["m/r.yaml": Array("id: m\nversion: '1'\ntitle: {vi: M, en: M}\nextends: [vn.national]\n".utf8)]))
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        #expect(rs?.rules.count == builtin.rules.count)
    }
}
