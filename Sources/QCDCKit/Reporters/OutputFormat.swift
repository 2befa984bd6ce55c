/// The output formats of `qcdc check`. A new format is one file, one case and
/// one switch arm.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github, markdown

    /// Renders a run. `color` applies to text only.
    public func render(_ run: CheckRun, color: Bool = false, showAll: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color, showAll: showAll).render(run)
        case .json: JSONReporter().render(run)
        case .sarif: SARIFReporter().render(run)
        case .junit: JUnitReporter().render(run)
        case .github: GitHubReporter().render(run)
        case .markdown: MarkdownReporter().render(run)
        }
    }
}

/// Words for statuses and severities in both languages.
enum Words {
    static func status(_ s: RuleStatus, _ lang: Language) -> String {
        switch (s, lang) {
        case (.pass, .vi): "đạt"
        case (.fail, .vi): "không đạt"
        case (.missing, .vi): "thiếu dữ liệu"
        case (.notApplicable, .vi): "không áp dụng"
        case (.error, .vi): "không đánh giá được"
        case (.waived, .vi): "được miễn trừ"
        case (.pass, .en): "passed"
        case (.fail, .en): "failed"
        case (.missing, .en): "missing evidence"
        case (.notApplicable, .en): "not applicable"
        case (.error, .en): "could not be evaluated"
        case (.waived, .en): "waived"
        }
    }
    static func severity(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.error, .vi): "lỗi"
        case (.warning, .vi): "cảnh báo"
        case (.info, .vi): "thông tin"
        default: s.rawValue
        }
    }
    static func waiver(_ w: AppliedWaiver, _ lang: Language) -> String {
        let by = lang == .vi ? "duyệt bởi" : "approved by"
        let until = lang == .vi ? "đến" : "until"
        return "\(w.waiver.justification) (\(by) \(w.waiver.approvedBy), \(until) \(w.waiver.expires); \(w.waiver.location))"
    }

    static func baseline(_ b: BaselineSummary, _ lang: Language) -> String {
        lang == .vi
            ? "Đường cơ sở: \(b.new) phát hiện mới; \(b.unchanged) phát hiện đã biết vẫn còn (không hiển thị); \(b.fixed) đã khắc phục"
            : "Baseline: \(b.new) new findings; \(b.unchanged) known findings still present (not shown); \(b.fixed) fixed"
    }

    static func basis(_ rule: Rule, _ lang: Language) -> String {
        rule.basis.map { c in
            c.kind == .policy ? c.short(lang) + (lang == .vi ? " — chủ trương" : " — policy") : c.short(lang)
        }.joined(separator: "; ")
    }
}
