/// Reads a report document (`unit`, `period`, then facts) and validates it
/// against the rule set's declared facts. Every problem is reported, located
/// at the offending value; unknown fields are warnings with "did you mean".
package struct ReportReader: Sendable {
    package let ruleSet: RuleSet
    /// Group paths and their children, worked out once per rule set.
    let index: FactIndex
    /// Unknown fields reported per report before the rest are only counted.
    package var maxUnknownFields = 100
    /// Check provinces, districts and communes against the official register (``Register``).
    package var checksRegister = false

    package static let reservedKeys: Set<String> = ["unit", "period", "$schema", "notes"]

    package init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        self.index = ruleSet.factIndex
    }

    /// Reads a whole report. `report` is nil when an error makes it unusable. `facts`, when
    /// given, are the report's facts already read (``StreamingReportReader``: `root` then holds
    /// only the reserved keys).
    package func read(_ root: Node, file: String, facts given: ReportFacts? = nil) -> (report: UnitReport?, diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        guard root.entries != nil else {
            return (nil, [Diagnostic(.error, DiagnosticCode(.report, "not_mapping"), .reportNotMapping(found: .found(root)),
                                     at: root.mark.located(in: file), notes: [.seeReportFormat])])
        }
        var unit = readUnit(root, file: file, into: &diags)
        let period = readPeriod(root["period"], parentMark: root.mark, file: file, into: &diags)
        if checksRegister, var checked = unit, let period, let node = root["unit"], let register = Register.applying(to: period) {
            register.check(&checked, node: node, file: file, into: &diags)
            unit = checked
        }
        if let unit, let period, unit.kind == .district, period.end >= UnitKind.districtAbolished {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "district_after_reform"), .districtAfterReform(periodEnd: period.end),
                at: (root["period"]?.mark ?? root.mark).located(in: file), notes: [.reportDistrictUntilReform]))
        }
        let facts = given ?? readFacts(root, file: file, skipReserved: true, into: &diags)
        guard let unit, let period, !diags.contains(where: { $0.severity == .error }) else { return (nil, diags) }
        return (UnitReport(file: file, unit: unit, period: period, facts: facts), diags)
    }

    /// Reads facts from a mapping (a whole report, or a rule example's fragment).
    package func readFacts(_ root: Node, file: String, skipReserved: Bool, into diags: inout [Diagnostic]) -> ReportFacts {
        let slots = index.slots
        var facts = ReportFacts(slots: slots)
        var given = [Mark?](repeating: nil, count: slots.paths.count)   // where each fact was written (nested or as a dotted key), by slot
        var unknown = 0
        // Iterative walk over (mapping, its group's number, its path). A key is looked up in
        // its group's names, with no path made for it: only a dotted key (`a.b: 1`), or one that
        // is not declared, needs its path as text.
        var work: [(Node, Int, String)] = [(root, 0, "")]
        while let (node, group, prefix) = work.popLast() {
            facts.containers[group] = node.mark
            if group == 0 { facts.root = node.mark }
            for e in node.entries ?? [] {
                if group == 0 && skipReserved && Self.reservedKeys.contains(e.key) { continue }
                var member = slots.member(e.key, in: group)
                var written: String?
                if member == nil, e.key.utf8.contains(UInt8(ascii: ".")) {
                    let path = prefix.isEmpty ? e.key : "\(prefix).\(e.key)"
                    written = path
                    if let slot = slots.slot(path) { member = .fact(slot) } else if let g = slots.group(path) { member = .group(g) }
                }
                switch member {
                case .fact(let slot):
                    let path = slots.paths[slot]
                    if let first = given[slot] {   // later duplicates cite the first too
                        diags.append(Diagnostic(.error, DiagnosticCode(.report, "duplicate_fact"), .givenTwice(path, line: first.line, column: first.column),
                            at: e.keyMark.located(in: file), notes: [.nestedOrDotted(path)]))
                        continue
                    }
                    given[slot] = e.keyMark
                    if e.value.isNull { continue }
                    if let v = FactCoercion.coerce(e.value, as: slots.declarations[slot].type, minimum: slots.declarations[slot].minimum,
                                                   maximum: slots.declarations[slot].maximum, path: FactPath(path), file: file, into: &diags) {
                        facts.set(FactValue(v, mark: e.value.mark, path: path), slot: slot)
                    }
                case .group(let g):
                    if e.value.isNull { continue }
                    let path = slots.groupPaths[g]
                    guard e.value.entries != nil else {
                        diags.append(Diagnostic(.error, DiagnosticCode(.report, "type_mismatch"), .expectedGroup(path, found: .found(e.value)),
                            at: e.value.mark.located(in: file), notes: [.groupFacts(index.children(of: path))]))
                        continue
                    }
                    work.append((e.value, g, path))
                case nil:
                    unknown += 1
                    guard unknown <= maxUnknownFields else { continue }
                    let path = written ?? (prefix.isEmpty ? e.key : "\(prefix).\(e.key)")
                    diags.append(unknownField(e, path: path, prefix: prefix, file: file))
                }
            }
        }
        if unknown > maxUnknownFields {
            diags.append(Diagnostic(.warning, DiagnosticCode(.report, "diagnostics_capped"), .moreUnknownFields(unknown - maxUnknownFields, total: unknown),
                at: root.mark.located(in: file), notes: [.isThisAReport]))
        }
        return facts
    }

    private func unknownField(_ e: Node.Entry, path: String, prefix: String, file: String) -> Diagnostic {
        if e.key == "<<" {
            return Diagnostic(.error, DiagnosticCode(.input, "merge_key"), .mergeKey, at: e.keyMark.located(in: file), notes: [.writeFieldsOut])
        }
        var notes = Suggest.note(for: e.key, in: index.children(of: prefix))
        if notes.isEmpty, let full = Suggest.closest(to: path, in: ruleSet.facts.keys) { notes = [.didYouMean(full)] }
        if notes.isEmpty, let elsewhere = index.declared(leaf: e.key) { notes = [.declaredAs(e.key, elsewhere)] }
        notes.append(.fieldIgnored)
        return Diagnostic(.warning, DiagnosticCode(.report, "unknown_field"), .unknownField(Neutral.visible(path)),
                          at: e.keyMark.located(in: file), notes: notes)
    }

    /// Whether `t` is empty or only whitespace; a first byte that is printable ASCII answers at
    /// once (no such byte begins a whitespace character).
    static func isBlank(_ t: String) -> Bool {
        if let b = t.utf8.first, b > 0x20, b < 0x7F { return false }
        return t.trimmingWhitespace.isEmpty
    }

    private func readUnit(_ root: Node, file: String, into diags: inout [Diagnostic]) -> UnitInfo? {
        guard let node = root["unit"] else {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "missing_unit"), .noUnit, at: root.mark.located(in: file), notes: [.addUnit]))
            return nil
        }
        guard node.entries != nil else {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "type_mismatch"), .unitNotMapping, at: node.mark.located(in: file)))
            return nil
        }
        let known = ["code", "name", "kind", "parent", "subtype"]
        for e in node.entries! where !known.contains(e.key) {
            diags.append(Diagnostic(.warning, DiagnosticCode(.report, "unknown_field"), .unknownField("unit.\(e.key)"),
                                    at: e.keyMark.located(in: file), notes: Suggest.note(for: e.key, in: known)))
        }
        func text(_ key: String, required: Bool) -> String? {
            guard let v = node[key], !v.isNull else {
                if required {
                    diags.append(Diagnostic(.error, DiagnosticCode(.report, "missing_unit"), .unitFieldRequired(key), at: node.mark.located(in: file)))
                }
                return nil
            }
            guard let t = v.scalarText else {
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "type_mismatch"), .expectedText("unit.\(key)", found: .found(v)),
                                        at: v.mark.located(in: file)))
                return nil
            }
            if required && Self.isBlank(t) {
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "missing_unit"), .unitFieldEmpty(key), at: v.mark.located(in: file)))
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
            diags.append(Diagnostic(isName ? .warning : .error, DiagnosticCode(.report, "invisible_character"),
                .invisibleCharacters("unit.\(key)", shown: Neutral.visible(value)),
                at: node[key]!.mark.located(in: file), notes: [isName ? .retypeName : .retypeCode]))
        }
        if let code, code.unicodeScalars.contains(where: { $0 == " " }) {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "invalid_unit_code"), .codeHasSpace(code),
                                    at: node["code"]!.mark.located(in: file), notes: [.writeCodeWithoutSpaces]))
        }
        var kind: UnitKind?
        if let kindText {
            kind = UnitKind(rawValue: kindText)
            if kind == nil {
                let aliases = ["xa": "commune", "phuong": "commune", "dac_khu": "commune", "thi_tran": "commune",
                               "tinh": "province", "huyen": "district", "psu": "public_service_unit",
                               "soe": "state_enterprise"]
                var notes = aliases[kindText].map { [Message.writeKindCommune($0, alias: kindText)] }
                    ?? Suggest.note(for: kindText, in: UnitKind.allCases.map(\.rawValue))
                notes.append(.unitKinds(UnitKind.allCases))
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "invalid_unit_kind"), .unknownUnitKind(kindText),
                                        at: node["kind"]!.mark.located(in: file), notes: notes))
            }
        }
        if let subtype, !["xa", "phuong", "dac_khu", "thi_tran"].contains(subtype) {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "invalid_unit_kind"), .unknownSubtype(subtype),
                                    at: node["subtype"]!.mark.located(in: file), notes: [.subtypes]))
        }
        guard let code, let name, let kind else { return nil }
        return UnitInfo(code: code, name: name, kind: kind, parent: parent, subtype: subtype)
    }

    /// Reads `period: {year: 2026}` or `period: {from: …, to: …}` (also used for rule examples).
    func readPeriod(_ node: Node?, parentMark: Mark, file: String, into diags: inout [Diagnostic]) -> Period? {
        guard let node else {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "invalid_period"), .noPeriod, at: parentMark.located(in: file), notes: [.addPeriod]))
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
    /// The note on a year out of range (made once: a report's period is read on every report).
    static let range = Message.periodRange(earliest.year, latest.year)

    /// Reads `{year: …}`, `{from: …, to: …}` or a bare year. Diagnostics carry `prefix` as their
    /// code's namespace (`report`, `waiver`, `ruleset`) so a waiver's period error is a waiver error.
    static func read(_ node: Node, file: String, prefix: DiagnosticCode.Namespace = .report, into diags: inout [Diagnostic]) -> Period? {
        func bad(_ message: Message, _ mark: Mark, _ notes: [Message] = [], code: String = "invalid_period") -> Period? {
            diags.append(Diagnostic(.error, DiagnosticCode(prefix, code), message, at: mark.located(in: file), notes: notes))
            return nil
        }
        if let t = node.scalarText, !node.isTextual, let y = CoreSchema.int(t) {
            guard (Int64(earliest.year)...Int64(latest.year)).contains(y) else { return bad(.yearOutOfRange(y), node.mark, [range]) }
            return .year(Int(y))
        }
        guard let entries = node.entries else {
            return bad(.periodShape(found: .found(node)), node.mark, [.periodExample])
        }
        for e in entries where !Self.keys.contains(e.key) {
            var notes = Suggest.note(for: e.key, in: ["year", "from", "to"])
            notes.append(.periodForms)
            diags.append(Diagnostic(.warning, DiagnosticCode(prefix, "unknown_field"), .unknownField("period.\(e.key)"),
                                    at: e.keyMark.located(in: file), notes: notes))
        }
        if let y = node["year"] {
            guard let t = y.scalarText, !y.isTextual, let year = CoreSchema.int(t), (Int64(earliest.year)...Int64(latest.year)).contains(year) else {
                let quoted = y.isTextual && CoreSchema.int(y.scalarText ?? "") != nil
                return bad(.periodYear(found: .found(y)), y.mark, quoted ? [.removeTheQuotes] : [range])
            }
            if node["from"] != nil || node["to"] != nil {
                return bad(.yearOrRange, node.mark)
            }
            return .year(Int(year))
        }
        guard let f = node["from"], let t = node["to"] else {
            let typo = entries.lazy.filter { !Self.keys.contains($0.key) }
                .compactMap { e in Suggest.closest(to: e.key, in: Self.keys).map { (e.key, $0) } }.first
            return bad(.periodNeeds, node.mark, typo.map { [.misspelling($0.0, $0.1)] } ?? [])
        }
        func day(_ n: Node, _ key: String) -> Day? {
            guard let s = n.scalarText, let d = Day(iso: s) else {
                let text = n.scalarText ?? ""
                if Day.looksLikeDate(text) {
                    _ = bad(.notInCalendar("period.\(key)", text), n.mark, [.checkDayAndMonth], code: "invalid_date")
                } else {
                    _ = bad(.expectedDate("period.\(key)", found: .found(n)), n.mark, DateHint.notes(for: text))
                }
                return nil
            }
            guard d >= earliest && d <= latest else {
                _ = bad(.outsideRange("period.\(key)", d), n.mark, [range])
                return nil
            }
            return d
        }
        guard let from = day(f, "from"), let to = day(t, "to") else { return nil }
        guard from <= to else { return bad(.fromAfterTo(from, to), f.mark) }
        return Period(start: from, end: to)
    }
}

/// Hints for dates written the way people write them by hand.
enum DateHint {
    /// `15/04/2027` → "write 2027-04-15"; `15-04-2027` and `15.04.2027` likewise.
    static func notes(for text: String) -> [Message] {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
           let day = Day(year: y, month: m, day: d) {
            return [.writeDate(day)]
        }
        return [.exampleDate]
    }
}
