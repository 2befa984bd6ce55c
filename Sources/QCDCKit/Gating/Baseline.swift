/// Whether a finding was already recorded in the baseline (SARIF's `baselineState`).
public enum BaselineState: String, Sendable, Hashable {
    case new, unchanged
}

/// Known findings recorded by `--write-baseline`, so that `--baseline` reports only new ones.
public struct Baseline: Sendable {
    /// One known finding: rule, unit, period and status identify it (not its wording or line).
    public struct Entry: Sendable, Hashable, Comparable {
        public var rule: String
        public var unit: String
        public var period: String
        public var status: String
        public var file: String

        var key: String { "\(rule)|\(unit)|\(period)|\(status)" }
        public static func < (a: Entry, b: Entry) -> Bool { (a.unit, a.period, a.rule, a.status) < (b.unit, b.period, b.rule, b.status) }
    }

    public var entries: [Entry]

    /// The non-passing results of a run (fail, error, missing), waived ones excluded.
    public init(run: CheckRun) {
        var out = Set<Entry>()
        for r in run.reports {
            guard let unit = r.unit, let period = r.period else { continue }
            for x in r.results where x.status == .fail || x.status == .error || x.status == .missing {
                out.insert(Entry(rule: x.rule.id, unit: unit.code, period: Self.periodKey(period), status: x.status.rawValue, file: r.file))
            }
        }
        entries = out.sorted()
    }

    static func periodKey(_ p: Period) -> String { "\(p.start)..\(p.end)" }

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
        var r = NodeReading(file: file, prefix: "baseline")
        guard r.mapping(node, "the baseline", known: ["qcdc_baseline", "tool_version", "findings"], required: ["findings"]) else {
            return (nil, diags + r.diags)
        }
        var entries: [Entry] = []
        let statuses = ["fail", "error", "missing"]
        for item in r.list(node["findings"], "findings") {
            guard r.mapping(item, "finding", known: ["rule", "unit", "period", "status", "file"], required: ["rule", "unit", "period", "status"]),
                  let rule = r.string(item["rule"], "rule"), let unit = r.string(item["unit"], "unit"),
                  let period = r.string(item["period"], "period"), let status = r.string(item["status"], "status") else { continue }
            var ok = true
            if let knownRules, !knownRules.contains(rule) {
                r.error("unknown_rule", "the baseline names rule \(rule), which the rule set does not have", item["rule"]!.mark,
                        Suggest.note(for: rule, in: knownRules) + ["write the baseline again with --write-baseline"])
                ok = false
            }
            if !statuses.contains(status) {
                r.error("invalid_value", "status '\(status)' is not a finding's status (fail, error or missing)", item["status"]!.mark,
                        Suggest.note(for: status, in: statuses))
                ok = false
            }
            if unit.isEmpty || Neutral.hasHidden(unit) {
                r.error("invalid_value", "unit '\(Neutral.visible(unit))' is empty or holds invisible or control characters", item["unit"]!.mark)
                ok = false
            }
            if Self.parsePeriod(period) == nil {
                r.error("invalid_value", "period '\(Neutral.visible(period))' is not FROM..TO (YYYY-MM-DD..YYYY-MM-DD)", item["period"]!.mark,
                        ["e.g. 2026-01-01..2026-12-31"])
                ok = false
            }
            if ok { entries.append(Entry(rule: rule, unit: unit, period: period, status: status, file: r.string(item["file"], "file") ?? "")) }
        }
        let all = diags + r.diags
        return (all.contains { $0.severity == .error } ? nil : Baseline(entries: entries), all)
    }

    static func parsePeriod(_ text: String) -> Period? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Day(iso: parts[0]), let b = Day(iso: parts[1]), a <= b else { return nil }
        return Period(start: a, end: b)
    }

    init(entries: [Entry]) { self.entries = entries }

    /// Marks each non-passing result new or unchanged; returns how many baseline findings are still present and how many are fixed.
    public func apply(to run: inout CheckRun) -> BaselineSummary {
        let known = Set(entries.map(\.key))
        var present = Set<String>()
        var inRun = Set<String>()
        var new = 0
        for ri in run.reports.indices {
            guard let unit = run.reports[ri].unit, let period = run.reports[ri].period else { continue }
            inRun.insert("\(unit.code)|\(Self.periodKey(period))")
            for xi in run.reports[ri].results.indices {
                let x = run.reports[ri].results[xi]
                guard x.status == .fail || x.status == .error || x.status == .missing else { continue }
                let key = "\(x.rule.id)|\(unit.code)|\(Self.periodKey(period))|\(x.status.rawValue)"
                if known.contains(key) {
                    run.reports[ri].results[xi].baselineState = .unchanged
                    present.insert(key)
                } else {
                    run.reports[ri].results[xi].baselineState = .new
                    new += 1
                }
            }
        }
        // Only findings of reports in this run can be fixed; the others were simply not checked.
        let fixed = entries.filter { inRun.contains("\($0.unit)|\($0.period)") && !present.contains($0.key) }.count
        return BaselineSummary(new: new, unchanged: present.count, fixed: fixed)
    }
}

/// Counts after applying a baseline.
public struct BaselineSummary: Sendable, Hashable {
    /// Findings not in the baseline.
    public var new: Int
    /// Baseline findings still present (not reported, not gating).
    public var unchanged: Int
    /// Baseline findings no longer present.
    public var fixed: Int
}
