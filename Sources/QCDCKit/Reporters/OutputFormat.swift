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

/// A report's rendering as `qcdc check` writes it: text, or the UTF-8 bytes of a format built
/// as bytes. Making a report's JSON a `String` validated each of its bytes again: 3% of a run.
package enum Rendering: Sendable {
    case text(String)
    /// Written whole: only for formats whose ``StreamingReporter/emit(_:)`` writes all it is given.
    case utf8([UInt8])
}

extension StreamingReporter {
    /// Writes the whole rendering.
    public mutating func emit(_ rendered: String) -> String { rendered }

    /// ``report(_:index:language:)`` as the run writes it: JSON and text as bytes, other formats
    /// as text (for ``emit(_:)`` to fix up). The bytes skip ``emit(_:)``, so JSONReporter and
    /// TextReporter must keep the default one, which writes all it is given.
    package func rendering(_ outcome: ReportOutcome, index: Int, language: Language) -> Rendering {
        if let json = self as? JSONReporter { return .utf8(json.reportUTF8(outcome, index: index, language: language)) }
        if let text = self as? TextReporter { return .utf8(text.reportUTF8(outcome, language: language)) }
        return .text(report(outcome, index: index, language: language))
    }

    /// The whole run, through the same pieces `qcdc check` writes as it goes.
    public func renderStreamed(_ run: CheckRun) -> String {
        var me = self
        var out = me.opening(ruleSet: run.ruleSet, language: run.language)
        for (i, r) in run.reports.enumerated() { out += me.emit(me.report(r, index: i, language: run.language)) }
        return out + me.closing(run, count: run.reports.count)
    }
}

/// How a run is shown, beyond its format: what `qcdc check`'s display flags set.
public struct OutputStyle: Sendable {
    /// Colour text with ANSI escape codes (for a terminal).
    public var color = false
    /// Text: also list passed and not-applicable results (`--all`).
    public var showAll = false
    /// Text: list missing evidence rule by rule (`--show-missing`); otherwise one line per report.
    public var showMissing = false
    /// Text: only what fails the gate and invalid inputs, no headers or totals (`--quiet`).
    public var quiet = false
    /// SARIF and GitLab: leave missing evidence out (`--omit-missing`), unless the gate counts it.
    public var omitMissing = false
    /// What counts as a finding, and what fails.
    public var gate = Gate()
    /// SARIF and GitLab: name files relative to this root (`%SRCROOT%`); nil names them as given.
    public var sourceRoot: SourceRoot?

    public init(color: Bool = false, showAll: Bool = false, showMissing: Bool = false, quiet: Bool = false, omitMissing: Bool = false,
                gate: Gate = Gate(), sourceRoot: SourceRoot? = nil) {
        self.sourceRoot = sourceRoot
        self.color = color
        self.showAll = showAll
        self.showMissing = showMissing
        self.quiet = quiet
        self.omitMissing = omitMissing
        self.gate = gate
    }
}

/// The output formats of `qcdc check`. A new format is one file, one case and
/// one switch arm.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif, junit, github, gitlab, markdown

    /// The format's writer, which writes a run report by report; the style's gate decides what
    /// the annotations, JUnit and Markdown count as findings.
    public func streamer(_ style: OutputStyle = OutputStyle()) -> any StreamingReporter {
        switch self {
        case .text: TextReporter(style)
        case .json: JSONReporter()
        case .jsonl: JSONReporter(layout: .lines)
        case .sarif: SARIFReporter(style)
        case .junit: JUnitReporter(gate: style.gate)
        case .github: GitHubReporter(gate: style.gate)
        case .gitlab: GitLabReporter(style)
        case .markdown: MarkdownReporter(gate: style.gate)
        }
    }

    /// Renders a run (judged by its own gate).
    public func render(_ run: CheckRun, _ style: OutputStyle = OutputStyle()) -> String {
        var style = style
        style.gate = run.gate
        return streamer(style).renderStreamed(run)
    }
}
