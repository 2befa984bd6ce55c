/// A rule's failure message with its `{placeholder}`s found once, in both languages, when the
/// rule set is compiled.
///
/// `{` opens a placeholder and `}` closes it; a `{` that is never closed, or `{}`, is text.
public struct MessageTemplate: Sendable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    let vi: [Piece]
    let en: [Piece]
    /// The placeholder names, Vietnamese text first, each once (listed once, not for every
    /// failing result).
    public let placeholders: [String]

    /// Finds the placeholders of both languages' texts.
    public init(_ text: LocalizedText) {
        self.init(vi: Self.pieces(text.vi), en: Self.pieces(text.en))
    }

    /// Pieces found before (a compiled rule set records them).
    init(vi: [Piece], en: [Piece]) {
        self.vi = vi
        self.en = en
        // A message has a handful: a list searched beats a set.
        var names: [String] = []
        for case .placeholder(let name) in vi where !names.contains(name) { names.append(name) }
        for case .placeholder(let name) in en where !names.contains(name) { names.append(name) }
        placeholders = names
    }

    /// The placeholders of one language's text, in order.
    func placeholders(_ lang: Language) -> [String] {
        (lang == .vi ? vi : en).compactMap { if case .placeholder(let n) = $0 { n } else { nil } }
    }

    /// The message in `lang` with each placeholder replaced by its value (left as `{name}` when
    /// there is none).
    public func render(_ lang: Language, _ values: [String: String]) -> String {
        var out = ""
        // Room for most messages at once: grown from nothing, the text was copied four times.
        out.reserveCapacity(240)
        for piece in lang == .vi ? vi : en {
            switch piece {
            case .text(let t): out += t
            case .placeholder(let name): out += values[name] ?? "{\(name)}"
            }
        }
        return out
    }

    static func pieces(_ text: String) -> [Piece] {
        // Braces are ASCII, so the text is scanned as bytes and cut into substrings between them.
        var pieces: [Piece] = []
        var plain = ""
        var run = text.startIndex      // where the text not yet taken starts (a "{" while one is open)
        var open: String.Index?        // just after the "{" of the placeholder being read
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == UInt8(ascii: "{") {
                plain += text[run..<i]  // an earlier "{" left open is plain text
                run = i
                open = next
            } else if utf8[i] == UInt8(ascii: "}"), let o = open {
                if o == i {
                    plain += "{}"
                } else {
                    if !plain.isEmpty { pieces.append(.text(plain)) }
                    plain = ""
                    pieces.append(.placeholder(String(text[o..<i])))
                }
                open = nil
                run = next
            }
            i = next
        }
        plain += text[run...]
        if !plain.isEmpty { pieces.append(.text(plain)) }
        return pieces
    }
}
