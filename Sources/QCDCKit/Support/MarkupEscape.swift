/// Escaping for HTML and XML text and attribute values (the scorecard page, JUnit XML).
enum MarkupEscape {
    /// Escapes `& < > " '` and drops control characters XML 1.0 forbids. With
    /// `encodeWhitespace`, line breaks and tabs become character references (for attributes).
    static func escape(_ s: String, apostrophe: String = "&#39;", encodeWhitespace: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        // Bidirectional and zero-width characters are shown (<U+202E>), never obeyed.
        let s = s.unicodeScalars.contains(where: Neutral.isInvisible) ? Neutral.visible(s, keepingNewlines: true) : s
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\n", "\t", "\r":
                if encodeWhitespace { out += "&#\(u.value);" } else if u != "\r" { out.unicodeScalars.append(u) }
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
