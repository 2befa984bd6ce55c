import ArgumentParser
import Foundation
import QCDCKit

struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Score many units: per unit, per category, per group and per rule; roll-up contradictions and trends.",
        discussion: """
        Scores follow the rule set's `scoring:` (docs/scoring.md): each scored rule earns its weight when it \
        passes; not-applicable and waived results are left out; missing evidence counts as failed unless \
        --missing exclude, and coverage (the share of rules that could be evaluated) is always shown.
        Exit codes: 0 scored; 2 an input was invalid (it is listed, the others are scored); 64 usage error.
        """
    )

    @OptionGroup var options: RuleSetOptions

    @Option(name: .long, help: "Output format: html, markdown, csv, json.")
    var format: ScorecardFormat = .html

    @Option(name: .long, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("group-by"), help: "Group units by parent (the province of a commune) or kind.")
    var groupBy: Scorecard.Grouping = .parent

    @Option(name: .long, help: "Scoring model, by its XCCDF name: flat, flat-unweighted, default, absolute. Default: the rule set's.")
    var model: ScoringConfig.Model?

    @Option(name: .long, help: "Missing evidence: fail (counts as failed) or exclude (out of the denominator). Default: the rule set's.")
    var missing: ScoringConfig.MissingPolicy?

    @Option(name: .long, help: ArgumentHelp("A waiver file: waived results are out of the denominator.", valueName: "FILE"))
    var waivers: String?

    @Option(name: .long, help: ArgumentHelp("The date waivers expire against (default: today).", valueName: "DATE"))
    var today: DayArgument?

    @Flag(name: .long, help: "Input warnings (unknown fields, invisible characters in names) are errors: the report is invalid (exit 2).")
    var strict = false

    @OptionGroup var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp("Report files or directories.", valueName: "REPORT"))
    var reports: [String]

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give at least one REPORT (a file or a directory)") }
    }

    func run() throws {
        let limits = try limitOptions.limits()
        let ruleSet = try options.load(limits: limits)
        let inputs = InputFile.identities(reports: reports, rules: options.rules, others: [waivers])
        let files = try Terminal.prepare([output].compactMap { $0 }, inputs: inputs)
        defer { files.values.forEach { $0.discard() } }
        var run = Checker(ruleSet: ruleSet, language: options.lang, limits: limits, strict: strict).check(paths: reports)
        if let waivers {
            var diags: [Diagnostic] = []
            guard let set = InputFile.waivers(waivers, ruleSet: ruleSet, limits: limits, into: &diags) else {
                Terminal.stderr(diags.map { $0.description + "\n" }.joined())
                throw ExitCode(2)
            }
            set.apply(to: &run, today: today?.day ?? Check.currentDay())
        }
        var config = ruleSet.scoring
        if let model { config.model = model }
        if let missing { config.missing = missing }
        let card = Scorecard(run: run, config: config, grouping: groupBy)
        try Terminal.emit(format.render(card), to: output.flatMap { files[$0] })
        for d in run.diagnostics where d.severity == .error { Terminal.stderr(d.description + "\n") }
        for r in card.invalid { Terminal.stderr(r.diagnostics.filter { $0.severity == .error }.map { $0.description + "\n" }.joined()) }
        if run.diagnostics.contains(where: { $0.severity == .error }) || !card.invalid.isEmpty { throw ExitCode(2) }
    }
}
