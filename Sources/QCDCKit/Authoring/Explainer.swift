/// `qcdc explain`: everything about one rule, and optionally how it evaluated on a report.
public struct Explainer: Sendable {
    public let ruleSet: RuleSet
    public var language: Language

    public init(ruleSet: RuleSet, language: Language = .vi) {
        self.ruleSet = ruleSet
        self.language = language
    }

    private func vi(_ v: String, _ e: String) -> String { language.pick(v, e) }

    /// The rule's title, basis (with quoted text), facts, condition in words and as written, parameters and examples.
    public func explain(_ rule: Rule) -> String {
        let lang = language
        var o = "\(rule.id) — \(rule.title.text(lang))\n"
        if let d = rule.descriptionText(lang) { o += "  \(d)\n" }
        o += "\n"
        o += "\(vi("Bộ quy tắc", "Rule set")): \(rule.ruleSet) (\(rule.location))\n"
        o += "\(vi("Áp dụng cho", "Applies to")): \(rule.appliesTo.map(\.rawValue).joined(separator: ", "))\n"
        o += "\(vi("Hiệu lực", "In force")): \(rule.inForce.from?.description ?? "…") → \(rule.inForce.until?.description ?? "…")\n"
        let cat = ruleSet.categories[rule.category]?.name.text(lang) ?? rule.category
        o += "\(vi("Mức độ", "Severity")): \(rule.severity.rawValue) · \(vi("Nhóm", "Category")): \(rule.category) (\(cat)) · \(vi("Trọng số", "Weight")): \(Value.format(rule.weight))"
        if rule.disabled { o += " · " + vi("ĐÃ TẮT bởi overlay", "DISABLED by an overlay") }
        o += "\n\n\(vi("Căn cứ", "Basis")) (\(rule.kind.rawValue), \(vi("độ tin cậy", "strength")): \(rule.strength.rawValue)):\n"
        for c in rule.basis {
            o += "  - [\(c.kind.rawValue), \(c.strength.rawValue)] \(c.short(lang))\n"
            if let n = c.name?.text(lang), n.count > 48 { o += "    \(n)\n" }
            if let q = c.quote { o += "    “\(q)”\n" }
            if let u = c.url { o += "    \(u)\n" }
            if let n = c.note { o += "    \(vi("Ghi chú", "Note")): \(n)\n" }
        }
        o += "\n\(vi("Dữ kiện sử dụng", "Facts read")):\n"
        for p in rule.factsRead {
            guard let f = ruleSet.facts[p] else { continue }
            var line = "  - \(p) (\(f.type.name)"
            if let u = f.unit?.text(lang) { line += ", \(u)" }
            line += "): \(f.label.text(lang))"
            o += line + "\n"
            for field in f.fields { o += "      .\(field.path) (\(field.type.name)): \(field.label.text(lang))\n" }
        }
        var describer = ExpressionDescriber(ruleSet: ruleSet, rule: rule, lang: lang)
        if let w = rule.when {
            o += "\n\(vi("Chỉ áp dụng khi", "Only when")):\n"
            o += "  \(vi("bằng lời", "in words")): \(describer.describe(w))\n"
            o += "  \(vi("như viết", "as written")): \(w.text)\n"
        }
        o += "\n\(vi("Yêu cầu", "Requirement")):\n"
        o += "  \(vi("bằng lời", "in words")): \(describer.describe(rule.expect))\n"
        o += "  \(vi("như viết", "as written")): \(rule.expect.text)\n"
        if !rule.parameters.isEmpty {
            o += "\n\(vi("Tham số", "Parameters")): "
            o += rule.parameters.keys.sorted().map { name in
                let now = rule.parameters[name]!
                guard let own = rule.declaredParameters[name], own.value.description != now.value.description else { return "\(name) = \(now.value)" }
                return "\(name) = \(now.value) (" + vi("bộ quy tắc bổ sung thay cho \(own.value), tại \(now.location)",
                                                     "set by an overlay instead of \(own.value), at \(now.location)") + ")"
            }.joined(separator: ", ") + "\n"
        }
        o += "\n\(vi("Ví dụ", "Examples")):\n"
        for ex in rule.examples {
            var line = "  \(ex.expected.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0))"
            if let n = ex.name { line += "\(n): " }
            if let k = ex.kind { line += "[\(k.rawValue)] " }
            if let p = ex.period { line += "[\(p)] " }
            line += NodeFlow.render(ex.facts)
            o += line + "\n"
        }
        return o
    }

    /// How the rule evaluated on a report: its result and every sub-expression's value.
    public func explain(_ rule: Rule, on report: UnitReport) -> String {
        let lang = language
        let engine = Engine(ruleSet: ruleSet)
        let (r, trace) = engine.evaluateTraced(rule, on: report, tracing: true)
        var o = "\(rule.id) \(vi("trên", "on")) \(report.file): \(r.status.rawValue)\n"
        o += "  \(r.location.file):\(r.location.line):\(r.location.column)"
        if !r.location.path.isEmpty { o += " (\(r.location.path))" }
        o += ": \(r.message(lang))\n"
        if let w = r.window { o += "  \(vi("Kỳ được đánh giá", "Period judged")): \(w.start) → \(w.end)\n" }
        if let reason = r.reason(lang) { o += "  \(vi("Lý do", "Reason")): \(reason)\n" }
        if let e = r.expected { o += "  \(vi("Yêu cầu", "Expected")): \(e)\n" }
        if let a = r.actual { o += "  \(vi("Thực tế", "Actual")): \(a)\n" }
        for f in r.flagged { o += "  \(vi("Vụ việc", "Flagged")): \(f.id ?? f.path) at \(f.location.file):\(f.location.line):\(f.location.column)\n" }
        if !trace.isEmpty {
            o += "\n\(vi("Giá trị từng biểu thức con", "Each sub-expression's value")):\n"
            for step in trace {
                let pad = String(repeating: "  ", count: step.depth + 1)
                guard let outcome = step.outcome else {   // a record of a list, in an aggregate
                    o += pad + "• " + step.text + " (\(report.file):\(step.mark.line):\(step.mark.column))\n"
                    continue
                }
                var text = step.text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
                if text.count > 90 { text = String(text.prefix(87)) + "…" }
                o += pad + text + "  →  " + outcome.text(lang) + "\n"
            }
        }
        return o
    }
}

extension Rule {
    func descriptionText(_ lang: Language) -> String? { definition.description?.text(lang) }
}

/// Compact flow-style YAML for example fragments.
enum NodeFlow {
    static func render(_ n: Node) -> String {
        switch n.kind {
        case .scalar(let t, let style):
            return style.isPlain ? (t.isEmpty ? "~" : t) : "\"\(t)\""
        case .sequence(let items):
            return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
