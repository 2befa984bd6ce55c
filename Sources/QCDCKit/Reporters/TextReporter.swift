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
        style.quiet ? quiet(report, l) : block(report, l).string
    }

    /// ``report(_:index:language:)`` as UTF-8 bytes, as `qcdc check` writes it (``Rendering``):
    /// making each block a `String` checked its bytes again.
    package func reportUTF8(_ outcome: ReportOutcome, language: Language) -> [UInt8] {
        let l = Localizer(language)
        return style.quiet ? Array(quiet(outcome, l).utf8) : block(outcome, l).bytes
    }

    /// A report's block: its header, input problems, results shown, missing evidence, counts.
    private func block(_ report: ReportOutcome, _ l: Localizer) -> JSONText {
        // Written as bytes: appending to a `String` cost about 700 instructions a piece (most of
        // the text is Vietnamese), and a block is dozens of pieces.
        var out = JSONText()
        out.bytes.reserveCapacity(384)
        let name = Neutral.path(report.displayName)
        open(&out, "1")
        out += name
        if let u = report.unit {
            out += ": "
            out += Neutral.visible(u.name)
            out += " ("
            out += u.kind.name(l.language)
            out += " "
            out += Neutral.visible(u.code)
            out += ")"
            if let p = report.period {
                out += ", "
                out += p.description
            }
        }
        close(&out)
        out += "\n"
        for d in report.diagnostics { out += diagnostic(d, l) }
        if report.isInvalid {
            out += "  "
            out += l(.invalidReportNotEvaluated)
            out += "\n\n"
            return out
        }
        // Indices, not copies of the results (a result holds a dozen references).
        let results = report.results
        let lists = listsMissing
        // Room made once: grown as they filled, these and the block's bytes were moved to new
        // storage five times a report.
        var shown: [Int] = []
        var missing: [String] = []
        shown.reserveCapacity(results.count)
        missing.reserveCapacity(results.count)
        results.withUnsafeBufferPointer { results in
            for i in results.indices {
                let status = results[i].status
                guard results[i].baselineState != .unchanged else { continue }
                if status == .missing && !lists {
                    missing.append(results[i].rule.id)
                } else if showAll || (status != .pass && status != .notApplicable) {
                    shown.append(i)
                }
            }
        }
        shown.sort {
            (results[$0].location.line, results[$0].location.column, results[$0].rule.id)
                < (results[$1].location.line, results[$1].location.column, results[$1].rule.id)
        }
        // A shown result takes about 350 bytes, a missing rule's id 10 and the counts line 120.
        out.bytes.reserveCapacity(out.bytes.count + 160 + shown.count * 400 + (missing.isEmpty ? 0 : 200 + missing.count * 12))
        for i in shown { result(results[i], l, into: &out) }
        if !missing.isEmpty {
            out += name
            out += ": "
            open(&out, "35")
            out += l(.labelMissing)
            close(&out)
            out += ": "
            Message.missingCollapsed(missing, l.language, into: &out)
            out += "\n"
        }
        let counts = ReportCounts(report)
        out += "  "
        self.counts(status: counts.count, severity: counts.failed, inputErrors: counts.inputErrors, inputWarnings: counts.inputWarnings,
                    l, into: &out)
        out += "\n\n"
        return out
    }

    /// `file:line:column`, as ``Neutral/path(_:)`` gives the location's text: the file's name
    /// neutralised and the numbers written in place (the text was made, then scanned again,
    /// for every result shown). The numbers and colons are plain, and only the name's first
    /// character decides the `./` prefix; an empty name or a worksheet cell takes the text.
    private func location(_ at: SourceLocation, into out: inout JSONText) {
        guard at.sheet == nil, !at.file.isEmpty else {
            out += Neutral.path(at.description)
            return
        }
        out += Neutral.path(at.file)
        out.write(ascii: UInt8(ascii: ":"))
        out.write(int: at.line)
        out.write(ascii: UInt8(ascii: ":"))
        out.write(int: at.column)
    }

    /// The start of a span in ANSI colour `code`, when colouring.
    private func open(_ out: inout JSONText, _ code: StaticString) {
        guard color else { return }
        out += "\u{1B}["
        out += code
        out += "m"
    }

    /// The end of a coloured span.
    private func close(_ out: inout JSONText) {
        if color { out += "\u{1B}[0m" }
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
        var out = JSONText()
        counts(status: s.count, severity: { s.failedBySeverity[$0] ?? 0 }, inputErrors: s.inputErrors, inputWarnings: s.inputWarnings,
               l, into: &out)
        return out.string
    }

    /// `11 đạt, 1 không đạt (1 lỗi), 27 thiếu dữ liệu, 35 không áp dụng`: results by status
    /// (passed, failed and missing always), failures by severity, then input problems.
    func counts(status count: (RuleStatus) -> Int, severity failed: (Severity) -> Int, inputErrors: Int, inputWarnings: Int,
                _ l: Localizer, into out: inout JSONText) {
        var first = true
        func separate() {
            if !first { out += ", " }
            first = false
        }
        for st in [RuleStatus.pass, .fail, .missing, .error, .waived, .notApplicable] {
            let n = count(st)
            guard n > 0 || st == .pass || st == .fail || st == .missing else { continue }
            separate()
            out.write(int: n)
            out += " "
            out += l.status(st)
            guard st == .fail, n > 0 else { continue }
            var open = false
            for v in Severity.allCases.reversed() {
                let c = failed(v)
                guard c > 0 else { continue }
                out += open ? ", " : " ("
                open = true
                out.write(int: c)
                out += " "
                out += l.severity(v)
            }
            if open { out += ")" }
        }
        if inputErrors > 0 {
            separate()
            out += l(.inputErrors(inputErrors))
        }
        if inputWarnings > 0 {
            separate()
            out += l(.inputWarnings(inputWarnings))
        }
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
        var out = JSONText()
        result(r, l, into: &out)
        return out.string
    }

    /// One result's line (and its flagged records' notes), written into `out`.
    func result(_ r: RuleResult, _ l: Localizer, into out: inout JSONText) {
        let label: String
        let c: StaticString
        switch r.status {
        case .fail: label = l.severity(r.severity); c = r.severity == .error ? "31" : r.severity == .warning ? "33" : "36"
        case .missing: label = l(.labelMissing); c = "35"
        case .error: label = l(.labelUnevaluable); c = "31"
        case .pass: label = l.status(.pass); c = "32"
        case .notApplicable: label = l(.labelNotApplicable); c = "2"
        case .waived: label = l(.labelWaived); c = "34"
        }
        // The label already says "missing evidence": the line then names what is missing.
        let message: String
        if case .missing(let facts) = r.explanation { message = l.names(facts) } else { message = r.message(l.language) }
        location(r.location.source, into: &out)
        out += ": "
        open(&out, c)
        out += label
        out += "["
        out += r.rule.id
        out += "]"
        close(&out)
        out += ": "
        out += Neutral.visible(message)
        if r.status == .notApplicable, let reason = r.reason(l.language) {
            out += " — "
            out += Neutral.visible(reason)
        }
        if let w = r.waiver {
            out += " — "
            out += l(.labelWaived)
            out += ": "
            out += Neutral.visible(l.waiver(w))
        }
        out += " ("
        out += l.basis(r.rule)
        out += ")\n"
        for f in r.flagged {
            out += "    "
            out += l.noteWord
            out += ": "
            out += Neutral.visible("\(f.location): \(f.id.map { "\($0) " } ?? "")(\(f.path))")
            out += "\n"
        }
    }
}
