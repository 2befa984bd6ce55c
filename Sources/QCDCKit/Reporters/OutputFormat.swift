/// A format written one report at a time, so a run keeps nothing per report: ``opening`` before
/// the first report, ``report`` for each (on any thread, in parallel), ``emit`` for each in
/// report order (what to write now), ``closing`` with the run's totals. The concatenation is the
/// format's whole-run rendering (``renderStreamed(_:)``).
public protocol StreamingReporter: Sendable {
    /// What comes before the first report; a format may prepare what its reports need.
    mutating func opening(ruleSet: RuleSet, language: Language) -> String
    /// One report, independent of the others; `index` counts from 0 in report order.
    func report(_ outcome: ReportOutcome, index: Int, language: Language) -> String
    /// Serially, in report order: what to write of a report's rendering. By default all of it;
    /// a format can fix up what depends on earlier reports (SARIF's first separator) or keep text
    /// for ``closing`` (Markdown, whose verdict comes first).
    mutating func emit(_ rendered: String) -> String
    /// What follows the last report: run-level problems, totals; `count` reports were written.
    func closing(_ run: CheckRun, count: Int) -> String
}

extension StreamingReporter {
    /// Writes the whole rendering.
    public mutating func emit(_ rendered: String) -> String { rendered }

    /// The whole run, through the same pieces `qcdc check` writes as it goes.
    public func renderStreamed(_ run: CheckRun) -> String {
        var me = self
        var out = me.opening(ruleSet: run.ruleSet, language: run.language)
        for (i, r) in run.reports.enumerated() { out += me.emit(me.report(r, index: i, language: run.language)) }
        return out + me.closing(run, count: run.reports.count)
    }
}

/// The output formats of `qcdc check`. A new format is one file, one case and
/// one switch arm.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif, junit, github, markdown

    /// The format's writer, which writes a run report by report; `gate` decides what the
    /// annotations, JUnit and Markdown count as findings.
    public func streamer(color: Bool = false, showAll: Bool = false, gate: Gate = Gate()) -> any StreamingReporter {
        switch self {
        case .text: TextReporter(color: color, showAll: showAll)
        case .json: JSONReporter()
        case .jsonl: JSONReporter(layout: .lines)
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter(gate: gate)
        case .github: GitHubReporter(gate: gate)
        case .markdown: MarkdownReporter(gate: gate)
        }
    }

    /// Renders a run. `color` applies to text only.
    public func render(_ run: CheckRun, color: Bool = false, showAll: Bool = false) -> String {
        streamer(color: color, showAll: showAll, gate: run.gate).renderStreamed(run)
    }
}
