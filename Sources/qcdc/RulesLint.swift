import ArgumentParser
import QCDCKit

struct RulesLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate rule sets (every error, located) and run every rule's examples."
    )

    @Argument(help: ArgumentHelp("Rule-set files or directories. Default: the built-in national set.", valueName: "PATH"))
    var paths: [String] = []

    func run() throws {
        let (ruleSet, loadDiags) = RuleSetLoader().load(rules: paths)
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
