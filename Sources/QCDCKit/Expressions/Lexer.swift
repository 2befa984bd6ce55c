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

enum Lexer {
    static func tokenize(_ text: String) throws(ExpressionSyntaxError) -> [LexedToken] {
        try tokenize(text, Array(text), boundaries: characterBoundaries(text))
    }

    /// The index of each character of `text`, then its end: `text[b[i]..<b[j]]` is characters
    /// i to j as a substring, copied in one go (building a `String` from `Character`s appends
    /// them one by one).
    static func characterBoundaries(_ text: String) -> [String.Index] {
        var b = Array(text.indices)
        b.append(text.endIndex)
        return b
    }

    /// Tokenises `text`, given as its characters `c` and their ``characterBoundaries(_:)``.
    static func tokenize(_ text: String, _ c: [Character], boundaries b: [String.Index]) throws(ExpressionSyntaxError) -> [LexedToken] {
        func slice(_ from: Int, _ to: Int) -> String { String(text[b[from]..<b[to]]) }
        var i = 0
        var out: [LexedToken] = []
        func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            let start = i
            if isDigit(ch) {
                // A date is exactly DDDD-DD-DD not followed by a digit.
                if i + 10 <= c.count, c[i + 4] == "-", Day.looksLikeDate(slice(i, i + 10)),
                   i + 10 == c.count || !isDigit(c[i + 10]) {
                    let s = slice(i, i + 10)
                    guard let d = Day(iso: s) else { throw ExpressionSyntaxError(message: .notAValidDate(s), offset: i) }
                    out.append(LexedToken(token: .date(d), offset: start, length: 10))
                    i += 10
                    continue
                }
                while i < c.count, isDigit(c[i]) || c[i] == "_" { i += 1 }
                var isDecimal = false
                if i + 1 < c.count, c[i] == ".", isDigit(c[i + 1]) {
                    isDecimal = true
                    i += 1
                    while i < c.count, isDigit(c[i]) { i += 1 }
                }
                var s = slice(start, i)
                if s.utf8.contains(UInt8(ascii: "_")) { s = s.replacingOccurrences(of: "_", with: "") }
                if i < c.count, c[i] == "%" {
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
            if ch.isLetter || ch == "_" {
                while i < c.count, c[i].isLetter || isDigit(c[i]) || c[i] == "_" { i += 1 }
                out.append(LexedToken(token: .identifier(slice(start, i)), offset: start, length: i - start))
                continue
            }
            if ch == "\"" || ch == "'" {
                i += 1
                var s = ""
                while i < c.count, c[i] != ch {
                    if c[i] == "\\", i + 1 < c.count { i += 1 }
                    s.append(c[i])
                    i += 1
                }
                guard i < c.count else { throw ExpressionSyntaxError(message: .unterminatedString, offset: start) }
                i += 1
                out.append(LexedToken(token: .string(s), offset: start, length: i - start))
                continue
            }
            if i + 1 < c.count, c[i + 1] == "=", ch == "=" || ch == "!" || ch == "<" || ch == ">" {
                out.append(LexedToken(token: .op(slice(i, i + 2)), offset: start, length: 2))
                i += 2
                continue
            }
            if "+-*/()[],:.<>".contains(ch) {
                out.append(LexedToken(token: .op(String(ch)), offset: start, length: 1))
                i += 1
                continue
            }
            if ch == "=" {
                throw ExpressionSyntaxError(message: .singleEquals, offset: i)
            }
            if ch == "&" || ch == "|" {
                throw ExpressionSyntaxError(message: .useAndOr(ch), offset: i)
            }
            throw ExpressionSyntaxError(message: .unexpectedCharacter(ch), offset: i)
        }
        out.append(LexedToken(token: .end, offset: c.count, length: 0))
        return out
    }
}
