import ArgumentParser
import QCDCKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank report for a unit kind and year, every fact commented with its label, unit and legal basis.",
        discussion: "The comments are in Vietnamese; --lang en gives English. The keys are the same in both."
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
