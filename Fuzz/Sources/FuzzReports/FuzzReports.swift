import FuzzSupport
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
        renderEveryFormatNeutrally(run)
    }
    return 0
}
