/// Neutralises text that came from an input (a unit's name, a case id, a file name, a value
/// quoted in a message) where it enters an output format, so that nothing a report says can
/// act as markup, a terminal control sequence or a CI workflow command.
///
/// One policy per format: the text reporter and annotations make control, bidirectional and
/// invisible characters visible; Markdown also escapes its own syntax, links and @mentions;
/// HTML and XML use ``MarkupEscape``; JSON, SARIF and CSV have their own quoting.
enum Neutral {
    /// True for characters that change how surrounding text displays without being seen:
    /// bidirectional controls and zero-width characters.
    static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x180E, 0x00AD:
            return true
        default:
            return false
        }
    }

    /// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// True when `s` holds `##[`: one pass over the bytes (this runs on every message printed).
    static func hasWorkflowMarker(_ s: String) -> Bool {
        var hashes = 0
        for b in s.utf8 {
            if b == UInt8(ascii: "#") {
                hashes += 1
            } else {
                if b == UInt8(ascii: "["), hashes >= 2 { return true }
                hashes = 0
            }
        }
        return false
    }

    /// True when `s` holds a control or invisible character. A first pass over the bytes rules
    /// most text out (this runs on every message printed): every such character is ASCII below
    /// 0x20 or DEL, or its UTF-8 starts with C2, D8, E2 or EF, or with E1 A0 (U+180E); Vietnamese
    /// letters (C3–C6, CC–CD, E1 BA–BB) are none of these.
    static func hasHidden(_ s: String) -> Bool {
        var suspect = false
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF || (previous == 0xE1 && b == 0xA0) {
                suspect = true
                break
            }
            previous = b
        }
        return suspect && s.unicodeScalars.contains { isControl($0) || isInvisible($0) }
    }

    /// True when one pass over the bytes finds neither a workflow marker nor a byte that could
    /// start a control or invisible character (see ``hasHidden(_:)``): most text, returned as is.
    static func isPlain(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            plainBytes.withUnsafeBufferPointer { table in
                var previous: UInt8 = 0
                var hashes = 0
                for b in bytes {
                    // One look-up a byte; most bytes are none of the ones that matter.
                    switch table[Int(b)] {
                    case 0:
                        hashes = 0
                    case Self.suspect:
                        return false
                    case Self.hash:
                        hashes += 1
                    case Self.bracket:
                        if hashes >= 2 { return false }
                        hashes = 0
                    default:   // 0xA0: the second byte of U+180E after E1
                        if previous == 0xE1 { return false }
                        hashes = 0
                    }
                    previous = b
                }
                return true
            }
        }
    }

    private static let suspect: UInt8 = 1, hash: UInt8 = 2, bracket: UInt8 = 3, afterE1: UInt8 = 4
    /// What each byte is to ``isPlain(_:)``: `suspect` starts a control or invisible character
    /// (ASCII below 0x20, DEL, C2, D8, E2, EF), `hash` and `bracket` make up `##[`, `afterE1` is
    /// A0 (U+180E is E1 A0 8E), 0 is anything else.
    private static let plainBytes: [UInt8] = (0...255).map { b -> UInt8 in
        switch b {
        case 0..<0x20, 0x7F, 0xC2, 0xD8, 0xE2, 0xEF: suspect
        case 0x23: hash
        case 0x5B: bracket
        case 0xA0: afterE1
        default: 0
        }
    }

    /// The text with every control and invisible character written out: `\n`, `\r`, `\t`, and
    /// `<U+202E>` for the others, and `##[` broken up (a legacy CI workflow-command marker) (line feeds kept as they are with `keepingNewlines`, for
    /// formats where a line break is harmless). Plain text is returned unchanged.
    static func visible(_ s: String, keepingNewlines: Bool = false) -> String {
        if isPlain(s) { return s }
        // `##[` starts a (legacy) workflow command anywhere on a line of a GitHub Actions log.
        if hasWorkflowMarker(s) { return visible(s.replacingAll("##[", "#<U+0023>["), keepingNewlines: keepingNewlines) }
        guard hasHidden(s) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += keepingNewlines ? "\n" : "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(u) || isInvisible(u) {
                    let h = String(u.value, radix: 16, uppercase: true)
                    out += "<U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h + ">"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// A path for the start of a text line: visible, and never starting with `::` (which CI
    /// runners such as GitHub Actions read as a workflow command, even after leading spaces).
    static func path(_ p: String) -> String {
        let v = visible(p)
        guard let first = v.unicodeScalars.first, first == ":" || first.properties.isWhitespace else { return v }
        return "./" + v
    }

    /// Text for a Markdown document or table cell: visible, with Markdown's syntax characters,
    /// HTML and table pipes escaped, and links and @mentions broken by a word joiner (U+2060)
    /// so a report cannot notify people or plant links and images in a pull-request comment.
    static func markdown(_ s: String) -> String {
        let v = visible(s)
        var out = ""
        out.reserveCapacity(v.utf8.count + 16)
        let scalars = Array(v.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            switch u {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "<", ">", "~", "$":
                out += "\\"
                out.unicodeScalars.append(u)
            case "&":
                out += "&amp;"
            case "@":
                out += "@\u{2060}"
            case ":" where i + 2 < scalars.count && scalars[i + 1] == "/" && scalars[i + 2] == "/":
                out += ":\u{2060}"
            case "." where i >= 3 && String(String.UnicodeScalarView(scalars[(i - 3)..<i])).lowercased() == "www":
                out += "\u{2060}."
            default:
                out.unicodeScalars.append(u)
            }
            i += 1
        }
        return out
    }
}
