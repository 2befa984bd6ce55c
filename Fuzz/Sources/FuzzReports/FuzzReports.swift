import QCDCKit

/// Any bytes, as a YAML or JSON report: loading, validation and evaluation must finish with
/// diagnostics or results, never a crash.
nonisolated(unsafe) private let ruleSet = RuleSetLoader().loadBuiltin().ruleSet!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let checker = Checker(ruleSet: ruleSet, language: .en)
    for name in ["r.yaml", "r.json"] {
        let outcome = checker.check(bytes: bytes, file: name)
        if !outcome.isInvalid { _ = Scorecard.score(outcome, ruleSet: ruleSet, config: ruleSet.scoring) }
    }
    return 0
}
