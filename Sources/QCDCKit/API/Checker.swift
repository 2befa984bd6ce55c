import Foundation

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

    public init(ruleSet: RuleSet, language: Language = .vi, limits: LoadLimits = .default) {
        self.ruleSet = ruleSet
        self.language = language
        self.limits = limits
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
        guard let node else { return ReportOutcome(file: file, unit: nil, period: nil, results: [], diagnostics: loadDiags.sorted()) }
        let (report, diags) = ReportReader(ruleSet: ruleSet).read(node, file: file)
        let all = (loadDiags + diags).sorted()
        guard let report, !all.contains(where: { $0.severity == .error }) else {
            return ReportOutcome(file: file, unit: report?.unit, period: report?.period, results: [], diagnostics: all)
        }
        let results = Engine(ruleSet: ruleSet, language: language).evaluate(report)
        var outcome = ReportOutcome(file: file, unit: report.unit, period: report.period, results: results, diagnostics: all)
        outcome.facts = report.facts
        return outcome
    }

    /// Checks files and directories (searched recursively for `.yaml`, `.yml`, `.json`).
    /// One bad file never stops the others. `-` reads standard input. Files found in a
    /// directory that are evidently not reports (waiver files, rule sets, baselines) are
    /// skipped with a note; files named explicitly are always checked.
    public func check(paths: [String], stdin: () -> [UInt8] = { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }) -> CheckRun {
        let (files, diags) = InputFiles.expand(paths)
        var outcomes: [ReportOutcome] = []
        var notes: [Diagnostic] = []
        for (f, walked) in files {
            if f == "-" {
                outcomes.append(check(bytes: stdin(), file: "<stdin>"))
            } else if let data = FileManager.default.contents(atPath: f) {
                let (node, loadDiags) = DocumentLoader.load([UInt8](data), file: f, limits: limits)
                if walked, let node, let kind = Self.notAReport(node) {
                    notes.append(Diagnostic(.note, "input.skipped", "skipped: \(kind), not a report", at: Mark.start.located(in: f),
                                            notes: ["name the file explicitly to check it as a report"]))
                    continue
                }
                outcomes.append(check(node: node, loadDiagnostics: loadDiags, file: f))
            } else {
                outcomes.append(ReportOutcome(file: f, unit: nil, period: nil, results: [], diagnostics: [
                    Diagnostic(.error, "input.unreadable", "cannot read \(f)", at: Mark.start.located(in: f),
                               notes: ["check the file's permissions"])]))
            }
        }
        return CheckRun(ruleSet: ruleSet, reports: outcomes, diagnostics: diags + notes, language: language)
    }

    /// "a waiver file", "a rule set" or "a baseline" when the document's top-level keys say so.
    static func notAReport(_ root: Node) -> String? {
        guard let entries = root.entries, root["unit"] == nil else { return nil }
        let keys = Set(entries.map(\.key))
        if keys.contains("waivers") { return "a waiver file" }
        if keys.contains("qcdc_baseline") || keys.contains("findings") { return "a baseline" }
        if keys.contains("rules") || keys.contains("facts") || keys.contains("extends") || keys.contains("overrides") { return "a rule set" }
        return nil
    }
}

/// Expands report arguments into files.
public enum InputFiles {
    static let extensions = [".yaml", ".yml", ".json"]

    public static func expand(_ paths: [String]) -> (files: [(path: String, walked: Bool)], diagnostics: [Diagnostic]) {
        var files: [(path: String, walked: Bool)] = []
        var diags: [Diagnostic] = []
        let fm = FileManager.default
        for p in paths {
            if p == "-" { files.append((p, false)); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                diags.append(Diagnostic(.error, "input.not_found", "no such file or directory: \(p)",
                                        at: Mark.start.located(in: p), notes: ["check the path"]))
                continue
            }
            if isDir.boolValue {
                var found: [String] = []
                if let e = fm.enumerator(atPath: p) {
                    while let rel = e.nextObject() as? String {
                        let name = rel.split(separator: "/").last.map(String.init) ?? rel
                        if name.hasPrefix(".") { continue }
                        if extensions.contains(where: { rel.lowercased().hasSuffix($0) }) { found.append(PathUtil.join(p, rel)) }
                    }
                }
                if found.isEmpty {
                    diags.append(Diagnostic(.warning, "input.empty_directory", "no .yaml, .yml or .json files in \(p)",
                                            at: Mark.start.located(in: p)))
                }
                files += found.sorted().map { ($0, true) }
            } else {
                files.append((p, false))
            }
        }
        return (files, diags)
    }
}
