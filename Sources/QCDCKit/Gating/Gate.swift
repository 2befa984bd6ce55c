/// The threshold at which findings make `qcdc check` exit with 1.
public enum FailOn: String, Sendable, CaseIterable {
    case error, warning, info, none

    /// Whether a finding of this severity reaches the threshold.
    public func includes(_ s: Severity) -> Bool {
        switch self {
        case .none: false
        case .info: true
        case .warning: s >= .warning
        case .error: s == .error
        }
    }
}

/// The gating policy of a run: what counts as a finding, and which findings fail the gate.
/// Every reporter and the exit code ask this one type, so they cannot disagree.
public struct Gate: Sendable, Hashable {
    /// The lowest severity that fails the gate (`--fail-on`).
    public var failOn: FailOn
    /// Missing evidence is a finding too (`--fail-on-missing`).
    public var failOnMissing: Bool

    /// A policy that fails on findings at or above `failOn`; missing evidence is a finding when
    /// `failOnMissing`.
    public init(failOn: FailOn = .error, failOnMissing: Bool = false) {
        self.failOn = failOn
        self.failOnMissing = failOnMissing
    }

    /// A finding: a failed or unevaluable result — or missing evidence under `failOnMissing` —
    /// that is not waived and not already known from the baseline. Findings are listed as such
    /// whatever `failOn` says.
    public func isFinding(_ r: RuleResult) -> Bool { isFinding(status: r.status, baselineState: r.baselineState) }

    /// ``isFinding(_:)`` from a result's status and baseline state, for a caller that reads them
    /// in place (passing a result held in memory copies it whole).
    func isFinding(status: RuleStatus, baselineState: BaselineState?) -> Bool {
        if baselineState == .unchanged { return false }
        switch status {
        case .fail, .error: return true
        case .missing: return failOnMissing
        case .pass, .notApplicable, .waived: return false
        }
    }

    /// A finding whose rule's severity is at or above `failOn`: it makes the run exit with 1.
    public func fails(_ r: RuleResult) -> Bool {
        isFinding(r) && failOn.includes(r.severity)
    }

    /// The level a result is shown at in annotations and SARIF: its severity for a finding,
    /// `note` for missing evidence that does not gate, nil for results that are not shown.
    public func level(_ r: RuleResult) -> Severity? {
        if r.baselineState == .unchanged { return nil }
        switch r.status {
        case .fail: return r.severity
        case .error: return .error
        case .missing: return failOnMissing ? .error : .info
        case .pass, .notApplicable, .waived: return nil
        }
    }
}

/// How a run ends, as an exit code: 0 clean, 1 findings at or above the threshold, 2 invalid
/// input (a report, the rule set, a waiver or baseline file).
public enum Verdict: Int32, Sendable, Hashable {
    case clean = 0
    case findings = 1
    case invalidInput = 2
}
