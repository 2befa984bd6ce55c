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
        let c = Array(text)
        var i = 0
        var out: [LexedToken] = []
        func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            let start = i
            if isDigit(ch) {
                // A date is exactly DDDD-DD-DD not followed by a digit.
                if i + 10 <= c.count, Day.looksLikeDate(String(c[i..<i + 10])),
                   i + 10 == c.count || !isDigit(c[i + 10]) {
                    let s = String(c[i..<i + 10])
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
                let s = String(c[start..<i]).replacingOccurrences(of: "_", with: "")
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
                out.append(LexedToken(token: .identifier(String(c[start..<i])), offset: start, length: i - start))
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
            let two = i + 1 < c.count ? String(c[i...i + 1]) : ""
            if ["==", "!=", "<=", ">="].contains(two) {
                out.append(LexedToken(token: .op(two), offset: start, length: 2))
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
