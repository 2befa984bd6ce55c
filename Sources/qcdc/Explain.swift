import ArgumentParser
import Foundation
import QCDCKit

struct Explain: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        // Named here: argument-parser would otherwise derive it with String(describing:), a
        // conformance scan at every start (6 M instructions of `qcdc --version`, by callgrind).
        commandName: "explain",
        abstract: "Explain a rule: legal basis, facts, condition in words, examples; with --report, how it evaluated.",
        discussion: LanguageHelp.text
    )

    @OptionGroup var options: RuleSetOptions

    @Option(name: .long, help: ArgumentHelp("Show the evaluation of the rule on this report, sub-expression by sub-expression.", valueName: "REPORT"))
    var report: String?

    @OptionGroup var register: RegisterOption

    var configOptions: ConfigOptions { options.config }
    mutating func configure(_ c: Configuration) {
        options.configure(c)
        register.configure(c)
    }

    @Argument(help: ArgumentHelp("The rule id, e.g. TCD-01B.", valueName: "RULE-ID"))
    var ruleID: String

    func run() throws {
        let ruleSet = try options.load()
        guard let rule = ruleSet.rule(caseInsensitive: ruleID) else {
            let guess = ruleSet.closestRuleID(to: ruleID)
            throw ValidationError(usage("không có quy tắc \(ruleID)" + (guess.map { "; có phải ý bạn là \($0)?" } ?? "") + " (xem `qcdc rules list`)",
                                         en: "no rule \(ruleID)" + (guess.map { "; did you mean \($0)?" } ?? "") + " (see `qcdc rules list`)"))
        }
        let explainer = Explainer(ruleSet: ruleSet, language: options.lang)
        var out = explainer.explain(rule)
        if let report {
            let bytes: [UInt8]
            switch InputReader.read(report, limit: LoadLimits.default.maxBytes) {
            case .success(let b): bytes = b
            case .failure(let d):
                Terminal.stderr(Terminal.render([d]))
                throw ExitCode(2)
            }
            var checker = Checker(ruleSet: ruleSet, language: options.lang)
            checker.checksRegister = register.checks
            let (unitReport, diags) = checker.read(bytes: bytes, file: report == "-" ? "<stdin>" : report)
            let problems = Terminal.render(diags)
            guard let unitReport else {
                try Terminal.emit(out + "\n" + problems, to: nil as String?)
                throw ExitCode(2)
            }
            out += "\n" + problems + explainer.explain(rule, on: unitReport)
        }
        try Terminal.emit(out, to: nil as String?)
    }
}
