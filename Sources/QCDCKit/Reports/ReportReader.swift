/// Reads a report document (`unit`, `period`, then facts) and validates it
/// against the rule set's declared facts. Every problem is reported, located
/// at the offending value; unknown fields are warnings with "did you mean".
public struct ReportReader: Sendable {
    public let ruleSet: RuleSet
    /// Group paths (`complaints`) that hold declared facts (`complaints.cases`).
    let groups: Set<String>

    public static let reservedKeys: Set<String> = ["unit", "period", "$schema", "notes"]

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        var g = Set<String>()
        for path in ruleSet.facts.keys {
            var p = path
            while let dot = p.lastIndex(of: ".") {
                p = String(p[..<dot])
                g.insert(p)
            }
        }
        groups = g
    }

    /// Reads a whole report. `report` is nil when an error makes it unusable.
    public func read(_ root: Node, file: String) -> (report: UnitReport?, diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        guard root.entries != nil else {
            return (nil, [Diagnostic(.error, "report.not_mapping", "a report must be a mapping with `unit`, `period` and facts, found \(root.kindName)",
                                     at: root.mark.located(in: file), notes: ["see docs/report-format.md"])])
        }
        let unit = readUnit(root, file: file, into: &diags)
        let period = readPeriod(root["period"], parentMark: root.mark, file: file, into: &diags)
        if let unit, let period, unit.kind == .district, period.end >= UnitKind.districtAbolished {
            diags.append(Diagnostic(.error, "report.district_after_reform",
                "district-level units stopped operating on 2025-07-01, but this period ends \(period.end)",
                at: (root["period"]?.mark ?? root.mark).located(in: file),
                notes: ["report the district's period up to 2025-06-30, or report as a province or commune"]))
        }
        let facts = readFacts(root, file: file, skipReserved: true, into: &diags)
        guard let unit, let period, !diags.contains(where: { $0.severity == .error }) else { return (nil, diags) }
        return (UnitReport(file: file, unit: unit, period: period, facts: facts), diags)
    }

    /// Reads facts from a mapping (a whole report, or a rule example's fragment).
    public func readFacts(_ root: Node, file: String, skipReserved: Bool, into diags: inout [Diagnostic]) -> ReportFacts {
        var facts = ReportFacts()
        // Iterative walk over (mapping, prefix).
        var work: [(Node, String)] = [(root, "")]
        while let (node, prefix) = work.popLast() {
            facts.containers[prefix] = node.mark
            for e in node.entries ?? [] {
                if prefix.isEmpty && skipReserved && Self.reservedKeys.contains(e.key) { continue }
                let path = prefix.isEmpty ? e.key : prefix + "." + e.key
                if let decl = ruleSet.facts[path] {
                    if e.value.isNull { continue }
                    if let v = FactCoercion.coerce(e.value, as: decl, path: path, file: file, into: &diags) {
                        facts.values[path] = FactValue(v, mark: e.value.mark, path: path)
                    }
                } else if groups.contains(path) {
                    if e.value.isNull { continue }
                    guard e.value.entries != nil else {
                        diags.append(Diagnostic(.error, "report.type_mismatch",
                            "\(path): expected a group of facts (a mapping), found \(FactCoercion.describe(e.value))",
                            at: e.value.mark.located(in: file),
                            notes: ["its facts: " + childNames(of: path).joined(separator: ", ")]))
                        continue
                    }
                    work.append((e.value, path))
                } else {
                    let siblings = childNames(of: prefix)
                    var notes = Suggest.note(for: e.key, in: siblings)
                    if notes.isEmpty, let full = Suggest.closest(to: path, in: ruleSet.facts.keys) { notes = ["did you mean '\(full)'?"] }
                    if notes.isEmpty, let elsewhere = ruleSet.facts.keys.sorted().first(where: { $0.hasSuffix("." + e.key) }) {
                        notes = ["'\(e.key)' is declared as '\(elsewhere)'"]
                    }
                    notes.append("the field is ignored; no rule reads it")
                    diags.append(Diagnostic(.warning, "report.unknown_field", "unknown field '\(path)'",
                                            at: e.keyMark.located(in: file), notes: notes))
                }
            }
        }
        return facts
    }

    private func childNames(of prefix: String) -> [String] {
        var names = Set<String>()
        for p in ruleSet.facts.keys where prefix.isEmpty || p.hasPrefix(prefix + ".") {
            let rest = prefix.isEmpty ? p : String(p.dropFirst(prefix.count + 1))
            names.insert(String(rest.split(separator: ".").first ?? ""))
        }
        return names.sorted()
    }

    private func readUnit(_ root: Node, file: String, into diags: inout [Diagnostic]) -> UnitInfo? {
        guard let node = root["unit"] else {
            diags.append(Diagnostic(.error, "report.missing_unit", "the report has no `unit`",
                                    at: root.mark.located(in: file),
                                    notes: ["add `unit: {code: …, name: …, kind: commune}`"]))
            return nil
        }
        guard node.entries != nil else {
            diags.append(Diagnostic(.error, "report.type_mismatch", "unit: expected a mapping with code, name and kind",
                                    at: node.mark.located(in: file)))
            return nil
        }
        let known = ["code", "name", "kind", "parent", "subtype"]
        for e in node.entries! where !known.contains(e.key) {
            diags.append(Diagnostic(.warning, "report.unknown_field", "unknown field 'unit.\(e.key)'",
                                    at: e.keyMark.located(in: file), notes: Suggest.note(for: e.key, in: known)))
        }
        func text(_ key: String, required: Bool) -> String? {
            guard let v = node[key], !v.isNull else {
                if required {
                    diags.append(Diagnostic(.error, "report.missing_unit", "unit.\(key) is required",
                                            at: node.mark.located(in: file)))
                }
                return nil
            }
            guard let t = v.scalarText else {
                diags.append(Diagnostic(.error, "report.type_mismatch", "unit.\(key): expected text, found \(v.kindName)",
                                        at: v.mark.located(in: file)))
                return nil
            }
            if required && t.trimmingWhitespace.isEmpty {
                diags.append(Diagnostic(.error, "report.missing_unit", "unit.\(key) is empty", at: v.mark.located(in: file)))
                return nil
            }
            return t
        }
        let code = text("code", required: true)
        let name = text("name", required: true)
        let kindText = text("kind", required: true)
        let parent = text("parent", required: false)
        let subtype = text("subtype", required: false)
        var kind: UnitKind?
        if let kindText {
            kind = UnitKind(rawValue: kindText)
            if kind == nil {
                let aliases = ["xa": "commune", "phuong": "commune", "dac_khu": "commune", "thi_tran": "commune",
                               "tinh": "province", "huyen": "district", "psu": "public_service_unit",
                               "soe": "state_enterprise"]
                var notes = aliases[kindText].map { ["write kind: \($0) (and subtype: \(kindText) for a commune)"] }
                    ?? Suggest.note(for: kindText, in: UnitKind.allCases.map(\.rawValue))
                notes.append("kinds: " + UnitKind.allCases.map(\.rawValue).joined(separator: ", "))
                diags.append(Diagnostic(.error, "report.invalid_unit_kind", "unknown unit kind '\(kindText)'",
                                        at: node["kind"]!.mark.located(in: file), notes: notes))
            }
        }
        if let subtype, !["xa", "phuong", "dac_khu", "thi_tran"].contains(subtype) {
            diags.append(Diagnostic(.error, "report.invalid_unit_kind", "unknown commune subtype '\(subtype)'",
                                    at: node["subtype"]!.mark.located(in: file),
                                    notes: ["subtypes: xa, phuong, dac_khu (thi_tran for periods before 2025-07-01)"]))
        }
        guard let code, let name, let kind else { return nil }
        return UnitInfo(code: code, name: name, kind: kind, parent: parent, subtype: subtype)
    }

    /// Reads `period: {year: 2026}` or `period: {from: …, to: …}` (also used for rule examples).
    func readPeriod(_ node: Node?, parentMark: Mark, file: String, into diags: inout [Diagnostic]) -> Period? {
        guard let node else {
            diags.append(Diagnostic(.error, "report.invalid_period", "the report has no `period`",
                                    at: parentMark.located(in: file),
                                    notes: ["add `period: {year: 2026}` or `period: {from: 2026-01-01, to: 2026-06-30}`"]))
            return nil
        }
        return PeriodReader.read(node, file: file, into: &diags)
    }
}

enum PeriodReader {
    static func read(_ node: Node, file: String, into diags: inout [Diagnostic]) -> Period? {
        func bad(_ message: String, _ mark: Mark, _ notes: [String] = []) -> Period? {
            diags.append(Diagnostic(.error, "report.invalid_period", message, at: mark.located(in: file), notes: notes))
            return nil
        }
        if let t = node.scalarText, !node.isTextual, let y = CoreSchema.int(t) {
            guard (1990...2100).contains(y) else { return bad("year \(y) is out of range", node.mark) }
            return .year(Int(y))
        }
        guard let entries = node.entries else {
            return bad("period: expected {year: …} or {from: …, to: …}", node.mark)
        }
        for e in entries where !["year", "from", "to"].contains(e.key) {
            diags.append(Diagnostic(.warning, "report.unknown_field", "unknown field 'period.\(e.key)'",
                                    at: e.keyMark.located(in: file), notes: Suggest.note(for: e.key, in: ["year", "from", "to"])))
        }
        if let y = node["year"] {
            guard let t = y.scalarText, !y.isTextual, let year = CoreSchema.int(t), (1990...2100).contains(year) else {
                return bad("period.year: expected a year such as 2026, found \(FactCoercion.describe(y))", y.mark)
            }
            if node["from"] != nil || node["to"] != nil {
                return bad("give either period.year or period.from and period.to, not both", node.mark)
            }
            return .year(Int(year))
        }
        guard let f = node["from"], let t = node["to"] else {
            return bad("period needs `year`, or both `from` and `to`", node.mark)
        }
        func day(_ n: Node, _ key: String) -> Day? {
            guard let s = n.scalarText, let d = Day(iso: s) else {
                let text = n.scalarText ?? ""
                diags.append(Diagnostic(.error, Day.looksLikeDate(text) ? "report.invalid_date" : "report.invalid_period",
                    Day.looksLikeDate(text) ? "period.\(key): \(text) is not a date in the calendar"
                                            : "period.\(key): expected a date YYYY-MM-DD",
                    at: n.mark.located(in: file)))
                return nil
            }
            return d
        }
        guard let from = day(f, "from"), let to = day(t, "to") else { return nil }
        guard from <= to else { return bad("period.from (\(from)) is after period.to (\(to))", f.mark) }
        return Period(start: from, end: to)
    }
}
