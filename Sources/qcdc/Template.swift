import ArgumentParser
import QCDCKit

struct Template: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        // Named here: argument-parser would otherwise derive it with String(describing:), a
        // conformance scan at every start (6 M instructions of `qcdc --version`, by callgrind).
        commandName: "template",
        abstract: "Write a blank report for a unit kind and year, every fact commented with its label, unit and legal basis.",
        discussion: "The comments are in Vietnamese; --lang en gives English. The keys are the same in both."
    )

    @OptionGroup var options: RuleSetOptions

    var configOptions: ConfigOptions { options.config }
    mutating func configure(_ c: Configuration) { options.configure(c) }

    @Option(name: .long, help: "Unit kind: province, commune, district, agency, public_service_unit, state_enterprise, enterprise (with --unit: taken from the register).")
    var kind: UnitKind?

    @Option(name: .long, help: ArgumentHelp("Fill the unit block for this province or commune (its official code, see `qcdc units`).", valueName: "CODE"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("With --format csv: a row for every commune of this province, code and name filled in.", valueName: "CODE"))
    var province: String?

    @Option(name: .long, help: "Reporting year.")
    var year: Int = 2026

    @Option(name: [.customShort("f"), .long], help: "yaml (one report, every fact commented), csv or xlsx (one row per unit, one column per fact; lists of records are left to YAML; xlsx needs --output).")
    var format: Format = .yaml

    enum Format: String, ExpressibleByArgument { case yaml, csv, xlsx }

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"),
            completion: .file())
    var output: String?

    /// The register unit of `--unit`, in the list of the year (before 2025: the pre-reform list).
    var registered: AdministrativeUnit? {
        unit.flatMap { (year >= 2025 ? Register.current : Register.preReform)[$0] }
    }

    var unitKind: UnitKind? { kind ?? registered?.type.level ?? (province != nil ? .commune : nil) }

    func validate() throws {
        guard (1990...2100).contains(year) else { throw ValidationError(usage("--year phải từ 1990 đến 2100", en: "--year must be between 1990 and 2100")) }
        if let unit {
            guard let u = registered else {
                throw ValidationError(usage("không có tỉnh, huyện hay xã nào mang mã '\(unit)' trong danh mục ngày \(year >= 2025 ? "1/7/2025" : "4/1/2025") (xem `qcdc units`)",
                                             en: "no province, district or commune has the code '\(unit)' in the register of \(year >= 2025 ? "1 July 2025" : "4 January 2025") (see `qcdc units`)"))
            }
            if let kind, kind != u.type.level {
                throw ValidationError(usage("\(u.code) là \(u.name), một \(u.type.level.name(.vi)), không phải \(kind.name(.vi)); bỏ --kind",
                                             en: "\(u.code) is \(u.name), a \(u.type.level.rawValue), not a \(kind.rawValue); leave out --kind"))
            }
        } else if kind == nil && province == nil {
            throw ValidationError(usage("ghi --kind, hoặc --unit với mã một tỉnh hay một xã", en: "give --kind, or --unit with a province or commune code"))
        }
        if let province {
            guard format != .yaml else { throw ValidationError(usage("--province điền các dòng của --format csv hoặc xlsx; cho một báo cáo, ghi --unit", en: "--province fills the rows of --format csv or xlsx; for one report give --unit")) }
            guard let p = (year >= 2025 ? Register.current : Register.preReform)[province], p.type.level == .province else {
                throw ValidationError(usage("không có tỉnh nào mang mã '\(province)' trong danh mục (xem `qcdc units`)", en: "no province has the code '\(province)' in the register (see `qcdc units`)"))
            }
            if unit != nil { throw ValidationError(usage("ghi --unit hoặc --province, không ghi cả hai", en: "give --unit or --province, not both")) }
            if let kind, kind != .commune { throw ValidationError(usage("--province liệt kê các xã; bỏ --kind hoặc ghi --kind commune", en: "--province lists communes; leave out --kind or give --kind commune")) }
        }
        if format == .xlsx && output == nil { throw ValidationError(usage("sổ tính không phải văn bản: ghi --output TỆP.xlsx", en: "a workbook is not text: give --output FILE.xlsx")) }
        if unitKind == .district && year > 2025 {
            throw ValidationError(usage("đơn vị cấp huyện thôi hoạt động từ 2025-07-01; dùng --year 2025 hoặc sớm hơn", en: "district-level units stopped operating on 2025-07-01; use --year 2025 or earlier"))
        }
    }

    func run() throws {
        let ruleSet = try options.load()
        let writer = TemplateWriter(ruleSet: ruleSet, language: options.lang)
        switch format {
        case .yaml:
            try Terminal.emit(writer.render(kind: unitKind ?? .commune, year: year, unit: registered), to: output)
        case .csv, .xlsx:
            let register = year >= 2025 ? Register.current : Register.preReform
            let units = province.map { register.communes(of: $0) } ?? registered.map { [$0] } ?? []
            if format == .csv {
                try Terminal.emit(writer.renderWide(kind: unitKind ?? .commune, year: year, units: units), to: output)
            } else if province != nil {
                try Terminal.emit(bytes: try writer.renderWorkbook(kind: unitKind ?? .commune, year: year, units: units), to: output!)
            } else {
                // One unit: a sheet per group of facts, a row per fact.
                try Terminal.emit(bytes: try writer.renderUnitWorkbook(kind: unitKind ?? .commune, year: year, unit: registered), to: output!)
            }
        }
    }
}
