import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of an Excel workbook (`.xlsx`, Office Open XML) as rows of text, sheet by
/// sheet, the way ``CSVReader`` gives a CSV file's: shared and inline strings, numbers as Excel
/// stores them, booleans as `true`/`false`, dates (a number in a date format, 1900 or 1904
/// system) as `YYYY-MM-DD`, times (a number in a time format) as `12:00` (elapsed hours as `25:30`), percentages (a number
/// in a percent format) as `85.5%`, formulas by their cached value.
///
/// Untrusted archives are bounded: at most `maxEntries` entries, each part read only when the
/// archive says it is at most `maxPartBytes` and stopped as soon as more comes out (an archive
/// may lie); no part may declare a document type (so no entity expansion); a cell with a
/// formula but no cached value, or an Excel error value, is a located error.
package enum XLSXReader {
    /// One sheet: its name, and its rows (row 1 first; each row's cells from column A, `""` for
    /// an empty cell).
    package struct Sheet: Sendable {
        package var name: String
        package var rows: [[String]]
    }

    /// Why a workbook cannot be read, and where (row and column of a cell, else 1:1).
    package struct Failure: Error, Sendable {
        package var mark: Mark
        package var message: Message
        /// The sheet of a failing cell.
        package var sheet: String? = nil
    }

    package static let maxEntries = 10_000
    package static let maxPartBytes = 64 << 20
    package static let maxSheets = 256
    /// Excel's own bounds.
    static let maxRow = 1_048_576, maxColumn = 16_384

    /// The sheets of a workbook whose A1 holds qcdc's marker (`marker`'s start), in the workbook's
    /// order; other sheets are read only up to their first cell, and what they hold otherwise
    /// (notes, error values) does not matter.
    package static func read(_ bytes: [UInt8], maxCells: Int, marker: String) -> Result<[Sheet], Failure> {
        do {
            // The zip library trusts the archive's offsets; every one is checked here first.
            guard zipIsSound(bytes) else { throw Failure(mark: .start, message: .xlsxNotAWorkbook) }
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            var count = 0
            for _ in archive { count += 1; if count > maxEntries { throw Failure(mark: .start, message: .xlsxTooManyParts(maxEntries)) } }
            func part(_ path: String, required: Bool = true) throws -> Data? {
                guard let entry = archive[path] else {
                    if required { throw Failure(mark: .start, message: .xlsxMissingPart(path)) }
                    return nil
                }
                // Only plain files: a "symbolic link" entry would make the zip library allocate what its header claims.
                guard entry.type == .file else { throw Failure(mark: .start, message: .xlsxDamaged(path)) }
                guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw Failure(mark: .start, message: .xlsxPartTooLarge(path, maxPartBytes)) }
                var out = Data()
                do {
                    _ = try archive.extract(entry, skipCRC32: false) { chunk in
                        out.append(chunk)
                        if out.count > maxPartBytes { throw Failure(mark: .start, message: .xlsxPartTooLarge(path, maxPartBytes)) }
                    }
                } catch let f as Failure { throw f } catch { throw Failure(mark: .start, message: .xlsxDamaged(path)) }
                // Parts are UTF-8 (no other encoding could hide a DOCTYPE from the check below).
                if out.starts(with: [0xFF, 0xFE]) || out.starts(with: [0xFE, 0xFF]) || out.prefix(4).contains(0) {
                    throw Failure(mark: .start, message: .xlsxPartNotUTF8(path))
                }
                if out.range(of: Data("<!DOCTYPE".utf8)) != nil || out.range(of: Data("<!doctype".utf8)) != nil {
                    throw Failure(mark: .start, message: .xlsxDocumentType(path))
                }
                return out
            }
            let workbook = try parse(part("xl/workbook.xml")!, WorkbookParser())
            let rels = try parse(part("xl/_rels/workbook.xml.rels")!, RelationshipParser())
            let strings = try part("xl/sharedStrings.xml", required: false).map { try parse($0, SharedStringParser()).strings } ?? []
            let styles = try part("xl/styles.xml", required: false).map { try parse($0, StyleParser()) } ?? StyleParser()
            guard workbook.sheets.count <= maxSheets else { throw Failure(mark: .start, message: .xlsxTooManyParts(maxSheets)) }
            var found: [Sheet] = []
            var cells = 0
            // Why the first sheet that could not be unpacked was not: if no sheet carries the
            // marker, it may have been the report's, and that is said rather than "not a template".
            var unread: Failure?
            for s in workbook.sheets {
                guard let target = rels.targets[s.id] else { throw Failure(mark: .start, message: .xlsxMissingPart("xl/_rels/workbook.xml.rels#\(s.id)")) }
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                let parser = SheetParser(strings: strings, styles: styles, date1904: workbook.date1904, maxCells: maxCells - cells, marker: marker)
                let data: Data
                do { data = try part(path)! } catch let f as Failure {
                    if unread == nil { unread = f }
                    continue
                }
                let sheet: SheetParser
                do { sheet = try parse(data, parser) } catch var f as Failure {
                    guard parser.marked else { continue }        // not the report's sheet: whatever it holds
                    if f.mark != .start { f.sheet = s.name }
                    throw f
                }
                guard sheet.marked else { continue }
                if var f = sheet.failure { f.sheet = s.name; throw f }
                cells += sheet.allocated
                found.append(Sheet(name: s.name, rows: sheet.rows))
            }
            if found.isEmpty, let unread { throw unread }
            return .success(found)
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(mark: .start, message: .xlsxNotAWorkbook))
        }
    }

    /// Runs `delegate` over `data`; a parse error is a damaged workbook.
    static func parse<D: XMLParserDelegate>(_ data: Data, _ delegate: D) throws -> D {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            if let sheet = delegate as? SheetParser {
                if let f = sheet.failure { throw f }
                if sheet.stopped { return delegate }        // an unmarked sheet, left after its first cell
            }
            throw Failure(mark: .start, message: .xlsxNotAWorkbook)
        }
        return delegate
    }

    /// The workbook's sheets (name, relationship id) and date system.
    final class WorkbookParser: NSObject, XMLParserDelegate {
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch local(name) {
            case "sheet":
                if let n = attributes["name"], let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value {
                    sheets.append((n, id))
                }
            case "workbookPr":
                date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
            default: break
            }
        }
    }

    /// Relationship id → target part.
    final class RelationshipParser: NSObject, XMLParserDelegate {
        var targets: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if local(name) == "Relationship", let id = attributes["Id"], let t = attributes["Target"] { targets[id] = t }
        }
    }

    /// The shared strings: each `si`'s text runs joined (phonetic runs left out).
    final class SharedStringParser: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = "", inText = false, inPhonetic = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch local(name) {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch local(name) {
            case "si": strings.append(XLSXReader.unescape(current))
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// Which cell styles show a date or a percentage.
    final class StyleParser: NSObject, XMLParserDelegate {
        var custom: [Int: String] = [:]
        var formats: [Int] = []       // cellXfs: style index → number format id
        var inCellXfs = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch local(name) {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf": if inCellXfs { formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0) }
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if local(name) == "cellXfs" { inCellXfs = false }
        }
        func kind(_ style: Int) -> NumberKind {
            guard style >= 0, style < formats.count else { return .other }
            let id = formats[style]
            return XLSXReader.kind(format: id, code: custom[id])
        }
    }

    /// How a number format shows a number: a date, a time of day, an elapsed time (`[h]:mm`), a
    /// percentage, or a plain number.
    enum NumberKind: Equatable { case date, time, duration, percent, other }

    /// The kind of number format `id` (its `code` when the workbook defines it). A time of day or
    /// an elapsed time (`h:mm`, `mm:ss`, `[h]:mm:ss`: built-in 18–21 and 45–47) is not a date:
    /// read as one, 12:00 became no date at all and 25:00 became 1900-01-01. A format with a day
    /// or a year is a date, with a time or not.
    static func kind(format id: Int, code: String?) -> NumberKind {
        if (14...17).contains(id) || id == 22 { return .date }
        if id == 46 { return .duration }
        if (18...21).contains(id) || id == 45 || id == 47 { return .time }
        if id == 9 || id == 10 { return .percent }
        guard let code else { return .other }
        // Quoted text and escaped characters say nothing about dates; of the bracketed parts,
        // colours and locales (`[Red]`, `[$-409]`) say nothing either, and `[h]`, `[mm]` or `[ss]`
        // alone is an elapsed time.
        let unquoted = code.replacingOccurrences(of: #""[^"]*"|\\."#, with: "", options: .regularExpression).lowercased()
        var elapsed = false
        var rest = Substring(unquoted)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let inside = rest[rest.index(after: open)..<close]
            if !inside.isEmpty, inside.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { elapsed = true }
            rest = rest[rest.index(after: close)...]
        }
        let bare = unquoted.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "", options: .regularExpression)
        if bare.contains("%") { return .percent }
        if bare.contains("d") || bare.contains("y") { return .date }
        if elapsed { return .duration }
        if bare.contains("h") || bare.contains("s") { return .time }
        if bare.contains("m") && !bare.contains("0") { return .date }   // `mmm`, `mmmm`: a month
        return .other
    }

    /// A time of day, from a serial's fraction (a date and time in a time format shows its
    /// time): `12:00`, `0:00:05` (seconds only when there are some), as 24-hour time; AM/PM and
    /// tenths of a second are not kept.
    static func time(serial: Double) -> String {
        clock(Int(((serial - serial.rounded(.down)) * 86_400).rounded()) % 86_400)
    }

    /// An elapsed time (`[h]:mm`) in hours, minutes and seconds: `25:30`.
    static func duration(serial: Double) -> String { clock(Int((serial * 86_400).rounded())) }

    private static func clock(_ seconds: Int) -> String {
        let (h, m, sec) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return sec == 0 ? "\(h):\(two(m))" : "\(h):\(two(m)):\(two(sec))"
    }

    /// A sheet's cells into rows of text. It stops at the first cell unless that is A1 holding
    /// the marker; it stops with a failure at a cell it cannot read, or once the rows it has
    /// built (empty cells included) would pass `maxCells`.
    final class SheetParser: NSObject, XMLParserDelegate {
        let strings: [String], styles: StyleParser, date1904: Bool, maxCells: Int, marker: String
        var rows: [[String]] = []
        var allocated = 0
        var failure: Failure?
        var marked = false, stopped = false
        var row = 0, column = 0, type = "n", style = 0
        var value = "", inline = "", hasFormula = false, inValue = false, inInlineText = false, isError = false
        init(strings: [String], styles: StyleParser, date1904: Bool, maxCells: Int, marker: String) {
            self.strings = strings; self.styles = styles; self.date1904 = date1904; self.maxCells = maxCells; self.marker = marker
        }
        func fail(_ parser: XMLParser, _ message: Message) {
            failure = failure ?? Failure(mark: Mark(line: min(max(row, 1), XLSXReader.maxRow), column: min(max(column, 1), XLSXReader.maxColumn)), message: message)
            parser.abortParsing()
        }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch local(name) {
            case "row":
                if let r = attributes["r"] {
                    guard r.count <= 7, let n = Int(r), (1...XLSXReader.maxRow).contains(n) else { return fail(parser, .xlsxNotAWorkbook) }
                    row = n
                } else {
                    guard row < XLSXReader.maxRow else { return fail(parser, .xlsxNotAWorkbook) }
                    row += 1
                }
                column = 0
            case "c":
                if let r = attributes["r"] {
                    guard let (c, rr) = XLSXReader.reference(r) else { return fail(parser, .xlsxNotAWorkbook) }
                    column = c; row = rr
                } else {
                    guard column < XLSXReader.maxColumn else { return fail(parser, .xlsxNotAWorkbook) }
                    column += 1
                }
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""; inline = ""; hasFormula = false; isError = false
            case "v": inValue = true
            case "f": hasFormula = true
            case "t": inInlineText = type == "inlineStr"
            case "rPh": inInlineText = false
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inInlineText { inline += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch local(name) {
            case "v": inValue = false
            case "t": inInlineText = false
            case "c": finishCell(parser)
            default: break
            }
        }
        func finishCell(_ parser: XMLParser) {
            guard row >= 1, column >= 1 else { return fail(parser, .xlsxNotAWorkbook) }
            // A formula saved without its result (no value, or an empty one that is not text); an empty
            // text result (`=IF(…;"";…)`, `t="str"`) is a blank cell.
            if hasFormula && value.isEmpty && type != "str" && type != "inlineStr" { return fail(parser, .xlsxFormulaWithoutValue) }
            var text: String
            switch type {
            case "s":
                guard let i = Int(value), i >= 0, i < strings.count else { return fail(parser, .xlsxNotAWorkbook) }
                text = strings[i]
            case "inlineStr": text = XLSXReader.unescape(inline)
            case "str": text = XLSXReader.unescape(value)
            case "b": text = value == "1" ? "true" : "false"
            case "e": text = value; isError = true      // reported below if the sheet is the report's
            case "d": text = value.count >= 10 && Day(iso: String(value.prefix(10))) != nil ? String(value.prefix(10)) : value
            default:
                text = value
                if let d = Double(value), d.isFinite {
                    switch styles.kind(style) {
                    case .date: if let day = XLSXReader.day(serial: d, date1904: date1904) { text = day.description }
                    // A negative or huge time is shown by Excel as ####: the number is kept.
                    case .time: text = d >= 0 && d < 1e9 ? XLSXReader.time(serial: d) : XLSXReader.number(d)
                    case .duration: text = d >= 0 && d < 1e9 ? XLSXReader.duration(serial: d) : XLSXReader.number(d)
                    case .percent: text = XLSXReader.number(d * 100) + "%"
                    case .other: text = XLSXReader.number(d)
                    }
                }
            }
            if !marked {
                // The first cell decides: A1 with the marker, or not the report's sheet.
                guard row == 1, column == 1, text.trimmingCharacters(in: .whitespaces).hasPrefix(marker) else {
                    stopped = true
                    return parser.abortParsing()
                }
                marked = true
            }
            if isError { return fail(parser, .xlsxErrorValue(Neutral.visible(text))) }
            guard !text.isEmpty else { return }
            // Bounded by what is built, empty cells included.
            let growth = max(0, row - rows.count) + max(0, column - (row <= rows.count ? rows[row - 1].count : 0))
            allocated += growth
            if allocated > maxCells { return fail(parser, .csvTooManyCells(maxCells)) }
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count < column { rows[row - 1].append("") }
            rows[row - 1][column - 1] = text
        }
    }

    /// A number as a cell shows it: whole numbers without a fraction (`1000000001`), others in
    /// the shortest form that reads back exactly (`0.855`).
    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        let rounded = (d * 1e9).rounded() / 1e9    // cells hold binary fractions: 85.5 stored as 85.49999999999999
        return abs(d) < 1e6 && rounded != d && abs(rounded - d) < 1e-9 ? Value.format(rounded, digits: 9) : "\(d)"
    }

    /// Excel's escapes in text, `_x000A_` for a character it cannot store, decoded.
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// Whether a zip archive's structure stays within its bytes: the end-of-directory record (the
    /// last one, found as the zip library finds it), the central directory, and each entry's local
    /// header and data. No ZIP64 (a workbook qcdc reads is at most 8 MiB), at most `maxEntries`.
    /// The zip library reads at whatever offsets an archive gives and traps past the end of an
    /// in-memory archive (found by fuzzing), so it is handed only archives that pass.
    static func zipIsSound(_ b: [UInt8]) -> Bool {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard b.count >= 22 else { return false }
        var eocd = -1
        var i = b.count - 22
        while i >= max(0, b.count - 22 - 65_535) {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x05, b[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { return false }
        let entries = u16(eocd + 10), size = u32(eocd + 12), start = u32(eocd + 16)
        guard u16(eocd + 4) == 0, u16(eocd + 6) == 0, u16(eocd + 8) == entries, entries <= maxEntries,
              entries != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF, start + size <= eocd else { return false }
        var p = start
        for _ in 0..<entries {
            guard p + 46 <= start + size, u32(p) == 0x0201_4B50 else { return false }
            let compressed = u32(p + 20), uncompressed = u32(p + 24)
            let name = u16(p + 28), extra = u16(p + 30), comment = u16(p + 32), local = u32(p + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                  p + 46 + name + extra + comment <= start + size,
                  local + 30 <= b.count, u32(local) == 0x0403_4B50 else { return false }
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            guard data <= b.count, compressed <= b.count - data else { return false }
            p += 46 + name + extra + comment
        }
        return true
    }

    /// `C12` → (3, 12).
    static func reference(_ r: String) -> (Int, Int)? {
        var col = 0, digits = ""
        for ch in r.unicodeScalars {
            if ("A"..."Z").contains(ch) && digits.isEmpty { col = col * 26 + Int(ch.value - 64) } else if ("0"..."9").contains(ch) { digits.unicodeScalars.append(ch) } else { return nil }
            if col > 16_384 { return nil }
        }
        guard col > 0, digits.count <= 7, let row = Int(digits), (1...maxRow).contains(row), col <= maxColumn else { return nil }
        return (col, row)
    }

    /// `C` for column 3.
    package static func columnName(_ c: Int) -> String {
        var n = c, out = ""
        while n > 0 { let r = (n - 1) % 26; out = String(UnicodeScalar(UInt8(65 + r))) + out; n = (n - 1) / 26 }
        return out
    }

    /// An Excel date serial as a day: days since 1899-12-30 (serial 60, Excel's 29 February 1900,
    /// does not exist), or since 1904-01-01 in the 1904 system; the time of day is dropped.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1).map { $0.advanced(by: whole) } }
        if whole == 60 { return nil }
        let base = Day(year: 1899, month: 12, day: 30)!
        return base.advanced(by: whole < 60 ? whole + 1 : whole)
    }
}

/// The element name without its namespace prefix.
private func local(_ name: String) -> String {
    guard let i = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: i)...])
}
