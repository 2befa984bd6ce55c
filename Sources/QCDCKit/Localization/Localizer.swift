/// Renders what qcdc says in one language: catalogue messages, and the words for statuses,
/// severities, unit kinds and types. The one place a language is applied.
public struct Localizer: Sendable {
    /// The language rendered in.
    public let language: Language

    /// A localizer for `language`.
    public init(_ language: Language) { self.language = language }

    /// A catalogue message in the localizer's language.
    public func callAsFunction(_ m: Message) -> String { m.text(language) }

    /// `lỗi`, `cảnh báo`, `ghi chú` / `error`, `warning`, `note`: a diagnostic's severity.
    public func severity(_ s: DiagnosticSeverity) -> String {
        switch s {
        case .error: language == .vi ? "lỗi" : "error"
        case .warning: language == .vi ? "cảnh báo" : "warning"
        case .note: language == .vi ? "ghi chú" : "note"
        }
    }

    /// The word before a diagnostic's notes.
    public var noteWord: String { severity(.note) }
}
