/// Evaluates rules against reports.
///
/// Every rule in the rule set gives exactly one result per report:
/// `not_applicable` when the unit kind, the dates in force or the `when`
/// condition exclude it; else `pass`, `fail`, `missing` or `error` from `expect`.
public struct Engine: Sendable {
    public let ruleSet: RuleSet
    public var language: Language
    /// `maxEvaluationSteps` bounds each rule's evaluation on each report.
    public var limits: LoadLimits

    public init(ruleSet: RuleSet, language: Language = .vi, limits: LoadLimits = .default) {
        self.ruleSet = ruleSet
        self.language = language
        self.limits = limits
    }

    /// All results for a report, sorted by status severity then rule id... no: by rule id (stable).
    public func evaluate(_ report: UnitReport) -> [RuleResult] {
        ruleSet.rules.filter { !$0.disabled }.map { evaluate($0, on: report) }
    }

    /// The result of one rule on one report.
    public func evaluate(_ rule: Rule, on report: UnitReport, tracing: Bool = false) -> RuleResult {
        evaluateTraced(rule, on: report, tracing: tracing).result
    }

    /// Like ``evaluate(_:on:tracing:)``, also returning every sub-expression's value.
    public func evaluateTraced(_ rule: Rule, on report: UnitReport, tracing: Bool) -> (result: RuleResult, trace: [TraceStep]) {
        let rootLoc = FindingLocation(file: report.file, line: report.facts.containers[""]?.line ?? 1,
                                      column: report.facts.containers[""]?.column ?? 1, path: "")
        var result = RuleResult(rule: rule, status: .notApplicable, message: rule.title.text(language), expected: nil,
                                actual: nil, location: rootLoc, reason: nil, window: nil, flagged: [], missingFacts: [])
        let lang = language
        guard rule.appliesTo.contains(report.unit.kind) else {
            result.reason = lang == .vi ? "không áp dụng cho loại đơn vị \(report.unit.kind.rawValue)"
                                        : "does not apply to unit kind \(report.unit.kind.rawValue)"
            return (result, [])
        }
        guard let window = report.period.intersect(rule.inForce) else {
            result.reason = lang == .vi ? "không có hiệu lực trong kỳ báo cáo (hiệu lực \(rule.inForce))"
                                        : "not in force during the report period (in force \(rule.inForce))"
            return (result, [])
        }
        // A report longer than a year is judged per calendar year: a yearly duty must be met
        // every year, not once in the whole period.
        let slices = report.period.isLongerThanAYear && rule.perYear ? window.calendarYears : [window]
        if slices.count > 1 {
            let whole = rule.factsRead.filter {
                report.facts.value(at: $0) != nil && (ruleSet.facts[$0].map { $0.fields.isEmpty && $0.scope == .period } ?? false)
            }
            if !whole.isEmpty {
                result.status = .missing
                result.window = window
                result.missingFacts = whole
                let names = whole.map { p in ruleSet.facts[p].map { "\($0.label.text(lang)) (\(p))" } ?? p }.joined(separator: "; ")
                result.message = lang == .vi
                    ? "thiếu số liệu từng năm: quy tắc được đánh giá theo từng năm dương lịch, nhưng báo cáo chỉ cho tổng cả kỳ \(window): \(names)"
                    : "yearly figures missing: the rule is judged per calendar year, but the report gives totals for the whole period \(window): \(names)"
                result.reason = lang == .vi ? "báo cáo nhiều năm: hãy báo cáo từng năm" : "a multi-year report: report each year separately"
                if let first = whole.lazy.compactMap({ report.facts.value(at: $0) }).first {
                    result.location = FindingLocation(file: report.file, line: first.mark.line, column: first.mark.column, path: first.path)
                }
                return (result, [])
            }
            var worst: (RuleResult, [TraceStep])?
            var flagged: [String: FlaggedRecord] = [:]
            for slice in slices {
                var (r, t) = evaluateWindow(rule, on: report, window: slice, base: result, tracing: tracing)
                for f in r.flagged { flagged[f.path] = f }
                if r.status == .fail || r.status == .error { r.message = "\(slice): " + r.message }
                if worst == nil || r.status < worst!.0.status { worst = (r, t) }
            }
            var (r, t) = worst!
            if r.status == .pass { r.window = window }
            r.flagged = flagged.values.sorted { ($0.location.line, $0.location.column, $0.path) < ($1.location.line, $1.location.column, $1.path) }
            if r.status == .pass || r.status == .notApplicable { r.flagged = [] }
            return (r, t)
        }
        return evaluateWindow(rule, on: report, window: window, base: result, tracing: tracing)
    }

    /// Evaluates `when` and `expect` on one window of the report period.
    private func evaluateWindow(_ rule: Rule, on report: UnitReport, window: Period, base: RuleResult,
                                tracing: Bool) -> (result: RuleResult, trace: [TraceStep]) {
        var result = base
        let lang = language
        result.window = window
        let params = rule.parameters.mapValues(\.value)
        let context = EvaluationContext(facts: report.facts, period: window, parameters: params, reportPeriod: report.period,
                                        calendar: ruleSet.calendar)
        var ev = Evaluator(context: context, tracing: tracing, budget: limits.maxEvaluationSteps)
        if let when = rule.when {
            switch ev.evaluate(when) {
            case .value(.bool(false), _):
                result.reason = lang == .vi ? "điều kiện áp dụng không thỏa: \(when.text)" : "its condition does not hold: \(when.text)"
                return (result, ev.trace ?? [])
            case .value: break
            case .missing(let m):
                return (missingResult(result, m, rule: rule, report: report), ev.trace ?? [])
            case .failure(let why):
                return (errorResult(result, why), ev.trace ?? [])
            }
        }
        let outcome = ev.evaluate(rule.expect)
        switch outcome {
        case .missing(let m):
            return (missingResult(result, m, rule: rule, report: report), ev.trace ?? [])
        case .failure(let why):
            return (errorResult(result, why), ev.trace ?? [])
        case .value(let v, _):
            let passed: Bool
            if case .bool(let b) = v { passed = b } else { passed = false }
            result.status = passed ? .pass : .fail
            var probe = Evaluator(context: ev.context, budget: limits.maxEvaluationSteps)
            let culprit = Culprit.find(rule.expect, passed: passed, evaluator: &probe)
            result.expected = culprit.expected
            result.actual = culprit.actual
            if let origin = culprit.origin {
                result.location = FindingLocation(file: report.file, line: origin.mark.line, column: origin.mark.column, path: origin.path)
            } else if let first = rule.factsRead.lazy.compactMap({ report.facts.value(at: $0) }).first {
                result.location = FindingLocation(file: report.file, line: first.mark.line, column: first.mark.column, path: first.path)
            }
            result.shortfall = culprit.shortfall
            result.flagged = culprit.flagged.map { rec in
                FlaggedRecord(path: rec.path, id: rec.fields["id"].map { $0.value.description },
                              location: FindingLocation(file: report.file, line: rec.mark.line, column: rec.mark.column, path: rec.path))
            }
            if passed {
                result.message = rule.title.text(lang)
            } else {
                // Resolve only the placeholders the message uses.
                var values: [String: String] = [:]
                // Messages are read by people: a yes/no value is spoken, not `true`/`false`.
                func spoken(_ s: String?) -> String? {
                    switch s {
                    case "true": return lang == .vi ? "có" : "yes"
                    case "false": return lang == .vi ? "không" : "no"
                    default: return s
                    }
                }
                for name in rule.template.placeholders(lang) {
                    switch name {
                    case "actual": values[name] = spoken(culprit.actual) ?? ""
                    case "expected": values[name] = spoken(culprit.expected) ?? ""
                    case "count_failed": values[name] = String(result.flagged.isEmpty ? result.shortfall.count : result.flagged.count)
                    case "failed":
                        values[name] = result.flagged.isEmpty ? result.shortfall.joined(separator: ", ")
                                                              : result.flagged.map { $0.id ?? $0.path }.joined(separator: ", ")
                    case "period": values[name] = window.description
                    default:
                        let param = name.hasPrefix("params.") ? String(name.dropFirst(7)) : name
                        values[name] = spoken(rule.parameters[param]?.value.description ?? report.facts.value(at: name)?.value.description)
                    }
                }
                result.message = rule.template.render(lang, values)
            }
            return (result, ev.trace ?? [])
        }
    }

    private func errorResult(_ base: RuleResult, _ why: String) -> RuleResult {
        var r = base
        r.status = .error
        r.reason = why
        r.message = (language == .vi ? "không đánh giá được: " : "cannot be evaluated: ") + why
        return r
    }

    private func missingResult(_ base: RuleResult, _ missing: [MissingFact], rule: Rule, report: UnitReport) -> RuleResult {
        var r = base
        r.status = .missing
        var unique: [MissingFact] = []
        var seen = Set<String>()
        for m in missing where seen.insert(m.path).inserted { unique.append(m) }
        let first = unique[0]
        r.location = FindingLocation(file: report.file, line: first.mark.line, column: first.mark.column, path: first.path)
        r.missingFacts = unique.map(\.path)
        let names = unique.map { m -> String in
            let base = m.path.replacingBracketIndices
            if let label = ruleSet.facts[m.path]?.label.text(language) { return "\(label) (\(m.path))" }
            if let dot = base.lastIndex(of: "."), let list = ruleSet.facts[String(base[..<dot])],
               let f = list.fields.first(where: { $0.path == String(base[base.index(after: dot)...]) }) {
                return "\(f.label.text(language)) (\(m.path))"
            }
            return m.path
        }
        r.actual = nil
        r.message = (language == .vi ? "thiếu dữ liệu: " : "missing evidence: ") + names.joined(separator: "; ")
        return r
    }
}

extension String {
    /// `complaints.cases[2].decided` → `complaints.cases.decided`.
    var replacingBracketIndices: String {
        var out = ""
        var skipping = false
        for ch in self {
            if ch == "[" { skipping = true; continue }
            if ch == "]" { skipping = false; continue }
            if !skipping { out.append(ch) }
        }
        return out
    }
}

/// Finds the sub-condition a result is about, for its expected and actual values.
enum Culprit {
    struct Found {
        var expected: String?
        var actual: String?
        var origin: Origin?
        var flagged: [RecordValue] = []
        /// Weeks or months below a `per_week` / `per_month` minimum (`2026-W06`, `2026-03`).
        var shortfall: [String] = []
    }

    static func find(_ e: Expression, passed: Bool, evaluator ev: inout Evaluator) -> Found {
        switch e.kind {
        case .binary(.and, let a, let b) where !passed:
            // The first operand that is false.
            if case .value(.bool(false), _) = ev.evaluate(a) { return find(a, passed: false, evaluator: &ev) }
            return find(b, passed: false, evaluator: &ev)
        case .binary(.or, let a, _) where passed:
            if case .value(.bool(true), _) = ev.evaluate(a) { return find(a, passed: true, evaluator: &ev) }
            if case .binary(_, _, let b) = e.kind { return find(b, passed: true, evaluator: &ev) }
            return Found()
        case .binary(.and, let a, _):
            return find(a, passed: passed, evaluator: &ev)
        case .binary(.or, _, let b):
            // Every alternative is false: the last one is the fallback the author wrote for the
            // general case ("all 14 groups, or else all that arose"), so it explains the failure.
            return find(b, passed: false, evaluator: &ev)
        case .binary(let op, let a, let b) where op.isComparison || op == .in || op == .notIn:
            let l = ev.evaluate(a)
            let flagged = ev.flagged
            let periods = ev.periodCounts
            let r = ev.evaluate(b)
            let asPercent = a.type == .percent || b.type == .percent
            // "required 0", not "required == 0": equality reads as the value itself.
            var f = Found(expected: r.value.map { op == .equal ? display($0, asPercent) : "\(op.rawValue) \(display($0, asPercent))" },
                          actual: l.value.map { display($0, asPercent) }, origin: l.origin ?? r.origin)
            // A count bounded from above (`count(c in cases where late) == 0`) counts offenders: name them.
            if case .comprehension(.count, _, _, .some, _) = a.kind, op == .equal || op == .less || op == .lessOrEqual {
                f.flagged = flagged
            }
            // A weekly or monthly minimum: name the weeks or months below it.
            if case .comprehension(let agg, _, _, _, _) = a.kind, agg == .perWeek || agg == .perMonth,
               let need = r.value?.asDouble, op == .greaterOrEqual || op == .greater {
                let short = periods.filter { op == .greaterOrEqual ? Double($0.count) < need : Double($0.count) <= need }
                f.shortfall = short.map(\.period.label)
                if !short.isEmpty {
                    let shown = short.prefix(6).map { "\($0.period.label): \($0.count)" }.joined(separator: ", ")
                    f.actual = "\(l.value.map { display($0, asPercent) } ?? "") (\(shown)\(short.count > 6 ? ", …" : ""))"
                }
            }
            return f
        case .comprehension(.all, _, _, _, _):
            // Records meeting the condition out of those judged: "4/5" against "5/5".
            let o = ev.evaluate(e)
            let n = ev.considered
            var f = Found(expected: "\(n)/\(n)", actual: "\(n)/\(n)", origin: o.origin)
            if !passed { f.flagged = ev.flagged; f.actual = "\(n - ev.flagged.count)/\(n)" }
            return f
        case .call("if", let args) where args.count == 3:
            // The branch taken decides: look inside it.
            if case .value(.bool(let c), _) = ev.evaluate(args[0]) { return find(c ? args[1] : args[2], passed: passed, evaluator: &ev) }
            let o = ev.evaluate(e)
            return Found(expected: "true", actual: o.value?.description, origin: o.origin)
        case .unary(.not, let inner):
            var f = find(inner, passed: !passed, evaluator: &ev)
            f.expected = f.expected.map { "not (\($0))" }
            return f
        default:
            let o = ev.evaluate(e)
            return Found(expected: "true", actual: o.value?.description, origin: o.origin)
        }
    }

    static func display(_ v: Value, _ asPercent: Bool) -> String {
        if asPercent, case .number(let d) = v { return Value.percent(d).description }
        if asPercent, case .int(let i) = v { return String(i) }
        return v.description
    }
}
