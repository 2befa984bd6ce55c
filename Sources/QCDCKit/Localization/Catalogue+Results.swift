// The catalogue: what results say (statuses, severities, the sentences of each explanation).
extension Localizer {
    /// A result's sentence: the failure message with its values, the rule's title when it
    /// passed or does not apply, or what is missing.
    public func message(_ r: RuleResult) -> String {
        let vi = language == .vi
        switch r.explanation {
        case .passed, .notApplicable:
            return r.rule.title.text(language)
        case .failed(let values, let slice):
            let rendered = values.mapValues { v -> String in
                switch v {
                case .text(let t): t
                case .flag(let b): b ? (vi ? "có" : "yes") : (vi ? "không" : "no")
                }
            }
            let text = r.rule.template.render(language, rendered)
            return slice.map { "\($0): " + text } ?? text
        case .missing(let facts):
            return (vi ? "thiếu dữ liệu: " : "missing evidence: ") + names(facts)
        case .yearlyFiguresMissing(let window, let facts):
            return vi ? "thiếu số liệu từng năm: quy tắc được đánh giá theo từng năm dương lịch, nhưng báo cáo chỉ cho tổng cả kỳ \(window): \(names(facts))"
                      : "yearly figures missing: the rule is judged per calendar year, but the report gives totals for the whole period \(window): \(names(facts))"
        case .unevaluable(let why, let slice):
            let text = (vi ? "không đánh giá được: " : "cannot be evaluated: ") + why.text(language)
            return slice.map { "\($0): " + text } ?? text
        }
    }

    /// `Label (path); Label (path)`.
    func names(_ facts: [FactName]) -> String {
        facts.map { f in f.label.map { "\($0.text(language)) (\(f.path))" } ?? f.path }.joined(separator: "; ")
    }

    /// Why a result does not apply or could not be evaluated.
    static func reason(_ r: RuleResult) -> Message? {
        switch r.explanation {
        case .notApplicable(.kind(let kind)):
            Message("result.not_applicable.kind", vi: "không áp dụng cho \(kind.name(.vi)) (`\(kind.rawValue)`)",
                    en: "does not apply to unit kind \(kind.rawValue)")
        case .notApplicable(.notInForce(let window)):
            Message("result.not_applicable.in_force", vi: "không có hiệu lực trong kỳ báo cáo (hiệu lực \(window))",
                    en: "not in force during the report period (in force \(window))")
        case .notApplicable(.condition(let text)):
            Message("result.not_applicable.condition", vi: "điều kiện áp dụng không thỏa: `\(text)`", en: "its condition does not hold: \(text)")
        case .yearlyFiguresMissing:
            Message("result.multi_year", vi: "báo cáo nhiều năm: hãy báo cáo từng năm", en: "a multi-year report: report each year separately")
        case .unevaluable(let why, _):
            why
        case .passed, .failed, .missing:
            nil
        }
    }

    /// A result's status in words: `đạt`, `không đạt`, `thiếu dữ liệu` / `passed`, `failed`, `missing evidence`.
    public func status(_ s: RuleStatus) -> String {
        switch (s, language) {
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

    /// A rule's severity in words: `lỗi`, `cảnh báo`, `thông tin` / `error`, `warning`, `info`.
    public func severity(_ s: Severity) -> String {
        switch (s, language) {
        case (.error, .vi): "lỗi"
        case (.warning, .vi): "cảnh báo"
        case (.info, .vi): "thông tin"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        }
    }

    /// A rule's kind: `pháp luật`, `chủ trương` / `law`, `policy`.
    public func kind(_ k: BasisKind) -> String {
        switch (k, language) {
        case (.law, .vi): "pháp luật"
        case (.policy, .vi): "chủ trương"
        case (.law, .en): "law"
        case (.policy, .en): "policy"
        }
    }

    /// How firmly a basis was read: `sơ cấp (đã đọc văn bản)` … / `primary` ….
    public func strength(_ s: BasisStrength) -> String {
        switch (s, language) {
        case (.primary, .vi): "đã đọc văn bản gốc"
        case (.secondary, .vi): "theo nguồn thứ cấp"
        case (.unverified, .vi): "chưa kiểm chứng"
        case (.primary, .en): "primary"
        case (.secondary, .en): "secondary"
        case (.unverified, .en): "unverified"
        }
    }

    /// The citations of a rule, policy ones marked: `Luật … Điều 36; 24-CT/TU — chủ trương`.
    /// Computed once per rule (every printed finding carries it).
    public func basis(_ rule: Rule) -> String { rule.basisText(language) }

    /// An applied waiver: its justification, who approved it, until when, and where it is.
    public func waiver(_ w: AppliedWaiver) -> String {
        language == .vi
            ? "\(w.waiver.justification) (duyệt bởi \(w.waiver.approvedBy), đến \(w.waiver.expires); \(w.waiver.location))"
            : "\(w.waiver.justification) (approved by \(w.waiver.approvedBy), until \(w.waiver.expires); \(w.waiver.location))"
    }

    /// The baseline comparison's summary line.
    public func baseline(_ b: BaselineSummary) -> String {
        language == .vi
            ? "Đường cơ sở: \(b.new) phát hiện mới; \(b.unchanged) phát hiện đã biết vẫn còn (không hiển thị); \(b.fixed) đã khắc phục"
            : "Baseline: \(b.new) new findings; \(b.unchanged) known findings still present (not shown); \(b.fixed) fixed"
    }
}
