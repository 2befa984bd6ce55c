/// A Markdown summary fit for a pull-request comment: the verdict and totals, one line per
/// report, then the findings with their locations and legal basis; missing evidence and
/// waivers folded away.
///
/// The whole comment stays within GitHub's 65,536 characters however many reports there are:
/// each section keeps lines up to its share of the space and counts the rest, which a closing
/// line points to the full outputs for. So the reporter keeps at most that much text, never the run.
public struct MarkdownReporter: StreamingReporter {
    /// What counts as a finding.
    var gate: Gate
    /// The sections, in the order they are printed, as they fill: table rows, input errors,
    /// findings, missing evidence, waivers.
    private var sections = [Section](repeating: Section(), count: 5)
    /// Findings seen (the findings section holds a block per report).
    private var findingCount = 0
    /// The most a comment holds (GitHub's limit for a comment body).
    public static let limit = 65_536

    /// A reporter for runs judged by `gate`.
    public init(gate: Gate = Gate()) {
        self.gate = gate
    }

    /// The run as Markdown.
    public func render(_ run: CheckRun) -> String {
        var me = self
        me.gate = run.gate
        return me.renderStreamed(run)
    }

    /// Lines of one section, up to the comment's limit in bytes of UTF-8 (at least as many as
    /// characters); the lines beyond are counted.
    struct Section: Sendable {
        var lines: [String] = []
        var bytes = 0
        var omitted = 0

        mutating func add(_ part: Substring) {
            for line in part.split(separator: "\n") {
                if bytes + line.utf8.count + 1 <= MarkdownReporter.limit {
                    lines.append(line + "\n")
                    bytes += line.utf8.count + 1
                } else {
                    omitted += 1
                }
            }
        }

        var total: Int { lines.count + omitted }

        /// Keeps the first lines that fit in `room` bytes, and takes them from it.
        mutating func fit(_ room: inout Int) {
            var kept = 0, used = 0
            while kept < lines.count, used + lines[kept].utf8.count <= room {
                used += lines[kept].utf8.count
                kept += 1
            }
            omitted += lines.count - kept
            lines.removeLast(lines.count - kept)
            room -= used
        }

        var text: String { lines.joined().replacingAll("\u{1D}", "\n") }
    }

    /// Nothing yet: the verdict, which comes first, is known at the end.
    public func opening(ruleSet: RuleSet, language: Language) -> String { "" }

    /// The report's lines for each section, separated by U+001E (which neutralised text cannot
    /// hold): its table row, input errors, findings, missing evidence, waivers.
    public func report(_ r: ReportOutcome, index: Int, language lang: Language) -> String {
        let vi = lang == .vi
        let l = Localizer(lang)
        let c = Summary([r])
        let unit = r.unit.map { "\(cell($0.name)) (\(cell($0.code)))" } ?? (vi ? "⛔ không hợp lệ" : "⛔ invalid")
        let row = "| \(code(r.displayName, table: true)) | \(unit) | \(r.period?.description ?? "—") | \(c.count(.pass)) | \(c.count(.fail) + c.count(.error)) | \(c.count(.missing)) | \(c.count(.waived)) |\n"
        let errors = r.diagnostics.sorted().filter { $0.severity == .error }
            .map { "- \(code($0.location.description)) **\($0.code)**: \(cell($0.message.text(lang)))\n" }.joined()
        // A report's findings fold into one block (one "line" here: U+001D stands for its line
        // breaks until ``Section/text``), so a cut never splits one.
        let found = r.results.filter(gate.isFinding)
        var findings = ""
        if !found.isEmpty {
            let unitName = r.unit.map { " — \(cell($0.name)) (\(cell($0.code)))" } ?? ""
            findings = "<details><summary>\(code(r.displayName))\(unitName): \(found.count) \(vi ? "vi phạm" : found.count == 1 ? "finding" : "findings")</summary>\u{1D}\u{1D}"
                + found.map { f in
                    "- \(code(f.location.description)) **\(f.rule.id)** (\(l.severity(f.severity))): \(cell(f.message(lang))) — _\(cell(l.basis(f.rule)))_\u{1D}"
                }.joined() + "\u{1D}</details>\n"
        }
        let missing = r.results.filter { $0.status == .missing && !gate.isFinding($0) && $0.baselineState != .unchanged }
            .map { "- \(code("\($0.location.file):\($0.location.line)")) **\($0.rule.id)**: \(cell($0.message(lang)))\n" }.joined()
        let waived = r.results.filter { $0.status == .waived }
            .map { "- **\($0.rule.id)** \(code($0.location.file)): \(cell($0.waiver.map { l.waiver($0) } ?? ""))\n" }.joined()
        return [row, errors, findings, missing, waived].joined(separator: "\u{1E}")
    }

    /// Keeps the report's lines in their sections, within their budgets; writes nothing yet.
    public mutating func emit(_ rendered: String) -> String {
        for (i, part) in rendered.split(separator: "\u{1E}", omittingEmptySubsequences: false).enumerated() where i < sections.count {
            sections[i].add(part)
            if i == 2 { findingCount += part.components(separatedBy: "\u{1D}- ").count - 1 }
        }
        return ""
    }

    /// The whole comment: verdict, totals, the sections, and how many lines were left out.
    public func closing(_ run: CheckRun, count: Int) -> String {
        let lang = run.language
        let vi = lang == .vi
        let s = run.summary
        var (table, errors, findings, missing, waived) = (sections[0], sections[1], sections[2], sections[3], sections[4])
        errors.add(Substring(run.diagnostics.sorted().filter { $0.severity == .error }
            .map { "- \(code($0.location.description)) **\($0.code)**: \(cell($0.message.text(lang)))\n" }.joined()))
        // Units that did not report (--expect): a province's list fits; the country's is cut at 200.
        var notSubmitted = ""
        if run.expectedCount > 0 {
            notSubmitted = "\n### " + cell(Localizer(lang)(.notSubmittedTitle(run.notSubmitted.count, of: run.expectedCount))) + "\n\n"
            for u in run.notSubmitted.prefix(200) { notSubmitted += "- " + cell(NotSubmitted.text(u, lang)) + "\n" }
            if run.notSubmitted.count > 200 {
                notSubmitted += lang == .vi ? "\n_… và \(run.notSubmitted.count - 200) đơn vị nữa: xem kết quả đầy đủ (`--format json`)._\n"
                                            : "\n_… and \(run.notSubmitted.count - 200) more units: see the full results (`--format json`)._\n"
            }
        }
        // The sections share the comment's room, the most important first; the headings, totals
        // and notes take at most the reserve.
        var room = Self.limit - 4_096 - notSubmitted.utf8.count
        for i in [1, 2, 0, 3, 4] {
            switch i {
            case 0: table.fit(&room)
            case 1: errors.fit(&room)
            case 2: findings.fit(&room)
            case 3: missing.fit(&room)
            default: waived.fit(&room)
            }
        }
        let verdict: String
        let belowThreshold = findingCount
        switch run.verdict {
        case .clean where belowThreshold > 0:
            verdict = vi ? "✅ Đạt ngưỡng; vi phạm dưới ngưỡng --fail-on \(run.gate.failOn.rawValue): \(belowThreshold)"
                         : "✅ Passed the gate; findings below --fail-on \(run.gate.failOn.rawValue): \(belowThreshold)"
        case .clean: verdict = vi ? "✅ Đạt" : "✅ Passed"
        case .findings: verdict = vi ? "❌ Có vi phạm" : "❌ Findings"
        case .invalidInput: verdict = vi ? "⛔ Dữ liệu không hợp lệ" : "⛔ Invalid input"
        }
        var o = "## qcdc — \(verdict)\n\n"
        o += vi ? "\(s.reports) báo cáo · \(s.count(.pass)) đạt · \(s.count(.fail)) không đạt · \(s.count(.missing)) thiếu dữ liệu · \(s.count(.waived)) miễn trừ · \(s.invalidReports) không hợp lệ\n\n"
                : "\(s.reports) reports · \(s.count(.pass)) passed · \(s.count(.fail)) failed · \(s.count(.missing)) missing evidence · \(s.count(.waived)) waived · \(s.invalidReports) invalid\n\n"
        if let b = run.baseline { o += Localizer(lang).baseline(b) + "\n\n" }
        o += vi ? "| Báo cáo | Đơn vị | Kỳ | Đạt | Không đạt | Thiếu | Miễn trừ |\n" : "| Report | Unit | Period | Passed | Failed | Missing | Waived |\n"
        o += "|---|---|---|---:|---:|---:|---:|\n" + table.text + more(table, lang)
        o += notSubmitted
        if errors.total > 0 {
            o += "\n### " + (vi ? "Lỗi dữ liệu đầu vào" : "Input errors") + "\n\n" + errors.text + more(errors, lang)
        }
        if findings.total > 0 {
            o += "\n### " + (vi ? "Vi phạm" : "Findings") + "\n\n" + findings.text + more(findings, lang)
        }
        for (section, vi, en) in [(missing, "Thiếu dữ liệu", "Missing evidence"), (waived, "Được miễn trừ", "Waived")] where section.total > 0 {
            let total = section.total
            o += "\n<details><summary>" + (lang == .vi ? "\(vi) (\(total))" : "\(en) (\(total))") + "</summary>\n\n"
            o += section.text + more(section, lang) + "\n</details>\n"
        }
        let warnings = run.diagnostics.filter { $0.severity == .warning }.prefix(20)
        if !warnings.isEmpty {
            o += "\n### " + (vi ? "Cảnh báo" : "Warnings") + "\n\n"
            for d in warnings { o += "- \(code(d.location.description)) **\(d.code)**: \(cell(d.message.text(lang)))\n" }
        }
        return o
    }

    /// The line saying how many lines a full section left out, and where to find them.
    func more(_ section: Section, _ lang: Language) -> String {
        guard section.omitted > 0 else { return "" }
        return lang == .vi
            ? "\n_… và \(section.omitted) mục nữa, lược bớt để bình luận không vượt quá \(Self.limit) ký tự: xem kết quả đầy đủ trong các tệp của lần chạy (artifact: SARIF, JUnit hoặc `--format json`)._\n"
            : "\n_… and \(section.omitted) more entries, left out to keep the comment within \(Self.limit) characters: see the full results in the run's files (its artifact: SARIF, JUnit or `--format json`)._\n"
    }

    /// Text from the inputs for a table cell or list item: Markdown syntax, HTML, links and
    /// @mentions neutralised (``Neutral/markdown(_:)``).
    func cell(_ s: String) -> String { Neutral.markdown(s) }

    /// A path or location as an inline code span (where Markdown, links and mentions are inert):
    /// control characters made visible, backticks replaced, and pipes escaped inside tables.
    func code(_ s: String, table: Bool = false) -> String {
        var v = Neutral.visible(s).replacingAll("`", "'")
        if table { v = v.replacingAll("|", "\\|") }
        return "`" + v + "`"
    }
}
