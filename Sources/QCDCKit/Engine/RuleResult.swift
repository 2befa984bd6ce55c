/// The outcome of one rule on one report.
public enum RuleStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The requirement is met.
    case pass
    /// The requirement is not met: non-compliance.
    case fail
    /// A fact the rule needs is absent: insufficient evidence, not non-compliance.
    case missing
    /// The rule does not apply: unit kind, dates in force, or its `when` condition.
    case notApplicable = "not_applicable"
    /// The rule cannot be evaluated on this data (division by zero, overflow).
    case error
    /// A waiver covers the result (see the CI issue); kept, never dropped.
    case waived

    var rank: Int {
        switch self {
        case .fail: 0
        case .error: 1
        case .missing: 2
        case .waived: 3
        case .pass: 4
        case .notApplicable: 5
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Where a finding points: the value it is about, or for `missing`, where the fact should be.
public struct FindingLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The fact path (`dialogue_conferences.held`, `complaints.cases[2].decided`).
    public var path: String
}

/// A record flagged by a per-case rule (e.g. a complaint decided late).
public struct FlaggedRecord: Sendable, Hashable {
    public var path: String
    /// The record's `id` field, if it has one.
    public var id: String?
    public var location: FindingLocation
}

/// The result of one rule on one report.
public struct RuleResult: Sendable {
    public var rule: Rule
    public var status: RuleStatus
    public var message: String
    /// What the rule requires, e.g. `>= 1`.
    public var expected: String?
    /// What the report shows, e.g. `0`.
    public var actual: String?
    public var location: FindingLocation
    /// For `not_applicable` and `error`: why.
    public var reason: String?
    /// The part of the report period the rule was judged on.
    public var window: Period?
    public var flagged: [FlaggedRecord]
    public var missingFacts: [String]
    /// For weekly or monthly duties: the weeks (`2026-W06`) or months (`2026-03`) below the minimum.
    public var shortfall: [String] = []
    /// Set when a waiver turned the result into `waived`.
    public var waiver: AppliedWaiver? = nil
    /// Set when a baseline was given: whether the finding is new or already known.
    public var baselineState: BaselineState? = nil

    public var severity: Severity { rule.severity }
}
