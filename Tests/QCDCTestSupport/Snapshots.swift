import Foundation
import Testing

/// Compares `actual` with a golden file under the package root.
///
/// `QCDC_RECORD=1 swift test` rewrites the file and *fails* the test (so a recording run is
/// never mistaken for a passing one). A mismatch shows a line diff, not two whole documents.
/// `placeholders` replace volatile text (a version, a hash) before comparing: each
/// `(text, name)` pair writes `${name}` in the golden file instead of `text`.
public func assertGolden(_ actual: String, _ relativePath: String, placeholders: [(String, String)] = [],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    var normalised = actual
    for (text, name) in placeholders where !text.isEmpty {
        normalised = normalised.replacingOccurrences(of: text, with: "${\(name)}")
    }
    let url = packageRoot.appendingPathComponent(relativePath)
    if ProcessInfo.processInfo.environment["QCDC_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try? Data(contentsOf: url)
        if old != Data(normalised.utf8) {
            try Data(normalised.utf8).write(to: url)
            Issue.record("recorded \(relativePath); run the tests again without QCDC_RECORD", sourceLocation: sourceLocation)
        }
        return
    }
    // Byte-exact: decoding keeps a BOM (the CSV scorecard starts with one on purpose).
    guard let data = try? Data(contentsOf: url) else {
        Issue.record("missing golden file \(relativePath); run QCDC_RECORD=1 swift test", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if normalised != expected {
        let diff = lineDiff(expected, normalised)
        Issue.record("differs from \(relativePath) (if intended: QCDC_RECORD=1 swift test)\n\(diff)", sourceLocation: sourceLocation)
    }
}

/// A short line diff: the first differing lines with a little context, `-` expected, `+` actual.
public func lineDiff(_ expected: String, _ actual: String, limit: Int = 40) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    var out: [String] = ["@@ line \(prefix + 1) @@"]
    for i in max(0, prefix - 2)..<prefix { out.append("  \(a[i])") }
    for line in a[prefix..<(a.count - suffix)].prefix(limit) { out.append("- \(line)") }
    for line in b[prefix..<(b.count - suffix)].prefix(limit) { out.append("+ \(line)") }
    if a.count - suffix - prefix > limit || b.count - suffix - prefix > limit { out.append("… (diff cut at \(limit) lines a side)") }
    return out.joined(separator: "\n")
}
