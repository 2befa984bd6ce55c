import QCDCKit

/// Any bytes as a waiver file: validation, then applying the waivers to a checked report,
/// must finish with diagnostics or a run, never crash.
nonisolated(unsafe) private let ruleSet = RuleSetLoader().loadBuiltin().ruleSet!
nonisolated(unsafe) private let outcome = Checker(ruleSet: ruleSet, language: .en).check(bytes: Array("""
    unit: {code: "00001", name: X, kind: commune, subtype: xa, parent: "68"}
    period: {year: 2026}
    peoples_inspection_board: {members: 4}

    """.utf8), file: "r.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (set, _) = WaiverSet.load(bytes, file: "w.yaml", knownRules: Set(ruleSet.rules.map(\.id)))
    guard let set else { return 0 }
    var waived = WaiverSet.Application(set, today: Day(year: 2026, month: 11, day: 23)!)
    var checked = outcome
    waived.apply(to: &checked)
    let run = CheckRun(ruleSet: ruleSet, reports: [checked], diagnostics: waived.finish(), language: .en)
    for format in OutputFormat.allCases { _ = format.render(run) }
    return 0
}
