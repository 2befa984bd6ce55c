/// `qcdc explain`: everything about one rule, and optionally how it evaluated on a report.
public struct Explainer: Sendable {
    /// The rule set the rules belong to (for fact labels and category names).
    public let ruleSet: RuleSet
    /// The language of the text.
    public var language: Language

    /// An explainer for rules of `ruleSet`, writing in `language`.
    public init(ruleSet: RuleSet, language: Language = .vi) {
        self.ruleSet = ruleSet
        self.language = language
    }

    /// The rule's title, basis (with quoted text), facts, condition in words and as written, parameters and examples.
    public func explain(_ rule: Rule) -> String {
        let lang = language
        let l = Localizer(lang)
        var o = "\(rule.id) — \(rule.title.text(lang))\n"
        if let d = rule.descriptionText(lang) { o += "  \(d)\n" }
        o += "\n"
        o += "\(l(.explainRuleSet)): \(rule.ruleSet) (\(rule.location))\n"
        o += "\(l(.explainAppliesTo)): \(rule.appliesTo.map { "\($0.name(lang)) (`\($0.rawValue)`)" }.joined(separator: ", "))\n"
        o += "\(l(.explainInForce)): \(rule.inForce.from?.description ?? "…") → \(rule.inForce.until?.description ?? "…")\n"
        let cat = ruleSet.categories[rule.category]?.name.text(lang) ?? rule.category
        o += "\(l(.explainSeverity)): \(l.severity(rule.severity)) · \(l(.explainCategory)): \(cat) (`\(rule.category)`) · \(l(.explainWeight)): \(Value.format(rule.weight))"
        if rule.disabled { o += " · " + l(.explainDisabled) }
        o += "\n\n\(l(.explainBasis(kind: l.kind(rule.kind), strength: l.strength(rule.strength)))):\n"
        for c in rule.basis {
            o += "  - [\(l.kind(c.kind)), \(l.strength(c.strength))] \(c.short(lang))\n"
            if let n = c.name?.text(lang), n.count > 48 { o += "    \(n)\n" }
            if let q = c.quote { o += "    “\(q)”\n" }
            if let u = c.url { o += "    \(u)\n" }
            if let n = c.note { o += "    \(l(.explainNote)): \(n.text(lang))\n" }
        }
        o += "\n\(l(.explainFactsRead)):\n"
        for p in rule.factsRead {
            guard let f = ruleSet.facts[p] else { continue }
            var line = "  - `\(p)` (\(f.type.name(lang))"
            if let u = f.unit?.text(lang) { line += ", \(u)" }
            line += "): \(f.label.text(lang))"
            o += line + "\n"
            for field in f.fields { o += "      `.\(field.path)` (\(field.type.name(lang))): \(field.label.text(lang))\n" }
        }
        var describer = ExpressionDescriber(ruleSet: ruleSet, rule: rule, lang: lang)
        if let w = rule.when {
            o += "\n\(l(.explainOnlyWhen)):\n"
            o += "  \(l(.explainInWords)): \(describer.describe(w))\n"
            o += "  \(l(.explainAsWritten)): `\(oneLine(w.text))`\n"
        }
        o += "\n\(l(.explainRequirement)):\n"
        o += "  \(l(.explainInWords)): \(describer.describe(rule.expect))\n"
        o += "  \(l(.explainAsWritten)): `\(oneLine(rule.expect.text))`\n"
        if !rule.parameters.isEmpty {
            o += "\n\(l(.explainParameters)): "
            o += rule.parameters.keys.sorted().map { name in
                let now = rule.parameters[name]!
                guard let own = rule.declaredParameters[name], own.value.description != now.value.description else { return "`\(name)` = \(now.value)" }
                return "`\(name)` = \(now.value) (" + l(.explainOverridden(own: own.value, at: now.location)) + ")"
            }.joined(separator: ", ") + "\n"
        }
        o += "\n\(l(.explainExamples)):\n"
        for ex in rule.examples {
            var line = "  \(l.status(ex.expected).padding(toLength: 20, withPad: " ", startingAt: 0))"
            if let n = ex.name { line += "\(n.text(lang)): " }
            if let k = ex.kind { line += "[\(k.name(lang))] " }
            if let p = ex.period { line += "[\(p)] " }
            line += "`" + NodeFlow.render(ex.facts) + "`"
            o += line + "\n"
        }
        return o
    }

    /// How the rule evaluated on a report: its result and every sub-expression's value.
    public func explain(_ rule: Rule, on report: UnitReport) -> String {
        let lang = language
        let l = Localizer(lang)
        let (r, trace) = Engine(ruleSet: ruleSet).evaluateTraced(rule, on: report, tracing: true)
        var o = "\(rule.id) \(l(.explainOn)) \(report.file): \(l.status(r.status))\n"
        o += "  \(r.location)"
        if !r.location.path.isEmpty { o += " (`\(r.location.path)`)" }
        o += ": \(r.message(lang))\n"
        if let w = r.window { o += "  \(l(.explainPeriodJudged)): \(w.start) → \(w.end)\n" }
        if let reason = r.reason(lang) { o += "  \(l(.explainReason)): \(reason)\n" }
        if let e = r.expected { o += "  \(l(.explainExpected)): `\(e)`\n" }
        if let a = r.actual { o += "  \(l(.explainActual)): `\(a)`\n" }
        for f in r.flagged { o += "  " + l(.explainFlagged(f.id ?? f.path, at: f.location)) + "\n" }
        guard !trace.isEmpty else { return o }
        o += "\n\(l(.explainSubExpressions)):\n"
        for step in trace {
            let pad = String(repeating: "  ", count: step.depth + 1)
            guard let outcome = step.outcome else {   // a record of a list, in an aggregate
                o += pad + "• `" + step.text + "` (\(report.file):\(step.mark.line):\(step.mark.column))\n"
                continue
            }
            var text = oneLine(step.text)
            if text.count > 90 { text = String(text.prefix(87)) + "…" }
            o += pad + "`" + text + "`  →  " + outcome.text(lang) + "\n"
        }
        return o
    }
}

/// An expression written over several YAML lines, on one line with single spaces.
private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
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
