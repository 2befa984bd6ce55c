/// A Markdown summary fit for a pull-request comment: one line per report, then the
/// findings with their locations and legal basis; missing evidence and waivers folded away.
public struct MarkdownReporter: Sendable {
    public init() {}

    /// The run as Markdown.
    public func render(_ run: CheckRun) -> String {
        let lang = run.language
        let vi = lang == .vi
        let s = run.summary
        let verdict: String
        let belowThreshold = run.reports.reduce(0) { $0 + $1.results.filter(run.gate.isFinding).count }
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
        o += "|---|---|---|---:|---:|---:|---:|\n"
        for r in run.reports {
            let c = Summary([r])
            let unit = r.unit.map { "\(cell($0.name)) (\(cell($0.code)))" } ?? (vi ? "⛔ không hợp lệ" : "⛔ invalid")
            o += "| \(code(r.file, table: true)) | \(unit) | \(r.period?.description ?? "—") | \(c.count(.pass)) | \(c.count(.fail) + c.count(.error)) | \(c.count(.missing)) | \(c.count(.waived)) |\n"
        }
        let problems = (run.diagnostics + run.reports.flatMap(\.diagnostics)).sorted().filter { $0.severity == .error }
        if !problems.isEmpty {
            o += "\n### " + (vi ? "Lỗi dữ liệu đầu vào" : "Input errors") + "\n\n"
            for d in problems { o += "- \(code(d.location.description)) **\(d.code)**: \(cell(d.message.text(lang)))\n" }
        }
        let findings = run.reports.flatMap { r in r.results.filter(run.gate.isFinding).map { (r, $0) } }
        if !findings.isEmpty {
            o += "\n### " + (vi ? "Vi phạm" : "Findings") + "\n\n"
            for (_, f) in findings {
                o += "- \(code(f.location.description)) **\(f.rule.id)** (\(Localizer(lang).severity(f.severity))): \(cell(f.message(lang))) — _\(cell(Localizer(lang).basis(f.rule)))_\n"
            }
        }
        let missing = run.reports.flatMap { r in r.results.filter { $0.status == .missing && !run.gate.isFinding($0) && $0.baselineState != .unchanged } }
        if !missing.isEmpty {
            o += "\n<details><summary>" + (vi ? "Thiếu dữ liệu (\(missing.count))" : "Missing evidence (\(missing.count))") + "</summary>\n\n"
            for f in missing { o += "- \(code("\(f.location.file):\(f.location.line)")) **\(f.rule.id)**: \(cell(f.message(lang)))\n" }
            o += "\n</details>\n"
        }
        let waived = run.reports.flatMap { r in r.results.filter { $0.status == .waived } }
        if !waived.isEmpty {
            o += "\n<details><summary>" + (vi ? "Được miễn trừ (\(waived.count))" : "Waived (\(waived.count))") + "</summary>\n\n"
            for f in waived { o += "- **\(f.rule.id)** \(code(f.location.file)): \(cell(f.waiver.map { Localizer(lang).waiver($0) } ?? ""))\n" }
            o += "\n</details>\n"
        }
        let warnings = run.diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            o += "\n### " + (vi ? "Cảnh báo" : "Warnings") + "\n\n"
            for d in warnings { o += "- \(code(d.location.description)) **\(d.code)**: \(cell(d.message.text(lang)))\n" }
        }
        return o
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
