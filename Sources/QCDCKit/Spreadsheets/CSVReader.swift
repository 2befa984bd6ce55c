/// Reads CSV (RFC 4180, as Excel and LibreOffice write it) into rows of cells: UTF-8 with or
/// without a byte-order mark; the delimiter is a comma, a semicolon (Excel's in a Vietnamese
/// locale) or a tab, whichever the first line uses most outside quotes; fields may be quoted,
/// with `""` for a quote and line breaks inside; CRLF, LF or CR line ends. Rows are records,
/// numbered from 1 as a spreadsheet shows them (a quoted line break does not start a new row).
///
/// Hand-written rather than taken from a CSV package: it is sixty lines, it must give each
/// cell's row and column for findings, and it must fail on malformed input with a located
/// error instead of guessing — no dependency does all three.
package struct CSVReader {
    /// A syntax error: where and what.
    package struct Failure: Error, Sendable {
        package var mark: Mark
        package var message: Message
    }

    /// The rows (each the cells of one record, left to right), or the first syntax error.
    package static func read(_ bytes: [UInt8], maxCells: Int) -> Result<[[String]], Failure> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let delimiter = detectDelimiter(body)
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var cells = 0
        var i = body.startIndex
        var rowNumber = 1
        var atFieldStart = true
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); cells += 1 }
        while i < body.endIndex {
            let c = body[i]
            if atFieldStart && c == quote {
                // A quoted field: up to the closing quote, `""` an escaped quote.
                let opened = Mark(line: rowNumber, column: row.count + 1)
                i += 1
                var closed = false
                while i < body.endIndex {
                    if body[i] == quote {
                        if i + 1 < body.endIndex && body[i + 1] == quote { field.append(quote); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    field.append(body[i])
                    i += 1
                }
                guard closed else { return .failure(Failure(mark: opened, message: .csvUnclosedQuote)) }
                if i < body.endIndex, body[i] != delimiter, body[i] != cr, body[i] != lf {
                    return .failure(Failure(mark: Mark(line: rowNumber, column: row.count + 1), message: .csvTextAfterQuote))
                }
                atFieldStart = false
                continue
            }
            atFieldStart = false
            if c == delimiter {
                endField()
                atFieldStart = true
            } else if c == cr || c == lf {
                endField()
                rows.append(row)
                row = []
                rowNumber += 1
                if c == cr, i + 1 < body.endIndex, body[i + 1] == lf { i += 1 }
                atFieldStart = true
            } else {
                if c == quote { return .failure(Failure(mark: Mark(line: rowNumber, column: row.count + 1), message: .csvQuoteInsideField)) }
                field.append(c)
            }
            if cells > maxCells { return .failure(Failure(mark: Mark(line: rowNumber, column: row.count + 1), message: .csvTooManyCells(maxCells))) }
            i += 1
        }
        if !atFieldStart || !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        return .success(rows)
    }

    /// `,`, `;` or tab: the one the first line holds most of outside quotes (a comma when none).
    static func detectDelimiter(_ body: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for c in body {
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")) { break }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        // The most used; on a tie, comma, then semicolon, then tab (a fixed order, never a hash's).
        var best = UInt8(ascii: ",")
        for d in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[d]! > counts[best]! { best = d }
        return best
    }
}
