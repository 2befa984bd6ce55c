import ArgumentParser
import QCDCKit

/// The flags of `qcdc scorecard`.
struct ScorecardFlags: ParsableArguments {
    @OptionGroup var ruleSet: RuleSetOptions

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

    @OptionGroup var register: RegisterOption

    @OptionGroup var expectation: ExpectOption

    @OptionGroup var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp("Report files or directories.", valueName: "REPORT"))
    var reports: [String]

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give at least one REPORT (a file or a directory)") }
    }

    func options() throws -> CheckOptions {
        var o = CheckOptions()
        o.rules = ruleSet.rules
        o.waivers = waivers
        o.strict = strict
        o.checksRegister = !register.noRegister
        o.expect = expectation.expect
        o.language = ruleSet.lang
        o.today = today?.day
        o.limits = try limitOptions.limits()
        return o
    }

    /// The files the run reads, which the output may not overwrite.
    /// Which of `outputs` the run reads.
    func inputs(among outputs: [String]) -> Set<FileIdentity> {
        InputFile.identities(among: outputs, reports: reports, rules: ruleSet.rules, others: [waivers] + expectation.files)
    }
}
