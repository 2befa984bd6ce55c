/// The source line under a diagnostic, with a caret at its column, as compilers print it:
///
/// ```
///   14 |   members: bốn
///      |            ^
/// ```
///
/// For a commune official who does not know YAML, seeing the line matters more than its path.
enum CodeFrame {
    /// The widest part of a line shown around the column.
    static let window = 100

    /// Fills in ``Diagnostic/sourceLine`` for the diagnostics located in `file`, from its bytes.
    static func attach(_ diags: inout [Diagnostic], bytes: [UInt8], file: String) {
        let wanted = Set(diags.filter { $0.location.file == file && $0.sourceLine == nil }.map(\.location.line))
        guard !wanted.isEmpty else { return }
        var lines: [Int: String] = [:]
        var number = 1
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var i = start
        while i <= bytes.count && number <= (wanted.max() ?? 0) {
            if i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
                if wanted.contains(number) { lines[number] = String(decoding: bytes[start..<i], as: UTF8.self) }
                if i < bytes.count, bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                number += 1
                start = i + 1
            }
            i += 1
        }
        for k in diags.indices where diags[k].location.file == file && diags[k].sourceLine == nil {
            diags[k].sourceLine = lines[diags[k].location.line]
        }
    }

    /// The two frame lines for `line` at 1-based `column`: the text (control and invisible
    /// characters made visible, long lines cut to a window around the column) and the caret.
    static func render(line: String, number: Int, column: Int) -> [String] {
        let scalars = Array(line.unicodeScalars)
        let col = max(1, min(column, scalars.count + 1))
        let from = max(0, col - 1 - window / 2)
        let to = min(scalars.count, from + window)
        func text(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[range])
            return Neutral.visible(String(s))
        }
        let before = (from > 0 ? "…" : "") + text(from..<(col - 1))
        let shown = before + text((col - 1)..<to) + (to < scalars.count ? "…" : "")
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        return ["  \(gutter) | \(shown)", "  \(pad) | " + String(repeating: " ", count: before.count) + "^"]
    }
}
