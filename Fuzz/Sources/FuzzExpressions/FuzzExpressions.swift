import QCDCKit

/// Any bytes as the `expect` expression of a rule over the national facts: the parser, type
/// checker, evaluator (under a small budget), explainer and describer must finish, never crash.
nonisolated(unsafe) private let report: [UInt8] = Array("""
    unit: {code: "00001", name: X, kind: commune, subtype: xa, parent: "68"}
    period: {year: 2026}
    peoples_inspection_board: {members: 4, inspections: [{id: I, plan_sent: 2026-04-01, start: 2026-04-09}]}
    community_conferences: {villages: 9, held: 8}
    complaints:
      cases:
        - {id: A, round: first, received: 2026-03-02, accepted: 2026-03-05, decided: 2026-04-20}
        - {id: B, round: second, received: 2026-05-02, accepted: 2026-05-05}

    """.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard !text.contains("\n"), !text.contains("'") else { return 0 }
    let overlay = """
        id: fuzz.expr
        version: "1"
        title: {vi: F, en: F}
        facts:
          peoples_inspection_board.members: {type: integer, label: {vi: M, en: M}, scope: state}
          peoples_inspection_board.inspections:
            type: list
            label: {vi: I, en: I}
            fields: {id: {type: string, label: {vi: I, en: I}}, plan_sent: {type: date, label: {vi: P, en: P}}, start: {type: date, label: {vi: S, en: S}}}
          community_conferences.villages: {type: integer, label: {vi: V, en: V}}
          community_conferences.held: {type: integer, label: {vi: H, en: H}}
          complaints.cases:
            type: list
            label: {vi: C, en: C}
            fields:
              id: {type: string, label: {vi: I, en: I}}
              round: {type: enum, values: [first, second], label: {vi: R, en: R}}
              received: {type: date, label: {vi: R, en: R}}
              accepted: {type: date, label: {vi: A, en: A}}
              decided: {type: date, label: {vi: D, en: D}}
              remote: {type: boolean, label: {vi: X, en: X}}
              complex: {type: boolean, label: {vi: X, en: X}}
        categories: {accountability: {name: {vi: A, en: A}}}
        rules:
          - id: FUZZ-1
            title: {vi: F, en: F}
            basis: [{kind: law, document: "10/2022/QH15"}]
            params: {days: 30, share: 50%, min_per_year: 1, min_members: 5, min_days: 7, workdays: 5}
            applies_to: [commune]
            severity: info
            category: accountability
            expect: '\(text)'
            message: {vi: "{actual} {expected} {failed}", en: "{actual} {expected} {count_failed}"}
            examples: [{status: pass, report: {}}]

        """
    var limits = LoadLimits.default
    limits.maxEvaluationSteps = 20_000
    let (ruleSet, _) = RuleSetLoader(limits: limits).load(paths: ["x.yaml"], source: .memory(["x.yaml": Array(overlay.utf8)]))
    guard let ruleSet, let rule = ruleSet.rule("FUZZ-1") else { return 0 }
    let checker = Checker(ruleSet: ruleSet, language: .en, limits: limits)
    let (unit, _) = checker.read(bytes: report, file: "r.yaml")
    guard let unit else { return 0 }
    let explainer = Explainer(ruleSet: ruleSet, language: .vi)
    _ = explainer.explain(rule)
    _ = explainer.explain(rule, on: unit)
    return 0
}
