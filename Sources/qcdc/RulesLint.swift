import ArgumentParser
import QCDCKit

struct RulesLint: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate rule sets (every error, located) and run every rule's examples.",
        discussion: "Exit 2 when the rule set is invalid or an example fails. " + LanguageHelp.text
    )

    @OptionGroup var files: RuleFiles

    var configOptions: ConfigOptions { files.config }
    mutating func configure(_ c: Configuration) { files.configure(c) }

    func run() throws {
        let lang = files.lang
        Terminal.language = lang
        let l = Localizer(lang)
        let (ruleSet, loadDiags) = files.load()
        var out = Terminal.render(loadDiags)
        guard let ruleSet else {
            out += l(.ruleSetInvalid(errors: loadDiags.filter { $0.severity == .error }.count)) + "\n"
            try Terminal.emit(out, to: nil as String?)
            throw ExitCode(2)
        }
        let (diags, outcomes) = RuleLinter.lint(ruleSet)
        out += Terminal.render(diags)
        out += l(.lintSummary(files: ruleSet.sources.count, rules: ruleSet.rules.count, examples: outcomes.count,
                              passed: outcomes.filter(\.passed).count)) + "\n"
        try Terminal.emit(out, to: nil as String?)
        if diags.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    }
}
