import ArgumentParser
import QCDCKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with rule sets: list, lint, test.",
        discussion: LanguageHelp.text,
        subcommands: [RulesList.self, RulesLint.self, RulesTest.self]
    )
}
