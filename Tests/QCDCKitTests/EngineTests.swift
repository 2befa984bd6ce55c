import Foundation
import Testing
@testable import QCDCKit

private func results(_ yaml: String) -> [String: RuleResult] {
    let (r, d) = report(yaml, builtin)
    precondition(r != nil, "\(d)")
    return Dictionary(uniqueKeysWithValues: Engine(ruleSet: builtin).evaluate(r!).map { ($0.rule.id, $0) })
}

private let header = "unit: {code: \"00007\", name: X, kind: commune}\nperiod: {year: 2026}\n"

@Suite("Engine statuses")
struct EngineTests {
    @Test func everyRuleGivesExactlyOneResult() {
        let r = results(header)
        #expect(r.count == builtin.rules.count)
    }

    @Test func pass() {
        let r = results(header + "peoples_inspection_board: {members: 6}\ncommunity_conferences: {villages: 6}\n")
        #expect(r["TTND-C1"]?.status == .pass)
        #expect(r["TTND-C1"]?.actual == "6")
        #expect(r["TTND-C1"]?.expected == ">= 6")
        #expect(r["TTND-C1"]?.location.line == 3)
        #expect(r["TTND-C1"]?.location.path == "peoples_inspection_board.members")
    }

    @Test func failPointsAtTheValue() {
        let r = results(header + "peoples_inspection_board:\n  members: 4\ncommunity_conferences: {villages: 3}\n")
        let f = r["TTND-C1"]!
        #expect(f.status == .fail)
        #expect(f.actual == "4" && f.expected == "5")
        #expect((f.location.line, f.location.column) == (4, 12))
        #expect(f.message == "The People's Inspection Board has 4 members for 3 villages and residential groups; required 5.")
    }

    @Test func missingPointsAtTheParentMapping() {
        let r = results(header + "community_conferences:\n  villages: 12\n")
        let m = r["CD-01"]!
        #expect(m.status == .missing)
        #expect(m.missingFacts == ["community_conferences.held"])
        #expect((m.location.line, m.location.column) == (4, 3))
        #expect(m.message.hasPrefix("missing evidence: "))
        // An absent group: the document root.
        #expect(r["TTND-C1"]?.status == .missing)
        #expect(r["TTND-C1"]?.location.line == 1)
    }

    @Test func aFactMissingTwiceIsNamedOnceWithItsLabel() throws {
        let (rs, d) = ruleSet("""
        id: t
        version: "1"
        title: {vi: t, en: t}
        facts:
          g.a: {type: integer, label: {vi: Số A, en: A count}}
          g.b: {type: integer, label: {vi: Số B, en: B count}}
        categories: {c: {name: {vi: c, en: c}}}
        rules:
          - id: ONE
            title: {vi: r, en: r}
            basis: [{kind: law, strength: unverified, document: "1/2020/QH14"}]
            applies_to: [commune]
            severity: error
            category: c
            expect: g.a > 0 or g.a < -5
            message: {vi: m, en: m}
            examples: [{status: pass, report: {g: {a: 1}}}, {status: missing, report: {g: {b: 1}}}]
          - id: TWO
            title: {vi: r, en: r}
            basis: [{kind: law, strength: unverified, document: "1/2020/QH14"}]
            applies_to: [commune]
            severity: error
            category: c
            expect: g.b > 0 or g.a + g.b > 1 or g.a > 2
            message: {vi: m, en: m}
            examples: [{status: pass, report: {g: {b: 1}}}, {status: missing, report: {g: {}}}]
        """)
        let rules = try #require(rs, "\(d)")
        let (r, rd) = report("unit: {code: \"1\", name: X, kind: commune}\nperiod: {year: 2026}\ng:\n  c: 1\n", rules)
        let results = Engine(ruleSet: rules).evaluate(try #require(r, "\(rd)"))
        func names(_ r: RuleResult) -> [FactName] { if case .missing(let n) = r.explanation { n } else { [] } }
        // `g.a` is found missing twice: named once.
        #expect(results[0].status == .missing)
        #expect(results[0].missingFacts == ["g.a"])
        #expect(names(results[0]).map(\.path) == ["g.a"])
        #expect(names(results[0]).map { $0.label?.en } == ["A count"])
        // Three lookups of two facts: each named once, in the order found, with its label.
        #expect(results[1].missingFacts == ["g.b", "g.a"])
        #expect(names(results[1]).map { $0.label?.vi } == ["Số B", "Số A"])
        // Written where the group is.
        #expect(results[1].location.line == 4 && results[0].location.line == 4)
    }

    @Test func notApplicableByKindDatesAndWhen() {
        let r = results(header + "community_conferences: {villages: 0}\n")
        #expect(r["DN-01"]?.status == .notApplicable)               // kind
        #expect(r["DN-01"]?.reason?.contains("unit kind") == true)
        #expect(r["TCD-03"]?.status == .notApplicable)              // district rule
        #expect(r["CD-01"]?.status == .notApplicable)               // when: villages > 0
        let old = results("unit: {code: \"1\", name: X, kind: commune}\nperiod: {from: 2025-01-01, to: 2025-02-28}\n")
        #expect(old["DIAL-01"]?.status == .notApplicable)           // dates: before LOLG 65/2025 (1 March 2025)
        #expect(old["DIAL-01"]?.reason?.contains("not in force") == true)
    }

    @Test func errorStatusForDivisionByZero() throws {
        let (rs, d) = ruleSet("""
        id: t
        version: "1"
        title: {vi: t, en: t}
        facts:
          a: {type: integer, label: {vi: a, en: a}}
          b: {type: integer, label: {vi: b, en: b}}
        categories: {c: {name: {vi: c, en: c}}}
        rules:
          - id: R
            title: {vi: r, en: r}
            basis: [{kind: law, strength: unverified, document: "1/2020/QH14"}]
            applies_to: [commune]
            severity: error
            category: c
            expect: a / b >= 1
            message: {vi: m, en: m}
            examples: [{status: pass, report: {a: 1, b: 1}}, {status: fail, report: {a: 0, b: 1}}, {status: error, report: {a: 1, b: 0}}]
        """)
        let rules = try #require(rs, "\(d)")
        let outcomes = ExampleRunner.runAll(rules)
        #expect(outcomes.count == 3)
        #expect(outcomes.allSatisfy { $0.passed })
        #expect(outcomes[2].result?.reason?.contains("division by zero") == true)
    }

    @Test func partialWindowSplitsTheYear() {
        // Weekly January-June (every Tuesday but the Tết holiday), then one day a month in July-November.
        var days: [String] = []
        var d = Day(iso: "2026-01-06")!
        while d <= Day(iso: "2026-06-30")! { if d != Day(iso: "2026-02-17")! { days.append(d.description) }; d = d.advanced(by: 7) }
        days += ["2026-07-07", "2026-08-04", "2026-09-08", "2026-10-06", "2026-11-03"]
        let list = days.map { "    - {date: \($0)}" }.joined(separator: "\n")
        let r = results(header + "citizen_reception:\n  leader_days:\n" + list + "\n")
        let a = r["TCD-01A"]!, b = r["TCD-01B"]!
        #expect(a.status == .pass)
        #expect(a.window == Period(start: Day(iso: "2026-01-01")!, end: Day(iso: "2026-06-30")!))
        #expect(a.actual == "1" && a.expected == ">= 1")
        #expect(b.status == .fail)
        #expect(b.window == Period(start: Day(iso: "2026-07-01")!, end: Day(iso: "2026-12-31")!))
        #expect(b.expected == ">= 2")
        #expect(b.actual?.hasPrefix("0 (2026-07: 1, 2026-08: 1, 2026-09: 1, 2026-10: 1, 2026-11: 1, 2026-12: 0)") == true, "\(b.actual ?? "")")
        #expect(b.shortfall == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
        #expect(b.location.line == 5)   // the list, not a record
    }

    @Test func weeksWithoutAReceptionAreNamed() {
        let r = results(header + "citizen_reception:\n  leader_days:\n    - {date: 2026-01-06}\n    - {date: 2026-01-07}\n")
        let a = r["TCD-01A"]!
        #expect(a.status == .fail)
        #expect(a.shortfall.first == "2026-W03")
        // Whole ISO weeks in Jan–Jun 2026 are W02–W26 (W01 starts in 2025, W27 ends in July): 25,
        // less the Tết week W08 (no working day), less W02 when the chair received: 23.
        #expect(a.shortfall.count == 23)
        #expect(!a.shortfall.contains("2026-W08") && !a.shortfall.contains("2026-W01") && !a.shortfall.contains("2026-W27"))
        #expect(a.message.contains("did not personally receive citizens: 23 (2026-W03, 2026-W04"))
    }

    @Test func overlaysOverrideAndDisable() throws {
        let dir = packageRoot.appendingPathComponent("rules/national/communes.yaml").path
        let (rs, d) = ruleSet("""
        id: test.overlay
        version: "1"
        title: {vi: t, en: t}
        extends: [\(dir)]
        overrides:
          - {rule: TTND-C1, params: {min_members: 7}, severity: warning, basis: [{kind: policy, strength: secondary, document: "KH-01 (tỉnh)"}]}
          - {rule: DIAL-02, disabled: true}
        """)
        let rules = try #require(rs, "\(d)")
        #expect(rules.rule("TTND-C1")?.severity == .warning)
        // The raised threshold is the province's, not the law's: the rule is now policy and cites it.
        #expect(rules.rule("TTND-C1")?.kind == .policy)
        #expect(rules.rule("TTND-C1")?.basis.last?.document == "KH-01 (tỉnh)")
        #expect(rules.rule("DIAL-02")?.disabled == true)
        let (r, _) = report(header + "peoples_inspection_board: {members: 6}\ncommunity_conferences: {villages: 3}\n", rules)
        let res = Engine(ruleSet: rules).evaluate(r!)
        #expect(res.first { $0.rule.id == "TTND-C1" }?.status == .fail)
        #expect(!res.contains { $0.rule.id == "DIAL-02" })
    }

    @Test func anOverrideThatChangesAThresholdMustCiteItsSource() {
        let dir = packageRoot.appendingPathComponent("rules/national/communes.yaml").path
        let (rs, d) = ruleSet("""
        id: test.overlay
        version: "1"
        title: {vi: t, en: t}
        extends: [\(dir)]
        overrides:
          - {rule: TTND-C1, params: {min_members: 7}}
          - {rule: DIAL-02, severity: info, basis: [{kind: policy, strength: secondary, document: X}]}
        """)
        #expect(rs == nil)
        #expect(d.contains { $0.code == "ruleset.missing_key" && $0.message.contains("changes its parameters but cites no basis") && $0.location.line == 6 })
        #expect(d.contains { $0.code == "ruleset.invalid_value" && $0.message.contains("this override changes none") && $0.location.line == 7 })
    }
}

/// A rule set compiles its rules' programs once (`RulePrograms`); a changed rule is compiled
/// again, whether it changes inside the rule set or is handed to the engine on its own.
@Suite("Compiled programs follow the rules")
struct CompiledProgramTests {
    @Test func aChangedParameterIsCompiledAgain() throws {
        let (parsed, d) = report(header + "peoples_inspection_board: {members: 5}\ncommunity_conferences: {villages: 3}\n", builtin)
        let r = try #require(parsed, "\(d)")
        func status(_ rs: RuleSet) -> RuleStatus? { Engine(ruleSet: rs).evaluate(r).first { $0.rule.id == "TTND-C1" }?.status }
        #expect(status(builtin) == .pass)
        var changed = builtin
        let i = try #require(changed.index(of: "TTND-C1"))
        changed.rules[i].parameters["min_members"]?.value = .int(4)
        #expect(status(changed) == .fail)          // 3 villages, below 4: exactly 4 members
        #expect(status(builtin) == .pass)          // the original set is untouched
        // A rule changed outside the set is compiled when it is evaluated, not read from the set.
        #expect(Engine(ruleSet: builtin).evaluate(changed.rules[i], on: r).status == .fail)
        #expect(Engine(ruleSet: builtin).evaluate(builtin.rules[i], on: r).status == .pass)
    }
}

@Suite("Culprits from what is recorded")
struct CulpritRecordTests {
    /// A requirement is compiled to record only the outcomes its culprit can read
    /// (`Culprit.read`). For every built-in rule on every example report, the culprit found from
    /// those is the one found from every outcome: if `Culprit.find` came to read another node,
    /// this fails.
    @Test func theCulpritReadsOnlyWhatIsRecorded() throws {
        let dir = packageRoot.appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 5)
        var compared = 0
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            guard let r = report(text, builtin, file: file).0 else { continue }
            for rule in builtin.rules where rule.appliesTo.contains(r.unit.kind) {
                guard let window = r.period.intersect(rule.inForce) else { continue }
                var ev = Evaluator(context: EvaluationContext(facts: r.facts, period: window, parameters: [:], reportPeriod: r.period,
                                                              calendar: builtin.calendar))
                ev.startRecording(nodes: rule.expectNodes)
                let program = Program(rule.expect, parameters: rule.parameterValues, slots: builtin.factIndex.slots, nodes: rule.expectNodes)
                guard case .value(let v, _) = ev.evaluate(program) else { continue }
                let all = ev.record
                let passed = if case .bool(true) = v { true } else { false }
                let full = Culprit.find(rule.expect, passed: passed, in: all)
                let kept = Culprit.find(rule.expect, passed: passed, in: all.keeping(Culprit.read(rule.expect)))
                let at = "\(rule.id) on \(file)"
                #expect(full.expected == kept.expected, "\(at)")
                #expect(full.actual == kept.actual, "\(at)")
                #expect(full.origin?.path == kept.origin?.path, "\(at)")
                #expect(full.origin?.mark == kept.origin?.mark, "\(at)")
                #expect(full.shortfall == kept.shortfall, "\(at)")
                #expect(full.flagged.map(\.path) == kept.flagged.map(\.path), "\(at)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }
}

@Suite("Workers with their own copy of the rule set")
struct ReplicaTests {
    /// A long run on several workers gives each its own copy of the rule set, made through the
    /// archive: every rule is a new object, and every report checks as it does on one worker.
    @Test func copiesCheckAsTheOriginalDoes() throws {
        let national = try #require(RuleSetLoader().loadBuiltin().ruleSet)
        var checker = Checker(ruleSet: national, language: .en)
        let copies = checker.replicas(3)
        #expect(copies.count == 3 && copies[0].ruleSet.rules[0].isSame(as: national.rules[0]))
        for copy in copies.dropFirst() {
            #expect(copy.ruleSet.rules.count == national.rules.count)
            #expect(zip(copy.ruleSet.rules, national.rules).allSatisfy { !$0.isSame(as: $1) && $0.id == $1.id })
        }
        let reporter = JSONReporter()
        func run(workers: Int, replicateAfter: Int) -> [[UInt8]] {
            checker.replicateAfter = replicateAfter
            var out: [[UInt8]] = []
            _ = checker.check(paths: ["examples/", "Tests/qcdcTests/Fixtures/"], workers: workers, prepare: { _ in },
                              render: { o, i in reporter.reportUTF8(o, index: i, language: .en) }, each: { _, r in out.append(r) })
            return out
        }
        let one = run(workers: 1, replicateAfter: .max)
        #expect(one.count > 20)
        #expect(run(workers: 3, replicateAfter: 0) == one)
        #expect(run(workers: 2, replicateAfter: 0) == one)
    }
}
