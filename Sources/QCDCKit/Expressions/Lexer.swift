import Foundation

/// Tokens of the expression language.
enum Token: Equatable {
    case integer(Int64), decimal(Double), percent(Double), date(Day), string(String)
    case identifier(String)
    case op(String)     // + - * / ( ) [ ] , : . == != < <= > >=
    case end
}

struct LexedToken {
    var token: Token
    /// Offset (in characters) from the start of the expression text.
    var offset: Int
    var length: Int
}

struct ExpressionSyntaxError: Error {
    var message: Message
    var offset: Int
    /// The name in the `expression` namespace: `syntax`, or `too_deep` / `too_large` for the limits.
    var code = "syntax"
}

/// One unit the lexer reads: a byte of a text that is ASCII without a carriage return (where each
/// byte is one character), or a character of any other text. Token offsets count units, so they
/// are character offsets either way.
protocol LexUnit: Equatable {
    /// The unit as an ASCII byte, or nil.
    var lexASCII: UInt8? { get }
    var lexIsSpace: Bool { get }
    var lexIsLetter: Bool { get }
}

extension UInt8: LexUnit {
    var lexASCII: UInt8? { self < 0x80 ? self : nil }
    var lexIsSpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
    var lexIsLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
}

extension Character: LexUnit {
    var lexASCII: UInt8? { asciiValue }
    var lexIsSpace: Bool { isWhitespace }
    var lexIsLetter: Bool { isLetter }
}

/// An expression's text as the lexer and parser read it: by byte when the text is ASCII without
/// a carriage return (nearly every rule's), else by character.
struct LexSource {
    let text: String
    /// The bytes, when each is one character.
    private let bytes: [UInt8]?
    /// Otherwise the characters, and where each starts (then the end).
    private let characters: [Character]
    private let boundaries: [String.Index]

    /// The text, read by byte when it allows unless `byCharacter` (tests compare the two).
    init(_ text: String, byCharacter: Bool = false) {
        self.text = text
        if !byCharacter, text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            bytes = Array(text.utf8)
            characters = []
            boundaries = []
        } else {
            bytes = nil
            characters = Array(text)
            var b = Array(text.indices)
            b.append(text.endIndex)
            boundaries = b
        }
    }

    /// The number of characters.
    var count: Int { bytes?.count ?? characters.count }

    /// Characters `start..<end` ("" when out of range).
    func slice(_ start: Int, _ end: Int) -> String {
        guard start < end, end <= count else { return "" }
        if let bytes { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return String(text[boundaries[start]..<boundaries[end]])
    }

    func tokenize() throws(ExpressionSyntaxError) -> [LexedToken] {
        if let bytes { return try Lexer.tokenize(bytes, self) }
        return try Lexer.tokenize(characters, self)
    }
}

enum Lexer {
    static func tokenize(_ text: String) throws(ExpressionSyntaxError) -> [LexedToken] {
        try LexSource(text).tokenize()
    }

    /// Tokenises the units `c` of `source` (its bytes or its characters).
    static func tokenize<U: LexUnit>(_ c: [U], _ source: LexSource) throws(ExpressionSyntaxError) -> [LexedToken] {
        func slice(_ from: Int, _ to: Int) -> String { source.slice(from, to) }
        func character(_ i: Int) -> Character { Character(slice(i, i + 1)) }
        func isDigit(_ u: U) -> Bool { u.lexASCII.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        func isASCII(_ u: U, _ ascii: Unicode.Scalar) -> Bool { u.lexASCII == UInt8(ascii: ascii) }
        var i = 0
        var out: [LexedToken] = []
        while i < c.count {
            let ch = c[i]
            if ch.lexIsSpace { i += 1; continue }
            let start = i
            if isDigit(ch) {
                // A date is exactly DDDD-DD-DD not followed by a digit.
                if i + 10 <= c.count, isASCII(c[i + 4], "-"), Day.looksLikeDate(slice(i, i + 10)),
                   i + 10 == c.count || !isDigit(c[i + 10]) {
                    let s = slice(i, i + 10)
                    guard let d = Day(iso: s) else { throw ExpressionSyntaxError(message: .notAValidDate(s), offset: i) }
                    out.append(LexedToken(token: .date(d), offset: start, length: 10))
                    i += 10
                    continue
                }
                while i < c.count, isDigit(c[i]) || isASCII(c[i], "_") { i += 1 }
                var isDecimal = false
                if i + 1 < c.count, isASCII(c[i], "."), isDigit(c[i + 1]) {
                    isDecimal = true
                    i += 1
                    while i < c.count, isDigit(c[i]) { i += 1 }
                }
                var s = slice(start, i)
                if s.utf8.contains(UInt8(ascii: "_")) { s = s.replacingOccurrences(of: "_", with: "") }
                if i < c.count, isASCII(c[i], "%") {
                    i += 1
                    out.append(LexedToken(token: .percent((Double(s) ?? 0) / 100), offset: start, length: i - start))
                } else if isDecimal {
                    out.append(LexedToken(token: .decimal(Double(s) ?? 0), offset: start, length: i - start))
                } else {
                    guard let v = Int64(s) else { throw ExpressionSyntaxError(message: .integerTooLargeLiteral(s), offset: start) }
                    out.append(LexedToken(token: .integer(v), offset: start, length: i - start))
                }
                continue
            }
            if ch.lexIsLetter || isASCII(ch, "_") {
                while i < c.count, c[i].lexIsLetter || isDigit(c[i]) || isASCII(c[i], "_") { i += 1 }
                out.append(LexedToken(token: .identifier(slice(start, i)), offset: start, length: i - start))
                continue
            }
            if isASCII(ch, "\"") || isASCII(ch, "'") {
                i += 1
                var s = ""
                var run = i   // the start of the text not yet copied into `s`
                while i < c.count, c[i] != ch {
                    if isASCII(c[i], "\\"), i + 1 < c.count {
                        s += slice(run, i)   // the backslash is dropped; the character after it is kept
                        i += 1
                        run = i
                    }
                    i += 1
                }
                guard i < c.count else { throw ExpressionSyntaxError(message: .unterminatedString, offset: start) }
                s += slice(run, i)
                i += 1
                out.append(LexedToken(token: .string(s), offset: start, length: i - start))
                continue
            }
            let a = ch.lexASCII
            if i + 1 < c.count, isASCII(c[i + 1], "="), a == UInt8(ascii: "=") || a == UInt8(ascii: "!") || a == UInt8(ascii: "<") || a == UInt8(ascii: ">") {
                out.append(LexedToken(token: .op(slice(i, i + 2)), offset: start, length: 2))
                i += 2
                continue
            }
            if let a, "+-*/()[],:.<>".utf8.contains(a) {
                out.append(LexedToken(token: .op(slice(i, i + 1)), offset: start, length: 1))
                i += 1
                continue
            }
            if a == UInt8(ascii: "=") {
                throw ExpressionSyntaxError(message: .singleEquals, offset: i)
            }
            if a == UInt8(ascii: "&") || a == UInt8(ascii: "|") {
                throw ExpressionSyntaxError(message: .useAndOr(character(i)), offset: i)
            }
            throw ExpressionSyntaxError(message: .unexpectedCharacter(character(i)), offset: i)
        }
        out.append(LexedToken(token: .end, offset: c.count, length: 0))
        return out
    }
}
