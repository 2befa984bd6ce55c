import ArgumentParser
import Foundation
import QCDCKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports (YAML or JSON) against the rules.",
        discussion: """
        REPORT may be files, directories (searched for .yaml, .yml, .json) or - for standard input. \
        Without --rules, the built-in national rule set is used.

        Several outputs in one run: pair each --format with an --output, in order \
        (--format json --output out.json --format sarif --output out.sarif); text is then still \
        printed on the terminal (unless --quiet). A last --format without an --output goes to \
        standard output instead of the text.

        Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 an invalid \
        report, rule set, waiver or baseline file; 64 a usage error.
        """
    )

    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable). Default: the built-in national set.", valueName: "PATH"))
    var rules: [String] = []

    @Option(name: .long, help: "Output format (repeatable): text, json, sarif, junit, github, markdown.")
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

    func run() throws {
        let limits = try limitOptions.limits()
        var inputErrors: [Diagnostic] = []
        let loaded = RuleSetLoading.load(rules, limits: limits)
        // Every output is checked (and its temporary file made) before any report is read.
        let inputs = InputFile.identities(reports: reports, rules: rules, others: [waivers, baseline == writeBaseline ? nil : baseline])
        let files = try Terminal.prepare(output + [writeBaseline].compactMap { $0 }, inputs: inputs)
        defer { files.values.forEach { $0.discard() } }
        var run: CheckRun
        if let ruleSet = loaded.ruleSet {
            // Waiver and baseline files are validated before any report is evaluated.
            var waiverSet: WaiverSet?
            if let waivers { waiverSet = InputFile.waivers(waivers, ruleSet: ruleSet, limits: limits, into: &inputErrors) }
            var known: Baseline?
            if let baseline, let bytes = InputFile.read(baseline, limits: limits, into: &inputErrors) {
                let (b, d) = Baseline.load(bytes, file: baseline, knownRules: Set(ruleSet.rules.map(\.id)))
                known = b
                inputErrors += d
            }
            if inputErrors.contains(where: { $0.severity == .error }) {
                run = CheckRun(ruleSet: ruleSet, reports: [], diagnostics: inputErrors, language: lang)
            } else {
                run = Checker(ruleSet: ruleSet, language: lang, limits: limits, strict: strict).check(paths: reports)
                run.diagnostics += loaded.diagnostics + inputErrors
                run.failOnMissing = failOnMissing
                waiverSet?.apply(to: &run, today: today?.day ?? Self.currentDay())
                if let writeBaseline {
                    try Terminal.emit(Baseline(run: run).rendered(), to: files[writeBaseline])
                }
                if let known { run.baseline = known.apply(to: &run) }
            }
        } else {
            run = CheckRun(ruleSet: .empty, reports: [], diagnostics: loaded.diagnostics, language: lang)
        }
        for (f, file) in destinations {
            let color = file == nil && f == .text && Terminal.wantsColor(noColor: noColor)
            try Terminal.emit(f.render(run, color: color, showAll: all), to: file.flatMap { files[$0] })
        }
        throw ExitCode(loaded.ruleSet == nil ? 2 : run.exitCode(failOn: failOn))
    }

    static func currentDay() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// Loads `--rules` paths or the built-in set.
enum RuleSetLoading {
    static func load(_ paths: [String], limits: LoadLimits = .default) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        paths.isEmpty ? RuleSetLoader(limits: limits).loadBuiltin() : RuleSetLoader(limits: limits).load(paths: paths)
    }
}
