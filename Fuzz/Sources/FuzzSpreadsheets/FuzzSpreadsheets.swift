import FuzzSupport
import QCDCKit

/// Any bytes, as a CSV spreadsheet in the wide form: the CSV reader, the layout, every row's
/// typing, validation and evaluation, and every `check` output format must finish, never crash;
/// text, annotations and Markdown stay neutral (no raw control character, no workflow command).
nonisolated(unsafe) private let ruleSet = RuleSetLoader().loadBuiltin().ruleSet!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let checker = Checker(ruleSet: ruleSet, language: .en)
    let outcomes = checker.checkAll(bytes: bytes, file: "r.csv")
    for o in outcomes where !o.isInvalid { _ = Scorecard.score(o, ruleSet: ruleSet, config: ruleSet.scoring) }
    let run = CheckRun(ruleSet: ruleSet, reports: outcomes, diagnostics: [], language: .en)
    renderEveryFormatNeutrally(run)
    return 0
}
