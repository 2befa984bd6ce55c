import ArgumentParser
import Foundation
import QCDCKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with rule sets: list, lint, test.",
        subcommands: [List.self, Lint.self, Test.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules that apply, with severity, category and dates in force.")

        @OptionGroup var options: RuleSetOptions

        @Option(name: .long, help: "Only rules for this unit kind.")
        var kind: UnitKind?

        @Option(name: .long, help: ArgumentHelp("Only rules in force on this date (YYYY-MM-DD).", valueName: "DATE"))
        var at: DayArgument?

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let ruleSet = try options.load()
            let rules = RuleCatalog.select(ruleSet, kind: kind, at: at?.day)
            try Terminal.emit(format == .json ? RuleCatalog.json(rules, ruleSet: ruleSet, lang: options.lang)
                                              : RuleCatalog.text(rules, lang: options.lang), to: nil as String?)
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule sets (every error, located) and run every rule's examples."
        )

        @Argument(help: ArgumentHelp("Rule-set files or directories. Default: the built-in national set.", valueName: "PATH"))
        var paths: [String] = []

        func run() throws {
            let (ruleSet, loadDiags) = RuleSetLoading.load(paths)
            var out = ""
            for d in loadDiags { out += d.description + "\n" }
            guard let ruleSet else {
                out += "rule set invalid: \(loadDiags.filter { $0.severity == .error }.count) error(s)\n"
                try Terminal.emit(out, to: nil as String?)
                throw ExitCode(2)
            }
            let (diags, outcomes) = RuleLinter.lint(ruleSet)
            for d in diags { out += d.description + "\n" }
            let passed = outcomes.filter(\.passed).count
            out += "\(ruleSet.sources.count) rule-set files, \(ruleSet.rules.count) rules, "
            out += "\(outcomes.count) examples: \(passed) passed, \(outcomes.count - passed) failed\n"
            try Terminal.emit(out, to: nil as String?)
            if diags.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples: per-rule results and example coverage.",
            discussion: "Exit 1 when an example gives another status than it declares; 2 when the rule set is invalid."
        )

        @Argument(help: ArgumentHelp("Rule-set files or directories. Default: the built-in national set.", valueName: "PATH"))
        var paths: [String] = []

        @Option(name: .long, help: "Language: vi or en.")
        var lang: Language = .vi

        func run() throws {
            let (ruleSet, diags) = RuleSetLoading.load(paths)
            guard let ruleSet else {
                try Terminal.emit(diags.map { $0.description + "\n" }.joined(), to: nil as String?)
                throw ExitCode(2)
            }
            let report = RuleTestReport(ruleSet)
            try Terminal.emit(report.text(lang: lang), to: nil as String?)
            if !report.allPassed { throw ExitCode(1) }
        }
    }
}
