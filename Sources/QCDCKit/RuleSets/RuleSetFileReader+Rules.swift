extension RuleSetFileReader {
    static let ruleKeys = ["id", "title", "description", "basis", "applies_to", "in_force", "severity", "category",
                           "weight", "params", "when", "expect", "message", "examples", "per", "metric"]

    func parseRule(_ node: Node, ruleSet: String, reading r: inout NodeReading) -> RawRule? {
        let ident = node["id"]?.scalarText ?? "?"
        let what = "rules[\(ident)]"
        guard r.mapping(node, what, known: Self.ruleKeys,
                        required: ["id", "title", "basis", "applies_to", "severity", "category", "expect", "message", "examples"]) else { return nil }
        if let idNode = node["id"], !ident.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || "-_.".contains($0)) }) || ident.isEmpty {
            r.error("invalid_rule_id", .invalidRuleID(ident), idNode.mark)
        }
        let loc = (node.entry("id")?.keyMark ?? node.mark).located(in: r.file)
        let basis = parseBasis(node["basis"], what: what, reading: &r)
        if node["basis"] != nil, basis.isEmpty, node["basis"]?.items?.isEmpty == true {
            r.error("missing_key", .needsCitation(r.subject(what)), node["basis"]!.mark)
        }
        let kinds = parseKinds(node["applies_to"], what + ".applies_to", reading: &r)
        let window = parseWindow(node["in_force"], what, reading: &r)
        // severity
        var severity = Severity.error
        if let s = r.string(node["severity"], what + ".severity") {
            if let v = Severity(rawValue: s) { severity = v } else {
                r.error("invalid_value", .severityValues(r.subject(what + ".severity")), node["severity"]!.mark,
                        Suggest.note(for: s, in: ["error", "warning", "info"]))
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
        let examples = r.list(node["examples"], what + ".examples").enumerated().compactMap { index, ex in
            parseExample(ex, "\(what).examples[\(index)]", reading: &r)
        }
        let title = r.localized(node["title"], what + ".title")
        let message = r.localized(node["message"], what + ".message")
        var rule = RuleDefinition(id: ident, title: title ?? LocalizedText(vi: ident, en: ident), basis: basis, appliesTo: kinds,
                                  inForce: window, severity: severity, category: r.string(node["category"], what + ".category") ?? "",
                                  weight: weight, parameters: params, message: message ?? LocalizedText(vi: "", en: ""),
                                  examples: examples, location: loc, ruleSet: ruleSet)
        rule.description = r.localized(node["description"], what + ".description")
        if let m = node["metric"] {
            rule.isMetric = r.boolean(m, what + ".metric") ?? false
            if rule.isMetric && (rule.weight != 0 || rule.severity != .info) {
                r.error("invalid_value", .metricShape(r.subject(what)), m.mark)
            }
        }
        if let per = r.string(node["per"], what + ".per") {
            switch per {
            case "year": rule.perYear = true
            case "report": rule.perYear = false
            default:
                r.error("invalid_value", .perValues(r.subject(what + ".per")), node["per"]!.mark, Suggest.note(for: per, in: ["year", "report"]))
            }
        }
        return RawRule(rule: rule, when: node["when"], expect: node["expect"], messageMarks: node["message"]?.mark ?? node.mark)
    }

    /// One of a rule's `examples:`: its expected status, unit kind, period and report.
    func parseExample(_ ex: Node, _ ew: String, reading r: inout NodeReading) -> RuleExample? {
        guard r.mapping(ex, ew, known: ["name", "status", "kind", "period", "report"], required: ["status", "report"]) else { return nil }
        guard let st = r.string(ex["status"], ew + ".status") else { return nil }
        guard let status = RuleStatus(rawValue: st), status != .waived else {
            r.error("invalid_value", .exampleStatusValues(r.subject(ew + ".status")), ex["status"]!.mark,
                    Suggest.note(for: st, in: RuleStatus.allCases.map(\.rawValue)))
            return nil
        }
        var kind: UnitKind?
        if let k = r.string(ex["kind"], ew + ".kind") {
            kind = UnitKind(rawValue: k)
            if kind == nil { r.error("invalid_value", .unknownUnitKind(k), ex["kind"]!.mark, [.unitKinds(UnitKind.allCases)]) }
        }
        var period: Period?
        if let pn = ex["period"] {
            var pd: [Diagnostic] = []
            period = PeriodReader.read(pn, file: r.file, prefix: .ruleset, into: &pd)
            r.diags += pd
        }
        guard let report = ex["report"] else { return nil }
        if report.entries == nil && !report.isNull {
            r.error("type_mismatch", .exampleReportMapping(r.subject(ew + ".report")), report.mark)
            return nil
        }
        return RuleExample(expected: status, name: r.text(ex["name"], ew + ".name"), kind: kind,
                           period: period, facts: report.isNull ? Node(.mapping([]), at: report.mark) : report,
                           location: ex.mark.located(in: r.file))
    }

    /// `applies_to:`, the unit kinds a rule judges.
    func parseKinds(_ list: Node?, _ what: String, reading r: inout NodeReading) -> [UnitKind] {
        var kinds: [UnitKind] = []
        for k in r.list(list, what) {
            guard let t = r.string(k, what) else { continue }
            if let kind = UnitKind(rawValue: t) { kinds.append(kind) } else {
                r.error("invalid_value", .unknownUnitKind(t), k.mark,
                        Suggest.note(for: t, in: UnitKind.allCases.map(\.rawValue)) + [.unitKinds(UnitKind.allCases)])
            }
        }
        return kinds
    }

    /// `in_force: {from, until}`, the dates a rule is in force (either end open).
    func parseWindow(_ f: Node?, _ what: String, reading r: inout NodeReading) -> DateWindow {
        guard let f, r.mapping(f, what + ".in_force", known: ["from", "until"]) else { return .always }
        let window = DateWindow(from: r.date(f["from"], what + ".in_force.from"), until: r.date(f["until"], what + ".in_force.until"))
        if let a = window.from, let b = window.until, a > b {
            r.error("invalid_window", .inForceReversed(r.subject(what), from: a, until: b), f.mark)
        }
        return window
    }

    /// A `basis:` list of citations (a rule's, or an override's for the values it sets).
    func parseBasis(_ list: Node?, what: String, reading r: inout NodeReading) -> [Citation] {
        var basis: [Citation] = []
        for (index, b) in r.list(list, what + ".basis").enumerated() {
            let bw = what + ".basis[\(index)]"
            guard r.mapping(b, bw, known: ["kind", "document", "name", "article", "clause", "point", "url", "quote", "note", "strength"],
                            required: ["kind", "document", "strength"]) else { continue }
            let strengthText = r.string(b["strength"], bw + ".strength") ?? "unverified"
            let strength = BasisStrength(rawValue: strengthText)
            if strength == nil {
                r.error("invalid_value", .strengthValues(r.subject(bw + ".strength")), b["strength"]!.mark,
                        Suggest.note(for: strengthText, in: BasisStrength.allCases.map(\.rawValue)) + [.strengthMeaning])
            }
            let kindText = r.string(b["kind"], bw + ".kind") ?? "law"
            guard let kind = BasisKind(rawValue: kindText) else {
                r.error("invalid_value", .basisKindValues(r.subject(bw + ".kind")), b["kind"]!.mark, [.usePolicy])
                continue
            }
            basis.append(Citation(kind: kind, strength: strength ?? .unverified, document: r.string(b["document"], bw + ".document") ?? "",
                                  name: r.localized(b["name"], bw + ".name"), article: r.string(b["article"], bw + ".article"),
                                  clause: r.string(b["clause"], bw + ".clause"), point: r.string(b["point"], bw + ".point"),
                                  url: r.string(b["url"], bw + ".url"), quote: r.string(b["quote"], bw + ".quote"),
                                  note: r.text(b["note"], bw + ".note")))
        }
        return basis
    }
}
