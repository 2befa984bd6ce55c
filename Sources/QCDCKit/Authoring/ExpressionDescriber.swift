/// Renders an expression in plain words, with fact labels instead of paths,
/// for `qcdc explain`.
struct ExpressionDescriber {
    let ruleSet: RuleSet
    let rule: Rule
    let lang: Language
    private var scope: [String: String] = [:]

    init(ruleSet: RuleSet, rule: Rule, lang: Language) {
        self.ruleSet = ruleSet
        self.rule = rule
        self.lang = lang
    }

    private func label(_ path: String) -> String {
        ruleSet.facts[path]?.label.text(lang) ?? path
    }

    mutating func describe(_ e: Expression) -> String {
        switch e.kind {
        case .literal(.string(let s)): return "`\(s)`"   // an option of a fact, as the report writes it
        case .literal(let v): return v.traceText(lang)
        case .fact(let p): return "«\(label(p))»"
        case .param(let n): return rule.parameters[n]?.value.description ?? n
        case .variable(let v, let field):
            guard let field else { return v }
            let list = scope[v] ?? ""
            return "«" + (ruleSet.facts[list]?.fields.first { $0.path == field }?.label.text(lang) ?? field) + "»"
        case .list(let items):
            var parts: [String] = []
            for i in items { parts.append(describe(i)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .unary(.not, let a): return Message.inWordsNot(describe(a)).text(lang)
        case .unary(.negate, let a): return "-" + describe(a)
        case .binary(let op, let a, let b):
            let l = wrap(a), r = wrap(b)
            switch op {
            case .and, .or, .in, .notIn: return Message.inWords(l, op, r).text(lang)
            case .greaterOrEqual: return "\(l) ≥ \(r)"
            case .lessOrEqual: return "\(l) ≤ \(r)"
            case .notEqual: return "\(l) ≠ \(r)"
            case .equal: return "\(l) = \(r)"
            case .multiply: return "\(l) × \(r)"
            case .divide: return "\(l) ÷ \(r)"
            default: return "\(l) \(op.rawValue) \(r)"
            }
        case .call(let name, let args):
            var a: [String] = []
            for x in args { a.append(describe(x)) }
            return Builtin(rawValue: name)?.describe(a, lang) ?? "\(name)(\(a.joined(separator: ", ")))"
        case .comprehension(let agg, let v, let list, let filter, let body):
            let saved = scope[v]
            scope[v] = list
            defer { scope[v] = saved }
            let l = "«\(label(list))»"
            let f = filter.map { describe($0) }
            let b = body.map { describe($0) }
            return Message.inWords(agg, list: l, filter: f, body: b ?? "").text(lang)
        }
    }

    private mutating func wrap(_ e: Expression) -> String {
        if case .binary(let op, _, _) = e.kind, op == .and || op == .or || op.isArithmetic { return "(" + describe(e) + ")" }
        return describe(e)
    }
}
