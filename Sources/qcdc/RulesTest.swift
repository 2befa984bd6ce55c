import ArgumentParser
import QCDCKit

struct RulesTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples: per-rule results and example coverage.",
        discussion: "Exit 1 when an example gives another status than it declares; 2 when the rule set is invalid. " + LanguageHelp.text
    )

    @Argument(help: ArgumentHelp("Rule-set files or directories. Default: the built-in national set.", valueName: "PATH"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable), as for the other commands.", valueName: "PATH"))
    var rules: [String] = []

    @Option(name: .long, help: "Language: vi (Vietnamese) or en (English).")
    var lang: Language = .vi

    func run() throws {
        Terminal.language = lang
        let (ruleSet, diags) = RuleSetLoader().load(rules: paths + rules)
        guard let ruleSet else {
            try Terminal.emit(Terminal.render(diags), to: nil as String?)
            throw ExitCode(2)
        }
        let report = RuleTestReport(ruleSet)
        try Terminal.emit(report.text(lang: lang), to: nil as String?)
        if !report.allPassed { throw ExitCode(1) }
    }
}
