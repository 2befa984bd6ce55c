/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`,
/// shown as annotations on the pull request's files.
///
/// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (50 per job), so:
/// errors come first (each report's as it is checked, then the run's own); warnings are kept and
/// follow them; notices (missing evidence, findings of severity info) are counted by rule and
/// summed up in one notice. What is beyond a cap is a plain line in the log instead (it cannot
/// start a workflow command), and a closing notice says how many. ``stepSummary(_:)`` is the
/// Markdown `qcdc check --format github` appends to `$GITHUB_STEP_SUMMARY`.
public struct GitHubReporter: StreamingReporter {
    /// What counts as a finding and at which level.
    var gate: Gate
    /// GitHub's caps per step, by level.
    public static let errorCap = 10, warningCap = 10
    private var errors = 0
    private var warnings: [String] = []
    private var beyond = [0, 0]
    /// Notices by what they are about (rule id or diagnostic code), and findings by rule.
    private var notices: [String: Int] = [:]
    private var findings: [String: Int] = [:]

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

    /// The report's input problems, then its findings, as entries for ``emit(_:)`` (level,
    /// subject, command, plain line; separated by U+001E and U+001F, which neutralised text
    /// cannot hold).
    public func report(_ report: ReportOutcome, index: Int, language lang: Language) -> String {
        let l = Localizer(lang)
        var out = diagnostics(report.diagnostics, lang)
        for r in report.results {
            guard let severity = gate.level(r) else { continue }
            let level = severity == .error ? "error" : severity == .warning ? "warning" : "notice"
            var message = cell(r.location.source) + "\(Neutral.visible(r.message(lang))) (\(l.basis(r.rule)))"
            for f in r.flagged { message += "\n" + Neutral.visible("\(f.location): \(f.id ?? f.path)") }
            let subject = r.status == .missing && !gate.failOnMissing ? "missing:" + r.rule.id : r.rule.id
            out += entry(level, l.severity(severity), subject: subject, file: r.location.file, line: r.location.line, col: r.location.column,
                         title: "\(r.rule.id) \(Neutral.visible(r.rule.title.text(lang)))", message: message)
        }
        return out
    }

    /// Writes errors within the cap now; keeps warnings within theirs for the end; counts
    /// notices; writes what is beyond a cap as a plain log line.
    public mutating func emit(_ rendered: String) -> String {
        var out = ""
        for item in rendered.split(separator: "\u{1E}") {
            let f = item.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard f.count == 4 else { continue }
            let (level, subject, command, plain) = (f[0], String(f[1]), String(f[2]), String(f[3]))
            if level != "notice", !subject.hasPrefix("missing:") { findings[subject, default: 0] += 1 }
            switch level {
            case "error" where errors < Self.errorCap:
                errors += 1
                out += command
            case "warning" where warnings.count < Self.warningCap:
                warnings.append(command)
            case "notice":
                notices[subject, default: 0] += 1
            default:
                beyond[level == "error" ? 0 : 1] += 1
                out += plain
            }
        }
        return out
    }

    /// The run's own input problems and the units that did not report (errors, after the
    /// reports'), the warnings kept, the notices summed up, what was left out, and the totals.
    public func closing(_ run: CheckRun, count: Int) -> String {
        var (me, out) = withRunEntries(run)
        let l = Localizer(run.language)
        let vi = run.language == .vi
        out += me.warnings.joined()
        let missing = me.notices.filter { $0.key.hasPrefix("missing:") }
        let info = me.notices.filter { !$0.key.hasPrefix("missing:") }
        for (group, title) in [(missing, vi ? "Thiếu dữ liệu" : "Missing evidence"), (info, vi ? "Vi phạm mức thông tin" : "Findings of severity info")]
        where !group.isEmpty {
            let byRule = group.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key.replacingAll("missing:", "")) ×\($0.value)" }
            let total = group.values.reduce(0, +)
            out += "::notice title=qcdc \(escapeProperty(title))::" + escapeData("\(title): \(total) — " + byRule.prefix(40).joined(separator: ", ")
                + (byRule.count > 40 ? ", …" : "")) + "\n"
        }
        if me.beyond != [0, 0] {
            let text = vi
                ? "GitHub chỉ hiện \(Self.errorCap) chú thích lỗi và \(Self.warningCap) cảnh báo mỗi bước: \(me.beyond[0]) lỗi và \(me.beyond[1]) cảnh báo khác được ghi thành dòng trong nhật ký; kết quả đầy đủ ở SARIF, JSON hoặc JUnit."
                : "GitHub shows \(Self.errorCap) error and \(Self.warningCap) warning annotations per step: \(me.beyond[0]) more errors and \(me.beyond[1]) more warnings are plain lines in the log; the full results are in SARIF, JSON or JUnit."
            out += "::notice title=qcdc::\(escapeData(text))\n"
        }
        return out + "::notice title=qcdc::\(escapeData(l.annotationSummary(run.summary)))\n"
    }

    /// This reporter after emitting the run's own entries (its input problems, the units that did
    /// not report), and what they wrote: ``closing(_:count:)`` and ``stepSummary(_:)`` count them.
    private func withRunEntries(_ run: CheckRun) -> (reporter: GitHubReporter, output: String) {
        var me = self
        let label = Localizer(run.language).severity(Severity.error)
        var out = me.emit(diagnostics(run.diagnostics, run.language))
        out += me.emit(run.notSubmitted.map {
            entry("error", label, subject: NotSubmitted.id, file: nil, line: 0, col: 0, title: NotSubmitted.id, message: NotSubmitted.text($0, run.language))
        }.joined())
        return (me, out)
    }

    /// The job summary (Markdown) for `$GITHUB_STEP_SUMMARY`, after ``closing(_:count:)``: the
    /// verdict, the totals, findings by rule, and what annotations left out. Far under GitHub's
    /// 1 MiB per step (a line per rule at most).
    public func stepSummary(_ run: CheckRun) -> String {
        let me = withRunEntries(run).reporter
        let vi = run.language == .vi
        let verdict: String
        switch run.verdict {
        case .clean: verdict = vi ? "✅ Đạt" : "✅ Passed"
        case .findings: verdict = vi ? "❌ Có vi phạm" : "❌ Findings"
        case .invalidInput: verdict = vi ? "⛔ Dữ liệu không hợp lệ" : "⛔ Invalid input"
        }
        var o = "## qcdc — \(verdict)\n\n" + Neutral.markdown(Localizer(run.language).annotationSummary(run.summary)) + "\n\n"
        if run.expectedCount > 0 {
            o += (vi ? "Chưa nộp báo cáo: \(run.notSubmitted.count)/\(run.expectedCount) đơn vị\n\n" : "Not submitted: \(run.notSubmitted.count) of \(run.expectedCount) units\n\n")
        }
        if !me.findings.isEmpty {
            o += vi ? "| Quy tắc / mã | Số vi phạm |\n|---|---:|\n" : "| Rule / code | Findings |\n|---|---:|\n"
            for (id, n) in me.findings.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(200) {
                o += "| `\(Neutral.visible(id).replacingAll("`", "'").replacingAll("|", "\\|"))` | \(n) |\n"
            }
            o += "\n"
        }
        let left = me.beyond[0] + me.beyond[1]
        if left > 0 {
            o += vi ? "_\(left) chú thích vượt giới hạn của GitHub được ghi thành dòng trong nhật ký của bước._\n"
                    : "_\(left) annotations beyond GitHub's limits are plain lines in the step's log._\n"
        }
        return o
    }

    func diagnostics(_ diagnostics: [Diagnostic], _ lang: Language) -> String {
        var out = ""
        for d in diagnostics.sorted() where d.severity != .note {
            let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            out += entry(level, Localizer(lang).severity(d.severity), subject: d.code.rawValue, file: d.location.file, line: d.location.line, col: d.location.column,
                         title: d.code.rawValue, message: cell(d.location) + ([d.message.text(lang)] + d.notes(lang)).map { Neutral.visible($0) }.joined(separator: "\n"))
        }
        return out
    }

    /// One annotation as an entry for ``emit(_:)``: level, subject, the workflow command, and
    /// the same as a plain log line (two spaces first, so it never starts a command).
    func entry(_ level: String, _ label: String, subject: String, file: String?, line: Int, col: Int, title: String, message: String) -> String {
        let where_ = file.map { "\(Neutral.visible($0)):\(line):\(col): " } ?? ""
        let workflow = file.map { self.command(level, file: $0, line: line, col: col, title: title, message: message) }
            ?? "::\(level) title=\(escapeProperty(title))::\(escapeData(message))\n"
        let plain = "  \(where_)\(label)[\(title.prefix(while: { $0 != " " }))]: \(escapeData(message))\n"
        return [level, subject, workflow, plain].joined(separator: "\u{1F}") + "\u{1E}"
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
