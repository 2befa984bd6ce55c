import ArgumentParser
import QCDCKit

struct RulesList: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules that apply, with severity, category and dates in force.",
                                                    discussion: LanguageHelp.text)

    @OptionGroup var options: RuleSetOptions

    var configOptions: ConfigOptions { options.config }
    mutating func configure(_ c: Configuration) { options.configure(c) }

    @Option(name: .long, help: "Only rules for this unit kind.")
    var kind: UnitKind?

    @Option(name: .long, help: ArgumentHelp("Only rules in force on this date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DayArgument?

    @Option(name: [.customShort("f"), .long], help: "Output format: text or json.")
    var format: RuleCatalog.Format = .text

    func validate() throws { try at?.check("--at") }

    func run() throws {
        let ruleSet = try options.load()
        let rules = RuleCatalog.select(ruleSet, kind: kind, at: at?.day)
        try Terminal.emit(format.render(rules, ruleSet: ruleSet, lang: options.lang), to: nil as String?)
    }
}
