/// `qcdc rules list`: the rules that apply to a unit kind on a date.
package enum RuleCatalog {
    /// The formats of `rules list`.
    package enum Format: String, Sendable, CaseIterable {
        case text, json

        package func render(_ rules: [Rule], ruleSet: RuleSet, lang: Language) -> String {
            switch self {
            case .text: RuleCatalog.text(rules, lang: lang)
            case .json: RuleCatalog.json(rules, ruleSet: ruleSet, lang: lang)
            }
        }
    }

    package static func select(_ ruleSet: RuleSet, kind: UnitKind?, at date: Day?) -> [Rule] {
        ruleSet.rules.filter { r in
            !r.disabled && (kind.map { r.appliesTo.contains($0) } ?? true) && (date.map { r.inForce.contains($0) } ?? true)
        }
    }

    package static func text(_ rules: [Rule], lang: Language) -> String {
        let l = Localizer(lang)
        var rows: [[String]] = [[l(.listHeaderID), l(.listHeaderSeverity), l(.listHeaderKind), l(.listHeaderStrength),
                                 l(.listHeaderCategory), l(.listHeaderInForce), l(.listHeaderTitle)]]
        for r in rules {
            rows.append([r.id, l.severity(r.severity), l.kind(r.kind), l.strength(r.strength), r.category,
                         "\(r.inForce.from?.description ?? "…")..\(r.inForce.until?.description ?? "…")", r.title.text(lang)])
        }
        let last = rows[0].count - 1
        let widths = (0..<last).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for c in 0..<last { line += row[c].padding(toLength: widths[c] + 2, withPad: " ", startingAt: 0) }
            out += line + row[last] + "\n"
        }
        out += l(.ruleCount(rules.count)) + "\n"
        return out
    }

    package static func json(_ rules: [Rule], ruleSet: RuleSet, lang: Language) -> String {
        JSON.object([
            ("tool", .object([("name", .string("qcdc")), ("version", .string(QCDC.version))])),
            ("rules", .array(rules.map { r in
                .object([
                    ("id", .string(r.id)),
                    ("title", .object([("vi", .string(r.title.vi)), ("en", .string(r.title.en))])),
                    ("severity", .string(r.severity.rawValue)),
                    ("kind", .string(r.kind.rawValue)),
                    ("strength", .string(r.strength.rawValue)),
                    ("category", .string(r.category)),
                    ("weight", .double(r.weight)),
                    ("applies_to", .array(r.appliesTo.map { .string($0.rawValue) })),
                    ("in_force", .object([("from", .optional(r.inForce.from?.description)), ("until", .optional(r.inForce.until?.description))])),
                    ("basis", .array(r.basis.map { .string($0.short(lang)) })),
                    ("facts", .array(r.factsRead.map { .string($0) })),
                    ("rule_set", .string(r.ruleSet)),
                    ("location", .object([("file", .string(r.location.file)), ("line", .int(r.location.line)), ("column", .int(r.location.column))])),
                ])
            })),
        ]).rendered()
    }
}

/// `qcdc rules test`: per-rule example results and example coverage (like `opa test --coverage`).
package struct RuleTestReport: Sendable {
    package struct Entry: Sendable {
        package var rule: Rule
        package var outcomes: [ExampleOutcome]
        package var passed: Bool { outcomes.allSatisfy(\.passed) }
        /// Has both a passing and a failing example; a metric (which never fails) has a passing and a
        /// missing-evidence one instead.
        package var covered: Bool {
            let s = Set(rule.examples.map(\.expected))
            return s.contains(.pass) && s.contains(rule.isMetric ? .missing : .fail)
        }
    }
    package var entries: [Entry]

    package init(_ ruleSet: RuleSet) {
        entries = ruleSet.rules.map { Entry(rule: $0, outcomes: ExampleRunner.run(ruleSet, rule: $0)) }
    }

    package var allPassed: Bool { entries.allSatisfy(\.passed) }
    package var coverage: Double { entries.isEmpty ? 1 : Double(entries.filter(\.covered).count) / Double(entries.count) }

    package func text(lang: Language) -> String {
        let l = Localizer(lang)
        var out = ""
        for e in entries {
            let n = e.outcomes.count
            var line = "\(l(e.passed ? .testPass : .testFail))  \(e.rule.id.padding(toLength: 12, withPad: " ", startingAt: 0)) "
                + l(.testExamples(passed: e.outcomes.filter(\.passed).count, total: n))
            if !e.covered { line += "  " + l(e.rule.isMetric ? .metricLacksExamples : .ruleLacksExamples) }
            out += line + "\n"
            for o in e.outcomes where !o.passed {
                let got = o.actual?.rawValue ?? l(.invalidExampleReport)
                out += "      \(o.example.location): \(o.example.name?.text(lang) ?? "") \(l(.exampleExpectedGot(o.example.expected.rawValue, got)))\n"
                for d in o.diagnostics { out += "      " + d.text(lang) + "\n" }
            }
        }
        let total = entries.reduce(0) { $0 + $1.outcomes.count }
        let passed = entries.reduce(0) { $0 + $1.outcomes.filter(\.passed).count }
        let covered = entries.filter(\.covered).count
        out += "\n" + l(.examplesTotal(passed: passed, failed: total - passed)) + "\n"
        out += l(.coverage(covered, of: entries.count, percent: Value.format(coverage * 100, digits: 1))) + "\n"
        return out
    }
}
