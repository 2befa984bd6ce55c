import QCDCKit

/// Any bytes as a baseline file: validation, then applying it to a checked report, must
/// finish with diagnostics or a run, never crash.
nonisolated(unsafe) private let ruleSet = RuleSetLoader().loadBuiltin().ruleSet!
nonisolated(unsafe) private let outcome = Checker(ruleSet: ruleSet, language: .en).check(bytes: Array("""
    unit: {code: "00001", name: X, kind: commune, subtype: xa, parent: "68"}
    period: {year: 2026}
    peoples_inspection_board: {members: 4}

    """.utf8), file: "r.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (baseline, _) = Baseline.load(bytes, file: "b.json", knownRules: Set(ruleSet.rules.map(\.id)))
    guard let baseline else { return 0 }
    var comparison = Baseline.Comparison(baseline)
    var checked = outcome
    comparison.apply(to: &checked)
    var run = CheckRun(ruleSet: ruleSet, reports: [checked], diagnostics: [], language: .en)
    run.baseline = comparison.finish()
    for format in OutputFormat.allCases { _ = format.render(run) }
    return 0
}
