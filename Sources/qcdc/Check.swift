import ArgumentParser
import Foundation
import QCDCKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports (YAML or JSON) against the rules.",
        discussion: """
        REPORT may be files, directories (searched for .yaml, .yml, .json) or - for standard input. \
        Without --rules, the built-in national rule set is used.
        """
    )

    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable). Default: the built-in national set.", valueName: "PATH"))
    var rules: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Language of messages: vi (Vietnamese) or en (English).")
    var lang: Language = .vi

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a failed rule has this severity or higher: error, warning, info, none.")
    var failOn: FailOn = .error

    @Option(name: .long, help: ArgumentHelp("Write the output to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Also list passed and not-applicable results in text output.")
    var all = false

    @Flag(name: .customLong("no-color"), help: "Never colour the text output (NO_COLOR is honoured too).")
    var noColor = false

    @Argument(help: ArgumentHelp("Report files or directories, or - for standard input.", valueName: "REPORT"))
    var reports: [String]

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give at least one REPORT (a file, a directory, or - for standard input)") }
        if reports.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be given only once") }
    }

    func run() throws {
        let loaded = RuleSetLoading.load(rules)
        let run: CheckRun
        if let ruleSet = loaded.ruleSet {
            run = Checker(ruleSet: ruleSet, language: lang).check(paths: reports)
        } else {
            run = CheckRun(ruleSet: .empty, reports: [], diagnostics: loaded.diagnostics, language: lang)
        }
        var shown = run
        if loaded.ruleSet != nil { shown.diagnostics += loaded.diagnostics }
        let color = output == nil && Terminal.wantsColor(noColor: noColor)
        let text = format.render(shown, color: color, showAll: all)
        try Terminal.emit(text, to: output)
        throw ExitCode(loaded.ruleSet == nil ? 2 : run.exitCode(failOn: failOn))
    }
}

/// Loads `--rules` paths or the built-in set.
enum RuleSetLoading {
    static func load(_ paths: [String]) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        paths.isEmpty ? RuleSetLoader().loadBuiltin() : RuleSetLoader().load(paths: paths)
    }
}
