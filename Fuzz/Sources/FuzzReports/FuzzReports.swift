import QCDCKit

/// Any bytes, as a YAML or JSON report: loading, validation, evaluation, scoring and every
/// output format must finish, never crash; and the text, annotation and Markdown outputs must
/// stay neutral (no raw control character, no line a CI runner would take as a command).
nonisolated(unsafe) private let ruleSet = RuleSetLoader().loadBuiltin().ruleSet!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let checker = Checker(ruleSet: ruleSet, language: .en)
    for name in ["r.yaml", "r.json"] {
        let outcome = checker.check(bytes: bytes, file: name)
        if !outcome.isInvalid { _ = Scorecard.score(outcome, ruleSet: ruleSet, config: ruleSet.scoring) }
        let run = CheckRun(ruleSet: ruleSet, reports: [outcome], diagnostics: [], language: .en)
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
    return 0
}
