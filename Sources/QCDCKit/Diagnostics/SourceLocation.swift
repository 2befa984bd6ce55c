/// A 1-based position in a source file (a rule set or a report).
///
/// Columns count Unicode scalar values, as editors do, not bytes.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path of the file as the user named it (or `<stdin>`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// The sheet, for a position in an Excel workbook (its row is `line`, its column `column`).
    public var sheet: String?

    /// A position in `file` at a 1-based `line` and `column` (of `sheet` in a workbook).
    public init(file: String, line: Int, column: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:column`, the compiler-style prefix; `file:Sheet!C12` in a workbook.
    public var description: String {
        guard let sheet else {
            // Made at its length at once (interpolated, the text grew twice).
            let l = String(line), c = String(column)
            var s = ""
            s.reserveCapacity(file.utf8.count + l.utf8.count + c.utf8.count + 2)
            s += file
            s += ":"
            s += l
            s += ":"
            s += c
            return s
        }
        // As Excel writes a reference: a name with anything but letters, digits or `_` quoted, `'` doubled.
        let plain = sheet.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return "\(file):\(name)!\(XLSXReader.columnName(column))\(line)"
    }

    /// By file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A position inside a file without the file name; nodes carry these and
/// gain the file name when a diagnostic is made.
package struct Mark: Sendable, Hashable, Comparable {
    // Held in 32 bits each: a mark is in every node, value and outcome, and an outcome is copied
    // at every step of an evaluation. Inputs are bounded far below 2^31 lines or columns (a
    // larger number is clamped, never wrapped).
    private var line32: Int32
    private var column32: Int32
    /// 1-based line.
    package var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }
    /// 1-based column, in Unicode scalars.
    package var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }
    /// The position at a 1-based `line` and `column`.
    package init(line: Int, column: Int) {
        line32 = Int32(clamping: line)
        column32 = Int32(clamping: column)
    }
    /// By line, then column.
    package static func < (a: Mark, b: Mark) -> Bool { (a.line, a.column) < (b.line, b.column) }
    /// Line 1, column 1: the start of a file.
    package static let start = Mark(line: 1, column: 1)
    /// This position in `file`.
    package func located(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
