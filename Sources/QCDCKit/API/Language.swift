/// The language of messages: Vietnamese first, English second.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// The Vietnamese or the English text, by this language.
    public func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

/// A text in both languages. Vietnamese is required; English falls back to it.
public struct LocalizedText: Sendable, Hashable {
    public var vi: String
    public var en: String
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
    public func text(_ lang: Language) -> String { lang.pick(vi, en.isEmpty ? vi : en) }
}
