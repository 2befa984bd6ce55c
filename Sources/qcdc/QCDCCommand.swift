import ArgumentParser
import QCDCKit

@main
struct QCDCCommand: ParsableCommand {
    /// A closed pipe is a write error (exit 2 with a message), not a fatal signal.
    static func main() {
        StandardStreams.ignoreBrokenPipes()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "qcdc",
        abstract: "Check Vietnamese units' yearly reports against the grassroots-democracy (QCDC) rules.",
        discussion: """
        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; \
        2 an invalid report or rule set; 64 a usage error.

        \(LanguageHelp.text)
        """,
        version: QCDC.version,
        subcommands: [Check.self, ScorecardCommand.self, Rules.self, Explain.self, Template.self, Schema.self, Units.self]
    )
}

/// The sentence every subcommand's help ends with: this help is English, qcdc's output is not.
enum LanguageHelp {
    static let text = "Output is in Vietnamese (messages, status words, labels); --lang en gives English. Diagnostic codes and rule ids are the same in both."
}

extension Language: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension UnitKind: ExpressibleByArgument {}
extension ScorecardFormat: ExpressibleByArgument {}
extension RuleCatalog.Format: ExpressibleByArgument {}
extension Scorecard.Grouping: ExpressibleByArgument {}
extension ScoringConfig.Model: ExpressibleByArgument {}
extension ScoringConfig.MissingPolicy: ExpressibleByArgument {}

/// Parses `YYYY-MM-DD` arguments.
struct DayArgument: ExpressibleByArgument {
    var day: Day
    init?(argument: String) {
        guard let d = Day(iso: argument) else { return nil }
        day = d
    }
}

/// A period as reports and scorecards show it: `2026` (the calendar year) or `FROM..TO`.
struct PeriodArgument: ExpressibleByArgument {
    var period: Period
    init?(argument: String) {
        if argument.count == 4, argument.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(argument), (1990...2100).contains(y) {
            period = .year(y)
            return
        }
        let ends = argument.components(separatedBy: "..")
        guard ends.count == 2, let s = Day(iso: ends[0]), let e = Day(iso: ends[1]), s <= e else { return nil }
        period = Period(start: s, end: e)
    }
}

/// Options shared by the commands that read rule sets.
struct RuleSetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable). Default: the built-in national set.", valueName: "PATH"))
    var rules: [String] = []

    @Option(name: .long, help: "Language: vi (Vietnamese) or en (English).")
    var lang: Language = .vi

    /// The loaded rule set, or exit 2 after printing every located error.
    func load(limits: LoadLimits = .default) throws -> RuleSet {
        Terminal.language = lang
        let (ruleSet, diags) = RuleSetLoader(limits: limits).load(rules: rules)
        guard let ruleSet else {
            Terminal.stderr(Terminal.render(diags))
            throw ExitCode(2)
        }
        return ruleSet
    }
}

/// `--expect`, for `check` and `scorecard`.
struct ExpectOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Units a report is expected from (repeatable): all, province:CODE, or a FILE of codes. Those without one are listed, and fail the gate.", valueName: "UNITS"))
    var expect: [String] = []

    /// The list files among the values (so that no output overwrites one).
    var files: [String?] { expect.filter { $0 != "all" && !$0.hasPrefix("province:") } }
}

/// `--no-register`, for every command that reads reports.
struct RegisterOption: ParsableArguments {
    @Flag(name: .customLong("no-register"), help: "Do not check province and commune codes, names, subtypes and parents against the official register (for test data with made-up codes).")
    var noRegister = false
}
