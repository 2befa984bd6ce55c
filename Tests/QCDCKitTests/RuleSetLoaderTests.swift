import Foundation
import Testing
import QCDCTestSupport
@testable import QCDCKit

private let base = """
id: t
version: "1"
title: {vi: t, en: t}
facts:
  a.n: {type: integer, label: {vi: n, en: n}}
categories:
  c: {name: {vi: c, en: c}}
"""

private func rule(_ body: String) -> String {
    base + "\nrules:\n  - id: R-1\n    title: {vi: r, en: r}\n    basis: [{kind: law, strength: primary, document: \"10/2022/QH15\"}]\n"
        + "    applies_to: [commune]\n    severity: error\n    category: c\n    message: {vi: m, en: m}\n"
        + "    examples: [{status: pass, report: {a: {n: 1}}}, {status: fail, report: {a: {n: 0}}}]\n" + body
}

@Suite("Rule-set loading and validation")
struct RuleSetLoaderTests {
    @Test func validRuleSetLoads() throws {
        let (rs, d) = ruleSet(rule("    expect: a.n >= 1\n"))
        let r = try #require(rs, "\(d)")
        #expect(r.rules.map(\.id) == ["R-1"])
        #expect(r.sources.first?.sha256.count == 64)
    }

    @Test func everyErrorIsReportedAndLocated() {
        let (rs, d) = ruleSet(rule("    expect: a.nn >= 1\n    severty: error\n    applies_to: [comune]\n"))
        #expect(rs == nil)
        let codes = Set(d.map(\.code))
        #expect(codes.contains("ruleset.unknown_key"))
        #expect(codes.contains("expression.type"))
        let unknown = d.first { $0.code == "ruleset.unknown_key" }!
        #expect(unknown.location.line == 18 && unknown.location.column == 5)
        #expect(unknown.notes.first == "did you mean 'severity'?")
        let expr = d.first { $0.code == "expression.type" }!
        #expect(expr.location.line == 17 && expr.location.column == 13)
    }

    @Test func expressionColumnsInQuotedScalars() {
        let (_, d) = ruleSet(rule("    expect: 'a.n >= 1 and b.x'\n"))
        let e = d.first { $0.code == "expression.type" }
        #expect(e?.location.column == 27)
    }

    @Test func unknownPlaceholder() {
        let text = rule("    expect: a.n >= 1\n").replacingOccurrences(of: "message: {vi: m, en: m}", with: "message: {vi: \"{actul}\", en: m}")
        let (_, d) = ruleSet(text)
        #expect(d.first { $0.code == "ruleset.unknown_placeholder" }?.notes.first == "did you mean 'actual'?")
    }

    @Test func bilingualIsRequired() {
        let (_, d) = ruleSet(rule("    expect: a.n >= 1\n").replacingOccurrences(of: "title: {vi: r, en: r}", with: "title: chỉ tiếng Việt"))
        #expect(d.contains { $0.code == "ruleset.not_bilingual" })
    }

    @Test func examplesMustCoverPassAndFail() throws {
        let text = rule("    expect: a.n >= 1\n").replacingOccurrences(of: ", {status: fail, report: {a: {n: 0}}}", with: "")
        let (rs, d) = ruleSet(text)
        let r = try #require(rs, "\(d)")
        let (diags, _) = RuleLinter.lint(r)
        #expect(diags.first?.code == "ruleset.examples_incomplete")
    }

    @Test func exampleThatGivesAnotherStatusIsAnError() throws {
        let text = rule("    expect: a.n >= 2\n")
        let (rs, _) = ruleSet(text)
        let (diags, outcomes) = RuleLinter.lint(try #require(rs))
        #expect(outcomes.filter { !$0.passed }.count == 1)
        #expect(diags.first?.code == "ruleset.example_failed")
        #expect(diags.first?.location.line == 16)
    }

    @Test func extendsCycleIsLocated() throws {
        let dir = try temporaryDirectory()
        try Data("id: a\nversion: \"1\"\ntitle: {vi: a, en: a}\nextends: [b.yaml]\n".utf8).write(to: dir.appendingPathComponent("a.yaml"))
        try Data("id: b\nversion: \"1\"\ntitle: {vi: b, en: b}\nextends: [a.yaml]\n".utf8).write(to: dir.appendingPathComponent("b.yaml"))
        let (rs, d) = RuleSetLoader().load(paths: [dir.appendingPathComponent("a.yaml").path])
        #expect(rs == nil)
        let cycle = try #require(d.first { $0.code == "ruleset.extends_cycle" })
        #expect(cycle.location.file.hasSuffix("b.yaml"))
        #expect(cycle.location.line == 4 && cycle.location.column == 11)
    }

    @Test func overrideErrorsAreLocated() {
        let overlay = """
        id: o
        version: "1"
        title: {vi: o, en: o}
        extends: [vn.national]
        overrides:
          - {rule: TTND-C9, severity: warning}
          - {rule: TTND-C1, params: {min_members: "seven"}}
          - {rule: TTND-C1, params: {max_members: 9}}
        """
        let (rs, d) = ruleSet(overlay)
        #expect(rs == nil)
        let unknown = d.first { $0.code == "ruleset.unknown_rule" }
        #expect(unknown?.location.line == 6)
        #expect(unknown?.notes.first == "did you mean 'TTND-C1'?")
        #expect(d.first { $0.code == "ruleset.parameter_type" }?.location.line == 7)
        #expect(d.first { $0.code == "ruleset.unknown_parameter" }?.location.line == 8)
    }

    @Test func builtinRulesAreValidAndEmbeddedCopyIsFresh() throws {
        // The build embeds rules/ (the EmbedRules plugin): the embedded copy is the files on disk.
        let rulesDir = packageRoot.appendingPathComponent("rules")
        let e = FileManager.default.enumerator(atPath: rulesDir.path)!
        var onDisk: [String: String] = [:]
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".yaml") else { continue }
            onDisk["rules/" + rel] = try String(contentsOf: rulesDir.appendingPathComponent(rel), encoding: .utf8)
        }
        #expect(Set(onDisk.keys) == Set(BuiltinRules.files.keys))
        for (k, v) in onDisk {
            #expect(BuiltinRules.files[k] == v, "\(k): the embedded copy differs from the file")
        }
        #expect(builtin.rules.count >= 10)
        #expect(Set(builtin.rules.flatMap(\.appliesTo)).count >= 4)
    }

    @Test func builtinIDIndexMatchesAFullRead() {
        // `pathsByID` reads each file's `id:` line instead of composing it: check it against the
        // composed documents, for every built-in file.
        var composed: [String: String] = [:]
        for (path, text) in BuiltinRules.files {
            if let id = YAMLComposer().compose(Array(text.utf8), file: path).node?["id"]?.scalarText { composed[id] = path }
        }
        #expect(composed.count == BuiltinRules.files.count)
        #expect(BuiltinRules.pathsByID == composed)
        #expect(BuiltinRules.topLevelID("title: x\nid: a.b # note\n") == "a.b")
        #expect(BuiltinRules.topLevelID("  id: nested\n") == nil)
    }
}

@Suite("Every example of every built-in rule")
struct RuleExampleTests {
    static let rules = builtin.rules.map(\.id)

    @Test(arguments: rules)
    func examplesGiveTheirDeclaredStatus(_ id: String) throws {
        let rule = try #require(builtin.rule(id))
        let statuses = Set(rule.examples.map(\.expected))
        if rule.isMetric {
            #expect(statuses.contains(.pass) && statuses.contains(.missing) && !statuses.contains(.fail), "\(id) is a metric")
        } else {
            #expect(statuses.contains(.pass) && statuses.contains(.fail), "\(id) needs a passing and a failing example")
        }
        for o in ExampleRunner.run(builtin, rule: rule) {
            #expect(o.diagnostics.isEmpty, "\(o.example.location): \(o.diagnostics)")
            #expect(o.actual == o.example.expected,
                    "\(o.example.location) \(o.example.name?.en ?? ""): expected \(o.example.expected), got \(String(describing: o.actual)) (\(o.result?.actual ?? "-") vs \(o.result?.expected ?? "-"))")
        }
    }

    /// A failing finding names values, in both languages: never a bare `true`/`false`, an operator
    /// where a number belongs ("at least >= 2"), or a placeholder left unfilled.
    @Test(arguments: [Language.vi, .en])
    func failingMessagesNameValues(_ lang: Language) {
        for rule in builtin.rules {
            for o in ExampleRunner.run(builtin, rule: rule) where o.actual == .fail {
                let m = o.result?.message(lang) ?? ""
                let at = "\(o.example.location) \(o.example.name?.en ?? ""): \(m)"
                #expect(!m.contains("{") && !m.contains("}"), "\(at)")
                #expect(m.range(of: #"\b(true|false)\b"#, options: .regularExpression) == nil, "\(at)")
                #expect(m.range(of: #"(at least|ít nhất|tối thiểu|at most|tối đa) *[<>=]"#, options: .regularExpression) == nil, "\(at)")
            }
        }
    }

    /// `rules/README.md` lists every rule of the library with its kind and strength, and no other.
    @Test func rulesReadmeTableMatchesTheLibrary() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("rules/README.md"), encoding: .utf8)
        var rows: [String: (kind: String, strength: String)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 8, ["error", "warning", "info"].contains(cells[1]) else { continue }
            rows[cells[0]] = (cells[2], cells[3])
        }
        let (overlay, d) = RuleSetLoader().load(paths: [packageRoot.appendingPathComponent("rules/overlays/lam-dong.yaml").path])
        // National rules as the national set has them; the overlay's own rules as it has them.
        let national = Set(builtin.rules.map(\.id))
        let all = builtin.rules + (try #require(overlay, "\(d)")).rules.filter { !national.contains($0.id) }
        #expect(Set(rows.keys) == Set(all.map(\.id)))
        for r in all {
            #expect(rows[r.id]?.kind == r.kind.rawValue, "\(r.id) kind")
            #expect(rows[r.id]?.strength == r.strength.rawValue, "\(r.id) strength")
        }
    }

    @Test func everyRuleCitesItsBasisBilingually() {
        for r in builtin.rules {
            #expect(!r.basis.isEmpty, "\(r.id)")
            #expect(!r.title.vi.isEmpty && !r.title.en.isEmpty && r.title.vi != r.title.en, "\(r.id)")
            #expect(!r.message.vi.isEmpty && !r.message.en.isEmpty, "\(r.id)")
        }
        // Party and provincial targets are policy, never law; one-stop service was a legal duty.
        #expect(builtin.rule("POL-DV-01")?.kind == .policy)
        #expect(builtin.rule("MC-03")?.kind == .law)
        #expect(builtin.rule("DIAL-01")?.kind == .law)
        // Withdrawn or moved: a provincial directive has no place in the national set.
        #expect(builtin.rule("POL-TD-01") == nil && builtin.rule("POL-MC-01") == nil && builtin.rule("HG-02") == nil)
        // Every citation says how strong it is.
        for r in builtin.rules { #expect(r.basis.allSatisfy { !$0.document.isEmpty }, "\(r.id)") }
    }
}
