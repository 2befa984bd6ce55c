import ArgumentParser
import QCDCKit

struct RulesTest: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples: per-rule results and example coverage.",
        discussion: "Exit 1 when an example gives another status than it declares; 2 when the rule set is invalid. " + LanguageHelp.text
    )

    @OptionGroup var files: RuleFiles

    var configOptions: ConfigOptions { files.config }
    mutating func configure(_ c: Configuration) { files.configure(c) }

    func run() throws {
        let lang = files.lang
        Terminal.language = lang
        let (ruleSet, diags) = files.load()
        guard let ruleSet else {
            try Terminal.emit(Terminal.render(diags), to: nil as String?)
            throw ExitCode(2)
        }
        let report = RuleTestReport(ruleSet)
        try Terminal.emit(report.text(lang: lang), to: nil as String?)
        if !report.allPassed { throw ExitCode(1) }
    }
}
