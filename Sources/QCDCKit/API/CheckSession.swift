/// A whole check run, owned by the library: the rule set, waivers and baseline are loaded and
/// validated first, then reports are checked one at a time, waivers and the baseline applied to
/// each in that order, and the run ends with one verdict.
///
/// ```swift
/// var options = CheckOptions()
/// options.language = .en
/// let session = CheckSession(options)
/// let run = session.run(["examples/"]) { outcome in print(outcome.file, outcome.results.count) }
/// exit(run.exitCode)
/// ```
///
/// `qcdc check` and `qcdc scorecard` are this type plus argument parsing and rendering.
public struct CheckSession: Sendable {
    /// The options the session was made with.
    public let options: CheckOptions
    /// The rule set, or nil when it is invalid (its errors are in ``setupDiagnostics``).
    public let ruleSet: RuleSet?
    /// Problems found before any report is read: the rule set, the waiver and baseline files.
    public let setupDiagnostics: [Diagnostic]
    let waivers: WaiverSet?
    let baseline: Baseline?
    /// The units expected to report (`--expect`), or nil.
    public let expectation: Expectation?

    /// Loads and validates the rule set, the waiver file and the baseline file.
    public init(_ options: CheckOptions) {
        self.options = options
        let (ruleSet, ruleDiags) = RuleSetLoader(limits: options.limits).load(rules: options.rules)
        var diags = ruleDiags
        var waivers: WaiverSet?
        var baseline: Baseline?
        if let ruleSet {
            let known = Set(ruleSet.rules.map(\.id))
            if let path = options.waivers, let bytes = Self.read(path, options.limits, into: &diags) {
                let (set, d) = WaiverSet.load(bytes, file: path, knownRules: known)
                waivers = set
                diags += d
            }
            if let path = options.baseline, let bytes = Self.read(path, options.limits, into: &diags) {
                let (b, d) = Baseline.load(bytes, file: path, knownRules: known)
                baseline = b
                diags += d
            }
        }
        if options.expect.isEmpty {
            expectation = nil
        } else {
            let (e, d) = Expectation.load(options.expect, limits: options.limits)
            expectation = e
            diags += d
        }
        self.ruleSet = ruleSet
        self.waivers = waivers
        self.baseline = baseline
        setupDiagnostics = diags
    }

    /// Whether reports can be checked: the rule set, waivers and baseline are all valid.
    public var isReady: Bool { ruleSet != nil && !setupDiagnostics.contains { $0.severity == .error } }

    static func read(_ path: String, _ limits: LoadLimits, into diags: inout [Diagnostic]) -> [UInt8]? {
        switch InputReader.read(path, limit: limits.maxBytes) {
        case .success(let bytes): return bytes
        case .failure(let d):
            diags.append(d)
            return nil
        }
    }

    /// Checks the reports under `paths`, handing each finished outcome (waivers and baseline
    /// applied) to `each` as soon as it is ready. With `keepReports` false the run's `reports`
    /// stay empty and memory does not grow with the number of reports; the summary and verdict
    /// are complete either way. When the session is not ready, no report is read and the run
    /// carries the setup errors.
    public func run(_ paths: [String], keepReports: Bool = true) -> CheckRun {
        run(paths, keepReports: keepReports) { _ in }
    }

    /// Checks the reports under `paths` like ``run(_:keepReports:)``, handing each outcome to
    /// `each` as soon as it is finished.
    public func run(_ paths: [String], keepReports: Bool = true,
                    each: (ReportOutcome) throws -> Void) rethrows -> CheckRun {
        try run(paths, keepReports: keepReports, render: { _, _ in () }, each: { o, _ in try each(o) })
    }

    /// Checks the reports under `paths` on ``CheckOptions/workers`` threads, with
    /// exactly the result of a run on one: reports are read and evaluated in parallel, waivers
    /// and the baseline are applied in path order, `render` turns each finished outcome into
    /// output in parallel (it gets the outcome and its index), and `each` receives the outcomes
    /// with their rendering in path order on the caller's thread.
    public func run<Rendered: Sendable>(_ paths: [String], keepReports: Bool = true,
                                        render: @Sendable (ReportOutcome, Int) -> Rendered,
                                        each: (ReportOutcome, Rendered) throws -> Void) rethrows -> CheckRun {
        guard isReady, let ruleSet else {
            return CheckRun(ruleSet: ruleSet ?? .empty, reports: [], diagnostics: setupDiagnostics,
                            language: options.language, gate: options.gate)
        }
        var checker = Checker(ruleSet: ruleSet, language: options.language, limits: options.limits, strict: options.strict)
        checker.checksRegister = options.checksRegister
        checker.selection = options.selection
        checker.keepsFacts = options.keepsFacts
        var waived = waivers.map { WaiverSet.Application($0, today: options.today ?? CheckOptions.currentDay()) }
        var compared = baseline.map(Baseline.Comparison.init)
        var recorder = Baseline.Recorder()
        var kept: [ReportOutcome] = []
        var tally = CheckRun.Tally()
        let expected = Set(expectation?.units.map(\.code) ?? [])
        var submitted: Set<String> = []
        let inputDiags = try checker.check(paths: paths, workers: options.workers, prepare: { outcome in
            waived?.apply(to: &outcome)
            if options.recordFindings { recorder.record(outcome) }
            compared?.apply(to: &outcome)
            tally.add(outcome, gate: options.gate)
            if !expected.isEmpty, let code = outcome.unit?.code ?? outcome.claimedCode, expected.contains(code) { submitted.insert(code) }
            if keepReports { kept.append(outcome) }
        }, render: render, each: each)
        var run = CheckRun(ruleSet: ruleSet, reports: kept,
                           diagnostics: inputDiags + setupDiagnostics + (waived?.finish() ?? []),
                           language: options.language, gate: options.gate)
        run.tally = tally
        run.baseline = compared?.finish()
        run.findingsRecord = recorder.baseline
        if let expectation {
            run.expected = expectation.units
            run.notSubmitted = expectation.units.filter { !submitted.contains($0.code) }
        }
        return run
    }
}
