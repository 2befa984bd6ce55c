import FuzzSupport
import QCDCKit

/// Any bytes, as a CSV file and as an Excel workbook in the wide form: the CSV reader, the zip
/// archive and XML parts, the layout, every row's typing, validation and evaluation, and every
/// `check` output format must finish, never crash; text, annotations and Markdown stay neutral
/// (no raw control character, no workflow command).
nonisolated(unsafe) private let ruleSet = RuleSetLoader().loadBuiltin().ruleSet!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let checker = Checker(ruleSet: ruleSet, language: .en)
    for name in ["r.csv", "r.xlsx"] {
        let outcomes = checker.checkAll(bytes: bytes, file: name)
        for o in outcomes where !o.isInvalid { _ = Scorecard.score(o, ruleSet: ruleSet, config: ruleSet.scoring) }
        renderEveryFormatNeutrally(CheckRun(ruleSet: ruleSet, reports: outcomes, diagnostics: [], language: .en))
    }
    return 0
}
