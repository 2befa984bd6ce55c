/// Finds the sub-condition a result is about, for its expected and actual values, from what the
/// evaluation recorded (nothing is evaluated again).
enum Culprit {
    struct Found {
        var expected: String?
        var actual: String?
        var origin: Origin?
        var flagged: [RecordValue] = []
        /// Weeks or months below a `per_week` / `per_month` minimum (`2026-W06`, `2026-03`).
        var shortfall: [String] = []
    }

    static func find(_ e: Expression, passed: Bool, in record: EvaluationRecord) -> Found {
        func outcome(_ x: Expression) -> Outcome? { record.outcome(x) }
        switch e.kind {
        case .binary(.and, let a, let b) where !passed:
            // The first operand that is false.
            if case .value(.bool(false), _)? = outcome(a) { return find(a, passed: false, in: record) }
            return find(b, passed: false, in: record)
        case .binary(.or, let a, let b) where passed:
            if case .value(.bool(true), _)? = outcome(a) { return find(a, passed: true, in: record) }
            return find(b, passed: true, in: record)
        case .binary(.and, let a, _):
            return find(a, passed: passed, in: record)
        case .binary(.or, _, let b):
            // Every alternative is false: the last one is the fallback the author wrote for the
            // general case ("all 14 groups, or else all that arose"), so it explains the failure.
            return find(b, passed: false, in: record)
        case .binary(let op, let a, let b) where op.isComparison || op == .in || op == .notIn:
            return comparison(op, a, b, record: record)
        case .comprehension(.all, _, _, _, _):
            // Records meeting the condition out of those judged: "4/5" against "5/5".
            let seen = record.aggregates[e.id] ?? AggregateRecord()
            let n = seen.considered
            var f = Found(expected: "\(n)/\(n)", actual: "\(n)/\(n)", origin: outcome(e)?.origin)
            if !passed { f.flagged = seen.flagged; f.actual = "\(n - seen.flagged.count)/\(n)" }
            return f
        case .call("if", let args) where args.count == 3:
            // The branch taken decides: look inside it.
            if case .value(.bool(let c), _)? = outcome(args[0]) { return find(c ? args[1] : args[2], passed: passed, in: record) }
            return Found(expected: "true", actual: outcome(e)?.value?.description, origin: outcome(e)?.origin)
        case .unary(.not, let inner):
            var f = find(inner, passed: !passed, in: record)
            f.expected = f.expected.map { "not (\($0))" }
            return f
        default:
            return Found(expected: "true", actual: outcome(e)?.value?.description, origin: outcome(e)?.origin)
        }
    }

    /// The ids of the nodes of `e` whose outcomes ``find(_:passed:in:)`` can read, whichever way
    /// `e` evaluates: the requirement is compiled to record only these (``Program/Recorded``).
    /// It follows `find` case by case.
    static func read(_ e: Expression) -> Set<Int> {
        var ids = Set<Int>()
        func visit(_ e: Expression) {
            switch e.kind {
            case .binary(.and, let a, let b), .binary(.or, let a, let b):
                ids.insert(a.id)   // which operand decided
                visit(a)
                visit(b)
            case .binary(let op, let a, let b) where op.isComparison || op == .in || op == .notIn:
                ids.insert(a.id)
                ids.insert(b.id)
            case .call("if", let args) where args.count == 3:
                ids.insert(args[0].id)
                ids.insert(e.id)
                visit(args[1])
                visit(args[2])
            case .unary(.not, let inner):
                visit(inner)
            default:
                ids.insert(e.id)   // the comprehension `all` case reads its own too
            }
        }
        visit(e)
        return ids
    }

    /// A comparison: its two sides' values; the offending records of a bounded count; the weeks
    /// or months short of a weekly or monthly minimum.
    static func comparison(_ op: BinaryOperator, _ a: Expression, _ b: Expression, record: EvaluationRecord) -> Found {
        let l = record.outcome(a), r = record.outcome(b)
        let asPercent = a.type == .percent || b.type == .percent
        // "required 0", not "required == 0": equality reads as the value itself.
        var f = Found(expected: r?.value.map { op == .equal ? display($0, asPercent) : "\(op.rawValue) \(display($0, asPercent))" },
                      actual: l?.value.map { display($0, asPercent) }, origin: l?.origin ?? r?.origin)
        // The record first: only an aggregate has one, and matching the node copied its parts.
        guard let seen = record.aggregates[a.id], let (agg, filtered) = aggregate(a) else { return f }
        // A count bounded from above (`count(c in cases where late) == 0`) counts offenders: name them.
        if agg == .count, filtered, op == .equal || op == .less || op == .lessOrEqual { f.flagged = seen.flagged }
        // A weekly or monthly minimum: name the weeks or months below it.
        if agg == .perWeek || agg == .perMonth, let need = r?.value?.asDouble, op == .greaterOrEqual || op == .greater {
            let short = seen.periodCounts.filter { op == .greaterOrEqual ? Double($0.count) < need : Double($0.count) <= need }
            // Each label made once: a week's label is a calendar computation.
            f.shortfall = short.map(\.period.label)
            if !short.isEmpty {
                let shown = zip(f.shortfall, short).prefix(6).map { "\($0): \($1.count)" }.joined(separator: ", ")
                f.actual = "\(l?.value.map { display($0, asPercent) } ?? "") (\(shown)\(short.count > 6 ? ", …" : ""))"
            }
        }
        return f
    }

    /// The aggregate of a comprehension, and whether it has a filter; nil for anything else.
    /// Matched in place: binding the case's payload copied its names and sub-expressions.
    private static func aggregate(_ e: Expression) -> (Aggregate, filtered: Bool)? {
        switch e.kind {
        case .comprehension(let agg, _, _, .some, _): (agg, true)
        case .comprehension(let agg, _, _, .none, _): (agg, false)
        default: nil
        }
    }

    static func display(_ v: Value, _ asPercent: Bool) -> String {
        if asPercent, case .number(let d) = v { return Value.percent(d).description }
        if asPercent, case .int(let i) = v { return String(i) }
        return v.description
    }
}
