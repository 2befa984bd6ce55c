/// A format written one report at a time, so a run keeps nothing per report: ``opening`` before
/// the first report, ``report`` for each as soon as it is checked, ``closing`` with the run's
/// totals. The concatenation is byte-identical to the format's whole-run rendering.
public protocol StreamingReporter: Sendable {
    /// What comes before the first report.
    func opening(ruleSet: RuleSet, language: Language) -> String
    /// One report; `index` counts from 0 in the order reports are written.
    func report(_ outcome: ReportOutcome, index: Int, language: Language) -> String
    /// What follows the last report: run-level problems, totals; `count` reports were written.
    func closing(_ run: CheckRun, count: Int) -> String
}

/// The output formats of `qcdc check`. A new format is one file, one case and
/// one switch arm.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif, junit, github, markdown

    /// The format's streaming writer, for the formats that have one (text, JSON and JSON Lines).
    public func streamer(color: Bool = false, showAll: Bool = false) -> (any StreamingReporter)? {
        switch self {
        case .text: TextReporter(color: color, showAll: showAll)
        case .json: JSONReporter()
        case .jsonl: JSONReporter(layout: .lines)
        default: nil
        }
    }

    /// Renders a run. `color` applies to text only.
    public func render(_ run: CheckRun, color: Bool = false, showAll: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color, showAll: showAll).render(run)
        case .json: JSONReporter().render(run)
        case .jsonl: JSONReporter(layout: .lines).render(run)
        case .sarif: SARIFReporter().render(run)
        case .junit: JUnitReporter().render(run)
        case .github: GitHubReporter().render(run)
        case .markdown: MarkdownReporter().render(run)
        }
    }
}

