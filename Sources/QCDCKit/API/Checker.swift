import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads and checks reports against a loaded rule set, one report at a time. For a whole run
/// with waivers, a baseline and a verdict, use ``CheckSession``.
///
/// ```swift
/// let (ruleSet, _) = RuleSetLoader().loadBuiltin()
/// let checker = Checker(ruleSet: ruleSet!, language: .en)
/// let outcome = checker.check(bytes: Array(yaml.utf8), file: "report.yaml")
/// ```
public struct Checker: Sendable {
    /// The rule set reports are checked against.
    public private(set) var ruleSet: RuleSet
    /// The language of the runs ``check(paths:)`` returns.
    public var language: Language
    /// Bounds on every input read, and on each rule's evaluation.
    public var limits: LoadLimits
    /// Input warnings (unknown fields, invisible characters in names) are errors: the report is
    /// invalid and fails the gate with exit 2 (`--strict`).
    public var strict = false
    /// Provinces, districts and communes are checked against the official register
    /// (``Register``): unknown codes, names, subtypes and parents (`--no-register` turns it off).
    public var checksRegister = true
    /// Which files found in directories are reports (``check(paths:each:)``).
    public var selection = FileSelection()
    /// Each outcome keeps its report's facts (``ReportOutcome/facts``, which roll-ups read). Off,
    /// a report's facts are freed as soon as it is evaluated, on the thread that read it.
    public var keepsFacts = true
    /// How many files a run on several workers checks before each worker takes its own copy of
    /// the rule set (``replicas(_:)``): a copy costs about what 300 reports do.
    package var replicateAfter = 4_096
    /// Whether a YAML report that reads cleanly is read straight into its facts
    /// (``StreamingReportReader``); off, every report is composed into nodes first (tests compare).
    package var streamsReports = true

    /// A checker for `ruleSet`; `strict` makes input warnings errors.
    public init(ruleSet: RuleSet, language: Language = .vi, limits: LoadLimits = .default, strict: Bool = false) {
        self.ruleSet = ruleSet
        self.language = language
        self.limits = limits
        self.strict = strict
    }

    private var reader: ReportReader {
        var reader = ReportReader(ruleSet: ruleSet)
        reader.checksRegister = checksRegister
        return reader
    }

    /// Reads and validates one report without evaluating it.
    public func read(bytes: [UInt8], file: String) -> (report: UnitReport?, diagnostics: [Diagnostic]) {
        let (node, loadDiags) = DocumentLoader.load(bytes, file: file, limits: limits)
        guard let node else { return (nil, loadDiags) }
        let (report, diags) = reader.read(node, file: file)
        return (report, (loadDiags + diags).sorted())
    }

    /// Checks one document given as bytes (a file's contents, or standard input).
    public func check(bytes: [UInt8], file: String) -> ReportOutcome {
        if let outcome = checkStreaming(bytes, file: file) { return outcome }
        let (node, loadDiags) = DocumentLoader.load(bytes, file: file, limits: limits)
        return check(node: node, loadDiagnostics: loadDiags, file: file, bytes: bytes)
    }

    /// Checks the reports a file's bytes hold: one for a YAML or JSON document, one per row for a
    /// spreadsheet in the wide form (`file` ending in `.csv`; ``ReportOutcome/row`` says which),
    /// or a single invalid outcome saying why there is none.
    public func checkAll(bytes: [UInt8], file: String) -> [ReportOutcome] {
        guard Spreadsheet.isSpreadsheet(file) else { return [check(bytes: bytes, file: file)] }
        switch loadSpreadsheet(bytes, file: file, walked: false) {
        case .outcomes(let outcomes): return outcomes
        case .rows(let file, let rows): return rows.map { check(row: $0, file: file) }
        case .skipped(let note): return [ReportOutcome(file: file, unit: nil, period: nil, results: [], diagnostics: [note])]
        }
    }

    /// A YAML report that reads cleanly, read straight into its facts (``StreamingReportReader``)
    /// and checked; nil for any other, to be read the usual way (which says what is wrong).
    func checkStreaming(_ bytes: [UInt8], file: String) -> ReportOutcome? {
        guard streamsReports, !DocumentLoader.isJSON(bytes, file: file),
              let read = StreamingReportReader(slots: ruleSet.factIndex.slots, limits: limits).read(bytes, file: file) else { return nil }
        return check(node: read.root, loadDiagnostics: [], file: file, bytes: bytes, facts: read.facts)
    }

    /// Checks an already-loaded document; `bytes` give the diagnostics their source lines.
    /// `facts`, when given, are its facts already read (`node` then holds the reserved keys only).
    func check(node: Node?, loadDiagnostics loadDiags: [Diagnostic], file: String, bytes: [UInt8],
               facts: ReportFacts? = nil) -> ReportOutcome {
        guard let node else {
            return ReportOutcome(file: file, unit: nil, period: nil, results: [], diagnostics: finish(loadDiags, file: file, bytes: bytes))
        }
        let (report, diags) = reader.read(node, file: file, facts: facts)
        var all = finish(loadDiags + diags, file: file, bytes: bytes)
        guard let report, !all.contains(where: { $0.severity == .error }) else {
            var outcome = ReportOutcome(file: file, unit: report?.unit, period: report?.period, results: [], diagnostics: all)
            outcome.claimedCode = report?.unit.code ?? node["unit"]?["code"]?.scalarText
            return outcome
        }
        let results = Engine(ruleSet: ruleSet, limits: limits).evaluate(report)
        if !results.isEmpty, results.allSatisfy({ $0.status == .notApplicable }) {
            all.append(Diagnostic(strict ? .error : .warning, DiagnosticCode(.report, "no_rules_apply"),
                .noRulesApply(kind: report.unit.kind, period: report.period),
                at: (node["period"]?.mark ?? node.mark).located(in: file), notes: [.checkKindAndPeriod]))
            if strict { return ReportOutcome(file: file, unit: report.unit, period: report.period, results: [], diagnostics: all) }
        }
        var outcome = ReportOutcome(file: file, unit: report.unit, period: report.period, results: results, diagnostics: all)
        if keepsFacts { outcome.facts = report.facts }
        outcome.tally = ReportCounts(counting: outcome)
        return outcome
    }

    /// Sorts a report's diagnostics, promotes warnings to errors under `strict`, and keeps at
    /// most `limits.maxDiagnostics` of them (then one line saying how many more there were).
    func finish(_ diags: [Diagnostic], file: String, bytes: [UInt8]) -> [Diagnostic] {
        var out = diags.sorted()
        CodeFrame.attach(&out, bytes: bytes, file: file)
        if strict {
            out = out.map { d in
                guard d.severity == .warning else { return d }
                var e = d
                e.severity = .error
                e.notes.append(.errorBecauseStrict)
                return e
            }
        }
        if out.count > limits.maxDiagnostics {
            let more = out.count - limits.maxDiagnostics
            out = Array(out.prefix(limits.maxDiagnostics))
            out.append(Diagnostic(.note, DiagnosticCode(.report, "diagnostics_capped"), .moreProblems(more),
                                  at: Mark.start.located(in: file), notes: [.fixAndRunAgain]))
        }
        return out
    }

    /// Checks files and directories (searched recursively for `.yaml`, `.yml`, `.json`) one
    /// report at a time, in path order, handing each finished outcome to `each`; returns the
    /// problems with the inputs as a whole. One bad file never stops the others. `-` reads
    /// standard input. Files found in a directory that are evidently not reports (waiver files,
    /// rule sets, baselines) are skipped with a note; files named explicitly are always checked.
    /// No report at all is an error (`input.no_reports`), as are two reports for the same unit
    /// and period.
    public func check(paths: [String], each: (ReportOutcome) throws -> Void) rethrows -> [Diagnostic] {
        try check(paths: paths, workers: 1, prepare: { _ in }, render: { _, _ in () }, each: { o, _ in try each(o) })
    }

    /// The number of reports checked at once by default: one per processor.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Checks like ``check(paths:each:)`` on `workers` threads, with the same result as on one:
    /// reports are read and evaluated in parallel, a batch at a time; then, in path order on the
    /// caller's thread, `prepare` finishes each outcome (waivers, baseline); then `render` turns
    /// each into output in parallel (it gets the outcome and its index in the run); then `each`
    /// receives them in path order. At most a batch of reports is in memory at once.
    package func check<Rendered: Sendable>(paths: [String], workers: Int,
                                           prepare: (inout ReportOutcome) -> Void,
                                           render: @Sendable (ReportOutcome, Int) -> Rendered,
                                           each: (ReportOutcome, Rendered) throws -> Void) rethrows -> [Diagnostic] {
        // Files are found as they are checked, a directory at a time: a run keeps no list of paths.
        var walker = InputFiles.Walker(paths, selection: selection)
        var duplicates = DuplicateReports()
        var notes: [Diagnostic] = []
        var count = 0
        // Each batch ends in a wait for its slowest report, so batches are long: with 8 reports
        // per worker, a batch's last report often ran alone. 32 per worker up to 256 reports,
        // and never fewer than 8 per worker: a batch is what a run holds in memory, so many
        // workers keep the batch they had (`--jobs 256`: 2,048 reports).
        let batch = workers <= 1 ? 1 : max(workers * 8, min(workers * 32, 256))
        var start = 0
        let name = { (i: Int, row: Int?) in Self.displayName(walker.name(of: i)) + (row.map { ":\($0)" } ?? "") }
        var ready: [ReportOutcome?] = []
        // Renders what is ready, in parallel, and hands it on in order.
        func flush() throws {
            let base = count
            let rendered = Parallel.map(ready, workers: workers) { outcome, i in render(outcome!, base + i) }
            // By index: `zip` of two arrays of a generic type ran the standard library's
            // unspecialised iterator, thousands of instructions a batch (a batch is one report
            // on one worker).
            for i in ready.indices { try each(ready[i]!, rendered[i]) }
            count += ready.count
            // The outcomes are freed by the workers too: freeing each report's facts and results
            // was 8% of a run, and on this thread none of it overlapped.
            Parallel.clear(&ready, workers: workers)
        }
        func keep(_ outcome: consuming ReportOutcome, file: Int) {
            duplicates.flag(&outcome, index: file, name: name)
            prepare(&outcome)
            ready.append(outcome)
        }
        var slice: [(path: String, walked: Bool)] = []
        // Once a run is long, each worker reads with its own copy of the rule set: on one copy,
        // both cores counted references on the same rules for every result made and freed
        // (2% of a run's time at 10,000 reports).
        var replicas = [Checker](repeating: self, count: max(1, workers)), replicated = false
        while true {
            if !replicated && workers > 1 && start >= replicateAfter {
                replicas = self.replicas(workers)
                replicated = true
            }
            slice.removeAll(keepingCapacity: true)
            while slice.count < batch, let file = walker.next() { slice.append(file) }
            if slice.isEmpty { break }
            let first = start
            start += slice.count
            for (offset, item) in Parallel.map(slice, contexts: replicas, { file, _, checker in checker.load(file.path, walked: file.walked) }).enumerated() {
                switch item {
                case .skipped(let note): notes.append(note)
                case .outcomes(let outcomes):
                    for outcome in outcomes { keep(outcome, file: first + offset) }
                case .rows(let file, let rows):
                    // A spreadsheet's rows are checked like files: in parallel, a batch at a time.
                    var next = 0
                    while next < rows.count {
                        let chunk = Array(rows[next..<min(next + batch * 4, rows.count)])
                        next += chunk.count
                        for outcome in Parallel.map(chunk, contexts: replicas, { row, _, checker in checker.check(row: row, file: file) }) {
                            keep(outcome, file: first + offset)
                        }
                        try flush()
                    }
                }
            }
            try flush()
        }
        let diags = walker.diagnostics
        var runDiags = diags + notes
        if count == 0 && !diags.contains(where: { $0.severity == .error }) {
            runDiags.append(Diagnostic(.error, DiagnosticCode(.input, "no_reports"), .noReports(paths),
                                       at: Mark.start.located(in: paths.first ?? "."), notes: [.whatReportsAre]))
        }
        return runDiags
    }

    /// `count` checkers like this one, each but the first with its own copy of the rule set (the
    /// same rule set, through its archive), or sharing it if it cannot be copied.
    func replicas(_ count: Int) -> [Checker] {
        var out = [Checker](repeating: self, count: max(1, count))
        guard count > 1, let bytes = try? RuleSetArchive.encode(ruleSet, digests: [:]) else { return out }
        for i in 1..<count {
            if let copy = try? RuleSetArchive.decode(bytes) { out[i].ruleSet = copy }
        }
        return out
    }

    /// What reading one file gave: its reports' outcomes (one, or one per row of a spreadsheet),
    /// or a note that it is not a report.
    enum Loaded: Sendable {
        case outcomes([ReportOutcome])
        /// A spreadsheet's rows, each a report still to check.
        case rows(file: String, [SpreadsheetRow])
        case skipped(Diagnostic)
        static func outcome(_ o: ReportOutcome) -> Loaded { .outcomes([o]) }
    }

    /// A file as reports and findings name it: `<stdin>` for `-`.
    static func displayName(_ f: String) -> String { f == "-" ? InputReader.stdinName : f }

    /// Reads and checks one file; safe on any thread.
    func load(_ f: String, walked: Bool) -> Loaded {
        let name = Self.displayName(f)
        switch InputReader.read(f, limit: limits.maxBytes) {
        case .failure(let d):
            return .outcome(ReportOutcome(file: name, unit: nil, period: nil, results: [], diagnostics: [d]))
        case .success(let bytes):
            if Spreadsheet.isSpreadsheet(name) { return loadSpreadsheet(bytes, file: name, walked: walked) }
            if let outcome = checkStreaming(bytes, file: name) { return .outcome(outcome) }
            let (node, loadDiags) = DocumentLoader.load(bytes, file: name, limits: limits)
            if walked, let node, let kind = Self.notAReport(node, topLevel: ruleSet.factIndex.topLevel) {
                return .skipped(Diagnostic(.note, DiagnosticCode(.input, "skipped"), .skippedNotAReport(kind), at: Mark.start.located(in: f),
                                           notes: [.nameItToCheck]))
            }
            return .outcome(check(node: node, loadDiagnostics: loadDiags, file: name, bytes: bytes))
        }
    }

    /// Checks files and directories and keeps every outcome (see ``check(paths:each:)``).
    public func check(paths: [String]) -> CheckRun {
        var outcomes: [ReportOutcome] = []
        let diags = check(paths: paths) { outcomes.append($0) }
        return CheckRun(ruleSet: ruleSet, reports: outcomes, diagnostics: diags, language: language)
    }

    /// "a waiver file", "a rule set" or "a baseline" when the document's top-level keys say so
    /// unmistakably; anything with `unit` or `period` is a report, however broken.
    static func notAReport(_ root: Node, topLevel: Set<String> = []) -> DocumentKind? {
        guard let entries = root.entries, root["unit"] == nil, root["period"] == nil else { return nil }
        let keys = Set(entries.map(\.key))
        // A mapping that shares no key with a report (package.json, a workflow, a tool's settings)
        // is some other file that happens to sit among the reports. A damaged report keeps at least
        // one of its sections, so it is still checked (and its errors shown).
        if !keys.isEmpty && keys.isDisjoint(with: topLevel) && !keys.contains("waivers") && !keys.contains("qcdc_baseline")
            && !(keys.contains("id") && keys.contains("rules")) { return .other }
        if keys == ["waivers"] { return .waiverFile }
        if !keys.isEmpty && keys.isSubset(of: Configuration.keys) { return .configuration }
        if keys.contains("qcdc_baseline") && keys.isSubset(of: ["qcdc_baseline", "tool_version", "findings"]) { return .baseline }
        let ruleSetKeys: Set<String> = ["id", "version", "title", "description", "extends", "facts", "categories", "rules",
                                        "overrides", "scoring", "rollups"]
        if keys.contains("id") && keys.contains("version") && keys.isSubset(of: ruleSetKeys) { return .ruleSet }
        return nil
    }
}

