/// Where a value came from in the report, so findings can point at it.
package struct Origin: Sendable, Hashable {
    /// The path in parts (a record field's is made text only when a finding cites it).
    package var factPath: FactPath
    package var mark: Mark
    package var path: String { factPath.description }

    package init(path: String, mark: Mark) { self.init(path: FactPath(path), mark: mark) }
    package init(path: FactPath, mark: Mark) {
        factPath = path
        self.mark = mark
    }
}

/// A fact an expression needed that the report does not give.
package struct MissingFact: Sendable, Hashable {
    package var factPath: FactPath
    /// Where the fact should be written, when known as it is found missing (a record's field:
    /// the record). Otherwise nil, and the nearest enclosing mapping is looked up only for the
    /// missing facts a result cites (``ReportFacts/container(of:)``): many are found missing
    /// only to be outweighed (`false and missing` is false).
    package var mark: Mark?
    /// The fact's slot in the report's ``ReportFacts/slots`` when it was looked up by slot, else
    /// -1: its label and where it should be written are then found by number, not by path.
    package var slot: Int32 = -1
    package var path: String { factPath.description }

    package init(_ path: FactPath, mark: Mark? = nil, slot: Int32 = -1) {
        factPath = path
        self.mark = mark
        self.slot = slot
    }
}

/// The result of evaluating an expression. Evaluation is total: a missing fact,
/// a division by zero or an overflow give an outcome, never a trap.
package enum Outcome: Sendable {
    case value(Value, origin: Origin?)
    case missing([MissingFact])
    /// The expression cannot be evaluated on this data (division by zero, overflow, empty list).
    case failure(Message)

    var value: Value? { if case .value(let v, _) = self { return v }; return nil }
    var origin: Origin? { if case .value(_, let o) = self { return o }; return nil }

    /// A short text for traces: the value, `thiếu: path` / `missing: path`, or the reason it failed.
    package func text(_ lang: Language) -> String {
        switch self {
        case .value(let v, _): v.traceText(lang)
        case .missing(let m): Message.traceMissing(m.map(\.path)).text(lang)
        case .failure(let why): Message.traceFailed(why).text(lang)
        }
    }
}

/// One evaluated sub-expression, for `qcdc explain --report`.
package struct TraceStep: Sendable {
    package var depth: Int
    package var text: String
    /// Nil for a record of a list being visited (in an aggregate).
    package var outcome: Outcome?
    package var mark: Mark
}

/// What an expression is evaluated against.
package struct EvaluationContext: Sendable {
    package var facts: ReportFacts
    /// The report period intersected with the rule's `in_force` window.
    package var period: Period
    /// The whole report period (`report_start()`, `report_end()`).
    package var reportPeriod: Period
    /// The values of `params.…`, for an expression compiled as it is evaluated (a rule's are
    /// compiled into its ``Program``s).
    package var parameters: [String: Value]
    /// Working days, holidays and Tết (`workdays_between`, `deadline`, weekly duties).
    package var calendar: WorkCalendar

    package init(facts: ReportFacts, period: Period, parameters: [String: Value], reportPeriod: Period? = nil,
                calendar: WorkCalendar = WorkCalendar()) {
        self.facts = facts
        self.period = period
        self.reportPeriod = reportPeriod ?? period
        self.parameters = parameters
        self.calendar = calendar
    }
}

/// What one evaluation computed, node by node (outside aggregates' bodies), for explaining a
/// result without evaluating anything twice.
package struct EvaluationRecord: Sendable {
    /// Where each node's outcome is in ``outcomes``, by ``Expression/id`` (ids are small and
    /// dense: numbered in pre-order); -1 for none. Numbers, not optional outcomes: a table of
    /// outcomes was made and freed an element at a time, about 50 instructions a node.
    private var positions: [Int32] = []
    /// The outcomes set since the last reset, in the order set, with their nodes' ids: a reset
    /// clears those only (emptying and refilling the whole table for every rule of every
    /// report was 2% of a run).
    private var outcomes: [(id: Int32, outcome: Outcome)] = []
    /// What each aggregate saw, by its node's id.
    var aggregates: [Int: AggregateRecord] = [:]

    /// A record for an expression of `nodes` nodes (ids 1 through `nodes`), sized at once.
    init(nodes: Int = 0) {
        positions = Array(repeating: -1, count: nodes + 1)
    }

    func outcome(_ e: Expression) -> Outcome? {
        guard e.id >= 0, e.id < positions.count, case let at = positions[e.id], at >= 0 else { return nil }
        return outcomes[Int(at)].outcome
    }

    /// Empty again for an expression of `nodes` nodes, keeping its storage (one record serves
    /// every rule of a report).
    mutating func reset(nodes: Int) {
        for o in outcomes { positions[Int(o.id)] = -1 }
        outcomes.removeAll(keepingCapacity: true)
        if positions.count < nodes + 1 { positions.append(contentsOf: repeatElement(-1, count: nodes + 1 - positions.count)) }
        if !aggregates.isEmpty { aggregates.removeAll(keepingCapacity: true) }
    }

    /// This record with only the outcomes of the nodes in `ids` (and every aggregate's).
    func keeping(_ ids: Set<Int>) -> EvaluationRecord {
        var r = EvaluationRecord(nodes: positions.count - 1)
        r.aggregates = aggregates
        for o in outcomes where ids.contains(Int(o.id)) { r.set(o.outcome, for: Int(o.id)) }
        return r
    }

    mutating func set(_ o: Outcome, for id: Int) {
        if id >= positions.count { positions.append(contentsOf: repeatElement(-1, count: id + 1 - positions.count)) }
        let at = positions[id]
        if at >= 0 {
            outcomes[Int(at)].outcome = o
        } else {
            positions[id] = Int32(outcomes.count)
            outcomes.append((Int32(id), o))
        }
    }
}

/// What an aggregate judged: the records that made it false (`all`) or that it counted (`count …
/// where`), how many records passed its filter, and for `per_week`/`per_month` the count per
/// week or month.
struct AggregateRecord: Sendable {
    var flagged: [RecordValue] = []
    var considered = 0
    var periodCounts: [(period: Period, count: Int)] = []
}

/// Evaluates typed expressions.
package struct Evaluator: Sendable {
    package var context: EvaluationContext
    /// When non-nil, every sub-expression's outcome is appended.
    package var trace: [TraceStep]?
    private var depth = 0
    /// While ``recording``, the outcome of every recorded node outside an aggregate's body is
    /// kept here. One record serves every evaluation on this evaluator, its storage kept: moving
    /// it in and out of an optional for each rule was a few hundred instructions a rule.
    package private(set) var record = EvaluationRecord()
    /// Whether this evaluation records (since ``startRecording(nodes:)``).
    package private(set) var recording = false
    /// How many aggregate bodies the evaluation is inside (nodes there are not recorded).
    private var insideAggregate = 0
    /// The records bound by the comprehensions being evaluated, outermost first: a variable is
    /// its binding's slot here (``Program``).
    private var frames: [Frame] = []
    /// A comprehension's list and the record of it being visited: moving on to the next
    /// record sets a number (a copy of each record into its frame was two references counted
    /// up and two down).
    private struct Frame {
        var records: [RecordValue]
        var index = 0
        var record: RecordValue { records[index] }
        /// The current record's field `name`, read in place (through ``record`` it was a copy).
        func value(of name: String) -> Value? { records[index].value(of: name) }
    }
    /// The program being evaluated reads the facts declared in the slots the report's facts are
    /// held by (``FactSlots``): it reads them by slot, not by path.
    private var bySlot = false
    /// Steps left before evaluation stops (one per sub-expression and per record visited).
    package private(set) var budget: Int
    /// The budget the evaluation started with, at creation or the last ``reset(tracing:budget:)``
    /// (for the message when it runs out).
    package private(set) var initialBudget: Int
    /// True once the budget ran out: every further evaluation fails at once.
    package var exhausted: Bool { budget < 0 }

    package init(context: EvaluationContext, tracing: Bool = false, budget: Int = LoadLimits.default.maxEvaluationSteps) {
        self.context = context
        self.trace = tracing ? [] : nil
        self.budget = budget
        self.initialBudget = budget
    }

    /// Ready for a new evaluation on the same context: a fresh budget, no trace or record kept
    /// from the last one (the context's period and parameters are the caller's to set).
    package mutating func reset(tracing: Bool, budget: Int) {
        trace = tracing ? [] : nil
        depth = 0
        recording = false
        insideAggregate = 0
        frames.removeAll(keepingCapacity: true)
        self.budget = budget
        initialBudget = budget
    }

    /// From now on, keeps every node's outcome (``record``) for an expression of `nodes` nodes,
    /// in the storage the last record used: one allocation per report, not one per rule.
    package mutating func startRecording(nodes: Int) {
        record.reset(nodes: nodes)
        recording = true
    }

    /// The failure given when the budget runs out.
    var overBudget: Outcome {
        .failure(.budgetExceeded(initialBudget))
    }

    /// Evaluates `e`, compiled with the context's parameters (a rule's conditions are compiled
    /// once, with the rule: ``evaluate(_:)-(Program)``).
    package mutating func evaluate(_ e: Expression) -> Outcome {
        evaluate(Program(e, parameters: context.parameters))
    }

    /// Evaluates a compiled expression.
    package mutating func evaluate(_ p: Program) -> Outcome {
        let storage = trace == nil ? p.storage : p.traced.storage
        bySlot = storage.slots != nil && storage.slots === context.facts.slots
        return storage.steps.withUnsafeBufferPointer { run(0, $0, storage) }
    }

    /// Evaluates step `i`: counts it against the budget, traces and records its outcome.
    private mutating func run(_ i: Int32, _ steps: UnsafeBufferPointer<Program.Step>, _ p: Program.Storage) -> Outcome {
        budget -= 1
        if budget < 0 { return overBudget }
        depth += 1
        let index = trace?.count
        if trace != nil { trace!.append(TraceStep(depth: depth - 1, text: p.texts[Int(i)], outcome: nil, mark: p.marks[Int(i)])) }
        let step = steps[Int(i)]
        let out = evaluate(step, steps, p)
        if let index { trace![index].outcome = out }
        if step.recorded && recording && insideAggregate == 0 { record.set(out, for: Int(step.id)) }
        depth -= 1
        return out
    }

    static let epsilon = 1e-9

    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return cmp(op, x, y)
        case (.date(let x), .date(let y)): return cmp(op, x, y)
        case (.string(let x), .string(let y)): return op == .equal ? x == y : x != y
        case (.bool(let x), .bool(let y)): return op == .equal ? x == y : x != y
        default:
            guard let x = a.asDouble, let y = b.asDouble else { return false }
            let tol = epsilon * max(1, abs(x), abs(y))
            switch op {
            case .equal: return abs(x - y) <= tol
            case .notEqual: return abs(x - y) > tol
            case .less: return x < y - tol
            case .lessOrEqual: return x <= y + tol
            case .greater: return x > y + tol
            case .greaterOrEqual: return x >= y - tol
            default: return false
            }
        }
    }
    private static func cmp<T: Comparable>(_ op: BinaryOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        default: false
        }
    }

    /// The fact named by `p`'s name `name`, read by `slot` when the program reads the report's slots.
    private func lookup(_ p: Program.Storage, name: Int32, slot: Int32) -> Outcome {
        let path = p.names[Int(name)]
        let bySlot = bySlot && slot >= 0
        let found = bySlot ? context.facts.value(slot: Int(slot)) : context.facts.value(at: path)
        if let f = found { return .value(f.value, origin: Origin(path: path, mark: f.mark)) }
        return .missing(bySlot ? p.missing[Int(name)] : [MissingFact(FactPath(path))])
    }

    private mutating func evaluate(_ s: Program.Step, _ steps: UnsafeBufferPointer<Program.Step>, _ p: Program.Storage) -> Outcome {
        switch s.code {
        case .literal:
            return .value(p.values[Int(s.a)], origin: nil)
        case .fact:
            return lookup(p, name: s.a, slot: s.slot)
        case .fail:
            return .failure(p.failures[Int(s.a)])
        case .record:
            // A record is bound, and its fields read, only inside an aggregate's body, whose
            // outcomes' origins nothing reads (the aggregate's own names a record, and the
            // record keeps no outcome from there): no origin is made. The record is read in
            // place, not copied.
            return .value(.record(frames[Int(s.a)].record), origin: nil)
        case .field:
            let field = p.names[Int(s.b)]
            if let v = frames[Int(s.a)].value(of: field) { return .value(v, origin: nil) }
            return .missing([Self.missing(field, of: frames[Int(s.a)].record)])
        case .list:
            var values: [Value] = []
            for k in Int(s.a) ..< Int(s.a + s.b) {
                let o = run(p.children[k], steps, p)
                guard let v = o.value else { return o }
                values.append(v)
            }
            return .value(.list(values), origin: nil)
        case .unary:
            // Matched in place: reading `o.value` and `o.origin` copied the whole outcome twice.
            let o = run(s.a, steps, p)
            guard case .value(let v, let origin) = o else { return o }
            switch (s.unary, v) {
            case (.not, .bool(let b)): return .value(.bool(!b), origin: origin)
            case (.negate, .int(let i)):
                let (r, overflow) = Int64(0).subtractingReportingOverflow(i)
                return overflow ? .failure(.integerOverflow) : .value(.int(r), origin: origin)
            case (.negate, .number(let d)): return .value(.number(-d), origin: origin)
            case (.negate, .percent(let d)): return .value(.percent(-d), origin: origin)
            default: return .failure(.cannotEvaluate("\(s.unary.rawValue) \(v)"))
            }
        case .and, .or:
            let isAnd = s.code == .and
            // Kleene logic: `false and missing` is false; `true or missing` is true.
            let l = run(s.a, steps, p)
            if case .value(.bool(let x), _) = l, x != isAnd { return .value(.bool(x), origin: l.origin) }
            let r = run(s.b, steps, p)
            if case .value(.bool(let y), _) = r, y != isAnd { return .value(.bool(y), origin: r.origin) }
            if case .failure = l { return l }
            if case .failure = r { return r }
            if case .missing(let m1) = l {
                if case .missing(let m2) = r { return .missing(m1 + m2) }
                return l
            }
            if case .missing = r { return r }
            return .value(.bool(isAnd), origin: l.origin ?? r.origin)
        case .binary:
            let op = s.binary
            let l = run(s.a, steps, p), r = run(s.b, steps, p)
            guard case .value(let x, let lo) = l, case .value(let y, let ro) = r else {
                if case .missing(let m1) = l {
                    if case .missing(let m2) = r { return .missing(m1 + m2) }
                    return l
                }
                if case .missing = r { return r }
                if case .value = l { return r }
                return l
            }
            let origin = lo ?? ro
            if op.isComparison { return .value(.bool(Self.compare(op, x, y)), origin: origin) }
            if op == .in || op == .notIn {
                guard case .list(let items) = y else { return .failure(.cannotEvaluate("'in' without a list")) }
                let found = items.contains { Self.compare(.equal, x, $0) }
                return .value(.bool(op == .in ? found : !found), origin: origin)
            }
            return Self.arithmetic(op, x, y, origin: origin)
        case .existsFact:
            let path = p.names[Int(s.a)]
            let found = bySlot && s.slot >= 0 ? context.facts.value(slot: Int(s.slot)) : context.facts.value(at: path)
            return .value(.bool(found != nil), origin: nil)
        case .existsField:
            return .value(.bool(frames[Int(s.a)].value(of: p.names[Int(s.b)]) != nil), origin: nil)
        case .if:
            let c = run(s.a, steps, p)
            guard case .value(.bool(let b), _) = c else { return c }
            return run(b ? s.b : s.c, steps, p)
        case .call:
            var values: [Value] = []
            var origin: Origin?
            var missing: [MissingFact] = []
            for k in Int(s.a) ..< Int(s.a + s.b) {
                let o = run(p.children[k], steps, p)
                switch o {
                case .value(let v, let org): values.append(v); origin = origin ?? org
                case .missing(let m): missing += m
                case .failure: return o
                }
            }
            if !missing.isEmpty { return .missing(missing) }
            return s.builtin.evaluate(values, origin: origin, context)
        case .comprehension:
            return comprehension(s, steps, p)
        }
    }

    /// Field `name` of `rec`, which the record does not give: to be written in the record.
    private static func missing(_ name: String, of rec: RecordValue) -> MissingFact {
        MissingFact(rec.factPath.field(name), mark: rec.mark)
    }

    static func arithmetic(_ op: BinaryOperator, _ x: Value, _ y: Value, origin: Origin?) -> Outcome {
        switch (x, y) {
        case (.date(let d), .int(let n)):
            guard abs(n) < 3_000_000 else { return .failure(.dateOutOfRange) }
            return .value(.date(d.advanced(by: op == .add ? Int(n) : -Int(n))), origin: origin)
        case (.int(let n), .date(let d)):
            guard abs(n) < 3_000_000 else { return .failure(.dateOutOfRange) }
            return .value(.date(d.advanced(by: Int(n))), origin: origin)
        case (.date(let a), .date(let b)):
            return .value(.int(Int64(b.distance(to: a))), origin: origin)
        case (.int(let a), .int(let b)) where op != .divide:
            let (r, overflow): (Int64, Bool) = switch op {
            case .add: a.addingReportingOverflow(b)
            case .subtract: a.subtractingReportingOverflow(b)
            default: a.multipliedReportingOverflow(by: b)
            }
            return overflow ? .failure(.integerOverflowIn("\(a)", op.rawValue, "\(b)")) : .value(.int(r), origin: origin)
        default:
            guard let a = x.asDouble, let b = y.asDouble else { return .failure(.cannotEvaluate("\(x) \(op.rawValue) \(y)")) }
            let r: Double
            switch op {
            case .add: r = a + b
            case .subtract: r = a - b
            case .multiply: r = a * b
            default:
                guard b != 0 else { return .failure(.divisionByZero("\(x)", "\(y)")) }
                r = a / b
            }
            guard r.isFinite else { return .failure(.numericOverflow) }
            if case .percent = x, case .percent = y, op == .add || op == .subtract { return .value(.percent(r), origin: origin) }
            return .value(.number(r), origin: origin)
        }
    }

    private mutating func comprehension(_ s: Program.Step, _ steps: UnsafeBufferPointer<Program.Step>,
                                        _ p: Program.Storage) -> Outcome {
        let agg = s.aggregate, list = p.names[Int(s.a)], id = Int(s.id)
        let hasFilter = s.b >= 0, hasBody = s.c >= 0
        let o = lookup(p, name: s.a, slot: s.slot)
        guard case .value(.records(let records), let origin) = o else { return o }
        frames.append(Frame(records: records))
        let slot = frames.count - 1
        defer { frames.removeLast() }
        let recording = recording && insideAggregate == 0
        var seen = AggregateRecord()
        insideAggregate += 1
        defer {
            insideAggregate -= 1
            if recording { record.aggregates[id] = seen }
        }
        var missing: [MissingFact] = []
        // What the aggregate reads after the loop, kept only when read: `sum`, `per_week` and
        // `per_month` read the values, `min` and `max` the records too (keeping them for every
        // aggregate copied each record a list has).
        let keepsValues = agg == .sum || agg == .perWeek || agg == .perMonth || agg == .min || agg == .max
        let keepsRecords = agg == .min || agg == .max
        var considered = 0
        var values: [Value?] = []
        if keepsValues { values.reserveCapacity(records.count) }
        var kept: [RecordValue] = []
        var failing: [RecordValue] = []
        /// Record `r`, whose body gave `val` (by number: passed as a value, each record was
        /// copied to be counted).
        func count(_ val: Value, of r: Int) {
            considered += 1
            if keepsValues { values.append(val) }
            if keepsRecords { kept.append(records[r]) }
            if agg == .all, case .bool(false) = val { failing.append(records[r]) }
            if agg == .any, case .bool(true) = val { failing.append(records[r]) }
        }
        // A body that is a field of the record (`d.date`, most aggregates' body) is read here,
        // counted against the budget as its step would be: evaluated as a step, it made an
        // outcome with the field's path and position that the aggregate never reads. (Not when
        // tracing: the trace shows the step.)
        var bodyField: String?
        if hasBody, trace == nil, steps[Int(s.c)].code == .field, steps[Int(s.c)].a == Int32(slot) {
            bodyField = p.names[Int(steps[Int(s.c)].b)]
        }
        // By index: each record is copied once, into its frame (`for rec in records` copied
        // each one more time).
        for r in records.indices {
            budget -= 1
            if budget < 0 { return overBudget }
            frames[slot].index = r
            if trace != nil {
                let id = records[r].value(of: "id").map { " \($0)" } ?? ""
                trace!.append(TraceStep(depth: depth, text: "\(p.names[Int(s.d)]) = \(records[r].path)\(id)", outcome: nil, mark: records[r].mark))
            }
            if hasFilter {
                let f = run(s.b, steps, p)
                switch f {
                case .value(.bool(false), _): continue
                case .value: break
                case .missing(let m): missing += m; continue
                case .failure: return f
                }
            }
            if let name = bodyField {
                budget -= 1
                if budget < 0 { return overBudget }
                if let v = records[r].value(of: name) {
                    count(v, of: r)
                } else {
                    missing.append(Self.missing(name, of: records[r]))
                }
            } else if hasBody {
                let b = run(s.c, steps, p)
                switch b {
                case .value(let val, _): count(val, of: r)
                case .missing(let m): missing += m
                case .failure: return b
                }
            } else {
                considered += 1
                if keepsValues { values.append(nil) }
                if keepsRecords { kept.append(records[r]) }
                if agg == .count, hasFilter { failing.append(records[r]) }
            }
        }
        seen.considered = considered
        // `all` and `any` can be decided despite missing data when a decisive record exists.
        if agg == .all, !failing.isEmpty { seen.flagged = failing; return .value(.bool(false), origin: Origin(path: failing[0].factPath, mark: failing[0].mark)) }
        if agg == .any, !failing.isEmpty { return .value(.bool(true), origin: origin) }
        if !missing.isEmpty { return .missing(missing) }
        switch agg {
        case .count:
            seen.flagged = failing
            return .value(.int(Int64(considered)), origin: origin)
        case .any: return .value(.bool(false), origin: origin)
        case .all: return .value(.bool(true), origin: origin)
        case .sum:
            var acc: Value = .int(0)
            if let first = values.first ?? nil, case .percent = first { acc = .percent(0) }
            for val in values {
                let r = Self.arithmetic(.add, acc, val!, origin: nil)
                guard let nv = r.value else { return r }
                acc = nv
            }
            return .value(acc, origin: origin)
        case .perWeek, .perMonth:
            let periods = agg == .perWeek ? context.calendar.requiredWeeks(in: context.period) : context.calendar.wholeMonths(in: context.period)
            guard !periods.isEmpty else {
                return .failure(agg == .perWeek ? .noWholeWeek(context.period) : .noWholeMonth(context.period))
            }
            var counts = [Int](repeating: 0, count: periods.count)
            for v in values {
                guard case .date(let d)? = v else { continue }
                // The periods are in order and apart (WorkCalendar): the last to start by `d`
                // is the only one that can hold it.
                var lo = 0, hi = periods.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if periods[mid].start <= d { lo = mid + 1 } else { hi = mid }
                }
                if lo > 0, periods[lo - 1].contains(d) { counts[lo - 1] += 1 }
            }
            seen.periodCounts = Array(zip(periods, counts)).map { (period: $0.0, count: $0.1) }
            return .value(.int(Int64(counts.min() ?? 0)), origin: origin)
        case .min, .max:
            guard !values.isEmpty else {
                return .failure(.emptyAggregate(agg.rawValue, list: list))
            }
            var best = 0
            for i in values.indices.dropFirst() where Self.compare(agg == .min ? .less : .greater, values[i]!, values[best]!) { best = i }
            return .value(values[best]!, origin: Origin(path: kept[best].factPath, mark: kept[best].mark))
        }
    }
}
