/// The wide form: one unit per row of a spreadsheet, one fact per column — how a province
/// collects its communes. `qcdc template --format csv` writes it:
///
/// | row | holds |
/// |---|---|
/// | 1 | the marker in A1 (`#qcdc:wide:1:vn.national`: qcdc's, the layout, its version, the rule set) and a title |
/// | 2 | the keys: `unit.code`, `unit.name`, `unit.kind`, `unit.subtype`, `unit.parent`, `period.year` (or `period.from`, `period.to`), then fact paths |
/// | 3 | the facts' names for people (read by nobody) |
/// | 4… | one unit each; a row with every cell blank is skipped |
///
/// A blank cell is a fact not reported (missing evidence), as a blank value is in YAML. Cells are
/// typed by the fact's declaration, written as people write them in Vietnamese spreadsheets:
/// `1.441` or `1 441` for an integer with thousands separators, `85,5` for a decimal comma,
/// `có`/`không` (or `x`, `1`/`0`, `yes`/`no`) for a boolean, `24/11/2026` for a date. Every value
/// keeps its cell (row as line, column as column), so findings point at it.
package enum WideForm {
    /// The marker's first field, in A1.
    package static let markerPrefix = "#qcdc"
    /// The layout this reader knows, and its version.
    package static let layout = "wide", version = 1

    /// The row of keys, of names, and the first row of data.
    package static let keyRow = 2, labelRow = 3, firstDataRow = 4

    /// The most dots a key may have (the deepest fact path is far shallower).
    static let maxKeyDepth = 16

    /// The unit and period columns, before the facts.
    package static let headColumns = ["unit.code", "unit.name", "unit.kind", "unit.subtype", "unit.parent", "period.year"]
    static let unitKeys: Set<String> = ["unit.code", "unit.name", "unit.kind", "unit.subtype", "unit.parent"]
    static let periodKeys: Set<String> = ["period.year", "period.from", "period.to"]

    /// A sheet of a workbook that holds a list of records for the units of the wide sheet
    /// (marker `#qcdc:list:1:complaints.cases` in A1): keys in row 2 (`unit.code`, then the
    /// record's fields), names in row 3, a record per row from row 4. A unit with no row has not
    /// reported the list (missing evidence); a row with its code and every other cell blank says
    /// it has none (an empty list).
    package struct ListSheet: Sendable {
        package var path: String
        /// The sheet's position among the workbook's marked sheets.
        package var ordinal: Int
        package var name: String
        package var rows: [[String]]
    }

    /// The list path a sheet's marker names (`#qcdc:list:1:PATH`), or nil for any other sheet.
    package static func listPath(_ rows: [[String]]) -> String? {
        guard let a1 = rows.first?.first?.trimmingCharacters(in: .whitespaces) else { return nil }
        let fields = a1.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == markerPrefix, fields[1] == "list" else { return nil }
        return String(fields[3])
    }

    /// The kind of qcdc sheet a marker names: `wide`, `list`, `unit` or `group`.
    package static func sheetKind(_ rows: [[String]]) -> String? {
        guard let a1 = rows.first?.first?.trimmingCharacters(in: .whitespaces) else { return nil }
        let fields = a1.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0] == markerPrefix else { return nil }
        return String(fields[1])
    }

    /// One unit's workbook: a `unit` sheet (who and when) and a `group` sheet per group of facts,
    /// each a row per fact: its key in column A, its name in B, its value in C (then its type and
    /// basis); with the list sheets of ``ListSheet`` (a record's `unit.code` may be left blank).
    /// `sheets` are the marked sheets, the unit sheet at `unitOrdinal`.
    package static func readUnit(_ sheets: [(ordinal: Int, rows: [[String]])], unitOrdinal: Int, file: String,
                                 facts: [String: FactDeclaration], lists: [ListSheet]) -> Content {
        var items: [(segments: ArraySlice<String>, keyMark: Mark, value: Node)] = []
        var seen: [String: Mark] = [:]
        var code: String?
        for sheet in sheets {
            for (r, cells) in sheet.rows.enumerated() where r >= 2 {     // row 1 the marker, row 2 the headings
                let key = (cells.first ?? "").trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty, !key.hasPrefix(markerPrefix) else { continue }
                let keyMark = Mark(line: r + 1, column: encode(column: 1, ordinal: sheet.ordinal))
                if let first = seen[key] {
                    return .invalid(Diagnostic(.error, DiagnosticCode(.input, "spreadsheet_layout"), .spreadsheetDuplicateColumn(Neutral.visible(key), first: first.line),
                                               at: keyMark.located(in: file)))
                }
                seen[key] = keyMark
                let text = cells.count > 2 ? cells[2].trimmingCharacters(in: .whitespacesAndNewlines) : ""
                if key == "unit.code" { code = text }
                guard !text.isEmpty else { continue }
                let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard segments.count <= maxKeyDepth else { continue }
                let (value, style) = scalar(text, key: key, decl: facts[key])
                items.append((segments[...], keyMark, Node(.scalar(value, style), at: Mark(line: r + 1, column: encode(column: 3, ordinal: sheet.ordinal)))))
            }
        }
        // The unit's records: those with its code, or with none (a row with cells filled but no code).
        let filled = lists.map { list -> ListSheet in
            var l = list
            guard l.rows.count >= keyRow, let c = l.rows[keyRow - 1].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "unit.code" }) else { return l }
            for i in l.rows.indices where i + 1 >= firstDataRow {
                var row = l.rows[i]
                guard row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
                if c >= row.count || row[c].trimmingCharacters(in: .whitespaces).isEmpty {
                    while row.count <= c { row.append("") }
                    row[c] = code ?? ""
                    l.rows[i] = row
                }
            }
            return l
        }
        let root = Mark(line: 1, column: encode(column: 1, ordinal: unitOrdinal))
        switch read([["\(markerPrefix):\(layout):\(version)"], ["unit.code"], [""], [code ?? ""]], file: file, facts: facts, lists: filled) {
        case .invalid(let d): return .invalid(d)
        case .notATemplate: break
        case .reports(let rows):
            // Each list, down to its sequence, beside the facts of its group.
            func leaves(_ node: Node, _ path: [String], _ keyMark: Mark) {
                if let entries = node.entries {
                    for e in entries { leaves(e.value, path + [e.key], e.keyMark) }
                } else {
                    items.append((path[...], keyMark, node))
                }
            }
            for e in rows.first?.node.entries ?? [] where e.key != "unit" { leaves(e.value, [e.key], e.keyMark) }
        }
        return .reports([(row: 0, node: mapping(items, at: root))])
    }

    /// Positions on a list sheet are kept in a report's nodes with the sheet folded into the
    /// column (a node's position has no sheet): column + (ordinal + 1) × 100,000.
    static let sheetStride = 100_000
    static func encode(column: Int, ordinal: Int) -> Int { column + (ordinal + 1) * sheetStride }
    /// A column and, for a position on a list sheet, the sheet's ordinal.
    package static func decode(_ column: Int) -> (column: Int, ordinal: Int?) {
        column > sheetStride ? (column % sheetStride, column / sheetStride - 1) : (column, nil)
    }

    /// What a spreadsheet holds.
    package enum Content: Sendable {
        /// No qcdc marker in A1: not a report (skipped in a folder, an error when named).
        case notATemplate
        /// The layout cannot be read: one located error.
        case invalid(Diagnostic)
        /// One report per data row, with its row number.
        case reports([(row: Int, node: Node)])
    }

    /// Whether A1 holds qcdc's marker.
    package static func isMarked(_ rows: [[String]]) -> Bool {
        rows.first?.first.map { $0.trimmingCharacters(in: .whitespaces).hasPrefix(markerPrefix) } ?? false
    }

    /// The reports of a spreadsheet's rows, typed by `facts` (the rule set's declarations), with
    /// the records `lists` hold for each unit.
    package static func read(_ rows: [[String]], file: String, facts: [String: FactDeclaration], lists: [ListSheet] = []) -> Content {
        guard isMarked(rows) else { return .notATemplate }
        let marker = rows[0][0].trimmingCharacters(in: .whitespaces)
        let fields = marker.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func invalid(_ m: Message, _ mark: Mark, _ notes: [Message] = []) -> Content {
            .invalid(Diagnostic(.error, DiagnosticCode(.input, "spreadsheet_layout"), m, at: mark.located(in: file), notes: notes))
        }
        guard fields.count >= 3, fields[0] == markerPrefix, fields[1] == layout else {
            return invalid(.spreadsheetUnknownLayout(Neutral.visible(marker)), .start, [.makeATemplate])
        }
        guard Int(fields[2]) == version else {
            return invalid(.spreadsheetNewerLayout(Neutral.visible(fields[2])), .start, [.makeATemplate])
        }
        guard rows.count >= keyRow, rows[keyRow - 1].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return invalid(.spreadsheetNoKeys, Mark(line: keyRow, column: 1), [.makeATemplate])
        }
        // The columns: key, its header cell, its declaration.
        var columns: [(index: Int, key: String, mark: Mark, decl: FactDeclaration?, segments: [String])] = []
        var seen: [String: Int] = [:]
        for (i, raw) in rows[keyRow - 1].enumerated() {
            let key = raw.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { continue }
            let mark = Mark(line: keyRow, column: i + 1)
            if let first = seen[key] {
                return invalid(.spreadsheetDuplicateColumn(Neutral.visible(key), first: first + 1), mark)
            }
            seen[key] = i
            let decl = facts[key]
            if let decl, case .list = decl.type {
                return invalid(.spreadsheetListColumn(key), mark, [.listsInYAML])
            }
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard segments.count <= maxKeyDepth else { return invalid(.spreadsheetKeyTooDeep(Neutral.visible(String(key.prefix(80))), maxKeyDepth), mark) }
            columns.append((i, key, mark, decl, segments))
        }
        // A column that is a group of others (`a` beside `a.b`) would be dropped without a word.
        let keys = Set(columns.map(\.key))
        for c in columns where keys.contains(where: { $0.hasPrefix(c.key + ".") }) {
            return invalid(.spreadsheetGroupColumn(Neutral.visible(c.key)), c.mark)
        }
        // The records of each list sheet, by unit code.
        var records: [(path: String, keyMark: Mark, byUnit: [String: [Node]])] = []
        for list in lists {
            let a1 = Mark(line: 1, column: encode(column: 1, ordinal: list.ordinal))
            guard let decl = facts[list.path], case .list(let fields) = decl.type else {
                return invalid(.spreadsheetNotAList(Neutral.visible(list.path)), a1)
            }
            if records.contains(where: { $0.path == list.path }) { return invalid(.spreadsheetDuplicateColumn(list.path, first: 1), a1) }
            if columns.contains(where: { $0.key == list.path }) { return invalid(.spreadsheetListColumn(list.path), a1, [.listsInYAML]) }
            guard list.rows.count >= keyRow, let codeColumn = list.rows[keyRow - 1].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "unit.code" }) else {
                return invalid(.spreadsheetNoKeys, Mark(line: keyRow, column: encode(column: 1, ordinal: list.ordinal)), [.makeATemplate])
            }
            var fieldColumns: [(index: Int, key: String, mark: Mark, decl: FactDeclaration?)] = []
            for (i, raw) in list.rows[keyRow - 1].enumerated() where i != codeColumn {
                let key = raw.trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty else { continue }
                fieldColumns.append((i, key, Mark(line: keyRow, column: encode(column: i + 1, ordinal: list.ordinal)), fields.first { $0.path == key }))
            }
            var byUnit: [String: [Node]] = [:]
            for (r, cells) in list.rows.enumerated() where r + 1 >= firstDataRow {
                let code = codeColumn < cells.count ? cells[codeColumn].trimmingCharacters(in: .whitespacesAndNewlines) : ""
                guard !code.isEmpty else { continue }
                var entries: [Node.Entry] = []
                for c in fieldColumns where c.index < cells.count {
                    let text = cells[c.index].trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !text.isEmpty else { continue }
                    let (value, style) = scalar(text, key: c.key, decl: c.decl)
                    entries.append(Node.Entry(key: c.key, keyMark: c.mark,
                                              value: Node(.scalar(value, style), at: Mark(line: r + 1, column: encode(column: c.index + 1, ordinal: list.ordinal)))))
                }
                var units = byUnit[code] ?? []
                // A row of the unit's code alone says it has none: an empty list, not a record.
                if !entries.isEmpty {
                    units.append(Node(.mapping(entries), at: Mark(line: r + 1, column: encode(column: 1, ordinal: list.ordinal))))
                }
                byUnit[code] = units
            }
            records.append((list.path, a1, byUnit))
        }
        let codeIndex = columns.first { $0.key == "unit.code" }?.index

        var out: [(row: Int, node: Node)] = []
        for (r, cells) in rows.enumerated() where r + 1 >= firstDataRow {
            let row = r + 1
            guard cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            var items: [(segments: ArraySlice<String>, keyMark: Mark, value: Node)] = []
            for c in columns where c.index < cells.count {
                let text = cells[c.index].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { continue }
                let (value, style) = scalar(text, key: c.key, decl: c.decl)
                items.append((c.segments[...], c.mark, Node(.scalar(value, style), at: Mark(line: row, column: c.index + 1))))
            }
            if let codeIndex, codeIndex < cells.count {
                let code = cells[codeIndex].trimmingCharacters(in: .whitespacesAndNewlines)
                for list in records {
                    guard let nodes = list.byUnit[code] else { continue }
                    let at = nodes.first?.mark ?? list.keyMark
                    let segments = list.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    items.append((segments[...], list.keyMark, Node(.sequence(nodes), at: at)))
                }
            }
            out.append((row, mapping(items, at: Mark(line: row, column: 1))))
        }
        return .reports(out)
    }

    /// Nested mappings from dotted keys, in column order.
    static func mapping(_ items: [(segments: ArraySlice<String>, keyMark: Mark, value: Node)], at mark: Mark) -> Node {
        var order: [String] = []
        var groups: [String: [(segments: ArraySlice<String>, keyMark: Mark, value: Node)]] = [:]
        for it in items {
            let k = it.segments.first!
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(it)
        }
        let entries: [Node.Entry] = order.map { k in
            let g = groups[k]!
            let deeper = g.filter { $0.segments.count > 1 }.map { ($0.segments.dropFirst(), $0.keyMark, $0.value) }
            if deeper.isEmpty { return Node.Entry(key: k, keyMark: g[0].keyMark, value: g[0].value) }
            // The group is where its first value is: a fact missing from it is reported on the unit's row.
            return Node.Entry(key: k, keyMark: g[0].keyMark, value: mapping(deeper, at: deeper[0].2.mark))
        }
        return Node(.mapping(entries), at: mark)
    }

    /// A cell's text as the report reader takes it: typed values plain, normalised from the way
    /// Vietnamese spreadsheets write them; text (codes, names, enumerations) quoted, so that
    /// `00123` stays `00123`. What cannot be normalised is passed on as written, for the reader
    /// to report against the declaration.
    static func scalar(_ text: String, key: String, decl: FactDeclaration?) -> (String, ScalarStyle) {
        if unitKeys.contains(key) { return (text, .doubleQuoted) }
        if key == "period.year" { return (integer(text) ?? text, .plain) }
        if periodKeys.contains(key) { return (date(text) ?? text, .plain) }
        guard let decl else { return (text, .doubleQuoted) }
        switch decl.type {
        case .integer: return (integer(text) ?? text, .plain)
        case .number: return (decimal(text) ?? text, .plain)
        case .percent:
            let sign = text.hasSuffix("%")
            let body = sign ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            return ((decimal(body) ?? body) + (sign ? "%" : ""), .plain)
        case .boolean: return (boolean(text) ?? text, .plain)
        case .date: return (date(text) ?? text, .plain)
        case .string, .enumeration, .list: return (text, .doubleQuoted)
        }
    }

    /// `1441`, `1.441`, `1,441`, `1 441` (or with a no-break space) → `1441`; `12.0` (a number
    /// cell) → `12`; nil for anything else.
    static func integer(_ text: String) -> String? {
        let t = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        if t.allSatisfy(\.isASCIIDigit) || (t.hasPrefix("-") && t.dropFirst().allSatisfy(\.isASCIIDigit) && t.count > 1) { return t }
        // `12.0`, `12,0`, `12,00`: a whole number written with a zero fraction (a number cell, a decimal comma).
        if let sep = t.lastIndex(where: { $0 == "." || $0 == "," }), t[..<sep].allSatisfy(\.isASCIIDigit), !t[..<sep].isEmpty,
           t[t.index(after: sep)...].allSatisfy({ $0 == "0" }), t.index(after: sep) < t.endIndex {
            return String(t[..<sep])
        }
        for sep in [".", ",", " "] where t.contains(sep) {
            let groups = t.split(separator: Character(sep), omittingEmptySubsequences: false)
            if groups.count > 1, (1...3).contains(groups[0].count), groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) && !$0.isEmpty }),
               groups.dropFirst().allSatisfy({ $0.count == 3 }) {
                return groups.joined()
            }
        }
        return nil
    }

    /// `85,5` → `85.5` (a decimal comma with no point); `1.441,5` → `1441.5`; as written otherwise.
    static func decimal(_ text: String) -> String? {
        if text.contains(",") && !text.contains(".") { return text.replacingOccurrences(of: ",", with: ".") }
        if text.contains(".") && text.contains(","), let comma = text.lastIndex(of: ","), let point = text.lastIndex(of: "."), point < comma {
            return text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        return nil
    }

    /// `có`, `x`, `yes`, `true`, `1`, `đúng` → `true`; `không`, `no`, `false`, `0`, `sai` → `false`.
    static func boolean(_ text: String) -> String? {
        switch text.lowercased() {
        case "có", "co", "x", "yes", "y", "true", "1", "đúng", "đ", "c": "true"
        case "không", "khong", "no", "n", "false", "0", "sai", "k": "false"
        default: nil
        }
    }

    /// `2026-11-24` as it is; `24/11/2026`, `24-11-2026`, `24.11.2026` (day first, as Vietnam writes
    /// dates) → `2026-11-24`; nil for anything else.
    static func date(_ text: String) -> String? {
        if Day(iso: text) != nil { return text }
        for sep: Character in ["/", "-", "."] {
            let p = text.split(separator: sep, omittingEmptySubsequences: false)
            guard p.count == 3, p[2].count == 4, (1...2).contains(p[0].count), (1...2).contains(p[1].count),
                  let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]), let day = Day(year: y, month: m, day: d) else { continue }
            return day.description
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
