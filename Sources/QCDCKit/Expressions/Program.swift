/// An expression compiled for evaluation: its nodes in one array of plain steps, children by
/// index, names resolved. A rule set compiles its rules' once (``RulePrograms``), when it is
/// compiled or read.
///
/// Walking the tree itself cost what the evaluation did not need: matching a node copied the
/// nodes under it (each holds four references), a parameter was found by name in a dictionary
/// and a comprehension's variable by name in a list, at every step of every report. A step is
/// plain data, so reading one costs no reference count; a parameter's value is the step's
/// literal; a variable is a slot, the depth of the comprehension that binds it.
package struct Program: Sendable {
    enum Code: UInt8, Sendable {
        /// `values[a]`: a literal or a parameter's value.
        case literal
        /// The report fact at path `names[a]`.
        case fact
        /// Fails with `failures[a]` (a parameter with no value, an unbound variable, an
        /// unknown function).
        case fail
        /// The record in slot `a`.
        case record
        /// Field `names[b]` of the record in slot `a`.
        case field
        /// `unary` applied to step `a`.
        case unary
        /// `and` / `or` (Kleene logic) of steps `a` and `b`.
        case and, or
        /// `binary` applied to steps `a` and `b`.
        case binary
        /// The list of steps `children[a ..< a + b]`.
        case list
        /// `builtin` called on steps `children[a ..< a + b]`.
        case call
        /// `exists` of the fact at `names[a]`.
        case existsFact
        /// `exists` of field `names[b]` of the record in slot `a`.
        case existsField
        /// `if(a, b, c)`: only the branch taken is evaluated.
        case `if`
        /// `aggregate` over the list fact `names[a]`, binding `names[d]` in the next slot:
        /// filter `b` and body `c` (-1 when absent).
        case comprehension
    }

    struct Step: Sendable {
        var code: Code
        var unary = UnaryOperator.not
        var binary = BinaryOperator.add
        var builtin = Builtin.min
        var aggregate = Aggregate.count
        var a: Int32 = -1, b: Int32 = -1, c: Int32 = -1, d: Int32 = -1
        /// The node's ``Expression/id``, by which its outcome is recorded.
        var id: Int32 = 0
        /// For a fact, `exists` of a fact or a comprehension's list: the fact's slot in
        /// ``Storage/slots`` (-1 when the path is not declared there or there are none).
        var slot: Int32 = -1
        /// Whether an evaluation that records keeps this step's outcome (``Recorded``).
        var recorded = true
    }

    /// Which steps' outcomes an evaluation that records (``Evaluator/startRecording(nodes:)``)
    /// keeps: every one, or only those a result's culprit can read (``Culprit/read(_:)``), as a
    /// rule's requirement is compiled. Keeping every outcome, and clearing it for the next rule,
    /// was most of what recording cost.
    package enum Recorded: Sendable { case all, culprit }

    final class Storage: Sendable {
        let steps: [Step]
        let values: [Value]
        let names: [String]
        let failures: [Message]
        let children: [Int32]
        /// The slots the steps' facts were resolved against, if any.
        let slots: FactSlots?
        /// The expression and its parameters, compiled again with each step's text and position
        /// for a trace (`qcdc explain --report`), which only that needs.
        let source: Expression
        let parameters: [String: Value]
        let recorded: Recorded
        /// Each step's text and position, when compiled for a trace.
        let texts: [String]
        let marks: [Mark]
        /// For each name a fact step reads, what a lookup that finds it missing gives (by its
        /// slot): made once, not as a new one-element array at every missing lookup.
        let missing: [[MissingFact]]

        init(_ b: Builder) {
            steps = b.steps
            values = b.values
            names = b.names
            failures = b.failures
            children = b.children
            slots = b.slots
            source = b.source
            parameters = b.parameters
            recorded = b.recorded == nil ? .all : .culprit
            texts = b.texts
            marks = b.marks
            missing = b.names.map { [MissingFact(FactPath($0), slot: b.slot(of: $0))] }
        }
    }

    let storage: Storage

    /// `e` compiled, with `parameters` (the rule's) as the values of its `params.…`, reading the
    /// facts declared in `slots` by slot (reports read against the same rule set; others are
    /// read by path). `nodes`, when known, is how many nodes `e` has: the arrays are sized at
    /// once (growing them was most of the cost of compiling the built-in rules at start-up).
    /// `tracing` keeps each step's text and position.
    package init(_ e: Expression, parameters: [String: Value], slots: FactSlots? = nil, nodes: Int? = nil,
                 tracing: Bool = false, recorded: Recorded = .all) {
        var b = Builder(source: e, parameters: parameters, slots: slots, tracing: tracing)
        if recorded == .culprit { b.recorded = Culprit.read(e) }
        let n = nodes ?? 16   // a precondition is a few nodes; the arrays grow if not
        b.steps.reserveCapacity(n)
        if tracing {
            b.texts.reserveCapacity(n)
            b.marks.reserveCapacity(n)
        }
        _ = b.add(e)
        storage = Storage(b)
    }

    /// This program compiled again with each step's text and position, for a trace.
    var traced: Program {
        storage.texts.isEmpty
            ? Program(storage.source, parameters: storage.parameters, slots: storage.slots, tracing: true, recorded: storage.recorded) : self
    }

    struct Builder {
        let source: Expression
        let parameters: [String: Value]
        let slots: FactSlots?
        let tracing: Bool
        var steps: [Step] = []
        var values: [Value] = []
        var names: [String] = []
        var failures: [Message] = []
        var children: [Int32] = []
        var texts: [String] = []
        var marks: [Mark] = []
        /// The ids of the nodes whose outcomes are recorded, or nil for all (``Recorded``).
        var recorded: Set<Int>?
        /// The variables bound around the node being compiled, outermost first: a variable's
        /// slot is the index of its innermost binding.
        var bound: [String] = []

        init(source: Expression, parameters: [String: Value], slots: FactSlots?, tracing: Bool) {
            self.source = source
            self.parameters = parameters
            self.slots = slots
            self.tracing = tracing
        }

        /// The slot of the fact at `path`, or -1.
        func slot(of path: String) -> Int32 { slots?.slot(path).map(Int32.init) ?? -1 }

        mutating func name(_ s: String) -> Int32 {
            if let i = names.firstIndex(of: s) { return Int32(i) }
            names.append(s)
            return Int32(names.count - 1)
        }

        mutating func value(_ v: Value) -> Int32 {
            values.append(v)
            return Int32(values.count - 1)
        }

        mutating func failure(_ m: Message) -> Int32 {
            failures.append(m)
            return Int32(failures.count - 1)
        }

        /// Compiles `e` and the nodes under it (recursive, on trees bounded in depth by the
        /// compiler), returning its step's index.
        mutating func add(_ e: Expression) -> Int32 {
            let i = Int32(steps.count)
            steps.append(Step(code: .literal, id: Int32(e.id), recorded: recorded?.contains(e.id) ?? true))
            if tracing {
                texts.append(e.text)
                marks.append(e.mark)
            }
            var s = steps[Int(i)]
            func binding(_ v: String) -> Int32? { bound.lastIndex(of: v).map(Int32.init) }
            switch e.kind {
            case .literal(let v):
                s.a = value(v)
            case .fact(let path):
                s.code = .fact
                s.a = name(path)
                s.slot = slot(of: path)
            case .param(let p):
                if let v = parameters[p] {
                    s.a = value(v)
                } else {
                    s.code = .fail
                    s.a = failure(.cannotEvaluate("parameter \(p) has no value"))
                }
            case .variable(let v, let field):
                if let slot = binding(v) {
                    s.code = field == nil ? .record : .field
                    s.a = slot
                    if let field { s.b = name(field) }
                } else {
                    s.code = .fail
                    s.a = failure(.cannotEvaluate("variable \(v) is unbound"))
                }
            case .unary(let op, let x):
                s.code = .unary
                s.unary = op
                s.a = add(x)
            case .binary(let op, let x, let y):
                s.code = op == .and ? .and : op == .or ? .or : .binary
                s.binary = op
                s.a = add(x)
                s.b = add(y)
            case .list(let items):
                s.code = .list
                let args = items.map { add($0) }
                s.a = Int32(children.count)
                s.b = Int32(args.count)
                children += args
            case .call(let name, let args):
                guard let builtin = e.builtin ?? Builtin(rawValue: name) else {
                    s.code = .fail
                    s.a = failure(.cannotEvaluate("\(name)(…)"))
                    break
                }
                s.builtin = builtin
                // A rule set with errors is still compiled (and then not used): a call with the
                // wrong number of arguments, which the type checker reported, fails here rather
                // than being read past its end.
                let arity = builtin == .exists ? 1 : builtin == .if ? 3 : nil
                if let arity, args.count != arity {
                    s.code = .fail
                    s.a = failure(.cannotEvaluate("\(name)(…)"))
                    break
                }
                switch builtin {
                case .exists:
                    // Looks at its argument unevaluated: a fact or a record's field is asked
                    // for, anything else does not exist.
                    switch args[0].kind {
                    case .fact(let p):
                        s.code = .existsFact
                        s.a = self.name(p)
                        s.slot = self.slot(of: p)
                    case .variable(let v, let f?):
                        if let slot = binding(v) {
                            s.code = .existsField
                            s.a = slot
                            s.b = self.name(f)
                        } else {
                            s.a = value(.bool(false))   // an unbound variable's field is not given
                        }
                    default:
                        s.a = value(.bool(false))
                    }
                case .if:
                    s.code = .if
                    s.a = add(args[0])
                    s.b = add(args[1])
                    s.c = add(args[2])
                default:
                    s.code = .call
                    let compiled = args.map { add($0) }
                    s.a = Int32(children.count)
                    s.b = Int32(compiled.count)
                    children += compiled
                }
            case .comprehension(let agg, let v, let list, let filter, let body):
                s.code = .comprehension
                s.aggregate = agg
                s.a = name(list)
                s.slot = slot(of: list)
                // The variable's own spelling, for traces: `name` would reuse a canonically
                // equivalent one written earlier (`é` and `e` with a combining accent).
                names.append(v)
                s.d = Int32(names.count - 1)
                bound.append(v)
                if let filter { s.b = add(filter) }
                if let body { s.c = add(body) }
                bound.removeLast()
            }
            steps[Int(i)] = s
            return i
        }
    }
}
