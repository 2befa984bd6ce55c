/// Resolves fact paths and parameters and assigns a type to every node,
/// reporting every error with its position in the rule file.
struct TypeChecker {
    let facts: [String: FactDeclaration]
    let parameters: [String: RuleParameter]
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Comprehension variables in scope: name → list fact path.
    private var scope: [String: String] = [:]

    init(facts: [String: FactDeclaration], parameters: [String: RuleParameter], file: String) {
        self.facts = facts
        self.parameters = parameters
        self.file = file
    }

    /// The messages that name something the expression refers to but the rule set lacks.
    static let unknownNames: Set<String> = ["expression.type.group", "expression.type.unknown_fact", "expression.type.unknown_parameter",
                                            "expression.type.unknown_variable", "expression.type.no_field", "expression.type.unknown_list",
                                            "expression.type.unknown_function"]

    /// Once an expression names something unknown, the type errors that follow from it (`a.bb >= 5`
    /// with `a.bb` unknown: "cannot compare boolean with integer") only mislead: of the diagnostics
    /// from `start` on, keeps the unknown names alone when there is one.
    mutating func dropCascades(from start: Int) {
        let added = diagnostics[start...]
        guard added.contains(where: { Self.unknownNames.contains($0.message.key) }) else { return }
        diagnostics = Array(diagnostics[..<start]) + added.filter { Self.unknownNames.contains($0.message.key) }
    }

    mutating func error(_ message: Message, _ mark: Mark, _ notes: [Message] = []) {
        diagnostics.append(Diagnostic(.error, DiagnosticCode(.expression, "type"), message, at: mark.located(in: file), notes: notes))
    }

    private func unknownFactNotes(_ path: String) -> [Message] {
        var notes = Suggest.note(for: path, in: facts.keys)
        if notes.isEmpty { notes = [.declareFact] }
        return notes
    }

    /// Checks `e` and returns it with types filled in; `expected` is the type the context needs.
    mutating func check(_ e: Expression, expecting expected: ExprType? = nil) -> Expression {
        var out = e
        out.type = infer(&out)
        if let expected, out.type != expected, !(expected.isNumeric && out.type.isNumeric) {
            error(.expectedTypeHere(expected, text: e.text, is: out.type), e.mark)
        }
        return out
    }

    private static func numericResult(_ a: ExprType, _ b: ExprType, _ op: BinaryOperator) -> ExprType {
        if op == .divide { return .number }
        if a == .integer && b == .integer { return .integer }
        if a == .percent && b == .percent && (op == .add || op == .subtract) { return .percent }
        return .number
    }

    private mutating func infer(_ e: inout Expression) -> ExprType {
        switch e.kind {
        case .literal:
            return e.type
        case .fact(let path):
            guard let decl = facts[path] else {
                if facts.keys.contains(where: { $0.hasPrefix(path + ".") }) {
                    error(.groupNotFact(path), e.mark, [.nameOneOfItsFacts(facts.keys.sorted().first { $0.hasPrefix(path + ".") }!)])
                } else {
                    error(.unknownFact(path), e.mark, unknownFactNotes(path))
                }
                return .boolean
            }
            return decl.exprType
        case .param(let name):
            guard let p = parameters[name] else {
                error(.unknownParameter(name), e.mark, Suggest.note(for: name, in: parameters.keys) + [.declareParameter])
                return .integer
            }
            return p.type
        case .variable(let name, let field):
            guard let list = scope[name] else { error(.unknownVariable(name), e.mark); return .boolean }
            guard let field else { return .record(list) }
            guard let f = facts[list]?.fields.first(where: { $0.path == field }) else {
                error(.noSuchRecordField(list, field), e.mark,
                      Suggest.note(for: field, in: facts[list]?.fields.map(\.path) ?? []))
                return .boolean
            }
            return f.exprType
        case .unary(let op, let operand):
            let a = check(operand)
            e.kind = .unary(op, a)
            switch op {
            case .not:
                if a.type != .boolean { error(.needs("not", .boolean, text: a.text, is: a.type), a.mark) }
                return .boolean
            case .negate:
                if !a.type.isNumeric { error(.needs("-", .number, text: a.text, is: a.type), a.mark) }
                return a.type
            }
        case .binary(let op, let l, let r):
            return inferBinary(&e, op, l, r)
        case .list(let items):
            let typed = items.map { check($0) }
            e.kind = .list(typed)
            return .list(typed.first?.type ?? .string)
        case .call(let name, let args):
            return inferCall(&e, name, args)
        case .comprehension(let agg, let v, let list, let filter, let body):
            return inferComprehension(&e, agg, v, list, filter, body)
        }
    }

    /// Logical, arithmetic (numbers and dates), comparison and membership operators.
    private mutating func inferBinary(_ e: inout Expression, _ op: BinaryOperator, _ l: Expression, _ r: Expression) -> ExprType {
        let a = check(l), b = check(r)
        e.kind = .binary(op, a, b)
        switch op {
        case .and, .or:
            for x in [a, b] where x.type != .boolean {
                error(.needs(op.rawValue, .booleans, text: x.text, is: x.type), x.mark)
            }
            return .boolean
        case .add, .subtract, .multiply, .divide:
            if a.type == .date || b.type == .date {
                if op == .subtract && a.type == .date && b.type == .date { return .integer }
                if (op == .add || op == .subtract) && a.type == .date && b.type == .integer { return .date }
                if op == .add && a.type == .integer && b.type == .date { return .date }
                error(.cannotApply(op.rawValue, a.type, b.type), e.mark, [.dateArithmetic])
                return .date
            }
            for x in [a, b] where !x.type.isNumeric {
                error(.needs(op.rawValue, .numbers, text: x.text, is: x.type), x.mark)
            }
            return Self.numericResult(a.type, b.type, op)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let ordered = op != .equal && op != .notEqual
            if a.type.isNumeric && b.type.isNumeric { return .boolean }
            if a.type != b.type {
                error(.cannotCompare(a.type, a.text, b.type, b.text), e.mark)
            } else if ordered && (a.type == .string || a.type == .boolean) {
                error(.doesNotOrder(op.rawValue, a.type), e.mark)
            } else if case .records = a.type {
                error(.listsNotComparable, e.mark)
            }
            checkEnumLiteral(a, b)
            checkEnumLiteral(b, a)
            return .boolean
        case .in, .notIn:
            guard case .list = b.kind else {
                error(.inNeedsList, b.mark)
                return .boolean
            }
            if case .list(let items) = b.kind {
                for item in items where !(item.type == a.type || item.type.isNumeric && a.type.isNumeric) {
                    error(.listItemType(item.text, item.type, a.text, a.type), item.mark)
                }
                for item in items { checkEnumLiteral(a, item) }
            }
            return .boolean
        }
    }

    /// `count`, `any`, `all`, `sum`, `min`, `max`, `per_week`, `per_month` over a list fact.
    private mutating func inferComprehension(_ e: inout Expression, _ agg: Aggregate, _ v: String, _ list: String,
                                             _ filter: Expression?, _ body: Expression?) -> ExprType {
        guard let decl = facts[list] else {
            error(.unknownListFact(list), e.mark, unknownFactNotes(list))
            return .integer
        }
        guard case .list = decl.type else {
            error(.notAListOfRecords(list, decl.type), e.mark)
            return .integer
        }
        let saved = scope[v]
        scope[v] = list
        defer { scope[v] = saved }
        let f = filter.map { check($0, expecting: .boolean) }
        var b = body.map { check($0) }
        var result: ExprType
        switch agg {
        case .count:
            if let body { error(.countTakesNoBody, body.mark) }
            b = nil
            result = .integer
        case .any, .all:
            guard let bb = b else {
                error(.aggregateNeedsCondition(agg.rawValue), e.mark)
                return .boolean
            }
            if bb.type != .boolean { error(.aggregateNeedsBoolean(agg.rawValue, text: bb.text, is: bb.type), bb.mark) }
            result = .boolean
        case .perWeek, .perMonth:
            guard let bb = b, bb.type == .date else {
                error(.aggregateNeedsDate(agg.rawValue, example: "\(agg.rawValue)(\(v) in \(list): \(v).date)"), (b ?? e).mark)
                return .integer
            }
            result = .integer
        case .sum, .min, .max:
            guard let bb = b else {
                error(.aggregateNeedsValue(agg.rawValue, example: "\(agg.rawValue)(\(v) in \(list): \(v).days)"), e.mark)
                return .number
            }
            if !(bb.type.isNumeric || agg != .sum && bb.type == .date) {
                error(.needs("\(agg.rawValue)(…)", .numbers, text: bb.text, is: bb.type), bb.mark)
            }
            result = bb.type
        }
        e.kind = .comprehension(agg, variable: v, list: list, filter: f, body: b)
        return result
    }

    /// Comparing an enum fact with a string literal that is not one of its values is a typo.
    private mutating func checkEnumLiteral(_ a: Expression, _ b: Expression) {
        guard case .literal(.string(let s)) = b.kind else { return }
        var decl: FactDeclaration?
        if case .fact(let p) = a.kind { decl = facts[p] }
        if case .variable(let v, let field?) = a.kind, let list = scope[v] {
            decl = facts[list]?.fields.first { $0.path == field }
        }
        if let decl, case .enumeration(let values) = decl.type, !values.contains(s) {
            error(.notAnEnumValue(s, of: decl.path, values), b.mark,
                  Suggest.note(for: s, in: values))
        }
    }

    private mutating func inferCall(_ e: inout Expression, _ name: String, _ args: [Expression]) -> ExprType {
        if let agg = Aggregate(rawValue: name), agg != .min && agg != .max {
            error(.takesAList(name, signature: agg.signature), e.mark)
            return .integer
        }
        guard let builtin = Builtin(rawValue: name) else {
            error(.unknownFunction(name), e.mark,
                  Suggest.note(for: name, in: Builtin.allCases.map(\.rawValue) + Aggregate.allCases.map(\.rawValue)))
            return .boolean
        }
        let typed = args.map { check($0) }
        e.kind = .call(name, typed)
        e.builtin = builtin
        func arity(_ n: Int) -> Bool {
            if typed.count != n {
                error(.argumentCount(name, n, signature: builtin.signature), e.mark)
                return false
            }
            return true
        }
        func want(_ i: Int, _ t: ExprType) {
            let a = typed[i]
            if !(a.type == t || t.isNumeric && a.type.isNumeric) {
                error(.argumentType(i + 1, of: name, must: t, text: a.text, is: a.type), a.mark)
            }
        }
        if let (arguments, result) = builtin.fixedSignature {
            guard arity(arguments.count) else { return result }
            for (i, t) in arguments.enumerated() { want(i, t) }
            return result
        }
        switch builtin {
        case .min, .max:
            if typed.count < 2 {
                error(.twoOrMore(name), e.mark)
                return .number
            }
            if typed.allSatisfy({ $0.type == .date }) { return .date }
            for a in typed where !a.type.isNumeric { error(.needsNumbersOrDates(name, text: a.text, is: a.type), a.mark) }
            if typed.allSatisfy({ $0.type == .integer }) { return .integer }
            if typed.allSatisfy({ $0.type == .percent }) { return .percent }
            return .number
        case .abs:
            guard arity(1) else { return .number }
            want(0, .number)
            return typed[0].type
        case .len:
            guard arity(1) else { return .integer }
            if case .records = typed[0].type {} else { error(.lenNeedsList(typed[0].text, is: typed[0].type), typed[0].mark) }
            return .integer
        case .exists:
            guard arity(1) else { return .boolean }
            switch typed[0].kind {
            case .fact, .variable(_, field: .some): break
            default: error(.existsNeedsFact, typed[0].mark)
            }
            return .boolean
        case .if:
            guard arity(3) else { return .boolean }
            want(0, .boolean)
            if typed[1].type != typed[2].type && !(typed[1].type.isNumeric && typed[2].type.isNumeric) {
                error(.ifBranches(typed[1].type, typed[2].type), e.mark)
            }
            return typed[1].type == typed[2].type ? typed[1].type : .number
        default:
            return .boolean   // every other function has a fixed signature
        }
    }
}
