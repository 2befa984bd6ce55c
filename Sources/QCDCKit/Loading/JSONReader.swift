/// Reads JSON into ``Node`` trees with 1-based positions, the same shape the
/// YAML composer gives: strings become double-quoted scalars (so they stay
/// text), numbers, `true`, `false` and `null` plain scalars.
///
/// Duplicate keys are errors (at the second key); depth and size are bounded.
package struct JSONReader: Sendable {
    package var limits: LoadLimits
    package init(limits: LoadLimits = .default) { self.limits = limits }

    package func read(_ bytes: [UInt8], file: String) -> (node: Node?, diagnostics: [Diagnostic]) {
        let body: ArraySlice<UInt8>
        switch SourceText.check(bytes, file: file, limits: limits) {
        case .failure(let d): return (nil, [d])
        case .success(let b): body = b
        }
        var p = Parser(bytes: Array(body), file: file, maxDepth: limits.maxDepth)
        do {
            p.skipSpace()
            if p.i == p.bytes.count {
                return (nil, [Diagnostic(.error, DiagnosticCode(.input, "empty"), .emptyFile, at: Mark.start.located(in: file),
                                         notes: [.writeAReport])])
            }
            let node = try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.bytes.count { throw p.error(.trailingText) }
            return (node, p.diags)
        } catch let d as Diagnostic {
            return (nil, p.diags + [d])
        } catch {
            return (nil, p.diags)
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        let maxDepth: Int
        var i = 0
        var line = 1
        var col = 1
        var diags: [Diagnostic] = []

        init(bytes: [UInt8], file: String, maxDepth: Int) {
            self.bytes = bytes
            self.file = file
            self.maxDepth = maxDepth
        }

        var mark: Mark { Mark(line: line, column: col) }

        func error(_ problem: JSONProblem) -> Diagnostic {
            Diagnostic(.error, DiagnosticCode(.input, "json_syntax"), .json(problem), at: mark.located(in: file), notes: [.fixJSONHere])
        }

        mutating func advance() {
            let b = bytes[i]
            i += 1
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; continue }
                if bytes[i] == 0x0D { i += 1; line += 1; col = 1; continue }
                advance()
            }
        }

        mutating func expect(_ c: UInt8, _ what: [String]) throws {
            guard i < bytes.count, bytes[i] == c else { throw error(.expected(what)) }
            advance()
        }

        // Iterative over containers would be safer still; depth is bounded by maxDepth (64 by default).
        mutating func value(depth: Int) throws -> Node {
            guard i < bytes.count else { throw error(.endOfInput) }
            let start = mark
            switch bytes[i] {
            case UInt8(ascii: "{"):
                if depth >= maxDepth { throw Diagnostic.tooDeep(maxDepth, at: start.located(in: file)) }
                advance(); skipSpace()
                var entries: [Node.Entry] = []
                // An earlier key is found by a scan while the object is small, by an index after
                // (as the YAML composer does): hashing every key of every small object cost more.
                var index: [String: Int]? = nil
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { advance(); return Node(.mapping([]), at: start) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error(.stringKey) }
                    let kmark = mark
                    let key = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), ["':'"])
                    skipSpace()
                    let v = try value(depth: depth + 1)
                    let earlier = index.map { $0[key] } ?? entries.firstIndex { $0.key == key }
                    if let earlier {
                        diags.append(.duplicateKey(key, first: entries[earlier].keyMark, at: kmark.located(in: file)))
                    } else {
                        entries.append(Node.Entry(key: key, keyMark: kmark, value: v))
                        if index != nil {
                            index?[key] = entries.count - 1
                        } else if entries.count == 16 {
                            index = Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
                        }
                    }
                    skipSpace()
                    guard i < bytes.count else { throw error(.endOfInputExpecting(["','", "'}'"])) }
                    if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                    try expect(UInt8(ascii: "}"), ["','", "'}'"])
                    return Node(.mapping(entries), at: start)
                }
            case UInt8(ascii: "["):
                if depth >= maxDepth { throw Diagnostic.tooDeep(maxDepth, at: start.located(in: file)) }
                advance(); skipSpace()
                var items: [Node] = []
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { advance(); return Node(.sequence([]), at: start) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw error(.endOfInputExpecting(["','", "']'"])) }
                    if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                    try expect(UInt8(ascii: "]"), ["','", "']'"])
                    return Node(.sequence(items), at: start)
                }
            case UInt8(ascii: "\""):
                return Node(.scalar(try string(), .doubleQuoted), at: start)
            default:
                var j = i
                scan: while j < bytes.count {
                    switch bytes[j] {
                    case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"): break scan
                    default: j += 1
                    }
                }
                let word = String(decoding: bytes[i..<j], as: UTF8.self)
                guard word == "true" || word == "false" || word == "null" || Self.isNumber(word) else {
                    throw error(word.isEmpty ? .value : .notAValue(word))
                }
                while i < j { advance() }
                return Node(.scalar(word, .plain), at: start)
            }
        }

        static func isNumber(_ w: String) -> Bool {
            var s = Substring(w)
            if s.first == "-" { s = s.dropFirst() }
            guard let f = s.first, f.isASCII, f.isNumber else { return false }
            if f == "0", s.count > 1, let n = s.dropFirst().first, n.isNumber { return false }
            var seenDot = false, seenExp = false, prev: Character = f
            for c in s.dropFirst() {
                if c.isASCII && c.isNumber { prev = c; continue }
                if c == "." && !seenDot && !seenExp && prev.isNumber { seenDot = true; prev = c; continue }
                if (c == "e" || c == "E") && !seenExp && prev.isNumber { seenExp = true; prev = c; continue }
                if (c == "+" || c == "-") && (prev == "e" || prev == "E") { prev = c; continue }
                return false
            }
            return prev.isNumber
        }

        mutating func string() throws -> String {
            advance() // opening quote
            // Most strings have no escape: they are their bytes, copied once. (No byte below 0x20,
            // so no line break: only the column moves, one per character.)
            var j = i, characters = 0
            while j < bytes.count {
                let b = bytes[j]
                if b == 0x22 || b == 0x5C || b < 0x20 { break }
                if b & 0xC0 != 0x80 { characters += 1 }
                j += 1
            }
            if j < bytes.count && bytes[j] == 0x22 {
                let s = String(decoding: bytes[i..<j], as: UTF8.self)
                col += characters
                i = j
                advance() // closing quote
                return s
            }
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw error(.unterminatedString) }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { advance(); break }
                if b < 0x20 { throw error(.controlInString) }
                if b == UInt8(ascii: "\\") {
                    advance()
                    guard i < bytes.count else { throw error(.unterminatedEscape) }
                    let e = bytes[i]
                    advance()
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                                throw error(.unpairedSurrogate)
                            }
                            advance(); advance()
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error(.invalidLowSurrogate) }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(code) {
                            throw error(.unpairedSurrogate)
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
                    default: throw error(.invalidEscape(Character(Unicode.Scalar(e))))
                    }
                    continue
                }
                out.append(b)
                advance()
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func hex4() throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard i < bytes.count, let d = Character(Unicode.Scalar(bytes[i])).hexDigitValue else {
                    throw error(.hexDigits)
                }
                v = v * 16 + UInt32(d)
                advance()
            }
            return v
        }
    }
}

/// Picks the reader by file name (`.json` → JSON, else YAML) or, for standard
/// input, by the first non-blank character.
package enum DocumentLoader {
    package static func load(_ bytes: [UInt8], file: String, limits: LoadLimits = .default) -> (node: Node?, diagnostics: [Diagnostic]) {
        if isJSON(bytes, file: file) {
            return JSONReader(limits: limits).read(bytes, file: file)
        }
        return YAMLComposer(limits: limits).compose(bytes, file: file)
    }

    static func isJSON(_ bytes: [UInt8], file: String) -> Bool {
        if file.hasSuffix(ignoringASCIICase: ".json") { return true }
        if file.hasSuffix(ignoringASCIICase: ".yaml") || file.hasSuffix(ignoringASCIICase: ".yml") { return false }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let first = body.first { !" \t\r\n".utf8.contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
