/// A sentence for people, in both languages until one is chosen where it is shown.
///
/// Messages are made only by the catalogue (`Sources/QCDCKit/Localization/`), from typed
/// arguments, so every sentence qcdc says exists in Vietnamese and in English side by side,
/// under a stable key. Results, diagnostics and notes hold messages; reporters pick the
/// language, so one run can be rendered in either.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// The catalogue entry (`report.unknown_field`): stable, for tests and tools.
    public let key: String
    let vi: String
    let en: String

    init(_ key: String, vi: String, en: String) {
        self.key = key
        self.vi = vi
        self.en = en
    }

    /// Text that is the same in both languages: a value from the input, a list of names.
    static func verbatim(_ text: String) -> Message { Message("verbatim", vi: text, en: text) }

    /// A rule set's own bilingual text.
    static func text(_ t: LocalizedText) -> Message { Message("rule_set_text", vi: t.vi, en: t.en.isEmpty ? t.vi : t.en) }

    /// The message in `lang`.
    public func text(_ lang: Language) -> String { lang == .vi ? vi : en }

    /// The English text (for logs and debugging; people see ``text(_:)``).
    public var description: String { en }
}
