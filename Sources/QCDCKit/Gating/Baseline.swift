/// Whether a finding was already recorded in the baseline (SARIF's `baselineState`).
public enum BaselineState: String, Sendable, Hashable {
    case new, unchanged
}

/// Known findings recorded by `--write-baseline`, so that `--baseline` reports only new ones.
public struct Baseline: Sendable {
    /// One known finding: rule, unit, period and status identify it (not its wording or line).
    public struct Entry: Sendable, Hashable, Comparable {
        /// The rule's id.
        public var rule: String
        /// The unit's code.
        public var unit: String
        /// The report's period, `YYYY-MM-DD..YYYY-MM-DD`.
        public var period: String
        /// `fail`, `error` or `missing`.
        public var status: String
        /// The report file it was found in (for people; not part of its identity).
        public var file: String

        var key: String { "\(rule)|\(unit)|\(period)|\(status)" }
        /// By unit, period, rule, then status: the order of a baseline file.
        public static func < (a: Entry, b: Entry) -> Bool { (a.unit, a.period, a.rule, a.status) < (b.unit, b.period, b.rule, b.status) }
    }

    /// The known findings.
    public var entries: [Entry]

    /// The non-passing results of a run (fail, error, missing), waived ones excluded.
    /// The findings of a run as a baseline records them.
    public init(run: CheckRun) {
        var recorder = Recorder()
        for r in run.reports { recorder.record(r) }
        self = recorder.baseline
    }

    /// Collects the findings of one report after another (failed, unevaluable and missing
    /// results; waived ones are not findings).
    public struct Recorder: Sendable {
        var found = Set<Entry>()

        public init() {}

        /// Records the findings of one report (none when its unit or period is unknown).
        public mutating func record(_ r: ReportOutcome) {
            guard let unit = r.unit, let period = r.period else { return }
            for x in r.results where x.status == .fail || x.status == .error || x.status == .missing {
                found.insert(Entry(rule: x.rule.id, unit: unit.code, period: Baseline.periodKey(period), status: x.status.rawValue, file: r.file))
            }
        }

        /// The findings recorded so far, sorted, as a baseline.
        public var baseline: Baseline { Baseline(entries: found.sorted()) }
    }

    static func periodKey(_ p: Period) -> String { "\(p.start)..\(p.end)" }

    /// The baseline file's JSON text: `qcdc_baseline: 1`, the tool version and the findings.
    public func rendered() -> String {
        JSON.object([
            ("qcdc_baseline", .int(1)),
            ("tool_version", .string(QCDC.version)),
            ("findings", .array(entries.map { e in
                .object([("rule", .string(e.rule)), ("unit", .string(e.unit)), ("period", .string(e.period)),
                         ("status", .string(e.status)), ("file", .string(e.file))])
            })),
        ]).rendered()
    }

    /// Reads a baseline file; every problem is a located diagnostic with a `baseline.` code.
    /// Each entry must name a rule of `knownRules` (when given), a status a finding can have
    /// (fail, error, missing), a unit and a period `YYYY-MM-DD..YYYY-MM-DD`.
    public static func load(_ bytes: [UInt8], file: String, knownRules: Set<String>? = nil) -> (Baseline?, [Diagnostic]) {
        let (node, diags) = JSONReader().read(bytes, file: file)
        guard let node else { return (nil, diags) }
        var r = NodeReading(file: file, namespace: .baseline, document: .baseline)
        guard r.mapping(node, "", known: ["qcdc_baseline", "tool_version", "findings"], required: ["findings"]) else {
            return (nil, diags + r.diags)
        }
        var entries: [Entry] = []
        let statuses = ["fail", "error", "missing"]
        for (index, item) in r.list(node["findings"], "findings").enumerated() {
            let f = "findings[\(index)]"
            guard r.mapping(item, f, known: ["rule", "unit", "period", "status", "file"], required: ["rule", "unit", "period", "status"]),
                  let rule = r.string(item["rule"], f + ".rule"), let unit = r.string(item["unit"], f + ".unit"),
                  let period = r.string(item["period"], f + ".period"), let status = r.string(item["status"], f + ".status") else { continue }
            var ok = true
            if let knownRules, !knownRules.contains(rule) {
                r.error("unknown_rule", .baselineUnknownRule(rule), item["rule"]!.mark, Suggest.note(for: rule, in: knownRules) + [.rewriteBaseline])
                ok = false
            }
            if !statuses.contains(status) {
                r.error("invalid_value", .notAFindingStatus(status), item["status"]!.mark,
                        Suggest.note(for: status, in: statuses))
                ok = false
            }
            if unit.isEmpty || Neutral.hasHidden(unit) {
                r.error("invalid_value", .baselineUnit(Neutral.visible(unit)), item["unit"]!.mark)
                ok = false
            }
            if Self.parsePeriod(period) == nil {
                r.error("invalid_value", .baselinePeriod(Neutral.visible(period)), item["period"]!.mark, [.baselinePeriodExample])
                ok = false
            }
            if ok { entries.append(Entry(rule: rule, unit: unit, period: period, status: status, file: r.string(item["file"], f + ".file") ?? "")) }
        }
        var all = diags + r.diags
        CodeFrame.attach(&all, bytes: bytes, file: file)
        return (all.contains { $0.severity == .error } ? nil : Baseline(entries: entries), all)
    }

    static func parsePeriod(_ text: String) -> Period? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Day(iso: parts[0]), let b = Day(iso: parts[1]), a <= b else { return nil }
        return Period(start: a, end: b)
    }

    init(entries: [Entry]) { self.entries = entries }

    /// Marks the findings of one report after another as new or unchanged against the
    /// baseline, then counts the baseline's findings that are gone.
    public struct Comparison: Sendable {
        let known: Set<String>
        let entries: [Entry]
        var present = Set<String>()
        var inRun = Set<String>()
        var new = 0

        /// Starts a comparison against `baseline`.
        public init(_ baseline: Baseline) {
            known = Set(baseline.entries.map(\.key))
            entries = baseline.entries
        }

        /// Marks each failed, unevaluable or missing result of the report ``BaselineState/new`` or
        /// ``BaselineState/unchanged`` (``RuleResult/baselineState``).
        public mutating func apply(to outcome: inout ReportOutcome) {
            guard let unit = outcome.unit, let period = outcome.period else { return }
            inRun.insert("\(unit.code)|\(Baseline.periodKey(period))")
            for xi in outcome.results.indices {
                let x = outcome.results[xi]
                guard x.status == .fail || x.status == .error || x.status == .missing else { continue }
                let key = Entry(rule: x.rule.id, unit: unit.code, period: Baseline.periodKey(period), status: x.status.rawValue, file: "").key
                if known.contains(key) {
                    outcome.results[xi].baselineState = .unchanged
                    present.insert(key)
                } else {
                    outcome.results[xi].baselineState = .new
                    new += 1
                }
            }
        }

        /// Only findings of reports in this run can be fixed; the others were simply not checked.
        public func finish() -> BaselineSummary {
            let fixed = entries.filter { inRun.contains("\($0.unit)|\($0.period)") && !present.contains($0.key) }.count
            return BaselineSummary(new: new, unchanged: present.count, fixed: fixed)
        }
    }
}

/// How a run's findings compare with the baseline.
public struct BaselineSummary: Sendable, Hashable {
    /// Findings not in the baseline.
    public var new: Int
    /// Baseline findings still present (not reported, not gating).
    public var unchanged: Int
    /// Baseline findings no longer present.
    public var fixed: Int
}
