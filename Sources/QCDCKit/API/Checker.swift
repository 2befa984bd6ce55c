import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The threshold at which findings make `qcdc check` exit with 1.
public enum FailOn: String, Sendable, CaseIterable {
    case error, warning, info, none

    func includes(_ s: Severity) -> Bool {
        switch self {
        case .none: false
        case .info: true
        case .warning: s >= .warning
        case .error: s == .error
        }
    }
}

/// Everything qcdc found in one report file.
public struct ReportOutcome: Sendable {
    public var file: String
    /// Nil when the report could not be read far enough to know its unit.
    public var unit: UnitInfo?
    public var period: Period?
    /// One result per rule (empty when the report is invalid and was not evaluated).
    public var results: [RuleResult]
    /// Input problems: syntax, types, unknown fields.
    public var diagnostics: [Diagnostic]
    /// The report's typed facts (for scorecard roll-ups); nil when unreadable.
    public var facts: ReportFacts? = nil

    public var isInvalid: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Counts by status and by severity of failed results.
public struct Summary: Sendable, Hashable {
    public var reports = 0
    public var invalidReports = 0
    public var byStatus: [RuleStatus: Int] = [:]
    /// Failed (and error) results by the rule's severity.
    public var failedBySeverity: [Severity: Int] = [:]
    public var inputErrors = 0
    public var inputWarnings = 0

    public init(_ outcomes: [ReportOutcome], extraDiagnostics: [Diagnostic] = []) {
        for o in outcomes {
            reports += 1
            if o.isInvalid { invalidReports += 1 }
            for r in o.results {
                byStatus[r.status, default: 0] += 1
                if r.status == .fail || r.status == .error { failedBySeverity[r.severity, default: 0] += 1 }
            }
            for d in o.diagnostics { if d.severity == .error { inputErrors += 1 } else if d.severity == .warning { inputWarnings += 1 } }
        }
        for d in extraDiagnostics { if d.severity == .error { inputErrors += 1 } else if d.severity == .warning { inputWarnings += 1 } }
    }
    public func count(_ s: RuleStatus) -> Int { byStatus[s] ?? 0 }
}

/// A complete run of `qcdc check`: the rule set used and every report's outcome.
public struct CheckRun: Sendable {
    public var ruleSet: RuleSet
    public var reports: [ReportOutcome]
    /// Problems with the inputs as a whole (a path that does not exist).
    public var diagnostics: [Diagnostic]
    public var language: Language
    /// Set when `--baseline` was applied.
    public var baseline: BaselineSummary?
    /// Missing evidence fails the gate too (`--fail-on-missing`).
    public var failOnMissing = false

    public init(ruleSet: RuleSet, reports: [ReportOutcome], diagnostics: [Diagnostic], language: Language) {
        self.ruleSet = ruleSet
        self.reports = reports
        self.diagnostics = diagnostics
        self.language = language
    }

    public var summary: Summary { Summary(reports, extraDiagnostics: diagnostics) }

    /// 2 when any input is invalid; 1 when a finding reaches `failOn`; else 0.
    /// Findings are failed (or unevaluable) results — and missing evidence with
    /// `failOnMissing` — that are neither waived nor already in the baseline.
    public func exitCode(failOn: FailOn) -> Int32 {
        if diagnostics.contains(where: { $0.severity == .error }) || reports.contains(where: \.isInvalid) { return 2 }
        let failing = reports.contains { $0.results.contains { isGating($0) && failOn.includes($0.severity) } }
        return failing ? 1 : 0
    }

    /// Whether a result counts against the gate.
    public func isGating(_ r: RuleResult) -> Bool {
        if r.baselineState == .unchanged { return false }
        switch r.status {
        case .fail, .error: return true
        case .missing: return failOnMissing
        default: return false
        }
    }
}

/// Reads and checks reports against a rule set. The library's main entry point.
///
/// ```swift
/// let (ruleSet, _) = RuleSetLoader().loadBuiltin()
/// let checker = Checker(ruleSet: ruleSet!, language: .en)
/// let run = checker.check(paths: ["examples/"])
/// print(TextReporter(color: false).render(run))
/// ```
public struct Checker: Sendable {
    public let ruleSet: RuleSet
    public var language: Language
    public var limits: LoadLimits
    /// Input warnings (unknown fields, invisible characters in names) are errors: the report is
    /// invalid and fails the gate with exit 2 (`--strict`).
    public var strict = false

    public init(ruleSet: RuleSet, language: Language = .vi, limits: LoadLimits = .default, strict: Bool = false) {
        self.ruleSet = ruleSet
        self.language = language
        self.limits = limits
        self.strict = strict
    }

    /// Reads and validates one report without evaluating it.
    public func read(bytes: [UInt8], file: String) -> (report: UnitReport?, diagnostics: [Diagnostic]) {
        let (node, loadDiags) = DocumentLoader.load(bytes, file: file, limits: limits)
        guard let node else { return (nil, loadDiags) }
        let (report, diags) = ReportReader(ruleSet: ruleSet).read(node, file: file)
        return (report, (loadDiags + diags).sorted())
    }

    /// Checks one document given as bytes (a file's contents, or standard input).
    public func check(bytes: [UInt8], file: String) -> ReportOutcome {
        let (node, loadDiags) = DocumentLoader.load(bytes, file: file, limits: limits)
        return check(node: node, loadDiagnostics: loadDiags, file: file)
    }

    /// Checks an already-loaded document.
    func check(node: Node?, loadDiagnostics loadDiags: [Diagnostic], file: String) -> ReportOutcome {
        guard let node else { return ReportOutcome(file: file, unit: nil, period: nil, results: [], diagnostics: finish(loadDiags, file: file)) }
        let (report, diags) = ReportReader(ruleSet: ruleSet).read(node, file: file)
        var all = finish(loadDiags + diags, file: file)
        guard let report, !all.contains(where: { $0.severity == .error }) else {
            return ReportOutcome(file: file, unit: report?.unit, period: report?.period, results: [], diagnostics: all)
        }
        let results = Engine(ruleSet: ruleSet, language: language, limits: limits).evaluate(report)
        if !results.isEmpty, results.allSatisfy({ $0.status == .notApplicable }) {
            all.append(Diagnostic(strict ? .error : .warning, "report.no_rules_apply",
                "no rule applies to a \(report.unit.kind.rawValue) for \(report.period)",
                at: (node["period"]?.mark ?? node.mark).located(in: file),
                notes: ["check unit.kind and the period: nothing in this report was judged"]))
            if strict { return ReportOutcome(file: file, unit: report.unit, period: report.period, results: [], diagnostics: all) }
        }
        var outcome = ReportOutcome(file: file, unit: report.unit, period: report.period, results: results, diagnostics: all)
        outcome.facts = report.facts
        return outcome
    }

    /// Sorts a report's diagnostics, promotes warnings to errors under `strict`, and keeps at
    /// most `limits.maxDiagnostics` of them (then one line saying how many more there were).
    func finish(_ diags: [Diagnostic], file: String) -> [Diagnostic] {
        var out = diags.sorted()
        if strict {
            out = out.map { d in
                guard d.severity == .warning else { return d }
                var e = d
                e.severity = .error
                e.notes.append("an error because of --strict")
                return e
            }
        }
        if out.count > limits.maxDiagnostics {
            let more = out.count - limits.maxDiagnostics
            out = Array(out.prefix(limits.maxDiagnostics))
            out.append(Diagnostic(.note, "report.diagnostics_capped", "\(more) more problems in this file are not listed",
                                  at: Mark.start.located(in: file), notes: ["fix the ones above and run again"]))
        }
        return out
    }

    /// Checks files and directories (searched recursively for `.yaml`, `.yml`, `.json`).
    /// One bad file never stops the others. `-` reads standard input. Files found in a
    /// directory that are evidently not reports (waiver files, rule sets, baselines) are
    /// skipped with a note; files named explicitly are always checked. No report at all is an
    /// error (`input.no_reports`), as are two reports for the same unit and period.
    public func check(paths: [String]) -> CheckRun {
        let (files, diags) = InputFiles.expand(paths)
        var outcomes: [ReportOutcome] = []
        var notes: [Diagnostic] = []
        for (f, walked) in files {
            let name = f == "-" ? InputReader.stdinName : f
            switch InputReader.read(f, limit: limits.maxBytes) {
            case .failure(let d):
                outcomes.append(ReportOutcome(file: name, unit: nil, period: nil, results: [], diagnostics: [d]))
            case .success(let bytes):
                let (node, loadDiags) = DocumentLoader.load(bytes, file: name, limits: limits)
                if walked, let node, let kind = Self.notAReport(node) {
                    notes.append(Diagnostic(.note, "input.skipped", "skipped: \(kind), not a report", at: Mark.start.located(in: f),
                                            notes: ["name the file explicitly to check it as a report"]))
                    continue
                }
                outcomes.append(check(node: node, loadDiagnostics: loadDiags, file: name))
            }
        }
        Self.flagDuplicates(&outcomes)
        var runDiags = diags + notes
        if outcomes.isEmpty && !diags.contains(where: { $0.severity == .error }) {
            runDiags.append(Diagnostic(.error, "input.no_reports", "no report found in \(paths.joined(separator: ", "))",
                                       at: Mark.start.located(in: paths.first ?? "."),
                                       notes: ["reports are .yaml, .yml or .json files with `unit` and `period`; hidden folders are not searched"]))
        }
        return CheckRun(ruleSet: ruleSet, reports: outcomes, diagnostics: runDiags, language: language)
    }

    /// Two reports for the same unit and period: the later one (in path order) is an error
    /// naming the first; overlapping periods of one unit get a warning (trends would mislead).
    static func flagDuplicates(_ outcomes: inout [ReportOutcome]) {
        var seen: [String: [(Period, String)]] = [:]
        for i in outcomes.indices {
            guard let unit = outcomes[i].unit, let period = outcomes[i].period else { continue }
            let key = "\(unit.kind.rawValue)|\(unit.code)"
            for (other, file) in seen[key] ?? [] {
                let at = Mark.start.located(in: outcomes[i].file)
                if other == period {
                    outcomes[i].diagnostics.append(Diagnostic(.error, "report.duplicate_report",
                        "a second report for \(unit.kind.rawValue) \(unit.code), period \(period): \(file) reports the same",
                        at: at, notes: ["keep one report per unit and period; remove or merge the other file"]))
                    outcomes[i].results = []
                    break
                } else if other.start <= period.end && period.start <= other.end {
                    outcomes[i].diagnostics.append(Diagnostic(.warning, "report.overlapping_period",
                        "the period \(period) overlaps \(other) of \(file), another report of \(unit.kind.rawValue) \(unit.code)",
                        at: at, notes: ["scorecards and trends count the overlap twice"]))
                }
            }
            seen[key, default: []].append((period, outcomes[i].file))
        }
    }

    /// "a waiver file", "a rule set" or "a baseline" when the document's top-level keys say so
    /// unmistakably; anything with `unit` or `period` is a report, however broken.
    static func notAReport(_ root: Node) -> String? {
        guard let entries = root.entries, root["unit"] == nil, root["period"] == nil else { return nil }
        let keys = Set(entries.map(\.key))
        if keys == ["waivers"] { return "a waiver file" }
        if keys.contains("qcdc_baseline") && keys.isSubset(of: ["qcdc_baseline", "tool_version", "findings"]) { return "a baseline" }
        let ruleSetKeys: Set<String> = ["id", "version", "title", "description", "extends", "facts", "categories", "rules",
                                        "overrides", "scoring", "rollups"]
        if keys.contains("id") && keys.contains("version") && keys.isSubset(of: ruleSetKeys) { return "a rule set" }
        return nil
    }
}

/// Expands report arguments into files.
public enum InputFiles {
    static let extensions = [".yaml", ".yml", ".json"]

    /// Files named explicitly are taken as they are (a FIFO or `/dev/stdin` too); directories are
    /// searched recursively for report files, skipping hidden entries (`.git`, `.github`) and not
    /// following symbolic links to directories (no loops).
    public static func expand(_ paths: [String]) -> (files: [(path: String, walked: Bool)], diagnostics: [Diagnostic]) {
        var files: [(path: String, walked: Bool)] = []
        var diags: [Diagnostic] = []
        for p in paths {
            if p == "-" { files.append((p, false)); continue }
            var st = stat()
            guard stat(p, &st) == 0 else {
                diags.append(Diagnostic(.error, "input.not_found", "no such file or directory: \(p)",
                                        at: Mark.start.located(in: p), notes: ["check the path"]))
                continue
            }
            guard st.st_mode & S_IFMT == S_IFDIR else { files.append((p, false)); continue }
            let found = walk(p)
            if found.isEmpty {
                diags.append(Diagnostic(.warning, "input.empty_directory", "no .yaml, .yml or .json files in \(p)",
                                        at: Mark.start.located(in: p)))
            }
            files += found.map { ($0, true) }
        }
        return (files, diags)
    }

    /// The report files under a directory (hidden entries skipped, linked directories not followed), sorted.
    public static func walk(_ root: String) -> [String] {
        var found: [String] = []
        var pending = [root]
        let fm = FileManager.default
        while let dir = pending.popLast() {
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []) where !name.hasPrefix(".") {
                let path = PathUtil.join(dir, name)
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG, S_IFLNK:
                    guard extensions.contains(where: { name.lowercased().hasSuffix($0) }) else { continue }
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG { found.append(path) }
                default:
                    continue
                }
            }
        }
        return found.sorted()
    }
}
