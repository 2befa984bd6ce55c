extension Register {
    /// Names in comparable form (``UnitName/bareKey(_:)``) → units, worked out once per edition
    /// and only when a report's code is unknown.
    private static let currentNames = NameIndex(current)
    private static let preReformNames = NameIndex(preReform)

    struct NameIndex: Sendable {
        let units: [UnitName.Key: [AdministrativeUnit]]
        init(_ register: Register) {
            var keys = UnitName.Keys()
            units = Dictionary(grouping: register.units, by: { keys.bareKey($0.name) })
        }
    }

    private var names: NameIndex { edition == .from2025 ? Self.currentNames : Self.preReformNames }

    /// How many digits a code has at a level.
    static func width(_ level: UnitKind) -> Int { level == .province ? 2 : level == .district ? 3 : 5 }

    /// Checks a report's unit (a province, district or commune) against the list, and fills in
    /// `parent` and `subtype` from it when the report leaves them out. An unknown code is an
    /// error (a warning against the pre-reform snapshot, which misses the last months' changes);
    /// a name that is not the official one is a warning; a wrong subtype or parent is an error.
    func check(_ unit: inout UnitInfo, node: Node, file: String, into diags: inout [Diagnostic]) {
        let level = unit.kind
        guard [.province, .district, .commune].contains(level) else { return }
        func at(_ key: String) -> SourceLocation { (node[key]?.mark ?? node.mark).located(in: file) }
        guard let official = self[unit.code], official.type.level == level else {
            diags.append(Diagnostic(edition == .from2025 ? .error : .warning, DiagnosticCode(.report, "unknown_unit"),
                                    .unknownUnit(unit.code, level: level), at: at("code"),
                                    notes: suggestions(for: unit, level: level) + [.registerEdition(edition)]))
            return
        }
        if !UnitName.matches(unit.name, official: official.name) {
            diags.append(Diagnostic(.warning, DiagnosticCode(.report, "unit_name_mismatch"),
                                    .unitNameMismatch(unit.name, code: official.code, official: official.name), at: at("name"),
                                    notes: [.writeOfficialName(official.name)]))
        }
        if level == .commune {
            if let subtype = unit.subtype, subtype != official.type.rawValue {
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "unit_subtype_mismatch"),
                                        .unitSubtypeMismatch(subtype, official), at: at("subtype"),
                                        notes: [.registerEdition(edition)]))
            } else {
                unit.subtype = official.type.rawValue
            }
        }
        guard let above = official.parent.flatMap({ self[$0] }) else { return }
        if let parent = unit.parent {
            // Before 2025 a commune may name its district or its province.
            let province = self.province(of: official)
            if parent != above.code && parent != province?.code {
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "unit_parent_mismatch"),
                                        .unitParentMismatch(parent, official, above: above), at: at("parent"),
                                        notes: [.writeParent(above.code)]))
            }
        } else {
            unit.parent = above.code
        }
    }

    /// Did-you-mean notes for an unknown code: the code with its leading zeros, the unit the code
    /// belongs to at another level, units of that level with the report's name (those in the
    /// report's province first), or a code one keystroke away in the report's province.
    private func suggestions(for unit: UnitInfo, level: UnitKind) -> [Message] {
        var notes: [Message] = []
        let code = unit.code
        let width = Self.width(level)
        if code.count < width, code.utf8.allSatisfy({ (48...57).contains($0) }) {
            let padded = String(repeating: "0", count: width - code.count) + code
            if let u = self[padded], u.type.level == level { notes.append(.codeWithZeros(padded, u.name)) }
        }
        if let u = self[code], u.type.level != level { notes.append(.codeOfOtherLevel(code, u)) }
        let parentProvince = unit.parent.flatMap { self[$0] }.flatMap { province(of: $0) }?.code
        func provinceName(_ u: AdministrativeUnit) -> String? {
            level == .province ? nil : province(of: u)?.name
        }
        let named = (names.units[UnitName.bareKey(unit.name)] ?? []).filter { $0.type.level == level }
        let ranked = named.filter { province(of: $0)?.code == parentProvince } + named.filter { province(of: $0)?.code != parentProvince }
        for u in ranked.prefix(3) { notes.append(.unitNamed(u, province: provinceName(u))) }
        if ranked.isEmpty, let p = parentProvince {
            let nearby = level == .province ? provinces
                : level == .district ? children(of: p).filter { $0.type.level == level } : communes(of: p)
            // One keystroke away only: further, a code is as likely any other unit's.
            for u in nearby where u.code.count == code.count && Suggest.distance(code, u.code) == 1 {
                notes.append(.unitNamed(u, province: provinceName(u)))
                if notes.count >= 3 { break }
            }
        }
        return notes
    }
}
