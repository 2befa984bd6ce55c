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

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the compiler-style prefix.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A position inside a file without the file name; nodes carry these and
/// gain the file name when a diagnostic is made.
public struct Mark: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: Mark, b: Mark) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public static let start = Mark(line: 1, column: 1)
    public func located(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
