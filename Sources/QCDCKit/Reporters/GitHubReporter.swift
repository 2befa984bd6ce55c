/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`,
/// shown as annotations on the pull request's files.
public struct GitHubReporter: StreamingReporter {
    /// What counts as a finding and at which level.
    var gate: Gate

    /// A reporter annotating what `gate` counts as findings.
    public init(gate: Gate = Gate()) {
        self.gate = gate
    }

    /// The run as workflow commands, one per line, then a summary.
    public func render(_ run: CheckRun) -> String {
        var me = self
        me.gate = run.gate
        return me.renderStreamed(run)
    }

    /// Nothing: annotations need no header.
    public func opening(ruleSet: RuleSet, language: Language) -> String { "" }

    /// The report's input problems, then its findings.
    public func report(_ report: ReportOutcome, index: Int, language lang: Language) -> String {
        let l = Localizer(lang)
        var out = diagnostics(report.diagnostics, lang)
        for r in report.results {
            guard let severity = gate.level(r) else { continue }
            let level = severity == .error ? "error" : severity == .warning ? "warning" : "notice"
            var message = cell(r.location.source) + "\(Neutral.visible(r.message(lang))) (\(l.basis(r.rule)))"
            for f in r.flagged { message += "\n" + Neutral.visible("\(f.location): \(f.id ?? f.path)") }
            out += command(level, file: r.location.file, line: r.location.line, col: r.location.column,
                           title: "\(r.rule.id) \(r.rule.title.text(lang))", message: message)
        }
        return out
    }

    /// The run's own input problems and a summary notice.
    public func closing(_ run: CheckRun, count: Int) -> String {
        diagnostics(run.diagnostics, run.language)
            + run.notSubmitted.map { "::error title=\(NotSubmitted.id)::\(escapeData(NotSubmitted.text($0, run.language)))\n" }.joined()
            + "::notice title=qcdc::\(escapeData(Localizer(run.language).annotationSummary(run.summary)))\n"
    }

    func diagnostics(_ diagnostics: [Diagnostic], _ lang: Language) -> String {
        var out = ""
        for d in diagnostics.sorted() where d.severity != .note {
            let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            out += command(level, file: d.location.file, line: d.location.line, col: d.location.column,
                           title: d.code.rawValue, message: cell(d.location) + ([d.message.text(lang)] + d.notes(lang)).map { Neutral.visible($0) }.joined(separator: "\n"))
        }
        return out
    }

    /// `'Báo cáo'!J7: ` for a position in a workbook (GitHub shows line and column of a file it
    /// can display; a workbook's cell is named in the message); nothing otherwise.
    func cell(_ l: SourceLocation) -> String {
        guard l.sheet != nil else { return "" }
        return Neutral.visible(String(l.description.dropFirst(l.file.count + 1))) + ": "
    }

    func command(_ level: String, file: String, line: Int, col: Int, title: String, message: String) -> String {
        "::\(level) file=\(escapeProperty(Neutral.visible(file))),line=\(line),col=\(col),title=\(escapeProperty(title))::\(escapeData(message))\n"
    }

    /// The escaping GitHub's toolkit applies to command data.
    func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Property values also escape ':' and ','.
    func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ a: String, _ b: String) -> String {
        guard contains(a) else { return self }
        return components(separatedBy: a).joined(separator: b)
    }

    func components(separatedBy sep: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: sep) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
