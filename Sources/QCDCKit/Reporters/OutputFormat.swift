/// The output formats of `qcdc check`. A new format is one file, one case and
/// one switch arm.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github, markdown

    /// Renders a run. `color` applies to text only.
    public func render(_ run: CheckRun, color: Bool = false, showAll: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color, showAll: showAll).render(run)
        case .json: JSONReporter().render(run)
        case .sarif: SARIFReporter().render(run)
        case .junit: JUnitReporter().render(run)
        case .github: GitHubReporter().render(run)
        case .markdown: MarkdownReporter().render(run)
        }
    }
}

