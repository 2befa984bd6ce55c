import ArgumentParser
import QCDCKit

/// The flags of `qcdc scorecard`.
struct ScorecardFlags: ParsableArguments {
    @OptionGroup var ruleSet: RuleSetOptions

    @Option(name: [.customShort("f"), .long], help: "Output format: html, markdown, csv (one row per unit), csv-long (one row per unit and rule), json, xlsx (a workbook; needs --output).")
    var format: ScorecardFormat = .html

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"),
            completion: .file())
    var output: String?

    @Option(name: .customLong("group-by"), help: "Group units by parent (the province of a commune) or kind.")
    var groupBy: Scorecard.Grouping = .parent

    @Option(name: .long, help: ArgumentHelp("Only reports on this period: a year (2026) or FROM..TO (2026-01-01..2026-06-30). Default: every period, one ranking each.", valueName: "PERIOD"))
    var period: PeriodArgument?

    @Option(name: .long, help: ArgumentHelp("Only units of this kind: province, commune, district, agency, public_service_unit, state_enterprise, enterprise. Default: every kind, one ranking each.", valueName: "KIND"))
    var kind: UnitKind?

    @Option(name: .long, help: ArgumentHelp("The document's title, instead of the default.", valueName: "TEXT"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The issuing office, shown under the title.", valueName: "TEXT"))
    var issuer: String?

    @Option(name: .long, help: ArgumentHelp("The document's date, YYYY-MM-DD (none by default, so output is the same from day to day).", valueName: "DATE"))
    var date: DayArgument?

    @Option(name: .long, help: "Scoring model, by its XCCDF name: flat, flat-unweighted, default, absolute. Default: the rule set's.")
    var model: ScoringConfig.Model?

    @Option(name: .long, help: "Missing evidence: fail (counts as failed) or exclude (out of the denominator). Default: the rule set's.")
    var missing: ScoringConfig.MissingPolicy?

    @Option(name: .long, help: ArgumentHelp("A waiver file: waived results are out of the denominator.", valueName: "FILE"),
            completion: .file(extensions: ["yaml", "yml"]))
    var waivers: String?

    @Option(name: .long, help: ArgumentHelp("The date waivers expire against (default: today).", valueName: "DATE"))
    var today: DayArgument?

    @OptionGroup var inputs: InputOptions

    @OptionGroup var register: RegisterOption

    @OptionGroup var expectation: ExpectOption

    @OptionGroup var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp("Report files or directories.", valueName: "REPORT"),
              completion: .file(extensions: ["yaml", "yml", "json", "csv", "xlsx"]))
    var reports: [String]

    /// Which files found in directories are reports (flags, else the configuration file).
    var fileSelection = FileSelection()

    private enum CodingKeys: String, CodingKey {
        case ruleSet, format, output, groupBy, period, kind, title, issuer, date, model, missing, waivers, today, inputs,
             register, expectation, limitOptions, reports
    }

    /// Fills in, from the configuration file, every setting the command line leaves unset.
    mutating func configure(_ c: Configuration) {
        ruleSet.configure(c)
        if waivers == nil { waivers = c.waivers }
        register.configure(c)
        fileSelection = inputs.configure(c)
    }

    func validate() throws {
        if reports.isEmpty { throw ValidationError(usage("cần ít nhất một REPORT (một tệp hoặc một thư mục)", en: "give at least one REPORT (a file or a directory)")) }
        if format.isBinary && output == nil { throw ValidationError(usage("sổ tính không phải văn bản: ghi --output TỆP.xlsx", en: "a workbook is not text: give --output FILE.xlsx")) }
        try date?.check("--date")
        try today?.check("--today")
        for (name, text) in [("--title", title), ("--issuer", issuer)] {
            if let text, text.count > 300 || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw ValidationError(usage("\(name) nhận một dòng, tối đa 300 ký tự", en: "\(name) takes one line of at most 300 characters"))
            }
        }
    }

    /// Which reports the scorecard takes.
    var selection: ScorecardSelection { ScorecardSelection(period: period?.period, kind: kind) }

    /// The document's heading.
    var heading: ScorecardHeading { ScorecardHeading(title: title, issuer: issuer, date: date?.day) }

    func options() throws -> CheckOptions {
        var o = CheckOptions()
        o.rules = ruleSet.rules
        o.waivers = waivers
        o.strict = inputs.strict
        o.checksRegister = register.checks
        o.selection = fileSelection
        o.expect = expectation.expect
        o.language = ruleSet.lang
        o.today = today?.day
        o.limits = try limitOptions.limits()
        return o
    }

    /// The files the run reads, which the output may not overwrite.
    /// Which of `outputs` the run reads.
    func inputs(among outputs: [String]) -> Set<FileIdentity> {
        InputFile.identities(among: outputs, reports: reports, rules: ruleSet.rules, others: [waivers] + expectation.files)
    }
}
