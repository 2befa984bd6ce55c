/// A parsed, type-checked expression from a rule's `when` or `expect`.
///
/// Every node keeps its position in the rule file, so type errors point at
/// the exact operand.
package struct Expression: Sendable {
    package indirect enum Kind: Sendable {
        case literal(Value)
        /// A top-level report fact, by dotted path.
        case fact(String)
        /// A rule parameter (`params.min_days`).
        case param(String)
        /// A variable bound by a comprehension, or one of its record's fields (`c.days`).
        case variable(String, field: String?)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(String, [Expression])
        /// `count(c in cases where c.late)`, `sum(c in cases: c.days)`.
        case comprehension(Aggregate, variable: String, list: String, filter: Expression?, body: Expression?)
        case list([Expression])
    }
    package var kind: Kind
    /// Unique within its rule's `expect` once compiled (0 before): evaluation records each
    /// node's outcome by it, so that a result's culprit is read, not computed again.
    package var id = 0
    package var mark: Mark
    /// For a call: the function, resolved once by the type checker.
    var builtin: Builtin?
    /// Filled in by the type checker.
    package var type: ExprType
    /// The expression as written (for `explain`).
    package var text: String

    package init(_ kind: Kind, at mark: Mark, type: ExprType = .boolean, text: String = "") {
        self.kind = kind
        self.mark = mark
        self.type = type
        self.text = text
    }

    /// The same tree with every node numbered in pre-order from `start`; returns the next number.
    /// Recursive, on trees already bounded in depth by the compiler.
    func numbered(from start: Int = 1) -> (Expression, Int) {
        var e = self
        e.id = start
        var next = start + 1
        func number(_ x: Expression) -> Expression {
            let (n, after) = x.numbered(from: next)
            next = after
            return n
        }
        switch kind {
        case .literal, .fact, .param, .variable: break
        case .unary(let op, let a): e.kind = .unary(op, number(a))
        case .binary(let op, let a, let b):
            let na = number(a)
            e.kind = .binary(op, na, number(b))
        case .call(let name, let args): e.kind = .call(name, args.map(number))
        case .list(let items): e.kind = .list(items.map(number))
        case .comprehension(let agg, let v, let list, let f, let b):
            let nf = f.map(number)
            e.kind = .comprehension(agg, variable: v, list: list, filter: nf, body: b.map(number))
        }
        return (e, next)
    }

    /// Size and depth of the tree, worked out without recursion (so that it is safe to ask of a
    /// tree too deep to type-check): node count, depth, and how deeply comprehensions nest.
    var shape: (nodes: Int, depth: Int, comprehensionNesting: Int) {
        var nodes = 0, depth = 0, nesting = 0
        var work: [(Expression, Int, Int)] = [(self, 1, 0)]
        while let (e, d, c) = work.popLast() {
            nodes += 1
            depth = max(depth, d)
            nesting = max(nesting, c)
            switch e.kind {
            case .literal, .fact, .param, .variable: break
            case .unary(_, let a): work.append((a, d + 1, c))
            case .binary(_, let a, let b): work.append((a, d + 1, c)); work.append((b, d + 1, c))
            case .call(_, let args): for a in args { work.append((a, d + 1, c)) }
            case .list(let items): for a in items { work.append((a, d + 1, c)) }
            case .comprehension(_, _, _, let f, let b):
                nesting = max(nesting, c + 1)
                if let f { work.append((f, d + 1, c + 1)) }
                if let b { work.append((b, d + 1, c + 1)) }
            }
        }
        return (nodes, depth, nesting)
    }

    /// Every top-level fact path and list fact the expression reads, in order.
    package var factPaths: [String] {
        var out: [String] = []
        func walk(_ e: Expression) {
            switch e.kind {
            case .fact(let p): out.append(p)
            case .literal, .param, .variable: break
            case .unary(_, let a): walk(a)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            case .comprehension(_, _, let list, let f, let b):
                out.append(list)
                if let f { walk(f) }
                if let b { walk(b) }
            case .list(let items): items.forEach(walk)
            }
        }
        walk(self)
        return out
    }
}

package enum UnaryOperator: String, Sendable { case negate = "-", not }

package enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or
    case `in`, notIn = "not in"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
    var isArithmetic: Bool { self == .add || self == .subtract || self == .multiply || self == .divide }
}

/// The aggregate functions over lists of records.
package enum Aggregate: String, Sendable, CaseIterable {
    case count, sum, min, max, any, all
    /// The fewest dates in one required week / whole month of the window (weekly and monthly duties).
    case perWeek = "per_week", perMonth = "per_month"
}
