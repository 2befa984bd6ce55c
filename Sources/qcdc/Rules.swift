import ArgumentParser
import QCDCKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with rule sets: list, lint, test.",
        discussion: LanguageHelp.text,
        subcommands: [RulesList.self, RulesLint.self, RulesTest.self]
    )
}

/// The rule sets `rules lint` and `rules test` work on: paths as arguments or `--rules`, and
/// the language of what they print.
struct RuleFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Rule-set files or directories. Default: the built-in national set.", valueName: "PATH"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable), as for the other commands.", valueName: "PATH"))
    var rules: [String] = []

    @Option(name: .long, help: "Language: vi (Vietnamese) or en (English).")
    var lang: Language = .vi

    func load() -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) { RuleSetLoader().load(rules: paths + rules) }
}
