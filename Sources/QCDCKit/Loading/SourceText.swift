/// Limits that protect the loaders from hostile or broken input.
public struct LoadLimits: Sendable, Hashable {
    /// Largest document accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of mappings and lists.
    public var maxDepth: Int
    /// How many nodes aliases may add in total (guards against "billion laughs").
    public var maxAliasExpansion: Int
    /// Evaluation steps one rule may take on one report before it stops with status `error`.
    public var maxEvaluationSteps: Int
    /// Diagnostics listed per file; the rest are counted in one last line.
    public var maxDiagnostics: Int
    /// Longest rule expression, in characters.
    public var maxExpressionLength: Int
    /// Deepest rule expression: nesting of parentheses and operators, and the depth of its tree.
    public var maxExpressionDepth: Int
    /// Most operators, operands and calls in one rule expression.
    public var maxExpressionNodes: Int

    /// Limits with the given bounds; every default is that of ``default``.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 10_000,
                maxEvaluationSteps: Int = 1_000_000, maxDiagnostics: Int = 200,
                maxExpressionLength: Int = 4_000, maxExpressionDepth: Int = 64, maxExpressionNodes: Int = 1_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxEvaluationSteps = maxEvaluationSteps
        self.maxDiagnostics = maxDiagnostics
        self.maxExpressionLength = maxExpressionLength
        self.maxExpressionDepth = maxExpressionDepth
        self.maxExpressionNodes = maxExpressionNodes
    }
    /// 8 MiB, depth 64, 10 000 alias nodes, 1 000 000 evaluation steps, 200 diagnostics per file,
    /// and expressions of at most 4 000 characters, depth 64 and 1 000 nodes.
    public static let `default` = LoadLimits()
}

/// Checks raw bytes before parsing: size, UTF-8 validity and control characters,
/// each with a located message. Returns the bytes without a UTF-8 BOM.
enum SourceText {
    static func check(_ bytes: [UInt8], file: String, limits: LoadLimits) -> Result<ArraySlice<UInt8>, Diagnostic> {
        if bytes.count > limits.maxBytes {
            return .failure(Diagnostic(.error, DiagnosticCode(.input, "too_large"), .fileTooLarge(bytes: bytes.count, limit: limits.maxBytes),
                at: SourceLocation(file: file, line: 1, column: 1), notes: [.splitOrRaiseLimit]))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let encoding = otherEncoding(body) {
            return .failure(Diagnostic(.error, DiagnosticCode(.input, "encoding"), .otherEncoding(encoding),
                at: SourceLocation(file: file, line: 1, column: 1), notes: [.saveAsUTF8WithOrWithoutBOM]))
        }
        // Validate UTF-8 and reject C0 controls other than tab, LF, CR. The first bad byte is
        // found without counting lines; its line and column are worked out only when there is one.
        guard let bad = firstBadByte(body) else { return .success(body) }
        let b = body[bad]
        var line = 1, column = 1
        var i = body.startIndex
        while i < bad {
            let c = body[i]
            if c == 0x0A { line += 1; column = 1 } else if c == 0x0D {
                if i + 1 < body.endIndex && body[i + 1] == 0x0A { } else { line += 1; column = 1 }
            } else { column += 1 }
            // The text before `bad` is valid UTF-8: a lead byte says how long its character is.
            i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        }
        if b < 0x80 {
            return .failure(Diagnostic(.error, DiagnosticCode(.input, "control_character"), .controlCharacter(hex(b)),
                at: SourceLocation(file: file, line: line, column: column), notes: [.removeControlCharacter]))
        }
        return .failure(Diagnostic(.error, DiagnosticCode(.input, "invalid_utf8"), .invalidUTF8(hex(b)),
            at: SourceLocation(file: file, line: line, column: column),
            notes: Self.looksLegacyVietnamese(body) ? [.saveAsUTF8, .legacyVietnameseEncoding] : [.saveAsUTF8]))
    }

    /// The bytes without a UTF-8 BOM, if they pass the checks of ``check(_:file:limits:)`` that
    /// libyaml does not make: size, and an encoding other than UTF-8 (libyaml would read UTF-16
    /// with a byte order mark). Nil otherwise. Invalid UTF-8 and the control characters `check`
    /// refuses are left to libyaml, which refuses them all (and a few more: C1 controls,
    /// non-characters), for a caller that goes back to `check` when libyaml fails.
    static func unchecked(_ bytes: [UInt8], limits: LoadLimits) -> ArraySlice<UInt8>? {
        guard bytes.count <= limits.maxBytes else { return nil }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return otherEncoding(body) == nil ? body : nil
    }

    /// The index of the first byte that starts a control character (other than tab, LF, CR) or
    /// is not valid UTF-8; nil when there is none.
    static func firstBadByte(_ body: ArraySlice<UInt8>) -> Int? {
        body.withUnsafeBufferPointer { p -> Int? in
            var i = 0
            let end = p.count
            let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
            while i < end {
                // Eight bytes at a time while they are printable ASCII (no byte with its high bit
                // set, below 0x20 or equal to 0x7F: the usual "has a byte below k" tests, exact
                // as to whether one exists). Anything else, line ends included, takes the byte
                // by byte path below.
                while end - i >= 8, let base = p.baseAddress {
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let x = w ^ 0x7F7F_7F7F_7F7F_7F7F
                    guard (w & high) | ((w &- 0x2020_2020_2020_2020) & ~w & high) | ((x &- ones) & ~x & high) == 0 else { break }
                    i += 8
                }
                guard i < end else { break }
                let b = p[i]
                if b < 0x80 {
                    if b >= 0x20 && b != 0x7F || b == 0x0A || b == 0x0D || b == 0x09 { i += 1; continue }
                    return body.startIndex + i
                }
                var len = 0
                if b & 0xE0 == 0xC0 && b >= 0xC2 { len = 2 }
                else if b & 0xF0 == 0xE0 { len = 3 }
                else if b & 0xF8 == 0xF0 && b <= 0xF4 { len = 4 }
                var ok = len > 0 && i + len <= end
                if ok {
                    for k in 1..<len where p[i + k] & 0xC0 != 0x80 { ok = false }
                    if ok && len == 3 {
                        let c = p[i + 1]
                        if b == 0xE0 && c < 0xA0 || b == 0xED && c >= 0xA0 { ok = false }
                    }
                    if ok && len == 4 {
                        let c = p[i + 1]
                        if b == 0xF0 && c < 0x90 || b == 0xF4 && c >= 0x90 { ok = false }
                    }
                }
                if !ok { return body.startIndex + i }
                i += len
            }
            return nil
        }
    }

    /// UTF-32 or UTF-16, by byte-order mark or (without one) by the zero bytes that ASCII text
    /// has in those encodings.
    static func otherEncoding(_ b: ArraySlice<UInt8>) -> String? {
        if b.starts(with: [0xFF, 0xFE, 0, 0]) || b.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        let head = Array(b.prefix(8))
        guard head.count >= 4 else { return nil }
        if head[0] != 0 && head[1] == 0 && head[2] == 0 && head[3] == 0 { return "UTF-32" }
        if head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] != 0 { return "UTF-32" }
        if head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0 { return "UTF-16" }
        if head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0 { return "UTF-16" }
        return nil
    }

    /// Bytes in the upper half that are not UTF-8 and that Vietnamese text in Windows-1258 or
    /// TCVN3 is full of (the vowels with marks those code pages put at 0xC0–0xFF and 0xA0–0xBF).
    static func looksLegacyVietnamese(_ b: ArraySlice<UInt8>) -> Bool {
        var high = 0
        for byte in b where byte >= 0xA0 { high += 1 }
        return high >= 2
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
}

/// Diagnostics the YAML and JSON loaders share, so both say the same thing.
extension Diagnostic {
    static func duplicateKey(_ key: String, first: Mark, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, DiagnosticCode(.input, "duplicate_key"), .duplicateKey(key, line: first.line, column: first.column),
                   at: location, notes: [.removeOrMerge])
    }
    static func tooDeep(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, DiagnosticCode(.input, "too_deep"), .tooDeep(limit), at: location, notes: [.flatten])
    }
}
