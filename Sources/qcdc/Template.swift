import ArgumentParser
import QCDCKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank report for a unit kind and year, every fact commented with its label, unit and legal basis.",
        discussion: "The comments are in Vietnamese; --lang en gives English. The keys are the same in both."
    )

    @OptionGroup var options: RuleSetOptions

    @Option(name: .long, help: "Unit kind: province, commune, district, agency, public_service_unit, state_enterprise, enterprise (with --unit: taken from the register).")
    var kind: UnitKind?

    @Option(name: .long, help: ArgumentHelp("Fill the unit block for this province or commune (its official code, see `qcdc units`).", valueName: "CODE"))
    var unit: String?

    @Option(name: .long, help: "Reporting year.")
    var year: Int = 2026

    @Option(name: .long, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    /// The register unit of `--unit`, in the list of the year (before 2025: the pre-reform list).
    var registered: AdministrativeUnit? {
        unit.flatMap { (year >= 2025 ? Register.current : Register.preReform)[$0] }
    }

    var unitKind: UnitKind? { kind ?? registered?.type.level }

    func validate() throws {
        guard (1990...2100).contains(year) else { throw ValidationError("--year must be between 1990 and 2100") }
        if let unit {
            guard let u = registered else {
                throw ValidationError("no province, district or commune has the code '\(unit)' in the register of \(year >= 2025 ? "1 July 2025" : "4 January 2025") (see `qcdc units`)")
            }
            if let kind, kind != u.type.level {
                throw ValidationError("\(u.code) is \(u.name), a \(u.type.level.rawValue), not a \(kind.rawValue); leave out --kind")
            }
        } else if kind == nil {
            throw ValidationError("give --kind, or --unit with a province or commune code")
        }
        if unitKind == .district && year > 2025 {
            throw ValidationError("district-level units stopped operating on 2025-07-01; use --year 2025 or earlier")
        }
    }

    func run() throws {
        let ruleSet = try options.load()
        try Terminal.emit(TemplateWriter(ruleSet: ruleSet, language: options.lang).render(kind: unitKind ?? .commune, year: year, unit: registered), to: output)
    }
}
