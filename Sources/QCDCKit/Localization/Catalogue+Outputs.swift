// The catalogue: words of the check outputs (text, Markdown, JUnit, annotations).
extension Message {
    static let invalidReportNotEvaluated = Message("output.invalid_report",
        vi: "báo cáo không hợp lệ: chưa đánh giá; sửa các lỗi ở trên rồi chạy lại",
        en: "invalid report: not evaluated; fix the errors above and run again")
    static func inputErrors(_ n: Int) -> Message {
        Message("output.input_errors", vi: "\(n) lỗi dữ liệu đầu vào", en: "\(n) input errors")
    }
    static func inputWarnings(_ n: Int) -> Message {
        Message("output.input_warnings", vi: "\(n) cảnh báo dữ liệu đầu vào", en: "\(n) input warnings")
    }
    /// Short labels before a rule id in text output: `thiếu[HG-01]`.
    static let labelMissing = Message("output.label.missing", vi: "thiếu dữ liệu", en: "missing")
    static let labelUnevaluable = Message("output.label.unevaluable", vi: "không đánh giá được", en: "eval-error")
    static let labelNotApplicable = Message("output.label.not_applicable", vi: "không áp dụng", en: "n/a")
    static let labelWaived = Message("output.label.waived", vi: "miễn trừ", en: "waived")
    /// Text output's one line for a report's missing evidence (without `--show-missing`): the
    /// rules' count and their first twelve ids. Written straight into the report's text, in the
    /// one language shown: built as a ``Message`` in both, it cost more than the rest of the line.
    static func missingCollapsed(_ ids: [String], _ lang: Language, into out: inout JSONText) {
        out.write(int: ids.count)
        out += lang == .vi ? " quy tắc chưa có dữ liệu để đánh giá (" : " rules lack the evidence to evaluate them ("
        for (i, id) in ids.prefix(12).enumerated() {
            if i > 0 { out += ", " }
            out += id
        }
        if ids.count > 12 { out += ", …" }
        out += lang == .vi ? "); xem từng quy tắc với --show-missing" : "); --show-missing lists them"
    }
}

extension Message {
    /// A SARIF rule for a diagnostic code: `qcdc input check report.type_mismatch`.
    static func inputCheck(_ code: DiagnosticCode) -> Message {
        Message("output.sarif.input_check", vi: "kiểm tra dữ liệu đầu vào của qcdc: \(code)", en: "qcdc input check \(code)")
    }
    static func suppressionJustification(_ w: AppliedWaiver) -> Message {
        Message("output.sarif.suppression", vi: "\(w.waiver.justification) (duyệt bởi \(w.waiver.approvedBy), hết hạn \(w.waiver.expires))",
                en: "\(w.waiver.justification) (approved by \(w.waiver.approvedBy), expires \(w.waiver.expires))")
    }
    /// The name of a JUnit test case for an input problem.
    /// JUnit's reason for a finding that does not fail the gate (a skipped test case).
    static func belowGate(_ severity: Severity, failOn: FailOn, _ text: String) -> Message {
        let l = (vi: Localizer(.vi), en: Localizer(.en))
        return Message("output.junit.below_gate",
                       vi: "không chặn: vi phạm mức \(l.vi.severity(severity)), dưới ngưỡng --fail-on \(failOn.rawValue) — \(text)",
                       en: "does not fail the gate: a finding of severity \(l.en.severity(severity)), below --fail-on \(failOn.rawValue) — \(text)")
    }
    static func junitInput(_ code: DiagnosticCode) -> Message {
        Message("output.junit.input", vi: "dữ liệu đầu vào: \(code)", en: "input: \(code)")
    }
}

extension Localizer {
    /// The last annotation: `3 báo cáo: 10 đạt, …` / `3 reports: 10 passed, …`.
    func annotationSummary(_ s: Summary) -> String {
        language == .vi
            ? "\(s.reports) báo cáo: \(s.count(.pass)) đạt, \(s.count(.fail)) không đạt, \(s.count(.missing)) thiếu dữ liệu, \(s.count(.waived)) miễn trừ, \(s.invalidReports) không hợp lệ"
            : "\(s.reports) reports: \(s.count(.pass)) passed, \(s.count(.fail)) failed, \(s.count(.missing)) missing evidence, \(s.count(.waived)) waived, \(s.invalidReports) invalid"
    }

    /// `Tổng cộng: 3 báo cáo (1 không hợp lệ)` / `Total: 3 reports (1 invalid)`.
    func totalLine(_ s: Summary) -> String {
        if language == .vi {
            return "Tổng cộng: \(s.reports) báo cáo" + (s.invalidReports > 0 ? " (\(s.invalidReports) không hợp lệ)" : "")
        }
        return "Total: \(s.reports) \(s.reports == 1 ? "report" : "reports")" + (s.invalidReports > 0 ? " (\(s.invalidReports) invalid)" : "")
    }
}
