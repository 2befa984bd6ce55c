/// How serious a diagnostic about the input (not a compliance finding) is.
public enum DiagnosticSeverity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }
    /// `note` < `warning` < `error`.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A problem with the input: a malformed report, a rule set that does not
/// type-check, an unknown field. Every stage reports through this one type.
///
/// The `code` is stable and documented (`docs/diagnostics.md`); the wording of the
/// message is not part of the contract, and is chosen in a language where it is shown.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    /// How serious the problem is.
    public var severity: DiagnosticSeverity
    /// Stable identifier, e.g. `report.type_mismatch`, `ruleset.unknown_key`.
    public var code: DiagnosticCode
    /// What is wrong, in no language yet (``Message/text(_:)`` renders it).
    public var message: Message
    /// Where the problem is; 1-based line and column.
    public var location: SourceLocation
    /// Extra lines: hints, "did you mean", what to do.
    public var notes: [Message]
    /// The text of the line the location points at, when the file was at hand (text output
    /// shows it with a caret under the column).
    public var sourceLine: String?

    /// A diagnostic at `location`, without a source line.
    public init(_ severity: DiagnosticSeverity, _ code: DiagnosticCode, _ message: Message,
                at location: SourceLocation, notes: [Message] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// `path:line:col: lỗi[code]: message` (`error[code]` in English), then one indented line per note.
    public func text(_ lang: Language) -> String {
        var s = "\(location): \(Localizer(lang).severity(severity))[\(code)]: \(message.text(lang))"
        for note in notes(lang) { s += "\n    \(Localizer(lang).noteWord): \(note)" }
        return s
    }

    /// The notes in `lang` (a note that has nothing to say in a language, such as a parser's
    /// English wording in Vietnamese output, is left out).
    public func notes(_ lang: Language) -> [String] {
        notes.map { $0.text(lang) }.filter { !$0.isEmpty }
    }

    /// The English text (logs, debugging, tests).
    public var description: String { text(.en) }

    /// By location, then code, then English message: the order diagnostics are listed in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.code, a.message.en) < (b.location, b.code, b.message.en)
    }
}
