/// How a scalar was written. Typing is decided by what the rule set declares,
/// so the style is kept: a quoted `"2"` is a string, a plain `2` may be a number.
package enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    /// Quoted or block scalars are always text.
    package var isPlain: Bool { self == .plain }
}

/// A node of a YAML or JSON document, with its 1-based position.
///
/// Scalars stay text; see ``CoreSchema`` for the YAML 1.2 core-schema reading
/// used where nothing is declared. Mapping keys are always scalars.
package struct Node: Sendable {
    package enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([Entry])
        case sequence([Node])
    }

    /// One key/value pair of a mapping, in document order.
    package struct Entry: Sendable {
        package var key: String
        package var keyMark: Mark
        package var value: Node
        package init(key: String, keyMark: Mark, value: Node) {
            self.key = key
            self.keyMark = keyMark
            self.value = value
        }
    }

    package var kind: Kind
    package var mark: Mark
    /// An explicit tag such as `tag:yaml.org,2002:str`, if written.
    package var tag: String? {
        get { tagBox?.value }
        set { tagBox = newValue.map(Box.init) }
    }
    /// The tag, boxed: reports rarely have one, and inline it made every node 16 bytes larger.
    private var tagBox: Box<String>?

    package init(_ kind: Kind, at mark: Mark, tag: String? = nil) {
        self.kind = kind
        self.mark = mark
        self.tagBox = tag.map(Box.init)
    }

    package var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }
    package var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }
    package var entries: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }
    package var items: [Node]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }
    /// True for a plain scalar that the core schema reads as null (`~`, `null`, empty).
    package var isNull: Bool {
        if case .scalar(let text, .plain) = kind, tag == nil { return CoreSchema.isNull(text) }
        return false
    }
    /// The value under `key` in a mapping.
    package subscript(key: String) -> Node? {
        entries?.first { $0.key == key }?.value
    }
    package func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// A short human name of the node's kind, for messages.
    package var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// True when the scalar was forced to be a string by quoting, a block style or `!!str`.
    package var isTextual: Bool {
        if tag == "tag:yaml.org,2002:str" { return true }
        if case .scalar(_, let style) = kind { return !style.isPlain }
        return false
    }
}

/// The YAML 1.2 core schema, used only where no type is declared.
package enum CoreSchema {
    package static func isNull(_ s: String) -> Bool {
        // Nearly every scalar is longer than four bytes or is a digit: ruled out by its length or
        // first byte, without four string comparisons.
        let utf8 = s.utf8
        guard let first = utf8.first else { return true }
        guard utf8.count <= 4, first == UInt8(ascii: "~") || first == UInt8(ascii: "n") || first == UInt8(ascii: "N") else { return false }
        return s == "~" || s == "null" || s == "Null" || s == "NULL"
    }
    package static func bool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }
    /// Decimal integers (`-12`, `+3`, `0`), as the core schema reads them.
    /// Checked byte by byte: by `Character`, each step paid for grapheme breaking and a Unicode
    /// property lookup (every integer of every report is read here). A digit with a combining
    /// mark has a byte outside ASCII, so it is refused as before.
    package static func int(_ s: String) -> Int64? {
        // A `+` is dropped as a byte: a `+` with a combining mark is one character, and
        // dropping it whole would leave the digits after it (the mark then refuses the text).
        var u = Substring(s).utf8
        if u.first == UInt8(ascii: "+") { u = u.dropFirst() }
        guard !u.isEmpty, u.allSatisfy({ $0 == UInt8(ascii: "-") || isDigit($0) }) else { return nil }
        return Int64(Substring(u))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    /// `.nan`, `.inf`, `-.inf` (YAML's special floats), so that they can be rejected by name.
    package static func special(_ s: String) -> Double? {
        switch s.lowercased() {
        case ".nan": Double.nan
        case ".inf", "+.inf": Double.infinity
        case "-.inf": -Double.infinity
        default: nil
        }
    }
    /// True for a decimal integer of any size (`123456789012345678901`), for "too large" messages.
    package static func looksLikeInteger(_ s: String) -> Bool {
        var u = Substring(s)
        if u.first == "+" || u.first == "-" { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy { $0.isASCII && $0.isNumber }
    }
    /// Core-schema floats (`1.5`, `-2e3`, `.5`); integers are accepted too.
    /// Byte by byte, as ``int(_:)``.
    package static func number(_ s: String) -> Double? {
        let u = s.utf8
        guard let first = u.first, isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        else { return nil }
        guard u.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                             || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return nil }
        guard u.contains(where: isDigit) else { return nil }
        return Double(s)
    }
}
