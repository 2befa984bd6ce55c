/// Spreadsheets as reports: which files are spreadsheets, and how a run reads one.
package enum Spreadsheet {
    /// The most cells a spreadsheet may have (3,321 communes × 600 columns fit).
    package static let maxCells = 2_000_000

    /// Whether `file` is read as a spreadsheet (by its extension: `.csv`, `.xlsx`).
    package static func isSpreadsheet(_ file: String) -> Bool {
        let f = file.lowercased()
        return f.hasSuffix(".csv") || f.hasSuffix(".xlsx")
    }
}

/// One row of a spreadsheet, read into a report's nodes.
package struct SpreadsheetRow: Sendable {
    /// The row, for one report per row; nil for a one-unit workbook.
    package var row: Int?
    package var node: Node
    /// The workbook sheet the row is on; nil for CSV.
    package var sheet: String? = nil
    /// Every marked sheet of the workbook, by ordinal, for positions on list sheets.
    package var sheets: [String] = []
}

extension Checker {
    /// Checks each row of a spreadsheet in the wide form (``WideForm``) as a report. One without
    /// qcdc's marker is skipped with a note when found in a folder, and an error when named.
    func loadSpreadsheet(_ bytes: [UInt8], file: String, walked: Bool) -> Loaded {
        func invalid(_ d: Diagnostic) -> Loaded {
            .outcome(ReportOutcome(file: file, unit: nil, period: nil, results: [], diagnostics: [d]))
        }
        if file.lowercased().hasSuffix(".xlsx") {
            switch XLSXReader.read(bytes, maxCells: Spreadsheet.maxCells, marker: WideForm.markerPrefix) {
            case .failure(let f):
                // In a folder, a workbook qcdc cannot open at all (encrypted, another format) is someone else's.
                if walked && f.sheet == nil && f.mark == .start { return skipped(file) }
                var at = f.mark.located(in: file)
                at.sheet = f.sheet
                return invalid(Diagnostic(.error, DiagnosticCode(.input, "xlsx_invalid"), f.message, at: at))
            case .success(let found):
                let lists = found.enumerated().compactMap { i, s in
                    WideForm.listPath(s.rows).map { WideForm.ListSheet(path: $0, ordinal: i, name: s.name, rows: s.rows) }
                }
                // One unit's workbook: a unit sheet and a sheet per group of facts.
                if let unitSheet = found.firstIndex(where: { WideForm.sheetKind($0.rows) == "unit" }) {
                    let parts = found.enumerated().filter { ["unit", "group"].contains(WideForm.sheetKind($0.element.rows)) }.map { ($0.offset, $0.element.rows) }
                    let content = WideForm.readUnit(parts, unitOrdinal: unitSheet, file: file, facts: ruleSet.facts, lists: lists)
                    return report(content, file: file, sheet: found[unitSheet].name, sheetNames: found.map(\.name), mainOrdinal: unitSheet)
                }
                // The first sheet in the wide form is the report; sheets marked as lists of records add
                // their rows to it; other sheets (notes) are left alone.
                guard let main = found.firstIndex(where: { WideForm.listPath($0.rows) == nil }) else {
                    if walked && found.isEmpty { return skipped(file) }
                    return invalid(Diagnostic(.error, DiagnosticCode(.input, "not_a_template"), .notATemplate(file), at: Mark.start.located(in: file),
                                              notes: [.makeATemplate]))
                }
                return report(WideForm.read(found[main].rows, file: file, facts: ruleSet.facts, lists: lists), file: file,
                              sheet: found[main].name, sheetNames: found.map(\.name), mainOrdinal: main, walked: walked)
            }
        }
        let body: ArraySlice<UInt8>
        switch SourceText.check(bytes, file: file, limits: limits) {
        case .failure(let d):
            // In a folder, a CSV file in another encoding is someone else's unless it starts with the marker.
            if walked && !bytes.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).starts(with: Array(WideForm.markerPrefix.utf8)) { return skipped(file) }
            return invalid(d)
        case .success(let b): body = b
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return invalid(Diagnostic(.error, DiagnosticCode(.input, "empty"), .emptyFile, at: Mark.start.located(in: file)))
        }
        let rows: [[String]]
        switch CSVReader.read(Array(body), maxCells: Spreadsheet.maxCells) {
        case .failure(let f):
            guard !walked || WideForm.isMarked(Self.firstCell(bytes)) else { return skipped(file) }
            return invalid(Diagnostic(.error, DiagnosticCode(.input, "csv_syntax"), f.message, at: f.mark.located(in: file)))
        case .success(let r): rows = r
        }
        return report(WideForm.read(rows, file: file, facts: ruleSet.facts), file: file, sheet: nil, sheetNames: [], mainOrdinal: 0, walked: walked)
    }

    /// What a spreadsheet's content makes: its reports, or why there are none.
    private func report(_ content: WideForm.Content, file: String, sheet: String?, sheetNames: [String], mainOrdinal: Int,
                        walked: Bool = false) -> Loaded {
        func invalid(_ d: Diagnostic) -> Loaded {
            .outcome(ReportOutcome(file: file, unit: nil, period: nil, results: [], diagnostics: [d]))
        }
        switch content {
        case .notATemplate:
            if walked { return skipped(file) }
            return invalid(Diagnostic(.error, DiagnosticCode(.input, "not_a_template"), .notATemplate(file), at: Mark.start.located(in: file),
                                      notes: [.makeATemplate]))
        case .invalid(var d):
            let (column, ordinal) = WideForm.decode(d.location.column)
            d.location.column = column
            d.location.sheet = sheetNames.indices.contains(ordinal ?? mainOrdinal) ? sheetNames[ordinal ?? mainOrdinal] : sheet
            return invalid(d)
        case .reports(let reports):
            guard !reports.isEmpty else {
                return invalid(Diagnostic(.error, DiagnosticCode(.input, "empty"), .emptySpreadsheet(file),
                                          at: Mark(line: WideForm.firstDataRow, column: 1).located(in: file)))
            }
            return .rows(file: file, reports.map { SpreadsheetRow(row: $0.row == 0 ? nil : $0.row, node: $0.node, sheet: sheet, sheets: sheetNames) })
        }
    }

    /// Checks one row of a spreadsheet as a report.
    func check(row: SpreadsheetRow, file: String) -> ReportOutcome {
        var outcome = check(node: row.node, loadDiagnostics: [], file: file, bytes: [])
        outcome.row = row.row
        if let sheet = row.sheet { outcome.locate(onSheet: sheet, sheets: row.sheets) }
        return outcome
    }

    private func skipped(_ file: String) -> Loaded {
        .skipped(Diagnostic(.note, DiagnosticCode(.input, "skipped"), .skippedNotAReport(.spreadsheet), at: Mark.start.located(in: file),
                            notes: [.nameItToCheck]))
    }

    /// The first cell's text, for telling a malformed qcdc spreadsheet from someone else's file.
    static func firstCell(_ bytes: [UInt8]) -> [[String]] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let end = body.firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\t") || $0 == 0x0A || $0 == 0x0D } ?? body.endIndex
        return [[String(decoding: body[body.startIndex..<end], as: UTF8.self)]]
    }
}

extension ReportOutcome {
    /// Puts every position in the report's file on its sheet: `sheet`, or the list sheet its
    /// column encodes (``WideForm/decode(_:)``); for its diagnostics, its results and the records
    /// they flag.
    mutating func locate(onSheet sheet: String, sheets: [String]) {
        func place(_ l: inout SourceLocation) {
            let (column, ordinal) = WideForm.decode(l.column)
            l.column = column
            l.sheet = ordinal.flatMap { sheets.indices.contains($0) ? sheets[$0] : nil } ?? sheet
        }
        for i in diagnostics.indices where diagnostics[i].location.file == file { place(&diagnostics[i].location) }
        for i in results.indices {
            place(&results[i].location.source)
            for j in results[i].flagged.indices { place(&results[i].flagged[j].location.source) }
        }
    }
}
