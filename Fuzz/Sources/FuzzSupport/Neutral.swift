import QCDCKit

/// Renders `run` in every `check` format and stops the fuzzer when the human-readable ones
/// (text, GitHub annotations, Markdown) are not neutral: a raw control character, a line a CI
/// runner would take as a workflow command (`::` outside annotations), or a legacy `##[` marker.
public func renderEveryFormatNeutrally(_ run: CheckRun) {
    for format in OutputFormat.allCases {
        let text = format.render(run)
        guard format == .text || format == .github || format == .markdown else { continue }
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if format != .github && trimmed.hasPrefix("::") { fatalError("\(format) line starts a workflow command: \(line)") }
            if line.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || (0x7F...0x9F).contains($0.value) }) {
                fatalError("\(format) output holds a raw control character: \(line.debugDescription)")
            }
            if line.contains("##[") { fatalError("\(format) output holds a legacy workflow marker: \(line)") }
        }
    }
}
