/// Evaluates rules against reports.
///
/// Every rule in the rule set gives exactly one result per report:
/// `not_applicable` when the unit kind, the dates in force or the `when`
/// condition exclude it; else `pass`, `fail`, `missing` or `error` from `expect`.
/// Results are language-neutral (``Explanation``); reporters render them.
public struct Engine: Sendable {
    /// The rule set whose rules are evaluated.
    public let ruleSet: RuleSet
    /// `maxEvaluationSteps` bounds each rule's evaluation on each report (on each calendar year,
    /// for a report judged year by year).
    public var limits: LoadLimits

    /// An engine for the rules of `ruleSet`, bounded by `limits`.
    public init(ruleSet: RuleSet, limits: LoadLimits = .default) {
        self.ruleSet = ruleSet
        self.limits = limits
    }

    /// All results for a report, in rule-id order (disabled rules are left out).
    public func evaluate(_ report: UnitReport) -> [RuleResult] {
        // One evaluator for the whole report, reset per rule and window: making and dropping one
        // per rule (a copy of the report's facts, the calendar and the parameters each time) was
        // 4% of a run.
        var ev = evaluator(for: report)
        var results: [RuleResult] = []
        results.reserveCapacity(ruleSet.rules.count)
        let programs = ruleSet.programs, rules = ruleSet.rules
        // The evaluation record made once, as large as the largest rule needs: grown as
        // rules needed more, it was made two or three times a report.
        ev.startRecording(nodes: programs.maxNodes)
        let kind = report.unit.kind.bit
        let perYear = report.period.isLongerThanAYear
        for i in rules.indices where !programs.disabled[i] {
            // Filled in place in the array: returned and appended, each result was copied.
            results.append(startingResult(rules[i], on: report))
            // Not for this kind of unit (half the rules, for most reports): nothing to fetch.
            guard programs.kinds[i] & kind != 0 else { continue }
            _ = evaluate(rules[i], (programs.when[i], programs.expect[i]), on: report, perYear: perYear, tracing: false, using: &ev,
                         into: &results[results.count - 1])
        }
        return results
    }

    /// The result of one rule on one report.
    public func evaluate(_ rule: Rule, on report: UnitReport, tracing: Bool = false) -> RuleResult {
        evaluateTraced(rule, on: report, tracing: tracing).result
    }

    /// Like ``evaluate(_:on:tracing:)``, also returning every sub-expression's value.
    package func evaluateTraced(_ rule: Rule, on report: UnitReport, tracing: Bool) -> (result: RuleResult, trace: [TraceStep]) {
        var ev = evaluator(for: report)
        var result = startingResult(rule, on: report)
        guard rule.appliesTo.contains(report.unit.kind) else { return (result, []) }
        let trace = evaluate(rule, programs(of: rule), on: report, perYear: report.period.isLongerThanAYear, tracing: tracing,
                             using: &ev, into: &result)
        return (result, trace)
    }

    /// `rule`'s conditions compiled: the rule set's when the rule is one of its rules, else
    /// compiled now.
    private func programs(of rule: Rule) -> (when: Program?, expect: Program) {
        if let i = ruleSet.index(of: rule.id), let compiled = ruleSet.programs.programs(i, for: rule) { return compiled }
        return rule.programs(slots: ruleSet.factIndex.slots)
    }

    /// A rule's result before it is evaluated: not applicable to the unit's kind, at the
    /// report's root.
    private func startingResult(_ rule: Rule, on report: UnitReport) -> RuleResult {
        RuleResult(rule: rule, status: .notApplicable, explanation: .notApplicable(.kind(report.unit.kind)),
                   location: FindingLocation(file: report.file, mark: report.facts.root, path: ""))
    }

    /// An evaluator over `report`'s facts, for ``evaluateWindow`` to reset per rule and window.
    private func evaluator(for report: UnitReport) -> Evaluator {
        let context = EvaluationContext(facts: report.facts, period: report.period, parameters: [:],
                                        reportPeriod: report.period, calendar: ruleSet.calendar)
        return Evaluator(context: context, budget: limits.maxEvaluationSteps)
    }

    /// Evaluates `rule`, which applies to the report's kind of unit (the callers check), into `result`
    /// (``startingResult(_:on:)``), returning the trace. `perYear`: the report is longer than a
    /// year (worked out once per report, by the calendar).
    private func evaluate(_ rule: Rule, _ programs: (when: Program?, expect: Program), on report: UnitReport, perYear: Bool,
                          tracing: Bool, using ev: inout Evaluator, into result: inout RuleResult) -> [TraceStep] {
        guard let window = report.period.intersect(rule.inForce) else {
            result.explanation = .notApplicable(.notInForce(rule.inForce))
            return []
        }
        // A report longer than a year is judged per calendar year: a yearly duty must be met
        // every year, not once in the whole period.
        let slices = perYear && rule.perYear ? window.calendarYears : []
        guard slices.count > 1 else {
            return evaluateWindow(rule, programs, on: report, window: window, into: &result, tracing: tracing, using: &ev)
        }
        if let missing = yearlyFiguresMissing(rule, report: report, window: window, base: result) {
            result = missing
            return []
        }
        var worst: (RuleResult, [TraceStep])?
        var flagged: [String: FlaggedRecord] = [:]
        for slice in slices {
            var r = result
            let t = evaluateWindow(rule, programs, on: report, window: slice, into: &r, tracing: tracing, using: &ev)
            for f in r.flagged { flagged[f.path] = f }
            switch r.explanation {
            case .failed(let values, _): r.explanation = .failed(values: values, slice: slice)
            case .unevaluable(let why, _): r.explanation = .unevaluable(why, slice: slice)
            default: break
            }
            if worst == nil || r.status < worst!.0.status { worst = (r, t) }
        }
        var (r, t) = worst!
        if r.status == .pass { r.window = window }
        r.flagged = flagged.values.sorted { ($0.location.line, $0.location.column, $0.path) < ($1.location.line, $1.location.column, $1.path) }
        if r.status == .pass || r.status == .notApplicable { r.flagged = [] }
        result = r
        return t
    }

    /// A multi-year report judged per year that gives a period total the rule reads: missing.
    private func yearlyFiguresMissing(_ rule: Rule, report: UnitReport, window: Period, base: RuleResult) -> RuleResult? {
        let whole = rule.factsRead.filter {
            report.facts.value(at: $0) != nil && (ruleSet.facts[$0].map { $0.fields.isEmpty && $0.scope == .period } ?? false)
        }
        guard !whole.isEmpty else { return nil }
        var result = base
        result.status = .missing
        result.window = window
        result.missingFacts = whole
        result.explanation = .yearlyFiguresMissing(window: window, facts: whole.map { FactName(label: ruleSet.facts[$0]?.label, path: $0) })
        if let first = whole.lazy.compactMap({ report.facts.value(at: $0) }).first {
            result.location = FindingLocation(file: report.file, mark: first.mark, path: first.path)
        }
        return result
    }

    /// Evaluates `when` and `expect` on one window of the report period, writing into `result`
    /// (filled in place: a result holds a dozen references, and copying it showed in profiles).
    private func evaluateWindow(_ rule: Rule, _ programs: (when: Program?, expect: Program), on report: UnitReport, window: Period,
                                into result: inout RuleResult, tracing: Bool, using ev: inout Evaluator) -> [TraceStep] {
        result.window = window
        ev.context.period = window
        ev.reset(tracing: tracing, budget: limits.maxEvaluationSteps)
        // A rule has a `when` program exactly when it has a condition. The condition's text is
        // read only when it excludes the rule: binding the condition copied its whole
        // expression for every rule that has one.
        if let program = programs.when {
            switch ev.evaluate(program) {
            case .value(.bool(false), _):
                result.explanation = .notApplicable(.condition(rule.when?.text ?? ""))
                return ev.trace ?? []
            case .value: break
            case .missing(let m): setMissing(&result, m, report: report); return ev.trace ?? []
            case .failure(let why): setError(&result, why); return ev.trace ?? []
            }
        }
        ev.startRecording(nodes: rule.expectNodes)
        switch ev.evaluate(programs.expect) {
        case .missing(let m): setMissing(&result, m, report: report)
        case .failure(let why): setError(&result, why)
        case .value(let v, _):
            var passed = false
            if case .bool(let b) = v { passed = b }
            judge(&result, passed: passed, rule: rule, report: report, record: ev.record)
        }
        return ev.trace ?? []
    }

    /// A pass or fail, with its culprit: expected and actual values, the location, the flagged
    /// records or the weeks short, and the failure message's values.
    private func judge(_ result: inout RuleResult, passed: Bool, rule: Rule, report: UnitReport, record: EvaluationRecord) {
        result.status = passed ? .pass : .fail
        let culprit = Culprit.find(rule.expect, passed: passed, in: record)
        result.expected = culprit.expected
        result.actual = culprit.actual
        if let origin = culprit.origin {
            result.location = FindingLocation(file: report.file, mark: origin.mark, path: origin.path)
        } else if let first = rule.factsRead.lazy.compactMap({ report.facts.value(at: $0) }).first {
            result.location = FindingLocation(file: report.file, mark: first.mark, path: first.path)
        }
        result.shortfall = culprit.shortfall
        result.flagged = culprit.flagged.map { rec in
            FlaggedRecord(path: rec.path, id: rec.value(of: "id")?.description,
                          location: FindingLocation(file: report.file, mark: rec.mark, path: rec.path))
        }
        guard !passed else {
            result.explanation = .passed
            return
        }
        // Resolve the placeholders the message uses (both languages').
        let names = rule.template.placeholders
        var values: [String: MessageValue] = [:]
        values.reserveCapacity(names.count)
        for name in names {
            switch name {
            case "actual": values[name] = MessageValue(culprit.actual ?? "")
            case "expected": values[name] = MessageValue(culprit.expected ?? "")
            case "count_failed": values[name] = .text(String(result.flagged.isEmpty ? result.shortfall.count : result.flagged.count))
            case "failed":
                values[name] = .text(result.flagged.isEmpty ? result.shortfall.joined(separator: ", ")
                                                             : result.flagged.map { $0.id ?? $0.path }.joined(separator: ", "))
            case "period": values[name] = .text(result.window?.description ?? "")
            default:
                let param = name.hasPrefix("params.") ? String(name.dropFirst(7)) : name
                if let v = rule.parameters[param]?.value.description ?? report.facts.value(at: name)?.value.description {
                    values[name] = MessageValue(v)
                }
            }
        }
        result.explanation = .failed(values: values, slice: nil)
    }

    private func setError(_ r: inout RuleResult, _ why: Message) {
        r.status = .error
        r.explanation = .unevaluable(why, slice: nil)
    }

    private func setMissing(_ r: inout RuleResult, _ missing: [MissingFact], report: UnitReport) {
        r.status = .missing
        r.actual = nil
        let slots = report.facts.slots
        if let first = missing.first, first.slot >= 0, missing.allSatisfy({ $0.slot >= 0 }) {
            // The usual case: declared facts, looked up by slot, so their paths, labels and where
            // they should be written are found by number. Most results miss one fact, often more
            // than once (`count(cases) == 0 or all(c in cases: …)` misses `cases` twice).
            let slot = Int(first.slot)
            r.location = FindingLocation(file: report.file, mark: first.mark ?? report.facts.container(slot: slot), path: slots.paths[slot])
            if missing.allSatisfy({ $0.slot == first.slot }) {
                r.missingFacts = slots.missingPath[slot]
                r.explanation = .missing(slots.missingName[slot])
                return
            }
            var unique: [Int] = []
            unique.reserveCapacity(missing.count)
            for m in missing where !unique.contains(Int(m.slot)) { unique.append(Int(m.slot)) }
            r.missingFacts = unique.map { slots.paths[$0] }
            r.explanation = .missing(unique.map { slots.missingName[$0][0] })
            return
        }
        var unique: [(path: String, fact: MissingFact)] = []
        if missing.count == 1 {
            unique = [(missing[0].path, missing[0])]   // no set needed
        } else if missing.count <= 16 {
            // A few: compared in a list, no set to build.
            for m in missing {
                let path = m.path
                if !unique.contains(where: { $0.path == path }) { unique.append((path, m)) }
            }
        } else {
            var seen = Set<String>()
            for m in missing {
                let path = m.path
                if seen.insert(path).inserted { unique.append((path, m)) }
            }
        }
        let first = unique[0]
        r.location = FindingLocation(file: report.file, mark: first.fact.mark ?? report.facts.container(of: first.path), path: first.path)
        r.missingFacts = unique.map(\.path)
        r.explanation = .missing(unique.map { FactName(label: label(of: $0.path), path: $0.path) })
    }

    /// The declared label of a fact or of a list record's field (`complaints.cases[2].decided`).
    private func label(of path: String) -> LocalizedText? {
        if let label = ruleSet.facts[path]?.label { return label }
        let base = path.replacingBracketIndices
        guard let dot = base.utf8.lastIndex(of: UInt8(ascii: ".")), let list = ruleSet.facts[String(base[..<dot])] else { return nil }
        return list.fields.first { $0.path == String(base[base.index(after: dot)...]) }?.label
    }
}

extension String {
    /// `complaints.cases[2].decided` → `complaints.cases.decided`.
    var replacingBracketIndices: String {
        guard utf8.contains(UInt8(ascii: "[")) else { return self }
        // Byte by byte: the brackets are ASCII, so no character is cut (paths are declared
        // identifiers and indices).
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var skipping = false
        for b in utf8 {
            if b == UInt8(ascii: "[") { skipping = true; continue }
            if b == UInt8(ascii: "]") { skipping = false; continue }
            if !skipping { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

