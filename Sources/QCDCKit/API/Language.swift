/// The language of messages: Vietnamese first, English second.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// The Vietnamese or the English text, by this language.
    public func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

/// A text in both languages. Vietnamese is required; English falls back to it.
public struct LocalizedText: Sendable, Hashable {
    /// The Vietnamese text.
    public var vi: String
    /// The English text; empty falls back to the Vietnamese.
    public var en: String
    /// A text with its Vietnamese and English versions (`en` may be empty).
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
    /// The text in `lang`; English falls back to Vietnamese when empty.
    public func text(_ lang: Language) -> String { lang.pick(vi, en.isEmpty ? vi : en) }
}
