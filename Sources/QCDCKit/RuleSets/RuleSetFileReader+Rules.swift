extension RuleSetFileReader {
    static let ruleKeys = ["id", "title", "description", "basis", "applies_to", "in_force", "severity", "category",
                           "weight", "params", "when", "expect", "message", "examples", "per", "metric"]

    func parseRule(_ node: Node, ruleSet: String, reading r: inout NodeReading) -> RawRule? {
        let ident = node["id"]?.scalarText ?? "?"
        let what = "rule \(ident)"
        guard r.mapping(node, what, known: Self.ruleKeys,
                        required: ["id", "title", "basis", "applies_to", "severity", "category", "expect", "message", "examples"]) else { return nil }
        if let idNode = node["id"], !ident.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || "-_.".contains($0)) }) || ident.isEmpty {
            r.error("invalid_rule_id", "rule id '\(ident)' must be upper-case ASCII letters, digits, '-', '_' or '.'", idNode.mark)
        }
        let loc = (node.entry("id")?.keyMark ?? node.mark).located(in: r.file)
        let basis = parseBasis(node["basis"], what: what, reading: &r)
        if node["basis"] != nil, basis.isEmpty, node["basis"]?.items?.isEmpty == true {
            r.error("missing_key", "\(what) needs at least one citation in `basis`", node["basis"]!.mark)
        }
        // applies_to
        var kinds: [UnitKind] = []
        for k in r.list(node["applies_to"], what + ".applies_to") {
            guard let t = r.string(k, what + ".applies_to") else { continue }
            if let kind = UnitKind(rawValue: t) { kinds.append(kind) } else {
                r.error("invalid_value", "unknown unit kind '\(t)'", k.mark,
                        Suggest.note(for: t, in: UnitKind.allCases.map(\.rawValue)) + ["kinds: " + UnitKind.allCases.map(\.rawValue).joined(separator: ", ")])
            }
        }
        // in_force
        var window = DateWindow.always
        if let f = node["in_force"], r.mapping(f, what + ".in_force", known: ["from", "until"]) {
            window = DateWindow(from: r.date(f["from"], what + ".in_force.from"), until: r.date(f["until"], what + ".in_force.until"))
            if let a = window.from, let b = window.until, a > b {
                r.error("invalid_window", "\(what): in_force.from (\(a)) is after in_force.until (\(b))", f.mark)
            }
        }
        // severity
        var severity = Severity.error
        if let s = r.string(node["severity"], what + ".severity") {
            if let v = Severity(rawValue: s) { severity = v } else {
                r.error("invalid_value", "severity must be error, warning or info", node["severity"]!.mark, Suggest.note(for: s, in: ["error", "warning", "info"]))
            }
        }
        let weight = r.weight(node["weight"], what + ".weight") ?? 1
        // params
        var params: [String: RuleParameter] = [:]
        if let p = node["params"], r.mapping(p, what + ".params", known: p.entries?.map(\.key) ?? []) {
            for e in p.entries ?? [] {
                if let (v, t) = r.literal(e.value, "\(what).params.\(e.key)") {
                    params[e.key] = RuleParameter(name: e.key, value: v, type: t, location: e.value.mark.located(in: r.file))
                }
            }
        }
        // examples
        var examples: [RuleExample] = []
        for ex in r.list(node["examples"], what + ".examples") {
            let ew = "\(what) example"
            guard r.mapping(ex, ew, known: ["name", "status", "kind", "period", "report"], required: ["status", "report"]) else { continue }
            guard let st = r.string(ex["status"], ew + ".status") else { continue }
            guard let status = RuleStatus(rawValue: st), status != .waived else {
                r.error("invalid_value", "\(ew).status must be pass, fail, missing, not_applicable or error", ex["status"]!.mark,
                        Suggest.note(for: st, in: RuleStatus.allCases.map(\.rawValue)))
                continue
            }
            var kind: UnitKind?
            if let k = r.string(ex["kind"], ew + ".kind") {
                kind = UnitKind(rawValue: k)
                if kind == nil { r.error("invalid_value", "unknown unit kind '\(k)'", ex["kind"]!.mark) }
            }
            var period: Period?
            if let pn = ex["period"] {
                var pd: [Diagnostic] = []
                period = PeriodReader.read(pn, file: r.file, prefix: "ruleset", into: &pd)
                r.diags += pd
            }
            guard let report = ex["report"] else { continue }
            if report.entries == nil && !report.isNull {
                r.error("type_mismatch", "\(ew).report must be a mapping of facts", report.mark)
                continue
            }
            examples.append(RuleExample(expected: status, name: r.string(ex["name"], ew + ".name"), kind: kind,
                                        period: period, facts: report.isNull ? Node(.mapping([]), at: report.mark) : report,
                                        location: ex.mark.located(in: r.file)))
        }
        let title = r.localized(node["title"], what + ".title")
        let message = r.localized(node["message"], what + ".message")
        var rule = RuleDefinition(id: ident, title: title ?? LocalizedText(vi: ident, en: ident), basis: basis, appliesTo: kinds,
                                  inForce: window, severity: severity, category: r.string(node["category"], what + ".category") ?? "",
                                  weight: weight, parameters: params, message: message ?? LocalizedText(vi: "", en: ""),
                                  examples: examples, location: loc, ruleSet: ruleSet)
        rule.description = r.localized(node["description"], what + ".description")
        if let m = node["metric"] {
            if let t = m.scalarText, let b = CoreSchema.bool(t), !m.isTextual { rule.isMetric = b } else {
                r.error("type_mismatch", "\(what).metric: expected true or false", m.mark)
            }
            if rule.isMetric && (rule.weight != 0 || rule.severity != .info) {
                r.error("invalid_value", "\(what): a metric has `weight: 0` and `severity: info` (it records a value, it does not score)", m.mark)
            }
        }
        if let per = r.string(node["per"], what + ".per") {
            switch per {
            case "year": rule.perYear = true
            case "report": rule.perYear = false
            default:
                r.error("invalid_value", "\(what).per must be `year` (judged per calendar year in longer reports) or `report` (judged once on the whole period)",
                        node["per"]!.mark, Suggest.note(for: per, in: ["year", "report"]))
            }
        }
        return RawRule(rule: rule, when: node["when"], expect: node["expect"], messageMarks: node["message"]?.mark ?? node.mark)
    }

    /// A `basis:` list of citations (a rule's, or an override's for the values it sets).
    func parseBasis(_ list: Node?, what: String, reading r: inout NodeReading) -> [Citation] {
        var basis: [Citation] = []
        for b in r.list(list, what + ".basis") {
            let bw = what + " basis"
            guard r.mapping(b, bw, known: ["kind", "document", "name", "article", "clause", "point", "url", "quote", "note", "strength"],
                            required: ["kind", "document", "strength"]) else { continue }
            let strengthText = r.string(b["strength"], bw + ".strength") ?? "unverified"
            let strength = BasisStrength(rawValue: strengthText)
            if strength == nil {
                r.error("invalid_value", "\(bw).strength must be primary, secondary or unverified", b["strength"]!.mark,
                        Suggest.note(for: strengthText, in: BasisStrength.allCases.map(\.rawValue))
                        + ["primary: the official text read (or quoted verbatim); secondary: a paraphrase (press, Q&A, guidance); unverified: not found"])
            }
            let kindText = r.string(b["kind"], bw + ".kind") ?? "law"
            guard let kind = BasisKind(rawValue: kindText) else {
                r.error("invalid_value", "\(bw).kind must be `law` or `policy`", b["kind"]!.mark,
                        ["use `policy` for Party resolutions, directives and targets that are not law"])
                continue
            }
            basis.append(Citation(kind: kind, strength: strength ?? .unverified, document: r.string(b["document"], bw + ".document") ?? "",
                                  name: r.localized(b["name"], bw + ".name"), article: r.string(b["article"], bw + ".article"),
                                  clause: r.string(b["clause"], bw + ".clause"), point: r.string(b["point"], bw + ".point"),
                                  url: r.string(b["url"], bw + ".url"), quote: r.string(b["quote"], bw + ".quote"),
                                  note: r.string(b["note"], bw + ".note")))
        }
        return basis
    }
}
