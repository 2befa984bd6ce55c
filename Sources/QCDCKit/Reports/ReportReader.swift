/// Reads a report document (`unit`, `period`, then facts) and validates it
/// against the rule set's declared facts. Every problem is reported, located
/// at the offending value; unknown fields are warnings with "did you mean".
public struct ReportReader: Sendable {
    public let ruleSet: RuleSet
    /// Group paths and their children, worked out once per rule set.
    let index: FactIndex
    /// Unknown fields reported per report before the rest are only counted.
    public var maxUnknownFields = 100

    public static let reservedKeys: Set<String> = ["unit", "period", "$schema", "notes"]

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        self.index = ruleSet.factIndex
    }

    /// Reads a whole report. `report` is nil when an error makes it unusable.
    public func read(_ root: Node, file: String) -> (report: UnitReport?, diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        guard root.entries != nil else {
            return (nil, [Diagnostic(.error, "report.not_mapping", "a report must be a mapping with `unit`, `period` and facts, found \(FactCoercion.describe(root))",
                                     at: root.mark.located(in: file), notes: ["see docs/report-format.md, or run `qcdc template` for a report to fill in"])])
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
        var given: [String: Mark] = [:]       // where each fact was written (nested or as a dotted key)
        var unknown = 0
        // Iterative walk over (mapping, prefix).
        var work: [(Node, String)] = [(root, "")]
        while let (node, prefix) = work.popLast() {
            facts.containers[prefix] = node.mark
            for e in node.entries ?? [] {
                if prefix.isEmpty && skipReserved && Self.reservedKeys.contains(e.key) { continue }
                let path = prefix.isEmpty ? e.key : prefix + "." + e.key
                if let decl = ruleSet.facts[path] {
                    if let first = given[path] {
                        diags.append(Diagnostic(.error, "report.duplicate_fact",
                            "\(path) is given twice: here and at line \(first.line), column \(first.column)",
                            at: e.keyMark.located(in: file),
                            notes: ["a fact may be written nested (\(path.split(separator: ".").first ?? ""): {…}) or as a dotted key, not both; keep one"]))
                        continue
                    }
                    given[path] = e.keyMark
                    if e.value.isNull { continue }
                    if let v = FactCoercion.coerce(e.value, as: decl, path: path, file: file, into: &diags) {
                        facts.values[path] = FactValue(v, mark: e.value.mark, path: path)
                    }
                } else if index.groups.contains(path) {
                    if e.value.isNull { continue }
                    guard e.value.entries != nil else {
                        diags.append(Diagnostic(.error, "report.type_mismatch",
                            "\(path): expected a group of facts (a mapping), found \(FactCoercion.describe(e.value))",
                            at: e.value.mark.located(in: file),
                            notes: ["its facts: " + index.children(of: path).joined(separator: ", ")]))
                        continue
                    }
                    work.append((e.value, path))
                } else {
                    unknown += 1
                    guard unknown <= maxUnknownFields else { continue }
                    diags.append(unknownField(e, path: path, prefix: prefix, file: file))
                }
            }
        }
        if unknown > maxUnknownFields {
            diags.append(Diagnostic(.warning, "report.diagnostics_capped",
                "\(unknown - maxUnknownFields) more unknown fields are not listed (\(unknown) in all)",
                at: root.mark.located(in: file), notes: ["is this file a report? compare it with `qcdc template`"]))
        }
        return facts
    }

    private func unknownField(_ e: Node.Entry, path: String, prefix: String, file: String) -> Diagnostic {
        if e.key == "<<" {
            return Diagnostic(.error, "input.merge_key", "YAML merge keys (<<) are not supported", at: e.keyMark.located(in: file),
                              notes: ["write the fields out in full instead of merging them from an anchor"])
        }
        var notes = Suggest.note(for: e.key, in: index.children(of: prefix))
        if notes.isEmpty, let full = Suggest.closest(to: path, in: ruleSet.facts.keys) { notes = ["did you mean '\(full)'?"] }
        if notes.isEmpty, let elsewhere = index.declared(leaf: e.key) { notes = ["'\(e.key)' is declared as '\(elsewhere)'"] }
        notes.append("the field is ignored; no rule reads it")
        return Diagnostic(.warning, "report.unknown_field", "unknown field '\(Neutral.visible(path))'",
                          at: e.keyMark.located(in: file), notes: notes)
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
                diags.append(Diagnostic(.error, "report.type_mismatch", "unit.\(key): expected text, found \(FactCoercion.describe(v))",
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
        // Codes identify units in waivers, baselines and groups: an invisible or control
        // character would split one unit into two. Names only display, so they get a warning.
        for (key, value) in [("code", code), ("parent", parent), ("name", name)] {
            guard let value, Neutral.hasHidden(value) else { continue }
            let isName = key == "name"
            diags.append(Diagnostic(isName ? .warning : .error, "report.invisible_character",
                "unit.\(key) holds invisible or control characters: \(Neutral.visible(value))",
                at: node[key]!.mark.located(in: file),
                notes: [isName ? "they are shown as <U+…>; retype the name without them"
                               : "unit codes are digits and letters only; retype the code"]))
        }
        if let code, code.unicodeScalars.contains(where: { $0 == " " }) {
            diags.append(Diagnostic(.error, "report.invalid_unit_code", "unit.code contains a space: '\(code)'",
                                    at: node["code"]!.mark.located(in: file), notes: ["write the official code without spaces"]))
        }
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
    static let keys = ["year", "from", "to"]
    /// The days a period may cover: the tool's supported range. Dates outside it are errors.
    static let earliest = Day(year: 1990, month: 1, day: 1)!
    static let latest = Day(year: 2100, month: 12, day: 31)!

    /// Reads `{year: …}`, `{from: …, to: …}` or a bare year. Diagnostics carry `prefix` as their
    /// code's namespace (`report`, `waiver`, `ruleset`) so a waiver's period error is a waiver error.
    static func read(_ node: Node, file: String, prefix: String = "report", into diags: inout [Diagnostic]) -> Period? {
        func bad(_ message: String, _ mark: Mark, _ notes: [String] = [], code: String = "invalid_period") -> Period? {
            diags.append(Diagnostic(.error, "\(prefix).\(code)", message, at: mark.located(in: file), notes: notes))
            return nil
        }
        let range = "periods run from \(earliest.year) to \(latest.year)"
        if let t = node.scalarText, !node.isTextual, let y = CoreSchema.int(t) {
            guard (Int64(earliest.year)...Int64(latest.year)).contains(y) else { return bad("year \(y) is out of range", node.mark, [range]) }
            return .year(Int(y))
        }
        guard let entries = node.entries else {
            return bad("period: expected {year: …} or {from: …, to: …}, found \(FactCoercion.describe(node))", node.mark,
                       ["e.g. period: {year: 2026} or period: {from: 2026-01-01, to: 2026-06-30}"])
        }
        for e in entries where !Self.keys.contains(e.key) {
            var notes = Suggest.note(for: e.key, in: ["year", "from", "to"])
            notes.append("a period is {year: 2026} or {from: 2026-01-01, to: 2026-06-30}")
            diags.append(Diagnostic(.warning, "\(prefix).unknown_field", "unknown field 'period.\(e.key)'",
                                    at: e.keyMark.located(in: file), notes: notes))
        }
        if let y = node["year"] {
            guard let t = y.scalarText, !y.isTextual, let year = CoreSchema.int(t), (Int64(earliest.year)...Int64(latest.year)).contains(year) else {
                let quoted = y.isTextual && CoreSchema.int(y.scalarText ?? "") != nil
                return bad("period.year: expected a year such as 2026, found \(FactCoercion.describe(y))", y.mark,
                           quoted ? ["remove the quotes"] : [range])
            }
            if node["from"] != nil || node["to"] != nil {
                return bad("give either period.year or period.from and period.to, not both", node.mark)
            }
            return .year(Int(year))
        }
        guard let f = node["from"], let t = node["to"] else {
            let typo = entries.lazy.filter { !Self.keys.contains($0.key) }
                .compactMap { e in Suggest.closest(to: e.key, in: Self.keys).map { (e.key, $0) } }.first
            return bad("period needs `year`, or both `from` and `to`", node.mark,
                       typo.map { ["'\($0.0)' looks like a misspelling of '\($0.1)'"] } ?? [])
        }
        func day(_ n: Node, _ key: String) -> Day? {
            guard let s = n.scalarText, let d = Day(iso: s) else {
                let text = n.scalarText ?? ""
                if Day.looksLikeDate(text) {
                    _ = bad("period.\(key): \(text) is not a date in the calendar", n.mark, ["check the day and the month"], code: "invalid_date")
                } else {
                    _ = bad("period.\(key): expected a date YYYY-MM-DD, found \(FactCoercion.describe(n))", n.mark, DateHint.notes(for: text))
                }
                return nil
            }
            guard d >= earliest && d <= latest else {
                _ = bad("period.\(key): \(d) is outside the supported range", n.mark, [range])
                return nil
            }
            return d
        }
        guard let from = day(f, "from"), let to = day(t, "to") else { return nil }
        guard from <= to else { return bad("period.from (\(from)) is after period.to (\(to))", f.mark) }
        return Period(start: from, end: to)
    }
}

/// Hints for dates written the way people write them by hand.
enum DateHint {
    /// `15/04/2027` → "write 2027-04-15"; `15-04-2027` and `15.04.2027` likewise.
    static func notes(for text: String) -> [String] {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
           let day = Day(year: y, month: m, day: d) {
            return ["write \(day) (year-month-day)"]
        }
        return ["e.g. 2026-03-31"]
    }
}
