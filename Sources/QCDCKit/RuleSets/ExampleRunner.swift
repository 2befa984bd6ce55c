/// What one of a rule's examples gave when it was run.
public struct ExampleOutcome: Sendable {
    /// The rule, with the parameters its own file declares (an overlay's overrides left out).
    public var rule: Rule
    /// The example.
    public var example: RuleExample
    /// The status the example gave, or nil when its report fragment is invalid.
    public var actual: RuleStatus?
    /// The full result, or nil when the example's report fragment is invalid.
    public var result: RuleResult?
    /// Problems with the example's report fragment (an unknown field is an error here).
    public var diagnostics: [Diagnostic]
    /// Whether the example gave the status it declares.
    public var passed: Bool { actual == example.expected }
}

/// Runs the examples every rule carries (SwiftLint-style: the examples are the
/// rule's tests and its documentation).
package enum ExampleRunner {
    /// The period an example is judged on when it gives none: the calendar year
    /// in which the rule comes into force (or 2026 when it has no start).
    static func defaultPeriod(for rule: Rule) -> Period {
        if let from = rule.inForce.from { return .year(from.year) }
        if let until = rule.inForce.until { return .year(until.year) }
        return .year(2026)
    }

    package static func run(_ ruleSet: RuleSet, rule overridden: Rule) -> [ExampleOutcome] {
        // Examples document the rule as its own file writes it, before any overlay's overrides.
        var rule = overridden
        rule.parameters = overridden.declaredParameters
        let reader = ReportReader(ruleSet: ruleSet)
        let engine = Engine(ruleSet: ruleSet)
        return rule.examples.map { ex in
            var diags: [Diagnostic] = []
            let facts = reader.readFacts(ex.facts, file: ex.location.file, skipReserved: false, into: &diags)
            // Warnings about unknown fields in an example are errors: the example would test nothing.
            diags = diags.map { d in
                var d = d
                if d.code == DiagnosticCode(.report, "unknown_field") { d.severity = .error }
                return d
            }
            if diags.contains(where: { $0.severity == .error }) {
                return ExampleOutcome(rule: rule, example: ex, actual: nil, result: nil, diagnostics: diags)
            }
            let kind = ex.kind ?? rule.appliesTo.first ?? .commune
            let report = UnitReport(file: ex.location.file,
                                    unit: UnitInfo(code: "EXAMPLE", name: "example", kind: kind, parent: nil, subtype: nil),
                                    period: ex.period ?? defaultPeriod(for: rule), facts: facts)
            let r = engine.evaluate(rule, on: report)
            return ExampleOutcome(rule: rule, example: ex, actual: r.status, result: r, diagnostics: diags)
        }
    }

    package static func runAll(_ ruleSet: RuleSet) -> [ExampleOutcome] {
        ruleSet.rules.flatMap { run(ruleSet, rule: $0) }
    }
}

/// Checks a loaded rule set beyond what loading checks: every rule has a
/// passing and a failing example, and every example gives the status it declares.
public enum RuleLinter {
    /// Checks every rule: a passing and a failing example (for a metric, a passing and a missing one
    /// and no failing one), at least one citation, and every example giving the status it declares.
    /// Returns the problems, sorted, and every example's outcome.
    public static func lint(_ ruleSet: RuleSet) -> (diagnostics: [Diagnostic], outcomes: [ExampleOutcome]) {
        var diags: [Diagnostic] = []
        var outcomes: [ExampleOutcome] = []
        for rule in ruleSet.rules {
            let statuses = Set(rule.examples.map(\.expected))
            if rule.isMetric {
                if !statuses.contains(.pass) || !statuses.contains(.missing) {
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "examples_incomplete"), .metricNeedsExamples(rule.id),
                                            at: rule.location, notes: [.addMetricExamples]))
                }
                if statuses.contains(.fail) {
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "invalid_value"), .metricFailingExample(rule.id),
                                            at: rule.location, notes: [.removeMetric]))
                }
            } else if !statuses.contains(.pass) || !statuses.contains(.fail) {
                diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "examples_incomplete"), .ruleNeedsExamples(rule.id),
                                        at: rule.location, notes: [.addExamples]))
            }
            if rule.basis.isEmpty {
                diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "missing_basis"), .ruleCitesNothing(rule.id), at: rule.location))
            }
            let results = ExampleRunner.run(ruleSet, rule: rule)
            outcomes += results
            for o in results {
                diags += o.diagnostics.filter { $0.severity == .error }
                if o.actual != nil, !o.passed {
                    var notes: [Message] = []
                    if let r = o.result {
                        if let a = r.actual { notes.append(.exampleActual(a)) }
                        if let e = r.expected { notes.append(.exampleExpected(e)) }
                        if let why = r.reasonMessage { notes.append(why) }
                        if !r.missingFacts.isEmpty { notes.append(.exampleMissing(r.missingFacts)) }
                    }
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "example_failed"),
                        .exampleGivesOther(name: o.example.name, rule: rule.id, expected: o.example.expected, actual: o.actual!),
                        at: o.example.location, notes: notes))
                }
            }
        }
        return (diags.sorted(), outcomes)
    }
}
