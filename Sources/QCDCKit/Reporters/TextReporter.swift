/// Compiler-style text for people: `path:line:col: error[RULE-ID]: message (basis)`,
/// grouped by report, then a summary.
public struct TextReporter: Sendable {
    public var color: Bool
    /// Also list passed and not-applicable results.
    public var showAll: Bool

    public init(color: Bool = false, showAll: Bool = false) {
        self.color = color
        self.showAll = showAll
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ run: CheckRun) -> String {
        let lang = run.language
        var out = ""
        for d in run.diagnostics.sorted() where d.severity != .note || showAll { out += diagnostic(d) }
        for report in run.reports {
            var header = Neutral.path(report.file)
            if let u = report.unit {
                header += ": \(Neutral.visible(u.name)) (\(u.kind.rawValue) \(Neutral.visible(u.code)))"
                if let p = report.period { header += ", \(p)" }
            }
            out += paint(header, "1") + "\n"
            for d in report.diagnostics { out += diagnostic(d) }
            if report.isInvalid {
                out += "  " + (lang == .vi ? "báo cáo không hợp lệ: chưa đánh giá; sửa các lỗi trên rồi chạy lại"
                                          : "invalid report: not evaluated; fix the errors above and run again") + "\n\n"
                continue
            }
            let shown = report.results
                .filter { showAll || ($0.status != .pass && $0.status != .notApplicable) }
                .filter { $0.baselineState != .unchanged }
                .sorted { ($0.location.line, $0.location.column, $0.rule.id) < ($1.location.line, $1.location.column, $1.rule.id) }
            for r in shown { out += result(r, lang) }
            let s = Summary([report])
            out += "  " + counts(s, lang) + "\n\n"
        }
        let s = run.summary
        let title = lang == .vi ? "Tổng cộng" : "Total"
        let reportsWord = lang == .vi ? "báo cáo" : (s.reports == 1 ? "report" : "reports")
        var line = "\(title): \(s.reports) \(reportsWord)"
        if s.invalidReports > 0 { line += lang == .vi ? " (\(s.invalidReports) không hợp lệ)" : " (\(s.invalidReports) invalid)" }
        line += "; " + counts(s, lang)
        out += paint(line, "1") + "\n"
        if let b = run.baseline { out += Words.baseline(b, lang) + "\n" }
        return out
    }

    func counts(_ s: Summary, _ lang: Language) -> String {
        var parts: [String] = []
        for st in [RuleStatus.pass, .fail, .missing, .error, .waived, .notApplicable] {
            let n = s.count(st)
            if n > 0 || st == .pass || st == .fail || st == .missing {
                var p = "\(n) \(Words.status(st, lang))"
                if st == .fail, n > 0 {
                    let sev = Severity.allCases.reversed().compactMap { v -> String? in
                        let c = s.failedBySeverity[v] ?? 0
                        return c > 0 ? "\(c) \(Words.severity(v, lang))" : nil
                    }
                    if !sev.isEmpty { p += " (" + sev.joined(separator: ", ") + ")" }
                }
                parts.append(p)
            }
        }
        if s.inputErrors > 0 { parts.append(lang == .vi ? "\(s.inputErrors) lỗi dữ liệu đầu vào" : "\(s.inputErrors) input errors") }
        if s.inputWarnings > 0 { parts.append(lang == .vi ? "\(s.inputWarnings) cảnh báo dữ liệu đầu vào" : "\(s.inputWarnings) input warnings") }
        return parts.joined(separator: ", ")
    }

    func diagnostic(_ d: Diagnostic) -> String {
        let c = d.severity == .error ? "31" : d.severity == .warning ? "33" : "36"
        var s = "\(Neutral.path(d.location.description)): " + paint("\(d.severity.rawValue)[\(d.code)]", c) + ": \(Neutral.visible(d.message))\n"
        for n in d.notes { s += "    note: \(Neutral.visible(n))\n" }
        return s
    }

    func result(_ r: RuleResult, _ lang: Language) -> String {
        let label: String
        let c: String
        switch r.status {
        case .fail: label = r.severity.rawValue; c = r.severity == .error ? "31" : r.severity == .warning ? "33" : "36"
        case .missing: label = "missing"; c = "35"
        case .error: label = "eval-error"; c = "31"
        case .pass: label = "pass"; c = "32"
        case .notApplicable: label = "n/a"; c = "2"
        case .waived: label = "waived"; c = "34"
        }
        let loc = Neutral.path("\(r.location.file):\(r.location.line):\(r.location.column)")
        var s = "\(loc): " + paint("\(label)[\(r.rule.id)]", c) + ": \(Neutral.visible(r.message))"
        if r.status == .notApplicable, let reason = r.reason { s += " — \(Neutral.visible(reason))" }
        if let w = r.waiver { s += " — \(lang == .vi ? "miễn trừ" : "waived"): " + Neutral.visible(Words.waiver(w, lang)) }
        s += " (\(Words.basis(r.rule, lang)))\n"
        for f in r.flagged {
            s += "    note: \(Neutral.visible("\(f.location.file):\(f.location.line):\(f.location.column): \(f.id.map { "\($0) " } ?? "")(\(f.path))"))\n"
        }
        return s
    }
}
