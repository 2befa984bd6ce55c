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

    private func vi(_ v: String, _ e: String) -> String { lang.pick(v, e) }

    private func label(_ path: String) -> String {
        ruleSet.facts[path]?.label.text(lang) ?? path
    }

    mutating func describe(_ e: Expression) -> String {
        switch e.kind {
        case .literal(let v): return v.description
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
        case .unary(.not, let a): return vi("không phải ", "not ") + "(" + describe(a) + ")"
        case .unary(.negate, let a): return "-" + describe(a)
        case .binary(let op, let a, let b):
            let l = wrap(a), r = wrap(b)
            switch op {
            case .and: return "\(l) \(vi("và", "and")) \(r)"
            case .or: return "\(l) \(vi("hoặc", "or")) \(r)"
            case .in: return "\(l) \(vi("thuộc", "is one of")) \(r)"
            case .notIn: return "\(l) \(vi("không thuộc", "is not one of")) \(r)"
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
            let which = f.map { vi(" có \($0)", " where \($0)") } ?? ""
            switch agg {
            case .count: return vi("số mục trong \(l)\(which)", "the number of entries in \(l)\(which)")
            case .sum: return vi("tổng \(b ?? "") trên \(l)\(which)", "the sum of \(b ?? "") over \(l)\(which)")
            case .min: return vi("giá trị nhỏ nhất của \(b ?? "") trên \(l)\(which)", "the smallest \(b ?? "") over \(l)\(which)")
            case .max: return vi("giá trị lớn nhất của \(b ?? "") trên \(l)\(which)", "the largest \(b ?? "") over \(l)\(which)")
            case .all: return vi("mọi mục trong \(l)\(which) đều thỏa: \(b ?? "")", "every entry in \(l)\(which) satisfies: \(b ?? "")")
            case .any: return vi("có ít nhất một mục trong \(l)\(which) thỏa: \(b ?? "")", "at least one entry in \(l)\(which) satisfies: \(b ?? "")")
            case .perWeek: return vi("số ngày ít nhất trong một tuần (theo \(b ?? "") của \(l)\(which))", "the fewest days in any week (by \(b ?? "") of \(l)\(which))")
            case .perMonth: return vi("số ngày ít nhất trong một tháng (theo \(b ?? "") của \(l)\(which))", "the fewest days in any month (by \(b ?? "") of \(l)\(which))")
            }
        }
    }

    private mutating func wrap(_ e: Expression) -> String {
        if case .binary(let op, _, _) = e.kind, op == .and || op == .or || op.isArithmetic { return "(" + describe(e) + ")" }
        return describe(e)
    }
}
