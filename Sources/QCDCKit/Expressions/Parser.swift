/// Parses expression text into an untyped ``Expression`` tree.
///
/// Grammar (see `docs/expressions.md`):
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum | "not"? "in" sum)?
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/") unary)*
/// unary   := "-" unary | primary
/// primary := INTEGER | DECIMAL | PERCENT | DATE | STRING | "true" | "false"
///          | path | call | "(" expr ")" | "[" expr ("," expr)* "]"
/// path    := NAME ("." NAME)*
/// call    := NAME "(" (expr ("," expr)*)? ")"
///          | AGG "(" NAME "in" path ("where" expr)? (":" expr)? ")"
/// ```
struct ExpressionParser {
    var tokens: [LexedToken]
    var pos = 0
    let text: String
    /// The text by character (token offsets count characters).
    private let source: LexSource
    /// Maps a character offset to a position in the rule file.
    let markAt: (Int) -> Mark
    /// Names bound by enclosing comprehensions.
    var bound: [String] = []
    /// How deep the parser has recursed, and how deep it may (parentheses, `not`, `-`, calls).
    var nesting = 0
    var maxNesting = 64

    static let keywords: Set<String> = ["and", "or", "not", "in", "where", "true", "false"]

    init(text: String, markAt: @escaping (Int) -> Mark) throws(ExpressionSyntaxError) {
        self.text = text
        self.source = LexSource(text)
        self.markAt = markAt
        self.tokens = try source.tokenize()
    }

    var current: LexedToken { tokens[pos] }
    mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    func isKeyword(_ k: String) -> Bool { current.token == .identifier(k) }
    func isOp(_ o: String) -> Bool { current.token == .op(o) }

    func fail(_ message: Message, at offset: Int? = nil) -> ExpressionSyntaxError {
        ExpressionSyntaxError(message: message, offset: offset ?? current.offset)
    }

    func source(from start: Int) -> String {
        let end = pos > 0 ? tokens[pos - 1].offset + tokens[pos - 1].length : 0
        return slice(start, end)
    }

    /// Characters `start..<end` of the text ("" when out of range).
    func slice(_ start: Int, _ end: Int) -> String { source.slice(start, end) }

    mutating func parse() throws(ExpressionSyntaxError) -> Expression {
        let e = try parseOr()
        guard current.token == .end else { throw fail(.unexpectedToken(describe(current.token))) }
        return e
    }

    func describe(_ t: Token) -> TokenWords {
        switch t {
        case .end: TokenWords(vi: "kết thúc biểu thức", en: "end of expression")
        case .identifier(let s): TokenWords(vi: "'\(s)'", en: "'\(s)'")
        case .op(let s): TokenWords(vi: "'\(s)'", en: "'\(s)'")
        case .string(let s): TokenWords(vi: "chuỗi \"\(s)\"", en: "string \"\(s)\"")
        default: TokenWords(vi: "một giá trị viết sẵn", en: "literal")
        }
    }

    mutating func binary(_ op: BinaryOperator, _ l: Expression, _ r: Expression, start: Int) -> Expression {
        var e = Expression(.binary(op, l, r), at: markAt(start))
        e.text = source(from: start)
        return e
    }

    /// Counts one level of recursion; too many is an error, not a stack overflow.
    mutating func enter() throws(ExpressionSyntaxError) {
        nesting += 1
        if nesting > maxNesting {
            throw ExpressionSyntaxError(message: .nestsDeeper(maxNesting), offset: current.offset, code: "too_deep")
        }
    }

    mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        try enter()
        defer { nesting -= 1 }
        let start = current.offset
        var l = try parseAnd()
        while isKeyword("or") {
            advance()
            let r = try parseAnd()
            l = binary(.or, l, r, start: start)
        }
        return l
    }

    mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        let start = current.offset
        var l = try parseNot()
        while isKeyword("and") {
            advance()
            let r = try parseNot()
            l = binary(.and, l, r, start: start)
        }
        return l
    }

    mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
        let start = current.offset
        if isKeyword("not") {
            advance()
            try enter()
            defer { nesting -= 1 }
            let operand = try parseNot()
            var e = Expression(.unary(.not, operand), at: markAt(start))
            e.text = source(from: start)
            return e
        }
        return try parseCompare()
    }

    mutating func parseCompare() throws(ExpressionSyntaxError) -> Expression {
        let start = current.offset
        let l = try parseSum()
        if case .op(let o) = current.token, let op = BinaryOperator(rawValue: o), op.isComparison {
            advance()
            let r = try parseSum()
            return binary(op, l, r, start: start)
        }
        if isKeyword("in") {
            advance()
            return binary(.in, l, try parseSum(), start: start)
        }
        if isKeyword("not"), pos + 1 < tokens.count, tokens[pos + 1].token == .identifier("in") {
            advance(); advance()
            return binary(.notIn, l, try parseSum(), start: start)
        }
        return l
    }

    mutating func parseSum() throws(ExpressionSyntaxError) -> Expression {
        let start = current.offset
        var l = try parseProduct()
        while isOp("+") || isOp("-") {
            let op: BinaryOperator = isOp("+") ? .add : .subtract
            advance()
            l = binary(op, l, try parseProduct(), start: start)
        }
        return l
    }

    mutating func parseProduct() throws(ExpressionSyntaxError) -> Expression {
        let start = current.offset
        var l = try parseUnary()
        while isOp("*") || isOp("/") {
            let op: BinaryOperator = isOp("*") ? .multiply : .divide
            advance()
            l = binary(op, l, try parseUnary(), start: start)
        }
        return l
    }

    mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        let start = current.offset
        if isOp("-") {
            advance()
            try enter()
            defer { nesting -= 1 }
            let operand = try parseUnary()
            var e = Expression(.unary(.negate, operand), at: markAt(start))
            e.text = source(from: start)
            return e
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        let t = current
        let mark = markAt(t.offset)
        func lit(_ v: Value, _ type: ExprType) -> Expression {
            Expression(.literal(v), at: mark, type: type, text: slice(t.offset, t.offset + t.length))
        }
        switch t.token {
        case .integer(let v): advance(); return lit(.int(v), .integer)
        case .decimal(let v): advance(); return lit(.number(v), .number)
        case .percent(let v): advance(); return lit(.percent(v), .percent)
        case .date(let d): advance(); return lit(.date(d), .date)
        case .string(let s): advance(); return lit(.string(s), .string)
        case .op("("):
            advance()
            var e = try parseOr()
            guard isOp(")") else { throw fail(.expectedTokens(["')'"])) }
            advance()
            e.text = source(from: t.offset)
            return e
        case .op("["):
            advance()
            var items: [Expression] = []
            if !isOp("]") {
                items.append(try parseOr())
                while isOp(",") { advance(); items.append(try parseOr()) }
            }
            guard isOp("]") else { throw fail(.expectedTokens(["']'", "','"])) }
            advance()
            return Expression(.list(items), at: mark, type: .list(.string), text: source(from: t.offset))
        case .identifier(let name):
            if name == "true" || name == "false" { advance(); return lit(.bool(name == "true"), .boolean) }
            if Self.keywords.contains(name) { throw fail(.unexpectedKeyword(name)) }
            advance()
            if isOp("(") { return try parseCall(name, start: t.offset) }
            var segments = [name]
            while isOp(".") {
                advance()
                guard case .identifier(let s) = current.token, !Self.keywords.contains(s) else {
                    throw fail(.fieldAfterDot)
                }
                segments.append(s)
                advance()
            }
            let src = source(from: t.offset)
            if bound.contains(name) {
                guard segments.count <= 2 else { throw fail(.oneLevelOfFields(src), at: t.offset) }
                return Expression(.variable(name, field: segments.count == 2 ? segments[1] : nil), at: mark, text: src)
            }
            if name == "params" {
                guard segments.count == 2 else { throw fail(.paramsName, at: t.offset) }
                return Expression(.param(segments[1]), at: mark, text: src)
            }
            return Expression(.fact(segments.joined(separator: ".")), at: mark, text: src)
        default:
            throw fail(.expectedValue(found: describe(t.token)))
        }
    }

    mutating func parseCall(_ name: String, start: Int) throws(ExpressionSyntaxError) -> Expression {
        advance() // (
        let mark = markAt(start)
        // Comprehension: AGG(x in path [where cond] [: expr])
        if let agg = Aggregate(rawValue: name), case .identifier(let v) = current.token,
           pos + 1 < tokens.count, tokens[pos + 1].token == .identifier("in") {
            advance(); advance()
            guard case .identifier(let first) = current.token, !Self.keywords.contains(first) else {
                throw fail(.listAfterIn)
            }
            var segments = [first]
            advance()
            while isOp(".") {
                advance()
                guard case .identifier(let s) = current.token else { throw fail(.fieldAfterDot) }
                segments.append(s)
                advance()
            }
            bound.append(v)
            defer { bound.removeLast() }
            var filter: Expression?
            var body: Expression?
            if isKeyword("where") { advance(); filter = try parseOr() }
            if isOp(":") { advance(); body = try parseOr() }
            guard isOp(")") else { throw fail(.closeCall(name)) }
            advance()
            return Expression(.comprehension(agg, variable: v, list: segments.joined(separator: "."), filter: filter, body: body),
                              at: mark, text: source(from: start))
        }
        var args: [Expression] = []
        if !isOp(")") {
            args.append(try parseOr())
            while isOp(",") { advance(); args.append(try parseOr()) }
        }
        guard isOp(")") else { throw fail(.expectedTokens(["')'", "','"])) }
        advance()
        return Expression(.call(name, args), at: mark, text: source(from: start))
    }
}
