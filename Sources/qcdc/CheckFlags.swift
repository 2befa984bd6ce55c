import ArgumentParser
import QCDCKit

/// The flags of `qcdc check`, mapped to the library's ``CheckOptions``.
struct CheckFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable). Default: the built-in national set.", valueName: "PATH"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: [String] = []

    @Option(name: [.customShort("f"), .long], help: "Output format (repeatable): text, json, jsonl, sarif, junit, github, gitlab, markdown.")
    var format: [OutputFormat] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the matching --format to FILE, atomically (repeatable).", valueName: "FILE"),
            completion: .file())
    var output: [String] = []

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of messages: vi (Vietnamese, the default) or en (English).", valueName: "LANG"))
    var language: Language?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a finding has this severity or higher: error (the default), warning, info, none.", valueName: "SEVERITY"))
    var failOnLevel: FailOn?

    @Flag(name: .customLong("fail-on-missing"), inversion: .prefixedNo, help: "Missing evidence is a finding too (for submission gates).")
    var failOnMissingFlag: Bool?

    @Option(name: .long, help: ArgumentHelp("A waiver file (YAML): approved exceptions with justification and expiry.", valueName: "FILE"),
            completion: .file(extensions: ["yaml", "yml"]))
    var waivers: String?

    @Option(name: .long, help: ArgumentHelp("The date waivers expire against (default: today), for reproducible runs.", valueName: "DATE"))
    var today: DayArgument?

    @Option(name: .long, help: ArgumentHelp("Report only findings not recorded in this baseline file.", valueName: "FILE"),
            completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings in FILE.", valueName: "FILE"), completion: .file())
    var writeBaseline: String?

    @Flag(name: .long, help: "Also list passed and not-applicable results in text output.")
    var all = false

    @Flag(name: .customLong("no-color"), help: "Never colour the text output (NO_COLOR is honoured too).")
    var noColor = false

    @Flag(name: [.customShort("q"), .long], help: "Less on the terminal: only what fails the gate and invalid inputs, no totals (files written with --output are unchanged).")
    var quiet = false

    @Flag(name: .customLong("show-missing"), inversion: .prefixedNo, help: "Text: list missing evidence rule by rule (by default one line per report says what is missing).")
    var showMissingFlag: Bool?

    @Flag(name: .customLong("omit-missing"), inversion: .prefixedNo, help: "SARIF and GitLab: leave missing evidence out (by default it is there at level none / info), unless --fail-on-missing.")
    var omitMissingFlag: Bool?

    @OptionGroup var inputs: InputOptions

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Reports checked at once (default: one per processor); the output is the same for any number.", valueName: "N"))
    var jobs: Int?

    @OptionGroup var register: RegisterOption

    @OptionGroup var expectation: ExpectOption

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var config: ConfigOptions

    @Argument(help: ArgumentHelp("Report files or directories, or - for standard input.", valueName: "REPORT"),
              completion: .file(extensions: ["yaml", "yml", "json", "csv", "xlsx"]))
    var reports: [String]

    /// Settings from the configuration file, for what the command line leaves unset.
    var selection = FileSelection()

    var lang: Language { language ?? .vi }
    var failOn: FailOn { failOnLevel ?? .error }
    var failOnMissing: Bool { failOnMissingFlag ?? false }
    var showMissing: Bool { showMissingFlag ?? false }
    var omitMissing: Bool { omitMissingFlag ?? false }

    private enum CodingKeys: String, CodingKey {
        case rules, format, output, language, failOnLevel, failOnMissingFlag, waivers, today, baseline, writeBaseline, all, noColor, quiet,
             showMissingFlag, omitMissingFlag, inputs, jobs, register, expectation, limitOptions, config, reports
    }

    /// Fills in, from the configuration file, every setting the command line leaves unset.
    mutating func configure(_ c: Configuration) {
        if rules.isEmpty { rules = c.rules }
        if language == nil { language = c.language }
        if failOnLevel == nil { failOnLevel = c.failOn }
        if failOnMissingFlag == nil { failOnMissingFlag = c.failOnMissing }
        if waivers == nil { waivers = c.waivers }
        if baseline == nil { baseline = c.baseline }
        if showMissingFlag == nil { showMissingFlag = c.showMissing }
        if omitMissingFlag == nil { omitMissingFlag = c.omitMissing }
        register.configure(c)
        selection = inputs.configure(c)
    }

    func validate() throws {
        if reports.isEmpty { throw ValidationError(usage("cần ít nhất một REPORT (một tệp, một thư mục, hoặc - cho đầu vào chuẩn)", en: "give at least one REPORT (a file, a directory, or - for standard input)")) }
        if reports.filter({ $0 == "-" }).count > 1 { throw ValidationError(usage("đầu vào chuẩn (-) chỉ được ghi một lần", en: "standard input (-) can be given only once")) }
        if output.count > max(format.count, 1) || format.count > output.count + 1 {
            throw ValidationError(usage("ghép mỗi --format với một --output, theo thứ tự; chỉ --format cuối cùng được ra đầu ra chuẩn", en: "pair each --format with an --output, in order; only the last --format may go to standard output"))
        }
        if Set(output).count != output.count { throw ValidationError(usage("hai đầu ra trùng một tệp", en: "two outputs name the same file")) }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError(usage("--jobs phải từ 1 đến 256", en: "--jobs must be from 1 to 256")) }
        try today?.check("--today")
    }

    func options() throws -> CheckOptions {
        var o = CheckOptions()
        o.rules = rules
        o.waivers = waivers
        o.baseline = baseline
        o.gate = Gate(failOn: failOn, failOnMissing: failOnMissing)
        o.strict = inputs.strict
        o.checksRegister = register.checks
        o.selection = selection
        o.expect = expectation.expect
        o.language = lang
        o.today = today?.day
        o.limits = try limitOptions.limits()
        o.recordFindings = writeBaseline != nil
        if let jobs { o.workers = jobs }
        return o
    }

    /// (format, file or nil for standard output) pairs.
    var destinations: [(OutputFormat, String?)] {
        var out: [(OutputFormat, String?)] = []
        let formats = format.isEmpty ? [OutputFormat.text] : format
        for (i, f) in formats.enumerated() { out.append((f, i < output.count ? output[i] : nil)) }
        // Every format goes to a file: text still goes to the terminal, unless it is one of the files.
        if out.allSatisfy({ $0.1 != nil }) && !formats.contains(.text) { out.append((.text, nil)) }
        return out
    }

    /// Which of `outputs` are files the run reads (no output may overwrite one).
    func inputs(among outputs: [String]) -> Set<FileIdentity> {
        InputFile.identities(among: outputs, reports: reports, rules: rules, others: [waivers, baseline == writeBaseline ? nil : baseline] + expectation.files)
    }
}
