import Foundation

/// `qcdc template`: a blank report for a unit kind and year, with every fact the
/// applicable rules read, commented with its label, type, unit and legal basis.
/// Blank values are "not reported": `check` gives `missing` until they are filled in.
public struct TemplateWriter: Sendable {
    /// The rule set whose rules and facts make the template.
    public let ruleSet: RuleSet
    /// The language of the comments.
    public var language: Language

    /// A writer for templates of `ruleSet`, commented in `language`.
    public init(ruleSet: RuleSet, language: Language = .vi) {
        self.ruleSet = ruleSet
        self.language = language
    }

    /// The facts read by rules that apply to `kind` during `year`, with the rules that read each.
    public func facts(kind: UnitKind, year: Int) -> [(FactDeclaration, [Rule])] {
        let period = Period.year(year)
        var byPath: [String: [Rule]] = [:]
        for r in ruleSet.rules where !r.disabled && r.appliesTo.contains(kind) && period.intersect(r.inForce) != nil {
            for p in r.factsRead where ruleSet.facts[p] != nil { byPath[p, default: []].append(r) }
        }
        return byPath.keys.sorted().map { (ruleSet.facts[$0]!, byPath[$0]!) }
    }

    /// The template as YAML text: `unit` (with `kind`) and `period` (`year`), then every fact of
    /// ``facts(kind:year:)`` left blank under its groups, each commented with its label, type, unit,
    /// bounds and the rules that read it.
    /// With `unit` (from ``Register``), the unit block is filled in: code, official name, type and
    /// province (or district before 2025).
    public func render(kind: UnitKind, year: Int, unit: AdministrativeUnit? = nil) -> String {
        let l = Localizer(language)
        var o = "# \(l(.templateTitle(kind: kind, year: year)))\n"
        o += "# \(l(.templateMadeBy(version: QCDC.version, ruleSet: ruleSet.id, ruleSetVersion: ruleSet.version)))\n"
        o += "# " + l(.templateFillIn) + "\n"
        o += "# " + l(.templateWriteZero) + "\n"
        o += "# " + l(.templateYesNo) + "\n"
        o += "# " + l(.templateCheckIt) + "\n"
        o += "unit:\n"
        if let unit {
            o += "  code: \"\(unit.code)\"\n"
            o += "  name: \"\(unit.name)\"\n"
            o += "  kind: \(kind.rawValue)\n"
            if kind == .commune { o += "  subtype: \(unit.type.rawValue)\n" }
            if let p = unit.parent { o += "  parent: \"\(p)\"\n" }
        } else {
            o += "  code:      # \(l(.templateUnitCode))\n"
            o += "  name:      # \(l(.templateUnitName))\n"
            o += "  kind: \(kind.rawValue)\n"
            if kind == .commune { o += "  subtype:   # `xa` | `phuong` | `dac_khu`\n" }
            o += "  parent:    # \(l(.templateParent))\n"
        }
        o += "period:\n  year: \(year)\n"
        var openGroups: [String] = []
        for (decl, rules) in facts(kind: kind, year: year) {
            let segments = decl.path.split(separator: ".").map(String.init)
            let groups = Array(segments.dropLast())
            var common = 0
            while common < min(groups.count, openGroups.count) && groups[common] == openGroups[common] { common += 1 }
            for (i, g) in groups.enumerated() where i >= common {
                o += String(repeating: "  ", count: i) + "\(g):\n"
            }
            openGroups = groups
            let indent = String(repeating: "  ", count: groups.count)
            o += indent + "# \(decl.label.text(language))\n"
            if let d = decl.description?.text(language) { o += indent + "#   \(d)\n" }
            o += indent + "#   " + typeText(decl) + "\n"
            let cites = rules.map { "\($0.id) (\($0.basis.first?.short(language) ?? ""))" }.joined(separator: "; ")
            o += indent + "#   \(l(.templateBasis)): \(cites)\n"
            if case .list(let fields) = decl.type {
                for f in fields { o += indent + "#     `\(f.path)`: \(typeText(f)) — \(f.label.text(language))\n" }
                let sample = fields.map { "\($0.path): \(sampleValue($0))" }.joined(separator: ", ")
                o += indent + "#   \(l(.templateExample)):\n" + indent + "#     - {\(sample)}\n"
            }
            o += indent + "\(segments.last!):\n"
        }
        return o
    }

    func typeText(_ d: FactDeclaration) -> String {
        var s = Message.templateType(d.type).text(language)
        if let u = d.unit?.text(language) { s += ", \(u)" }
        if let m = d.minimum ?? (d.type == .integer ? 0 : nil) { s += ", ≥ \(Value.format(m))" }
        if let m = d.maximum { s += ", ≤ \(Value.format(m))" }
        return s
    }

    func sampleValue(_ d: FactDeclaration) -> String {
        switch d.type {
        case .integer: "1"
        case .number: "1.5"
        case .percent: "100%"
        case .boolean: "true"
        case .date: "2026-01-06"
        case .string: "\"…\""
        case .enumeration(let v): v.first ?? ""
        case .list: "[]"
        }
    }

    /// The single-valued facts (lists of records left out) read by rules that apply to `kind`
    /// during `year`: the columns of the wide form. Ordered as the law is, by the rule set's
    /// categories (participation, transparency, accountability, procedures, workplaces,
    /// mobilisation), then by the first rule that reads each fact, then as declared.
    public func wideColumns(kind: UnitKind, year: Int) -> [FactDeclaration] {
        let position = Dictionary(uniqueKeysWithValues: ruleSet.rules.enumerated().map { ($1.id, $0) })
        func key(_ rules: [Rule]) -> (Int, Int) {
            rules.map { (ruleSet.categories[$0.category]?.order ?? Int.max, position[$0.id] ?? Int.max) }.min { $0 < $1 } ?? (Int.max, Int.max)
        }
        return facts(kind: kind, year: year)
            .filter { if case .list = $0.0.type { return false } else { return true } }
            .map { (decl: $0.0, key: key($0.1)) }
            .sorted { ($0.key.0, $0.key.1, $0.decl.location) < ($1.key.0, $1.key.1, $1.decl.location) }
            .map(\.decl)
    }

    /// The wide form (``WideForm``) as CSV: the marker and a title, the keys, the facts' names,
    /// then a row per unit of `units` with its code, name, kind, subtype, parent and year filled
    /// in and its facts blank. UTF-8 with a byte-order mark and CRLF, as spreadsheets expect.
    public func renderWide(kind: UnitKind, year: Int, units: [AdministrativeUnit] = []) -> String {
        let l = Localizer(language)
        let facts = wideColumns(kind: kind, year: year)
        let keys = WideForm.headColumns + facts.map(\.path)
        let heads: [Message] = [.templateUnitCodeColumn, .templateUnitName, .templateKindColumn, .templateSubtypeColumn, .templateParent, .templateYearColumn]
        let labels = heads.map { l($0) } + facts.map { "\($0.label.text(language)) (\(typeText($0)))" }
        let title = "\(l(.templateTitle(kind: kind, year: year))) — \(l(.templateMadeBy(version: QCDC.version, ruleSet: ruleSet.id, ruleSetVersion: ruleSet.version)))"
        var rows: [[String]] = [
            ["\(WideForm.markerPrefix):\(WideForm.layout):\(WideForm.version):\(ruleSet.id)", title] + Array(repeating: "", count: max(0, keys.count - 2)),
            keys, labels,
        ]
        for u in units {
            var row = [u.code, u.name, kind.rawValue, kind == .commune ? u.type.rawValue : "", u.parent ?? "", String(year)]
            row += Array(repeating: "", count: facts.count)
            rows.append(row)
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A fact's column in a workbook: its style and validation, its name as the prompt.
    func column(_ f: FactDeclaration, yesNo: [String]) -> XLSXWriter.Column {
        let prompt = "\(f.label.text(language)) (\(typeText(f)))"
        switch f.type {
        case .integer:
            // Bounds as Excel takes them: whole numbers within ±1e15 (a rule set may declare more).
            func whole(_ d: Double) -> Int { Int(max(-1e15, min(1e15, d.rounded()))) }
            return .init(width: 16, validation: .whole(min: whole(f.minimum ?? 0), max: f.maximum.map(whole)), prompt: prompt)
        case .number: return .init(width: 16, validation: .decimal(min: f.minimum, max: f.maximum), prompt: prompt)
        case .percent: return .init(width: 16, style: .percent, validation: .decimal(min: (f.minimum ?? 0) / 100, max: (f.maximum ?? 100) / 100), prompt: prompt)
        case .boolean: return .init(width: 14, style: .text, validation: .list(yesNo), prompt: prompt)
        case .date: return .init(width: 14, style: .date, validation: .date, prompt: prompt)
        case .enumeration(let values): return .init(width: 18, style: .text, validation: .list(values), prompt: prompt)
        case .string, .list: return .init(width: 20, style: .text, prompt: prompt)
        }
    }

    /// A sheet per list of records the rules read (complaint cases, reception days…): a record
    /// per row, tied to its unit by code; named by the list's path (its name for people in B1).
    func listSheets(kind: UnitKind, year: Int, taken: Set<String>) -> [XLSXWriter.Sheet] {
        let l = Localizer(language)
        let yesNo = language == .vi ? ["có", "không"] : ["yes", "no"]
        var listSheets: [XLSXWriter.Sheet] = []
        var names = taken
        for (decl, readers) in facts(kind: kind, year: year) {
            guard case .list(let fields) = decl.type else { continue }
            var name = decl.path
            if name.count > 31 {
                // The path's end, cut at a word: `peoples_inspection_board.inspections` → `inspection_board.inspections`.
                let tail = decl.path.suffix(31)
                let clean = decl.path.dropLast(31).last.map { $0 == "_" || $0 == "." } ?? true
                name = clean ? String(tail) : String(tail.drop { $0 != "_" && $0 != "." }.dropFirst())
            }
            while names.contains(name) { name = String(name.prefix(29)) + "·" }
            names.insert(name)
            var cols = [XLSXWriter.Column(width: 10, style: .text, prompt: l(.templateUnitCodeColumn))]
            for f in fields { cols.append(column(f, yesNo: yesNo)) }
            let cites = readers.map { "\($0.id): \(l.basis($0))" }.joined(separator: "; ")
            let rows: [[XLSXWriter.Cell?]] = [
                [.text("\(WideForm.markerPrefix):list:\(WideForm.version):\(decl.path)", .title), .text("\(decl.label.text(language)) — \(cites)", .title)],
                (["unit.code"] + fields.map(\.path)).map { .text($0, .text) },
                ([l(.templateUnitCodeColumn)] + fields.map { "\($0.label.text(language)) (\(typeText($0)))" }).map { .text($0, .header) },
            ]
            var sheet = XLSXWriter.Sheet(name: name, columns: cols, rows: rows)
            sheet.frozenRows = 3
            sheet.frozenColumns = 1
            sheet.hiddenRows = [WideForm.keyRow]
            sheet.rowHeights = [WideForm.labelRow: 75]
            sheet.validatedRows = WideForm.firstDataRow...WideForm.firstDataRow + 19_999
            sheet.validationError = l(.templateCellRejected)
            listSheets.append(sheet)
        }
        return listSheets
    }

    /// One unit's report as a workbook: a sheet for the unit and period, a sheet per group of
    /// facts in the order of the law — a row per fact: its key (column A), its name, the
    /// value to fill in (validated as the fact declares), its type and bounds, the rules that read
    /// it with their citations — and a sheet per list of records (a record's code may be left blank).
    public func renderUnitWorkbook(kind: UnitKind, year: Int, unit: AdministrativeUnit? = nil) throws -> Data {
        let l = Localizer(language)
        let yesNo = language == .vi ? ["có", "không"] : ["yes", "no"]
        let readers = Dictionary(facts(kind: kind, year: year).map { ($0.0.path, $0.1) }, uniquingKeysWith: { a, _ in a })
        let columns = [XLSXWriter.Column(width: 28, style: .wrapped), XLSXWriter.Column(width: 40, style: .wrapped), XLSXWriter.Column(width: 16),
                       XLSXWriter.Column(width: 22, style: .wrapped), XLSXWriter.Column(width: 46, style: .wrapped)]
        let header: [XLSXWriter.Cell?] = [.text(l(.templateKeyColumn), .header), .text(l(.templateBasisLabel), .header),
                                          .text(l(.templateValueColumn), .header), .text(l(.templateBasisType), .header), .text(l(.templateBasis), .header)]
        func sheet(_ name: String, _ marker: String, _ title: String, _ rows: [[XLSXWriter.Cell?]], _ validations: [(Int, Int, XLSXWriter.Validation, String?)]) -> XLSXWriter.Sheet {
            var s = XLSXWriter.Sheet(name: name, columns: columns, rows: [[.text(marker, .title), .text(title, .title)], header] + rows)
            s.frozenRows = 2
            s.cellValidations = validations.map { (row: $0.0, column: $0.1, validation: $0.2, prompt: $0.3) }
            s.validationError = l(.templateCellRejected)
            s.landscape = true
            s.fitWidth = true
            return s
        }
        // Who and when.
        let unitRows: [[XLSXWriter.Cell?]] = [
            [.text("unit.code", .text), .text(l(.templateUnitCodeColumn), .plain), unit.map { .text($0.code, .text) } ?? .empty(.text)],
            [.text("unit.name", .text), .text(l(.templateUnitName), .plain), unit.map { .text($0.name, .text) } ?? .empty(.text)],
            [.text("unit.kind", .text), .text(l(.templateKindColumn), .plain), .text(kind.rawValue, .text)],
            [.text("unit.subtype", .text), .text(l(.templateSubtypeColumn), .plain), kind == .commune ? (unit.map { .text($0.type.rawValue, .text) } ?? .empty(.text)) : nil],
            [.text("unit.parent", .text), .text(l(.templateParent), .plain), unit?.parent.map { .text($0, .text) } ?? .empty(.text)],
            [.text("period.year", .text), .text(l(.templateYearColumn), .plain), .number(Double(year), .plain)],
        ]
        let title = "\(l(.templateTitle(kind: kind, year: year))) — \(l(.templateMadeBy(version: QCDC.version, ruleSet: ruleSet.id, ruleSetVersion: ruleSet.version)))"
        var sheets = [sheet(l(.templateUnitSheetName), "\(WideForm.markerPrefix):unit:\(WideForm.version):\(ruleSet.id)", title, unitRows,
                            [(8, 3, .whole(min: 1990, max: 2100), nil), (6, 3, .list(["xa", "phuong", "dac_khu"]), nil)])]
        // A sheet per group, groups and facts in the order of the law.
        var groups: [(String, [FactDeclaration])] = []
        for f in wideColumns(kind: kind, year: year) {
            let g = String(f.path.split(separator: ".").first ?? "")
            if let i = groups.firstIndex(where: { $0.0 == g }) { groups[i].1.append(f) } else { groups.append((g, [f])) }
        }
        var names: Set<String> = [sheets[0].name]
        for (group, members) in groups {
            var name = String(group.prefix(31))
            while names.contains(name) { name = String(name.prefix(29)) + "·" }
            names.insert(name)
            var rows: [[XLSXWriter.Cell?]] = []
            var validations: [(Int, Int, XLSXWriter.Validation, String?)] = []
            for (i, f) in members.enumerated() {
                let c = column(f, yesNo: yesNo)
                let cites = (readers[f.path] ?? []).map { "\($0.id): \(l.basis($0))" }.joined(separator: "; ")
                rows.append([.text(f.path, .text), .text(f.label.text(language), .wrapped), .empty(c.style), .text(typeText(f), .wrapped), .text(cites, .wrapped)])
                if let v = c.validation { validations.append((i + 3, 3, v, c.prompt)) }
            }
            var groupSheet = sheet(name, "\(WideForm.markerPrefix):group:\(WideForm.version):\(group)", group, rows, validations)
            for i in members.indices { groupSheet.rowHeights[i + 3] = 45 }     // room for the wrapped name and citations
            sheets.append(groupSheet)
        }
        sheets += listSheets(kind: kind, year: year, taken: names)
        return try XLSXWriter(sheets: sheets).write()
    }

    /// A CSV cell, quoted when it holds a delimiter, quote or line break.
    static func csvCell(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The wide form as an Excel workbook: the same rows as ``renderWide(kind:year:units:)``, with
    /// codes and names in text cells (leading zeros kept), the keys' row hidden, the header rows
    /// and the unit columns frozen, every fact column validated (whole numbers within the declared
    /// bounds, decimals, percentages, real dates, a list for yes/no and for enumerations) with its
    /// name as the input prompt; and a second sheet with each column's meaning and legal basis.
    public func renderWorkbook(kind: UnitKind, year: Int, units: [AdministrativeUnit] = []) throws -> Data {
        let l = Localizer(language)
        let facts = wideColumns(kind: kind, year: year)
        let yesNo = language == .vi ? ["có", "không"] : ["yes", "no"]
        let heads: [Message] = [.templateUnitCodeColumn, .templateUnitName, .templateKindColumn, .templateSubtypeColumn, .templateParent, .templateYearColumn]
        var columns = [XLSXWriter.Column(width: 10, style: .text), XLSXWriter.Column(width: 28, style: .text),
                       XLSXWriter.Column(width: 11, style: .text, validation: .list(UnitKind.allCases.map(\.rawValue))),
                       XLSXWriter.Column(width: 10, style: .text, validation: .list(["xa", "phuong", "dac_khu"])),
                       XLSXWriter.Column(width: 9, style: .text), XLSXWriter.Column(width: 8, validation: .whole(min: 1990, max: 2100))]
        for f in facts { columns.append(column(f, yesNo: yesNo)) }
        let title = "\(l(.templateTitle(kind: kind, year: year))) — \(l(.templateMadeBy(version: QCDC.version, ruleSet: ruleSet.id, ruleSetVersion: ruleSet.version)))"
        var rows: [[XLSXWriter.Cell?]] = [
            [.text("\(WideForm.markerPrefix):\(WideForm.layout):\(WideForm.version):\(ruleSet.id)", .title), .text(title, .title)],
            (WideForm.headColumns + facts.map(\.path)).map { .text($0, .text) },
            (heads.map { l($0) } + facts.map { "\($0.label.text(language)) (\(typeText($0)))" }).map { .text($0, .header) },
        ]
        for u in units {
            var row: [XLSXWriter.Cell?] = [.text(u.code, .text), .text(u.name, .text), .text(kind.rawValue, .text),
                                           kind == .commune ? .text(u.type.rawValue, .text) : nil, u.parent.map { .text($0, .text) }, .number(Double(year), .plain)]
            row += Array(repeating: nil, count: facts.count)
            rows.append(row)
        }
        var form = XLSXWriter.Sheet(name: l(.templateSheetName), columns: columns, rows: rows)
        form.frozenRows = 3
        form.frozenColumns = 2
        form.hiddenRows = [WideForm.keyRow]
        form.rowHeights = [WideForm.labelRow: 90]
        form.landscape = true
        form.validatedRows = WideForm.firstDataRow...max(WideForm.firstDataRow + 9_999, units.count + WideForm.firstDataRow)
        form.validationError = l(.templateCellRejected)
        // The second sheet: what each column is, and why it is asked for.
        var basis: [[XLSXWriter.Cell?]] = [[.text(l(.templateBasisKey), .header), .text(l(.templateBasisLabel), .header),
                                            .text(l(.templateBasisType), .header), .text(l(.templateBasis), .header)]]
        let readers = Dictionary(self.facts(kind: kind, year: year).map { ($0.0.path, $0.1) }, uniquingKeysWith: { a, _ in a })
        for decl in facts {
            let cites = (readers[decl.path] ?? []).map { "\($0.id): \(l.basis($0))" }.joined(separator: "\n")
            basis.append([.text(decl.path, .text), .text(decl.label.text(language), .plain), .text(typeText(decl), .plain), .text(cites, .plain)])
        }
        var notes = XLSXWriter.Sheet(name: l(.templateBasisSheetName), columns: [.init(width: 36), .init(width: 48), .init(width: 22), .init(width: 80)], rows: basis)
        notes.frozenRows = 1
        let lists = listSheets(kind: kind, year: year, taken: [form.name, notes.name])
        return try XLSXWriter(sheets: [form] + lists + [notes]).write()
    }
}
