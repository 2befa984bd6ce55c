/// Everything qcdc found in one report file.
public struct ReportOutcome: Sendable {
    /// The report's file as named (`<stdin>` for standard input).
    public var file: String
    /// Nil when the report could not be read far enough to know its unit.
    public var unit: UnitInfo?
    /// The report's period; nil when the report could not be read far enough to know it.
    public var period: Period?
    /// One result per rule (empty when the report is invalid and was not evaluated).
    public var results: [RuleResult] { didSet { tally = nil } }
    /// Input problems: syntax, types, unknown fields.
    public var diagnostics: [Diagnostic] { didSet { tally = nil } }
    /// The results and diagnostics counted, while neither has changed: counted by the worker
    /// that checked the report, not on the thread that adds up the run (where reading every
    /// result another core had just written was 2% of a run's time).
    var tally: ReportCounts?
    /// The report's typed facts (for scorecard roll-ups); nil when unreadable, or when the run was
    /// asked not to keep them (``CheckOptions/keepsFacts``).
    public var facts: ReportFacts? = nil
    /// The unit code the report gives, even when the report is invalid (a unit that sent an
    /// invalid report did report, for `--expect`).
    package var claimedCode: String?
    /// The spreadsheet row the report is (1-based), for a report read from one row of a
    /// spreadsheet; nil for a whole file.
    public var row: Int?
    /// The file as a reader names the report: `reports.csv:12` for a spreadsheet row, else the file.
    public var displayName: String { row.map { "\(file):\($0)" } ?? file }

    /// An outcome without facts.
    public init(file: String, unit: UnitInfo?, period: Period?, results: [RuleResult], diagnostics: [Diagnostic]) {
        self.file = file
        self.unit = unit
        self.period = period
        self.results = results
        self.diagnostics = diagnostics
    }

    /// The report has an input error and was not evaluated.
    public var isInvalid: Bool { diagnostics.contains { $0.severity == .error } }
}

/// One report's results by status, failed (and error) results by severity, and input errors and
/// warnings, counted in fixed slots on the stack: what text and JSON write for every report, and
/// what ``Summary`` adds up (a `Summary` of its own, two dictionaries, cost a report more than
/// the counting).
struct ReportCounts: Sendable {
    /// By ``RuleStatus/rank`` and ``Severity/rank`` (distinct for each case).
    private var byStatus = SIMD8<Int>()
    private var bySeverity = SIMD4<Int>()
    private(set) var inputErrors = 0
    private(set) var inputWarnings = 0

    /// `o`'s counts: those it keeps, else counted now.
    init(_ o: ReportOutcome) {
        self = o.tally ?? ReportCounts(counting: o)
    }

    init(counting o: ReportOutcome) {
        // Through the buffer, by index: a `for r in` binding copied every result (a dozen
        // references each), and so did the array's subscript (its getter returns a copy).
        o.results.withUnsafeBufferPointer { results in
            for i in results.indices {
                let status = results[i].status
                byStatus[status.rank] += 1
                if status == .fail || status == .error { bySeverity[results[i].severity.rank] += 1 }
            }
        }
        for d in o.diagnostics {
            if d.severity == .error { inputErrors += 1 } else if d.severity == .warning { inputWarnings += 1 }
        }
    }

    /// The number of results with status `s`.
    func count(_ s: RuleStatus) -> Int { byStatus[s.rank] }
    /// The number of failed and error results of rules of severity `s`.
    func failed(_ s: Severity) -> Int { bySeverity[s.rank] }
}

/// Counts by status and by severity of failed results.
public struct Summary: Sendable, Hashable {
    /// Reports checked.
    public var reports = 0
    /// Reports with an input error, which were not evaluated.
    public var invalidReports = 0
    /// Rule results by status, over every report.
    public var byStatus: [RuleStatus: Int] = [:]
    /// Failed (and error) results by the rule's severity.
    public var failedBySeverity: [Severity: Int] = [:]
    /// Input problems of severity error: the reports' and the run's.
    public var inputErrors = 0
    /// Input problems of severity warning: the reports' and the run's.
    public var inputWarnings = 0

    public init() {}

    /// Counts `outcomes`, and `extraDiagnostics` as input problems not tied to one report.
    public init(_ outcomes: [ReportOutcome], extraDiagnostics: [Diagnostic] = []) {
        for o in outcomes { add(o) }
        add(extraDiagnostics)
    }

    /// Counts one more report.
    public mutating func add(_ o: ReportOutcome) { add(o, counts: ReportCounts(o)) }

    /// Adds `o`, whose counts are `counts`.
    mutating func add(_ o: ReportOutcome, counts: ReportCounts) {
        reports += 1
        if o.isInvalid { invalidReports += 1 }
        // Counted in fixed slots first: a dictionary update per result was a visible cost.
        for s in [RuleStatus.pass, .fail, .missing, .notApplicable, .error, .waived] where counts.count(s) > 0 {
            byStatus[s, default: 0] += counts.count(s)
        }
        for s in [Severity.error, .warning, .info] where counts.failed(s) > 0 {
            failedBySeverity[s, default: 0] += counts.failed(s)
        }
        inputErrors += counts.inputErrors
        inputWarnings += counts.inputWarnings
    }

    /// Counts input problems not tied to one report.
    public mutating func add(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            if d.severity == .error { inputErrors += 1 } else if d.severity == .warning { inputWarnings += 1 }
        }
    }

    /// The number of results with status `s`.
    public func count(_ s: RuleStatus) -> Int { byStatus[s] ?? 0 }
}

/// A finished run of `qcdc check` (or the checking part of `qcdc scorecard`): the rule set
/// used, every report's outcome, the problems with the inputs as a whole, and the verdict.
public struct CheckRun: Sendable {
    /// The rule set the reports were checked against (``RuleSet/empty`` when it was invalid).
    public var ruleSet: RuleSet
    /// Every report's outcome, in the order the files were read.
    public var reports: [ReportOutcome]
    /// Problems with the inputs as a whole: the rule set, the waiver and baseline files, a path
    /// that does not exist, waivers that expired or matched nothing.
    public var diagnostics: [Diagnostic]
    /// The language reporters write in.
    public var language: Language
    /// What counts as a finding and what fails the gate.
    public var gate: Gate
    /// With a baseline: how many findings are new, still present or fixed.
    public var baseline: BaselineSummary?
    /// The findings as a baseline records them (after waivers, before any baseline), for
    /// `--write-baseline`; empty unless ``CheckOptions/recordFindings``.
    public var findingsRecord = Baseline(entries: [])

    /// Counted as the reports were checked, so that a run that does not keep its reports still
    /// has its summary and verdict.
    var tally: Tally

    /// With `--expect`: the units expected to report, in the order expected.
    public var expected: [ExpectedUnit] = []
    /// With `--expect`: how many units were expected (0 without `--expect`).
    public var expectedCount: Int { expected.count }
    /// With `--expect`: the expected units without a report in the run, in the order expected.
    /// Each is a finding of severity error for the gate.
    public var notSubmitted: [ExpectedUnit] = []

    /// A run of `reports`, with the problems of the inputs as a whole, judged by `gate`; the summary
    /// and verdict are counted from `reports`, and there is no baseline comparison.
    public init(ruleSet: RuleSet, reports: [ReportOutcome], diagnostics: [Diagnostic], language: Language, gate: Gate = Gate()) {
        self.ruleSet = ruleSet
        self.reports = reports
        self.diagnostics = diagnostics
        self.language = language
        self.gate = gate
        var tally = Tally()
        for r in reports { tally.add(r, gate: gate) }
        self.tally = tally
    }

    /// Counts over every report checked, and the problems with the inputs as a whole.
    public var summary: Summary {
        var s = tally.summary
        s.add(diagnostics)
        return s
    }

    /// Whether the inputs were valid: rule set, waivers, baseline and every report.
    public var hasInvalidInput: Bool {
        tally.invalidReport || diagnostics.contains { $0.severity == .error }
    }

    /// How the run ends, by its gate.
    public var verdict: Verdict {
        if hasInvalidInput { return .invalidInput }
        return tally.failing || !notSubmitted.isEmpty && gate.failOn != .none ? .findings : .clean
    }

    /// The exit code of the verdict: 0, 1 or 2.
    public var exitCode: Int32 { verdict.rawValue }

    /// What a run counts as it goes.
    struct Tally: Sendable {
        var summary = Summary()
        var failing = false
        var invalidReport = false

        mutating func add(_ r: ReportOutcome, gate: Gate) {
            let counts = ReportCounts(r)
            summary.add(r, counts: counts)
            if r.isInvalid { invalidReport = true }
            // Nothing can fail the run when nothing fails, or when the results are all passes,
            // not applicable, waived (or missing, unless missing evidence fails): no need to
            // read them.
            guard !failing, gate.failOn != .none,
                  counts.count(.fail) + counts.count(.error) + (gate.failOnMissing ? counts.count(.missing) : 0) > 0 else { return }
            // ``Gate/fails(_:)`` on each result's parts, read in place: handed a result, from the
            // array or its buffer, it was handed a copy (a dozen references retained and
            // released per result).
            failing = r.results.withUnsafeBufferPointer { results in
                results.indices.contains {
                    gate.isFinding(status: results[$0].status, baselineState: results[$0].baselineState)
                        && gate.failOn.includes(results[$0].severity)
                }
            }
        }
    }
}
