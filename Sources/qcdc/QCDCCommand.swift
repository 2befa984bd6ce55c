import ArgumentParser
import QCDCKit

@main
struct QCDCCommand: ParsableCommand {
    /// A closed pipe is a write error (exit 2 with a message), not a fatal signal.
    static func main() {
        StandardStreams.ignoreBrokenPipes()
        do {
            if let problem = SubcommandTypo.check(Array(CommandLine.arguments.dropFirst())) {
                StandardStreams.err(problem)
                exit(withError: ExitCode(64))
            }
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == Check.configuration.commandName, var check = DirectCheck.parse(Array(arguments.dropFirst())) {
                Terminal.language = SubcommandTypo.vi(CommandLine.arguments) ? .vi : .en
                try check.configure(check.configOptions.load())
                try check.run()
                return
            }
            var command = try parsedCheck() ?? parseAsRoot()
            // The settings of .qcdc.yaml (or --config) fill in what the command line leaves unset.
            if var configurable = command as? any ParsableCommand & Configurable {
                Terminal.language = SubcommandTypo.vi(CommandLine.arguments) ? .vi : .en
                try configurable.configure(configurable.configOptions.load())
                command = configurable
            }
            try command.run()
        } catch let code as ExitCode {
            // What argument-parser's exit(withError:) does with an exit code, without first
            // building its description of the commands.
            Terminal.exit(code.rawValue)
        } catch {
            UsageError.exit(error)
        }
    }

    /// `qcdc check …` that ``DirectCheck`` leaves to argument-parser, parsed as itself. Parsed
    /// from the root, argument-parser first reflects over all of `check`'s options, twice, only
    /// to learn that it takes no pass-through arguments. Whatever this cannot parse (`--help`, a
    /// usage error) goes through the full parse, which gives the messages it always gave; what
    /// it parses is the same `Check` (validated the same way).
    static func parsedCheck() -> ParsableCommand? {
        let args = Array(CommandLine.arguments.dropFirst())
        guard args.first == Check.configuration.commandName else { return nil }
        return try? Check.parse(Array(args.dropFirst()))
    }

    static let configuration = CommandConfiguration(
        commandName: "qcdc",
        abstract: "Check Vietnamese units' yearly reports against the grassroots-democracy (QCDC) rules.",
        discussion: """
        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; \
        2 an invalid report or rule set; 64 a usage error.

        \(LanguageHelp.text)
        """,
        version: QCDC.version,
        subcommands: [Check.self, ScorecardCommand.self, Rules.self, Explain.self, Template.self, Schema.self, Units.self]
    )
}

/// The sentence every subcommand's help ends with: this help is English, qcdc's output is not.
enum LanguageHelp {
    static let text = "Output is in Vietnamese (messages, status words, labels); --lang en gives English. Diagnostic codes and rule ids are the same in both."
}

extension Language: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension UnitKind: ExpressibleByArgument {}
extension ScorecardFormat: ExpressibleByArgument {}
extension RuleCatalog.Format: ExpressibleByArgument {}
extension Scorecard.Grouping: ExpressibleByArgument {}
extension ScoringConfig.Model: ExpressibleByArgument {}
extension ScoringConfig.MissingPolicy: ExpressibleByArgument {}

/// A `YYYY-MM-DD` argument. The parser would only say "invalid value": a command's `validate()`
/// calls ``check(_:)``, which says the format and what is wrong with the value.
struct DayArgument: ExpressibleByArgument {
    let text: String
    let day: Day?

    init?(argument: String) {
        text = argument
        day = Day(iso: argument)
    }

    /// Throws the reason the value is not a date, naming the option.
    func check(_ option: String) throws {
        guard day == nil else { return }
        throw ValidationError(Self.problem(text, option: option, vi: SubcommandTypo.vi(CommandLine.arguments)))
    }

    static func problem(_ text: String, option: String, vi: Bool) -> String {
        let shown = String(text.prefix(40))
        let format = vi ? "ghi ngày theo dạng YYYY-MM-DD, ví dụ 2026-12-31" : "write the date as YYYY-MM-DD, e.g. 2026-12-31"
        guard Day.looksLikeDate(text) else {
            // 31/12/2026, as dates are written in Việt Nam.
            let parts = text.split(separator: "/")
            if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), y > 999,
               let day = Day(year: y, month: m, day: d) {
                return vi ? "\(option) '\(shown)': \(format) (tức là \(day))" : "\(option) '\(shown)': \(format) (that is, \(day))"
            }
            return "\(option) '\(shown)': " + format
        }
        let y = Int(text.prefix(4))!, m = Int(text.dropFirst(5).prefix(2))!, d = Int(text.suffix(2))!
        if !(1...12).contains(m) {
            return vi ? "\(option) '\(text)': không có tháng \(m) (tháng từ 01 đến 12; \(format))"
                      : "\(option) '\(text)': there is no month \(m) (months are 01 to 12; \(format))"
        }
        let last = (28...31).last { Day(year: y, month: m, day: $0) != nil }
        if let last, d > last || d == 0 {
            return vi ? "\(option) '\(text)': tháng \(m)/\(y) có \(last) ngày"
                      : "\(option) '\(text)': month \(m) of \(y) has \(last) days"
        }
        return vi ? "\(option) '\(text)': năm \(y) nằm ngoài khoảng qcdc xử lý" : "\(option) '\(text)': the year \(y) is outside the range qcdc handles"
    }
}

/// A period as reports and scorecards show it: `2026` (the calendar year) or `FROM..TO`.
struct PeriodArgument: ExpressibleByArgument {
    var period: Period
    init?(argument: String) {
        if argument.count == 4, argument.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(argument), (1990...2100).contains(y) {
            period = .year(y)
            return
        }
        let ends = argument.components(separatedBy: "..")
        guard ends.count == 2, let s = Day(iso: ends[0]), let e = Day(iso: ends[1]), s <= e else { return nil }
        period = Period(start: s, end: e)
    }
}

/// Options shared by the commands that read rule sets.
struct RuleSetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule-set file or directory (repeatable). Default: the built-in national set.", valueName: "PATH"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: [String] = []

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language: vi (Vietnamese, the default) or en (English).", valueName: "LANG"))
    var language: Language?

    @OptionGroup var config: ConfigOptions

    /// The language of output: `--lang`, else the configuration's, else Vietnamese.
    var lang: Language { language ?? .vi }

    /// The configuration's rule sets and language, where the command line gives none.
    mutating func configure(_ c: Configuration) {
        if rules.isEmpty { rules = c.rules }
        if language == nil { language = c.language }
    }

    /// The loaded rule set, or exit 2 after printing every located error.
    func load(limits: LoadLimits = .default) throws -> RuleSet {
        Terminal.language = lang
        let (ruleSet, diags) = RuleSetLoader(limits: limits).load(rules: rules)
        guard let ruleSet else {
            Terminal.stderr(Terminal.render(diags))
            throw ExitCode(2)
        }
        return ruleSet
    }
}

/// `--config FILE` and `--no-config`: where a command's settings come from (``Configuration``).
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Read settings from FILE instead of the .qcdc.yaml found from the working directory up to the repository's root. In CI, name a trusted file: a submitted .qcdc.yaml must not set the gate.",
        valueName: "FILE"), completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore every .qcdc.yaml.")
    var noConfig = false

    func validate() throws {
        if config != nil && noConfig { throw ValidationError(usage("--config và --no-config loại trừ nhau", en: "--config and --no-config exclude each other")) }
    }

    /// The settings: from `--config`, else from the `.qcdc.yaml` found, else none; an invalid
    /// file is every located error and exit 2.
    func load() throws -> Configuration {
        if noConfig { return Configuration() }
        guard let path = config ?? Configuration.find() else { return Configuration() }
        let (configuration, diags) = Configuration.load(path: path)
        Terminal.stderr(Terminal.render(diags))
        guard let configuration else { throw ExitCode(2) }
        return configuration
    }
}

/// A command that takes settings from the configuration file; flags given win.
protocol Configurable {
    var configOptions: ConfigOptions { get }
    mutating func configure(_ c: Configuration)
}

/// "Did you mean …?" for a mistyped subcommand (the parser would only say "unexpected
/// arguments"), with exit 64.
enum SubcommandTypo {
    static let commands: [String: [String]] = [
        "": ["check", "scorecard", "rules", "explain", "template", "schema", "units", "help"],
        "rules": ["list", "lint", "test", "help"],
    ]

    /// The message for `arguments` when its subcommand does not exist and one is close; nil otherwise.
    static func check(_ arguments: [String]) -> String? {
        var level = ""
        for word in arguments.prefix(2) {
            guard !word.hasPrefix("-"), let known = commands[level] else { return nil }
            if known.contains(word) {
                level = word
                continue
            }
            guard let guess = Suggest.closest(to: word, in: known) else { return nil }
            let command = level.isEmpty ? "qcdc" : "qcdc \(level)"
            return vi(arguments)
                ? "Lỗi: `\(command)` không có lệnh '\(word)'; có phải ý bạn là '\(guess)'? (xem `\(command) --help`)\n"
                : "Error: `\(command)` has no subcommand '\(word)'; did you mean '\(guess)'? (see `\(command) --help`)\n"
        }
        return nil
    }

    static func vi(_ arguments: [String]) -> Bool {
        !(arguments.contains("--lang=en") || zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" })
    }
}

/// `--expect`, for `check` and `scorecard`.
struct ExpectOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Units a report is expected from (repeatable): all, province:CODE, or a FILE of codes. Those without one are listed, and fail the gate.", valueName: "UNITS"))
    var expect: [String] = []

    /// The list files among the values (so that no output overwrites one).
    var files: [String?] { expect.filter { $0 != "all" && !$0.hasPrefix("province:") } }
}

/// How reports are read, for `check` and `scorecard`: `--strict`, and which files found in
/// directories are reports (`--include`, `--exclude`).
struct InputOptions: ParsableArguments {
    @Flag(name: .customLong("strict"), inversion: .prefixedNo, help: "Input warnings (unknown fields, invisible characters in names) are errors: the report is invalid (exit 2).")
    var strictFlag: Bool?

    @Option(name: .long, help: ArgumentHelp("Only files matching GLOB are reports, among those found in directories (repeatable; see docs/configuration.md).", valueName: "GLOB"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files matching GLOB among those found in directories (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    /// Input warnings are errors (the default: they are not).
    var strict: Bool { strictFlag ?? false }

    /// The configuration's `strict` where the command line gives none; the files found that
    /// are reports: the flags' globs, else the configuration's.
    mutating func configure(_ c: Configuration) -> FileSelection {
        if strictFlag == nil { strictFlag = c.strict }
        return include.isEmpty && exclude.isEmpty ? c.selection : FileSelection(include: include, exclude: exclude)
    }
}

/// `--no-register`, for every command that reads reports.
struct RegisterOption: ParsableArguments {
    @Flag(name: .customLong("register"), inversion: .prefixedNo,
          help: "Check province and commune codes, names, subtypes and parents against the official register (the default); --no-register for test data with made-up codes.")
    var register: Bool?

    /// Whether codes are checked against the register (the default).
    var checks: Bool { register ?? true }

    mutating func configure(_ c: Configuration) {
        if register == nil { register = c.checksRegister }
    }
}
