import QCDCKit

/// Any bytes as a rule-set file (alone, and as an overlay extending the national set):
/// loading, type-checking, the examples and evaluation on a sample report must finish with
/// diagnostics or results, never crash or hang.
nonisolated(unsafe) private let sample: [UInt8] = Array("""
    unit: {code: "00001", name: X, kind: commune, subtype: xa, parent: "68"}
    period: {year: 2026}
    peoples_inspection_board: {members: 4}
    complaints:
      cases:
        - {id: A, round: first, received: 2026-03-02, accepted: 2026-03-05, decided: 2026-04-20}

    """.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = LoadLimits.default
    limits.maxEvaluationSteps = 20_000
    let (ruleSet, _) = RuleSetLoader(limits: limits).load(paths: ["fuzz.yaml"], source: .memory(["fuzz.yaml": bytes]))
    guard let ruleSet else { return 0 }
    _ = RuleLinter.lint(ruleSet)
    let outcome = Checker(ruleSet: ruleSet, language: .vi, limits: limits).check(bytes: sample, file: "r.yaml")
    let run = CheckRun(ruleSet: ruleSet, reports: [outcome], diagnostics: [], language: .vi)
    for format in OutputFormat.allCases { _ = format.render(run) }
    return 0
}
