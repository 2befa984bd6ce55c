import ArgumentParser
import QCDCKit

/// The flags of `qcdc check`, mapped to the library's ``CheckOptions``.
struct CheckFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable). Default: the built-in national set.", valueName: "PATH"))
    var rules: [String] = []

    @Option(name: .long, help: "Output format (repeatable): text, json, jsonl, sarif, junit, github, markdown.")
    var format: [OutputFormat] = []

    @Option(name: .long, help: ArgumentHelp("Write the matching --format to FILE, atomically (repeatable).", valueName: "FILE"))
    var output: [String] = []

    @Option(name: .long, help: "Language of messages: vi (Vietnamese) or en (English).")
    var lang: Language = .vi

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding has this severity or higher: error, warning, info, none.")
    var failOn: FailOn = .error

    @Flag(name: .customLong("fail-on-missing"), help: "Missing evidence is a finding too (for submission gates).")
    var failOnMissing = false

    @Option(name: .long, help: ArgumentHelp("A waiver file (YAML): approved exceptions with justification and expiry.", valueName: "FILE"))
    var waivers: String?

    @Option(name: .long, help: ArgumentHelp("The date waivers expire against (default: today), for reproducible runs.", valueName: "DATE"))
    var today: DayArgument?

    @Option(name: .long, help: ArgumentHelp("Report only findings not recorded in this baseline file.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings in FILE.", valueName: "FILE"))
    var writeBaseline: String?

    @Flag(name: .long, help: "Also list passed and not-applicable results in text output.")
    var all = false

    @Flag(name: .customLong("no-color"), help: "Never colour the text output (NO_COLOR is honoured too).")
    var noColor = false

    @Flag(name: .long, help: "Print nothing on the terminal when every format goes to a file.")
    var quiet = false

    @Flag(name: .long, help: "Input warnings (unknown fields, invisible characters in names) are errors: the report is invalid (exit 2).")
    var strict = false

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Reports checked at once (default: one per processor); the output is the same for any number.", valueName: "N"))
    var jobs: Int?

    @OptionGroup var register: RegisterOption

    @OptionGroup var expectation: ExpectOption

    @OptionGroup var limitOptions: LimitOptions

    @Argument(help: ArgumentHelp("Report files or directories, or - for standard input.", valueName: "REPORT"))
    var reports: [String]

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give at least one REPORT (a file, a directory, or - for standard input)") }
        if reports.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be given only once") }
        if output.count > max(format.count, 1) || format.count > output.count + 1 {
            throw ValidationError("pair each --format with an --output, in order; only the last --format may go to standard output")
        }
        if Set(output).count != output.count { throw ValidationError("two outputs name the same file") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256") }
    }

    func options() throws -> CheckOptions {
        var o = CheckOptions()
        o.rules = rules
        o.waivers = waivers
        o.baseline = baseline
        o.gate = Gate(failOn: failOn, failOnMissing: failOnMissing)
        o.strict = strict
        o.checksRegister = !register.noRegister
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
        if out.allSatisfy({ $0.1 != nil }) && !quiet && !formats.contains(.text) { out.append((.text, nil)) }
        return out
    }

    /// Which of `outputs` are files the run reads (no output may overwrite one).
    func inputs(among outputs: [String]) -> Set<FileIdentity> {
        InputFile.identities(among: outputs, reports: reports, rules: rules, others: [waivers, baseline == writeBaseline ? nil : baseline] + expectation.files)
    }
}
