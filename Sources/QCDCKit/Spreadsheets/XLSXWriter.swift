import Foundation
import ZIPFoundation

/// Writes a small Excel workbook (`.xlsx`): sheets of text and numbers with inline strings,
/// a few fixed styles, column widths and default styles, frozen header rows, hidden rows, and
/// data validation per column. Deterministic: the same sheets give the same bytes (parts in a
/// fixed order, a fixed modification date).
package struct XLSXWriter {
    /// The fixed styles, by their index in `cellXfs`.
    package enum Style: Int, Sendable {
        case plain = 0, text, header, date, percent, title, decimal1, wrapped
    }

    /// A cell: text (kept as written, never read as a number) or a number.
    package enum Cell: Sendable {
        case text(String, Style)
        case number(Double, Style)
        /// An empty cell with a style, so that what is typed into it takes the style.
        case empty(Style)
    }

    /// What a column accepts: data validation over its data rows.
    package enum Validation: Sendable {
        case whole(min: Int?, max: Int?)
        case decimal(min: Double?, max: Double?)
        case date
        case list([String])
    }

    /// A column: width in characters, the style new cells get, and its validation.
    package struct Column: Sendable {
        package var width: Double
        package var style: Style
        package var validation: Validation?
        package var prompt: String?
        package init(width: Double, style: Style = .plain, validation: Validation? = nil, prompt: String? = nil) {
            self.width = width
            self.style = style
            self.validation = validation
            self.prompt = prompt
        }
    }

    /// One sheet.
    package struct Sheet: Sendable {
        package var name: String
        package var columns: [Column]
        package var rows: [[Cell?]]
        /// Rows above and columns left of the frozen pane.
        package var frozenRows = 0, frozenColumns = 0
        /// 1-based rows hidden from view (still read).
        package var hiddenRows: Set<Int> = []
        /// 1-based rows given a height, in points (wrapped headers).
        package var rowHeights: [Int: Double] = [:]
        /// Printed on landscape pages.
        package var landscape = false
        /// Printed as wide as one page (as long as it needs).
        package var fitWidth = false
        /// Filter buttons on the first row (over every row and column written).
        package var autoFilter = false
        /// Validation of single cells (1-based row and column), beside the columns'.
        package var cellValidations: [(row: Int, column: Int, validation: Validation, prompt: String?)] = []
        /// The 1-based rows validation covers.
        package var validatedRows: ClosedRange<Int>? = nil
        /// The message shown when a value breaks a column's validation.
        package var validationError = ""
        package init(name: String, columns: [Column], rows: [[Cell?]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    package var sheets: [Sheet]

    package init(sheets: [Sheet]) { self.sheets = sheets }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The workbook's bytes.
    package func write() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_767_225_600)    // 2026-01-01, so that output never changes
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes())
        try add("_rels/.rels", Self.head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(Self.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        try add("xl/workbook.xml", workbook())
        try add("xl/_rels/workbook.xml.rels", workbookRels())
        try add("xl/styles.xml", Self.styles)
        for (i, s) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", sheet(s)) }
        return archive.data ?? Data()
    }

    func contentTypes() -> String {
        var o = Self.head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        o += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        o += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        o += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        o += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            o += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return o + "</Types>"
    }

    func workbook() -> String {
        var o = Self.head + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets>"
        for (i, s) in sheets.enumerated() { o += "<sheet name=\"\(Self.esc(String(s.name.prefix(31))))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }
        return o + "</sheets></workbook>"
    }

    func workbookRels() -> String {
        var o = Self.head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices { o += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>" }
        o += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/>"
        return o + "</Relationships>"
    }

    /// Fonts: normal, bold. Styles: plain, text (`@`), header (bold text, wrapped), date
    /// (format 14), percent (format 10), title (bold), one decimal (`0.0`), wrapped text.
    static let styles = head + """
    <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """

    func sheet(_ s: Sheet) -> String {
        var o = Self.head + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\">"
        if s.fitWidth { o += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        if s.frozenRows > 0 || s.frozenColumns > 0 {
            let top = "\(XLSXReader.columnName(s.frozenColumns + 1))\(s.frozenRows + 1)"
            o += "<sheetViews><sheetView workbookViewId=\"0\"><pane"
            if s.frozenColumns > 0 { o += " xSplit=\"\(s.frozenColumns)\"" }
            if s.frozenRows > 0 { o += " ySplit=\"\(s.frozenRows)\"" }
            o += " topLeftCell=\"\(top)\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !s.columns.isEmpty {
            o += "<cols>"
            for (i, c) in s.columns.enumerated() {
                o += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(Value.format(c.width, digits: 2))\" customWidth=\"1\""
                if c.style != .plain { o += " style=\"\(c.style.rawValue)\"" }
                o += "/>"
            }
            o += "</cols>"
        }
        o += "<sheetData>"
        for (r, row) in s.rows.enumerated() {
            o += "<row r=\"\(r + 1)\"" + (s.hiddenRows.contains(r + 1) ? " hidden=\"1\"" : "")
            if let h = s.rowHeights[r + 1] { o += " ht=\"\(Value.format(h, digits: 1))\" customHeight=\"1\"" }
            o += ">"
            for (c, cell) in row.enumerated() {
                guard let cell else { continue }
                let ref = "\(XLSXReader.columnName(c + 1))\(r + 1)"
                switch cell {
                case .text(let t, let style):
                    o += "<c r=\"\(ref)\" t=\"inlineStr\"" + (style != .plain ? " s=\"\(style.rawValue)\"" : "") + "><is><t xml:space=\"preserve\">\(Self.esc(t))</t></is></c>"
                case .number(let d, let style):
                    o += "<c r=\"\(ref)\"" + (style != .plain ? " s=\"\(style.rawValue)\"" : "") + "><v>\(Value.format(d, digits: 10))</v></c>"
                case .empty(let style):
                    o += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
                }
            }
            o += "</row>"
        }
        o += "</sheetData>"
        if s.autoFilter, let width = s.rows.map(\.count).max(), width > 0 {
            o += "<autoFilter ref=\"A1:\(XLSXReader.columnName(width))\(max(s.rows.count, 1))\"/>"
        }
        var validations: [String] = []
        if let rows = s.validatedRows {
            for (i, c) in s.columns.enumerated() where c.validation != nil {
                let col = XLSXReader.columnName(i + 1)
                validations.append(validation(c.validation!, sqref: "\(col)\(rows.lowerBound):\(col)\(rows.upperBound)", prompt: c.prompt, error: s.validationError))
            }
        }
        for v in s.cellValidations {
            validations.append(validation(v.validation, sqref: "\(XLSXReader.columnName(v.column))\(v.row)", prompt: v.prompt, error: s.validationError))
        }
        if !validations.isEmpty { o += "<dataValidations count=\"\(validations.count)\">" + validations.joined() + "</dataValidations>" }
        if s.landscape {
            o += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\""
            o += s.fitWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"/>" : "/>"
        }
        return o + "</worksheet>"
    }

    func validation(_ v: Validation, sqref: String, prompt: String?, error: String) -> String {
        var attributes = "allowBlank=\"1\" showErrorMessage=\"1\" errorStyle=\"stop\" error=\"\(Self.esc(String(error.prefix(225))))\""
        if let prompt { attributes += " showInputMessage=\"1\" prompt=\"\(Self.esc(String(prompt.prefix(250))))\"" }
        func bounds(_ min: String?, _ max: String?) -> String {
            switch (min, max) {
            case let (a?, b?): return " operator=\"between\" \(attributes) sqref=\"\(sqref)\"><formula1>\(a)</formula1><formula2>\(b)</formula2>"
            case let (a?, nil): return " operator=\"greaterThanOrEqual\" \(attributes) sqref=\"\(sqref)\"><formula1>\(a)</formula1>"
            case let (nil, b?): return " operator=\"lessThanOrEqual\" \(attributes) sqref=\"\(sqref)\"><formula1>\(b)</formula1>"
            case (nil, nil): return " operator=\"greaterThanOrEqual\" \(attributes) sqref=\"\(sqref)\"><formula1>-1E+300</formula1>"
            }
        }
        switch v {
        case .whole(let min, let max):
            return "<dataValidation type=\"whole\"" + bounds(min.map(String.init), max.map(String.init)) + "</dataValidation>"
        case .decimal(let min, let max):
            return "<dataValidation type=\"decimal\"" + bounds(min.map { Value.format($0, digits: 10) }, max.map { Value.format($0, digits: 10) }) + "</dataValidation>"
        case .date:
            // 1 January 1990 to 31 December 2100, as Excel serials.
            return "<dataValidation type=\"date\"" + bounds("32874", "73415") + "</dataValidation>"
        case .list(let values):
            let joined = values.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",")
            return "<dataValidation type=\"list\" \(attributes) sqref=\"\(sqref)\"><formula1>\"\(Self.esc(String(joined.prefix(250))))\"</formula1></dataValidation>"
        }
    }

    /// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids; a
    /// literal `_x0041_` is written `_x005F_x0041_`, so that Excel does not read it as an escape.
    static func esc(_ s: String) -> String {
        var t = s
        if t.contains("_x") {
            t = t.replacingOccurrences(of: #"_(x[0-9A-Fa-f]{4}_)"#, with: "_x005F_$1", options: .regularExpression)
        }
        return MarkupEscape.escape(t)
    }
}
