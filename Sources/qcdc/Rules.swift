import ArgumentParser
import QCDCKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here: argument-parser would otherwise derive it with String(describing:), a
        // conformance scan at every start (6 M instructions of `qcdc --version`, by callgrind).
        commandName: "rules",
        abstract: "Work with rule sets: list, lint, test.",
        discussion: LanguageHelp.text,
        subcommands: [RulesList.self, RulesLint.self, RulesTest.self]
    )
}

/// The rule sets `rules lint` and `rules test` work on: paths as arguments or `--rules`, and
/// the language of what they print.
struct RuleFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Rule-set files or directories. Default: the built-in national set.", valueName: "PATH"),
              completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable), as for the other commands.", valueName: "PATH"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: [String] = []

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language: vi (Vietnamese, the default) or en (English).", valueName: "LANG"))
    var language: Language?

    @OptionGroup var config: ConfigOptions

    var lang: Language { language ?? .vi }

    /// The configuration's rule sets (when no path is given) and language.
    mutating func configure(_ c: Configuration) {
        if paths.isEmpty && rules.isEmpty { rules = c.rules }
        if language == nil { language = c.language }
    }

    func load() -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) { RuleSetLoader().load(rules: paths + rules) }
}
