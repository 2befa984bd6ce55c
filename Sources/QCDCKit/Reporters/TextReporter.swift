/// Compiler-style text for people: `path:line:col: lỗi[RULE-ID]: message (basis)`, grouped by
/// report, the source line under each input error, then a summary. In the run's language.
///
/// Missing evidence takes one line per report unless ``OutputStyle/showMissing`` (or `--all`, or
/// a gate that counts it as a finding), so that real findings stand out. ``OutputStyle/quiet``
/// keeps only what fails the gate and invalid inputs.
public struct TextReporter: StreamingReporter {
    /// What to show.
    public var style: OutputStyle
    var color: Bool { style.color }
    var showAll: Bool { style.showAll }

    /// A reporter; `color` adds ANSI colours, `showAll` also lists passed and not-applicable results
    /// and notes.
    public init(color: Bool = false, showAll: Bool = false) {
        style = OutputStyle(color: color, showAll: showAll)
    }

    /// A reporter showing what `style` asks for.
    public init(_ style: OutputStyle) {
        self.style = style
    }

    /// Missing evidence is listed rule by rule.
    var listsMissing: Bool { style.showMissing || style.showAll || style.gate.failOnMissing }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// The run as text: each report with its input problems, its results (failed, missing,
    /// unevaluable, waived; all of them with ``showAll``) and its counts, then ``closing(_:)``.
    public func render(_ run: CheckRun) -> String {
        let l = Localizer(run.language)
        var out = ""
        for report in run.reports { out += self.report(report, l) }
        return out + closing(run)
    }

    /// Nothing: text starts with the first report.
    public func opening(ruleSet: RuleSet, language: Language) -> String { "" }

    /// One report's block, to be written as soon as the report is checked (`qcdc check` streams
    /// text this way, keeping nothing per report).
    public func report(_ outcome: ReportOutcome, index: Int, language: Language) -> String { report(outcome, Localizer(language)) }

    /// ``closing(_:)``.
    public func closing(_ run: CheckRun, count: Int) -> String { closing(run) }

    /// What follows the reports: the problems with the inputs as a whole (paths, the rule set,
    /// the waiver and baseline files — some, like a stale waiver, are only known at the end),
    /// then the totals.
    public func closing(_ run: CheckRun) -> String {
        let l = Localizer(run.language)
        var out = ""
        if style.quiet {
            for d in run.diagnostics.sorted() where d.severity == .error { out += diagnostic(d, l) }
            for u in run.notSubmitted where style.gate.failOn != .none {
                out += paint("\(l.severity(Severity.error))[\(NotSubmitted.id)]", "31") + ": " + NotSubmitted.text(u, l.language) + "\n"
            }
            return out
        }
        for d in run.diagnostics.sorted() where d.severity != .note || showAll { out += diagnostic(d, l) }
        if run.expectedCount > 0 {
            out += paint(l(.notSubmittedTitle(run.notSubmitted.count, of: run.expectedCount)), "1") + "\n"
            for u in run.notSubmitted {
                out += "  " + paint("\(l.severity(Severity.error))[\(NotSubmitted.id)]", "31") + ": " + NotSubmitted.text(u, l.language) + "\n"
            }
        }
        var line = l.totalLine(run.summary)
        line += "; " + counts(run.summary, l)
        if run.expectedCount > 0 { line += "; " + l(.notSubmittedCount(run.notSubmitted.count)) }
        out += paint(line, "1") + "\n"
        if let b = run.baseline { out += l.baseline(b) + "\n" }
        return out
    }

    func report(_ report: ReportOutcome, _ l: Localizer) -> String {
        if style.quiet { return quiet(report, l) }
        var header = Neutral.path(report.displayName)
        if let u = report.unit {
            header += ": \(Neutral.visible(u.name)) (\(u.kind.name(l.language)) \(Neutral.visible(u.code)))"
            if let p = report.period { header += ", \(p)" }
        }
        var out = paint(header, "1") + "\n"
        for d in report.diagnostics { out += diagnostic(d, l) }
        if report.isInvalid { return out + "  " + l(.invalidReportNotEvaluated) + "\n\n" }
        // Indices, not copies of the results (a result holds a dozen references).
        let results = report.results
        let lists = listsMissing
        let shown = results.indices
            .filter { showAll || (results[$0].status != .pass && results[$0].status != .notApplicable) }
            .filter { results[$0].baselineState != .unchanged && (lists || results[$0].status != .missing) }
            .sorted {
                (results[$0].location.line, results[$0].location.column, results[$0].rule.id)
                    < (results[$1].location.line, results[$1].location.column, results[$1].rule.id)
            }
        for i in shown { out += result(results[i], l) }
        if !lists {
            let missing = results.indices.filter { results[$0].status == .missing && results[$0].baselineState != .unchanged }
                .map { results[$0].rule.id }
            if !missing.isEmpty {
                out += "\(Neutral.path(report.displayName)): " + paint(l(.labelMissing), "35") + ": " + l(.missingCollapsed(missing.count, missing)) + "\n"
            }
        }
        var summary = Summary()
        summary.add(report)
        return out + "  " + counts(summary, l) + "\n\n"
    }

    /// `--quiet`: the report's input errors and the results that fail the gate, nothing else.
    func quiet(_ report: ReportOutcome, _ l: Localizer) -> String {
        var out = ""
        for d in report.diagnostics where d.severity == .error { out += diagnostic(d, l) }
        let failing = report.results.filter(style.gate.fails).sorted {
            ($0.location.line, $0.location.column, $0.rule.id) < ($1.location.line, $1.location.column, $1.rule.id)
        }
        for r in failing { out += result(r, l) }
        return out
    }

    func counts(_ s: Summary, _ l: Localizer) -> String {
        var parts: [String] = []
        for st in [RuleStatus.pass, .fail, .missing, .error, .waived, .notApplicable] {
            let n = s.count(st)
            guard n > 0 || st == .pass || st == .fail || st == .missing else { continue }
            var p = "\(n) \(l.status(st))"
            if st == .fail, n > 0 {
                let sev = Severity.allCases.reversed().compactMap { v -> String? in
                    let c = s.failedBySeverity[v] ?? 0
                    return c > 0 ? "\(c) \(l.severity(v))" : nil
                }
                if !sev.isEmpty { p += " (" + sev.joined(separator: ", ") + ")" }
            }
            parts.append(p)
        }
        if s.inputErrors > 0 { parts.append(l(.inputErrors(s.inputErrors))) }
        if s.inputWarnings > 0 { parts.append(l(.inputWarnings(s.inputWarnings))) }
        return parts.joined(separator: ", ")
    }

    /// One diagnostic as text: the compiler-style line, the source line with a caret, the notes.
    public static func diagnostic(_ d: Diagnostic, language: Language) -> String {
        TextReporter().diagnostic(d, Localizer(language))
    }

    func diagnostic(_ d: Diagnostic, _ l: Localizer) -> String {
        let c = d.severity == .error ? "31" : d.severity == .warning ? "33" : "36"
        var s = "\(Neutral.path(d.location.description)): " + paint("\(l.severity(d.severity))[\(d.code)]", c)
            + ": \(Neutral.visible(d.message.text(l.language)))\n"
        if let line = d.sourceLine {
            for frame in CodeFrame.render(line: line, number: d.location.line, column: d.location.column) { s += frame + "\n" }
        }
        for n in d.notes(l.language) { s += "    \(l.noteWord): \(Neutral.visible(n))\n" }
        return s
    }

    func result(_ r: RuleResult, _ l: Localizer) -> String {
        let label: String
        let c: String
        switch r.status {
        case .fail: label = l.severity(r.severity); c = r.severity == .error ? "31" : r.severity == .warning ? "33" : "36"
        case .missing: label = l(.labelMissing); c = "35"
        case .error: label = l(.labelUnevaluable); c = "31"
        case .pass: label = l.status(.pass); c = "32"
        case .notApplicable: label = l(.labelNotApplicable); c = "2"
        case .waived: label = l(.labelWaived); c = "34"
        }
        let loc = Neutral.path(r.location.description)
        // The label already says "missing evidence": the line then names what is missing.
        let message: String
        if case .missing(let facts) = r.explanation { message = l.names(facts) } else { message = r.message(l.language) }
        var s = "\(loc): " + paint("\(label)[\(r.rule.id)]", c) + ": \(Neutral.visible(message))"
        if r.status == .notApplicable, let reason = r.reason(l.language) { s += " — \(Neutral.visible(reason))" }
        if let w = r.waiver { s += " — \(l(.labelWaived)): " + Neutral.visible(l.waiver(w)) }
        s += " (\(l.basis(r.rule)))\n"
        for f in r.flagged {
            s += "    \(l.noteWord): \(Neutral.visible("\(f.location): \(f.id.map { "\($0) " } ?? "")(\(f.path))"))\n"
        }
        return s
    }
}
