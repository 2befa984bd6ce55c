/// Where JSON text is written: a `String`, or ``JSONText`` (bytes), which a run's reports are
/// written into: appending to an array of bytes costs a fraction of appending to a `String`,
/// and a report's JSON is a few thousand appends.
package protocol JSONSink {
    mutating func write(_ s: String)
    mutating func write(_ s: Substring)
    /// An ASCII byte.
    mutating func write(ascii b: UInt8)
    /// `s` in quotes, if it has nothing to escape (no control character, quote or backslash);
    /// false, with nothing written, if it has.
    mutating func writeQuotedIfPlain(_ s: String) -> Bool
}

extension JSONSink {
    static func += (out: inout Self, s: String) { out.write(s) }
}

extension String: JSONSink {
    package mutating func write(_ s: String) { self += s }
    package mutating func write(_ s: Substring) { self += s }
    package mutating func write(ascii b: UInt8) { unicodeScalars.append(Unicode.Scalar(b)) }
    package mutating func writeQuotedIfPlain(_ s: String) -> Bool {
        guard !s.utf8.contains(where: JSON.needsEscape) else { return false }
        self += "\""
        self += s
        self += "\""
        return true
    }
}

/// JSON text written as UTF-8 bytes, made a `String` once at the end (``string``). Text output
/// writes its report blocks the same way (``TextReporter``).
package struct JSONText: JSONSink {
    package var bytes: [UInt8] = []
    package init(_ start: String = "") { bytes.append(contentsOf: start.utf8) }
    // Through `withUTF8`: a buffer copy. `append(contentsOf: s.utf8)` went through the generic
    // sequence path, 180 instructions a piece, and a report's JSON has a thousand pieces.
    package mutating func write(_ s: String) {
        // A native string's bytes are read where they are; `withUTF8` needs a mutable copy
        // (a retain and a release, and a check that it is unique).
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) != nil { return }
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }
    package mutating func write(_ s: Substring) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }
    package mutating func write(ascii b: UInt8) { bytes.append(b) }
    /// A piece written in the source (most of a document's): its bytes are where the program's
    /// constants are, with no `String` to retain, release or look into (a `String` piece cost
    /// about 170 instructions, and a report's JSON is hundreds of pieces).
    package mutating func write(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    package static func += (out: inout JSONText, s: StaticString) { out.write(s) }
    package mutating func writeQuotedIfPlain(_ s: String) -> Bool {
        // One look at the bytes, which are then copied whole.
        func quoted(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            if JSON.needsEscape(utf8) { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return true
        }
        if let plain = s.utf8.withContiguousStorageIfAvailable(quoted) { return plain }
        var s = s
        return s.withUTF8(quoted)
    }
    /// A day as a JSON string, `"2026-07-01"`: its description (written digit by digit, and
    /// short enough to need no allocation), which has nothing to escape.
    package mutating func write(quoted d: Day) {
        _ = writeQuotedIfPlain(d.description)
    }
    /// A whole number's decimal digits, as `String(n)` writes them (without making the string):
    /// made right to left in a buffer on the stack, then appended at once.
    package mutating func write(int n: Int) {
        if (0..<10).contains(n) {
            bytes.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: a sign and 20 digits fit
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            var v = n.magnitude
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            if n < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }
    /// The text written (valid UTF-8: every piece came from a `String`).
    package var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A member of a streamed JSON object (``JSON/stream(_:to:)``).
package enum JSONMember {
    /// A value built whole.
    case value(JSON)
    /// An array of `count` elements, each built when it is written (a block of them at a time,
    /// in parallel: ``JSON/stream(_:workers:to:)``).
    case elements(Int, @Sendable (Int) -> JSON)
}

/// A JSON value with ordered keys, written deterministically.
package indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    package static func == (a: JSON, b: JSON) -> Bool { a.rendered() == b.rendered() }

    /// Pretty-printed with two-space indentation and a final newline.
    package func rendered(pretty: Bool = true) -> String {
        var out = JSONText()
        write(&out, indent: pretty ? 0 : -1)
        if pretty { out.write(ascii: 0x0A) }
        return out.string
    }

    /// The value as it appears nested `indent` levels deep in a pretty document (no final newline).
    package func fragment(indent: Int) -> String {
        var out = ""
        write(&out, indent: indent)
        return out
    }

    /// Appends the value as it appears nested `indent` levels deep (no final newline).
    package func append<Sink: JSONSink>(to out: inout Sink, indent: Int) {
        write(&out, indent: indent)
    }

    /// A pretty-printed top-level object written to `sink` a piece at a time (pieces of about
    /// 64 KB), with the same bytes as `.object(members).rendered()`: an ``JSONMember/elements(_:_:)``
    /// member's array is built a block of elements at a time, so a large document is never one
    /// tree or one string in memory. The elements of a block are built and written on up to
    /// `workers` threads (a national scorecard's units were seconds of one thread).
    package static func stream<E: Error>(_ members: [(String, JSONMember)], workers: Int = 1,
                                         to sink: (String) throws(E) -> Void) throws(E) {
        // Written as bytes (``JSONText``): appending to a `String` a piece at a time cost twice
        // as much as building the values.
        var out = JSONText("{\n")
        func flush(_ force: Bool) throws(E) {
            if force || out.bytes.count >= 1 << 16 {
                try sink(out.string)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        for (i, (key, member)) in members.enumerated() {
            out += "  "
            escape(key, into: &out)
            out += ": "
            switch member {
            case .value(let v): v.write(&out, indent: 1)
            case .elements(let n, let element):
                guard n > 0 else { out += "[]"; break }
                out += "[\n"
                var start = 0
                while start < n {
                    let block = Array(start..<min(n, start + 256))
                    let written = Parallel.map(block, workers: workers) { j, _ in
                        var piece = JSONText()
                        element(j).write(&piece, indent: 2)
                        return piece.bytes
                    }
                    for (j, bytes) in zip(block, written) {
                        out += "    "
                        out.bytes += bytes
                        out += (j < n - 1 ? "," : "") + "\n"
                        try flush(false)
                    }
                    start += block.count
                }
                out += "  ]"
            }
            out += (i < members.count - 1 ? "," : "") + "\n"
            try flush(false)
        }
        out += "}\n"
        try flush(true)
    }

    private func write<Sink: JSONSink>(_ out: inout Sink, indent: Int) {
        // Appends only: `a + b` would build a temporary string for every separator.
        let pretty = indent >= 0
        func newline() { if pretty { out.write(ascii: 0x0A) } }
        func pad(_ n: Int) { if pretty { out += JSON.indents[min(n, JSON.indents.count - 1)] } }
        let inner = pretty ? indent + 1 : -1
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? Value.format(d) : "null"
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out.write(ascii: UInt8(ascii: "["))
            newline()
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                item.write(&out, indent: inner)
                if i < items.count - 1 { out.write(ascii: UInt8(ascii: ",")) }
                newline()
            }
            pad(indent)
            out.write(ascii: UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out.write(ascii: UInt8(ascii: "{"))
            newline()
            for (i, (k, v)) in pairs.enumerated() {
                pad(indent + 1)
                JSON.escape(k, into: &out)
                out += pretty ? ": " : ":"
                v.write(&out, indent: inner)
                if i < pairs.count - 1 { out.write(ascii: UInt8(ascii: ",")) }
                newline()
            }
            pad(indent)
            out.write(ascii: UInt8(ascii: "}"))
        }
    }

    private static let indents: [String] = (0..<32).map { String(repeating: "  ", count: $0) }

    /// A byte JSON text must escape in a string: a control character, a quote or a backslash.
    static func needsEscape(_ u: UInt8) -> Bool { u < 0x20 || u == 0x22 || u == 0x5C }

    /// Whether any byte of `bytes` needs escaping (``needsEscape(_:)``), looked at eight at a
    /// time: a byte at a time, the look was most of the cost of writing a report's strings.
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of `w` is zero exactly when this has its high bit set (the borrow the subtraction
        // can carry into a higher byte only sets bits that already come from a zero byte).
        func hasZero(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Below 0x20: `w - 0x20` in a byte borrows, and the byte's high bit was clear.
            if (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) {
                return true
            }
            i += 8
        }
        while i < n {
            if needsEscape(base[i]) { return true }
            i += 1
        }
        return false
    }

    static func escape<Sink: JSONSink>(_ s: String, into out: inout Sink) {
        // Fast path: most strings need no escaping.
        if out.writeQuotedIfPlain(s) { return }
        let special: (UInt8) -> Bool = needsEscape
        // The runs between characters to escape are copied whole (those characters are ASCII, so
        // cutting at them never splits a character).
        out.write(ascii: 0x22)
        let utf8 = s.utf8
        var run = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            let next = utf8.index(after: i)
            if special(b) {
                out.write(s[run..<i])
                switch b {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += "\\u00"
                    out += String(decoding: [hex[Int(b >> 4)], hex[Int(b & 0x0F)]], as: UTF8.self)
                }
                run = next
            }
            i = next
        }
        out.write(s[run...])
        out.write(ascii: 0x22)
    }
}

extension JSON {
    static func optional(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
}
