import ArgumentParser
import Foundation
import QCDCKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule: legal basis, facts, condition in words, examples; with --report, how it evaluated."
    )

    @OptionGroup var options: RuleSetOptions

    @Option(name: .long, help: ArgumentHelp("Show the evaluation of the rule on this report, sub-expression by sub-expression.", valueName: "REPORT"))
    var report: String?

    @Argument(help: ArgumentHelp("The rule id, e.g. TCD-01B.", valueName: "RULE-ID"))
    var ruleID: String

    func run() throws {
        let ruleSet = try options.load()
        guard let rule = ruleSet.rule(caseInsensitive: ruleID) else {
            let guess = ruleSet.closestRuleID(to: ruleID)
            throw ValidationError("no rule \(ruleID)" + (guess.map { "; did you mean \($0)?" } ?? "") + " (see `qcdc rules list`)")
        }
        let explainer = Explainer(ruleSet: ruleSet, language: options.lang)
        var out = explainer.explain(rule)
        if let report {
            let bytes: [UInt8]
            switch InputReader.read(report, limit: LoadLimits.default.maxBytes) {
            case .success(let b): bytes = b
            case .failure(let d):
                Terminal.stderr(d.description + "\n")
                throw ExitCode(2)
            }
            let (unitReport, diags) = Checker(ruleSet: ruleSet, language: options.lang).read(bytes: bytes, file: report == "-" ? "<stdin>" : report)
            let problems = diags.map { $0.description + "\n" }.joined()
            guard let unitReport else {
                try Terminal.emit(out + "\n" + problems, to: nil as String?)
                throw ExitCode(2)
            }
            out += "\n" + problems + explainer.explain(rule, on: unitReport)
        }
        try Terminal.emit(out, to: nil as String?)
    }
}

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank report for a unit kind and year, every fact commented with its label, unit and legal basis."
    )

    @OptionGroup var options: RuleSetOptions

    @Option(name: .long, help: "Unit kind: province, commune, district, agency, public_service_unit, state_enterprise, enterprise.")
    var kind: UnitKind

    @Option(name: .long, help: "Reporting year.")
    var year: Int = 2026

    @Option(name: .long, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        guard (1990...2100).contains(year) else { throw ValidationError("--year must be between 1990 and 2100") }
        if kind == .district && year > 2025 {
            throw ValidationError("district-level units stopped operating on 2025-07-01; use --year 2025 or earlier")
        }
    }

    func run() throws {
        let ruleSet = try options.load()
        try Terminal.emit(TemplateWriter(ruleSet: ruleSet, language: options.lang).render(kind: kind, year: year), to: output)
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (2020-12) of reports, derived from the declared facts.",
        discussion: "Point editors at it with a first line `# yaml-language-server: $schema=PATH` in a report."
    )

    @OptionGroup var options: RuleSetOptions

    @Option(name: .long, help: "Only the facts read by rules for this unit kind.")
    var kind: UnitKind?

    @Option(name: .long, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let ruleSet = try options.load()
        try Terminal.emit(SchemaWriter(ruleSet: ruleSet, language: options.lang).schema(kind: kind).rendered(), to: output)
    }
}
