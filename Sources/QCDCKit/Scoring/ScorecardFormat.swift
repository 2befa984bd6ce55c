/// The output formats of `qcdc scorecard`.
public enum ScorecardFormat: String, Sendable, CaseIterable {
    case html, markdown, csv, json

    public func render(_ card: Scorecard) -> String {
        switch self {
        case .html: ScorecardHTML(card).render()
        case .markdown: ScorecardMarkdown(card).render()
        case .csv: ScorecardCSV(card).render()
        case .json: ScorecardJSON(card).document().rendered()
        }
    }
}

/// Shared wording and number formats for scorecards.
struct ScorecardWords {
    let lang: Language
    func t(_ vi: String, _ en: String) -> String { lang.pick(vi, en) }
    static func pct(_ d: Double?) -> String { d.map { Value.format($0, digits: 1) } ?? "—" }
    static func share(_ d: Double?) -> String { d.map { Value.format($0 * 100, digits: 0) + "%" } ?? "—" }
    func category(_ card: Scorecard, _ id: String) -> String { card.ruleSet.categories[id]?.name.text(lang) ?? id }
    func band(_ b: ScoringConfig.Band?) -> String { b?.name.text(lang) ?? "—" }
    func period(_ p: Period) -> String { p.description }
    /// "luật · văn bản gốc" / "law · primary": the kind and strength of a rule's basis.
    func basis(_ r: Rule) -> String {
        let kind = r.kind == .law ? t("luật", "law") : t("chủ trương", "policy")
        let strength: String
        switch r.strength {
        case .primary: strength = t("đã đối chiếu văn bản", "primary")
        case .secondary: strength = t("nguồn thứ cấp", "secondary")
        case .unverified: strength = t("chưa kiểm chứng", "unverified")
        }
        return "\(kind) · \(strength)"
    }
}
