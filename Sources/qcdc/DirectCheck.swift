import ArgumentParser
import QCDCKit

/// `qcdc check …` read without argument-parser, for the command lines CI runs on every
/// submission. argument-parser learns a command's options by reflecting over its property
/// wrappers at run time: the Swift runtime's first lookup of each wrapper's type and
/// conformances, 21 M instructions, 40% of checking one small report.
///
/// This reads a plain subset only: known long options (`--name VALUE`, `--name=VALUE`), `-f`,
/// `-o`, `-j` with a separate value, `-q`, flags once each, and report paths. Anything else
/// (help, `--version`, a misspelt or repeated option, a value that starts with `-`, `--`, an
/// invalid value or a command line that does not validate) gives nil, and the full parse then
/// gives argument-parser's messages and exit codes, as always. What it does read is the `Check`
/// the full parse would make, validated the same way (a test compares the two on many command
/// lines, every option included).
enum DirectCheck {
    /// The `Check` for `arguments` (those after `check`), or nil for the full parse.
    static func parse(_ arguments: [String]) -> Check? {
        var rules: [String] = [], formats: [OutputFormat] = [], outputs: [String] = []
        var include: [String] = [], exclude: [String] = [], expect: [String] = [], limit: [String] = []
        var language: Language?, failOn: FailOn?, waivers: String?, today: DayArgument?, baseline: String?
        var writeBaseline: String?, jobs: Int?, config: String?
        var all = false, noColor = false, quiet = false, noConfig = false
        var failOnMissing: Bool?, showMissing: Bool?, omitMissing: Bool?, strict: Bool?, register: Bool?
        var reports: [String] = []
        var seen: Set<String> = []

        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "-" || !(arg.hasPrefix("-") || arg.isEmpty) {
                reports.append(arg)
                continue
            }
            var name = arg, attached: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                attached = String(arg[arg.index(after: eq)...])
            }
            /// The option's value: attached, or the next argument; nil when it is missing, empty
            /// or starts with `-` (argument-parser says what is wrong with it).
            func value() -> String? {
                if let attached { return attached.isEmpty || attached.hasPrefix("-") ? nil : attached }
                guard i < arguments.count, !arguments[i].isEmpty, !arguments[i].hasPrefix("-") else { return nil }
                defer { i += 1 }
                return arguments[i]
            }
            /// A flag: no value, and given once (with its `--no-` form, if any).
            func flag(_ key: String) -> Bool { attached == nil && seen.insert(key).inserted }
            /// A single-valued option, given once.
            func once(_ key: String) -> String? { seen.insert(key).inserted ? value() : nil }

            switch name {
            case "--rules": guard let v = value() else { return nil }; rules.append(v)
            case "--format", "-f": guard let v = value(), let f = OutputFormat(rawValue: v) else { return nil }; formats.append(f)
            case "--output", "-o": guard let v = value() else { return nil }; outputs.append(v)
            case "--include": guard let v = value() else { return nil }; include.append(v)
            case "--exclude": guard let v = value() else { return nil }; exclude.append(v)
            case "--expect": guard let v = value() else { return nil }; expect.append(v)
            case "--limit": guard let v = value() else { return nil }; limit.append(v)
            case "--lang": guard let v = once(name), let l = Language(rawValue: v) else { return nil }; language = l
            case "--fail-on": guard let v = once(name), let f = FailOn(rawValue: v) else { return nil }; failOn = f
            case "--waivers": guard let v = once(name) else { return nil }; waivers = v
            case "--today": guard let v = once(name) else { return nil }; today = DayArgument(argument: v)
            case "--baseline": guard let v = once(name) else { return nil }; baseline = v
            case "--write-baseline": guard let v = once(name) else { return nil }; writeBaseline = v
            case "--jobs", "-j": guard let v = once("--jobs"), let n = Int(v) else { return nil }; jobs = n
            case "--config": guard let v = once(name) else { return nil }; config = v
            case "--all": guard flag(name) else { return nil }; all = true
            case "--no-color": guard flag(name) else { return nil }; noColor = true
            case "--quiet", "-q": guard flag("--quiet") else { return nil }; quiet = true
            case "--no-config": guard flag(name) else { return nil }; noConfig = true
            case "--fail-on-missing", "--no-fail-on-missing":
                guard flag("fail-on-missing") else { return nil }; failOnMissing = name == "--fail-on-missing"
            case "--show-missing", "--no-show-missing":
                guard flag("show-missing") else { return nil }; showMissing = name == "--show-missing"
            case "--omit-missing", "--no-omit-missing":
                guard flag("omit-missing") else { return nil }; omitMissing = name == "--omit-missing"
            case "--strict", "--no-strict": guard flag("strict") else { return nil }; strict = name == "--strict"
            case "--register", "--no-register": guard flag("register") else { return nil }; register = name == "--register"
            default: return nil
            }
        }

        // Every stored option is set: one left in its definition state would stop the run.
        var flags = CheckFlags()
        flags.rules = rules
        flags.format = formats
        flags.output = outputs
        flags.language = language
        flags.failOnLevel = failOn
        flags.failOnMissingFlag = failOnMissing
        flags.waivers = waivers
        flags.today = today
        flags.baseline = baseline
        flags.writeBaseline = writeBaseline
        flags.all = all
        flags.noColor = noColor
        flags.quiet = quiet
        flags.showMissingFlag = showMissing
        flags.omitMissingFlag = omitMissing
        var inputs = InputOptions()
        inputs.strictFlag = strict
        inputs.include = include
        inputs.exclude = exclude
        flags.inputs = inputs
        flags.jobs = jobs
        var registerOption = RegisterOption()
        registerOption.register = register
        flags.register = registerOption
        var expectation = ExpectOption()
        expectation.expect = expect
        flags.expectation = expectation
        var limits = LimitOptions()
        limits.limit = limit
        flags.limitOptions = limits
        var configOptions = ConfigOptions()
        configOptions.config = config
        configOptions.noConfig = noConfig
        flags.config = configOptions
        flags.reports = reports
        var check = Check()
        check.flags = flags
        // The validation the full parse runs: each option group's (most do nothing now, but one
        // added later must not be skipped here), then the command's.
        do {
            try inputs.validate()
            try registerOption.validate()
            try expectation.validate()
            try limits.validate()
            try configOptions.validate()
            try flags.validate()
            try check.validate()
        } catch {
            return nil
        }
        return check
    }
}
