/// Scorecard as Markdown, for a pull request or a wiki page.
struct ScorecardMarkdown {
    let card: Scorecard
    init(_ card: Scorecard) { self.card = card }

    func cell(_ s: String) -> String { MarkdownReporter().cell(s) }
    func code(_ s: String, table: Bool = false) -> String { MarkdownReporter().code(s, table: table) }

    func render() -> String {
        let w = ScorecardWords(lang: card.language)
        let cats = card.scoredCategories
        var o = "# " + w.t("Bảng điểm tuân thủ dân chủ ở cơ sở", "Grassroots-democracy compliance scorecard") + "\n\n"
        o += "\(w.t("Bộ quy tắc", "Rule set")): `\(card.ruleSet.id)` \(card.ruleSet.version) · \(w.t("mô hình", "model")) `\(card.config.model.urn)` · "
        o += card.config.missing == .fail ? w.t("thiếu dữ liệu tính là không đạt", "missing evidence counts as failed")
                                          : w.t("thiếu dữ liệu không tính vào mẫu số", "missing evidence left out of the denominator")
        o += "\n\n"
        o += "\(card.units.count) \(w.t("đơn vị", "units")) · \(w.t("điểm trung bình", "mean score")) **\(ScorecardWords.pct(card.meanScore))** · "
        o += "\(w.t("độ phủ trung bình", "mean coverage")) \(ScorecardWords.share(card.meanCoverage))"
        if !card.invalid.isEmpty { o += " · \(card.invalid.count) \(w.t("báo cáo không hợp lệ", "invalid reports"))" }
        o += "\n\n"
        o += "| \(w.t("Nhóm điểm", "Band")) | \(w.t("Từ", "From")) | \(w.t("Số đơn vị", "Units")) |\n|---|---:|---:|\n"
        for b in card.config.bands { o += "| \(cell(b.name.text(card.language))) | \(Value.format(b.minimum)) | \(card.units.filter { $0.band?.id == b.id }.count) |\n" }
        o += "\n## " + w.t("Điểm theo nhóm tiêu chí", "Scores by category") + "\n\n| \(w.t("Nhóm tiêu chí", "Category")) | \(w.t("Điểm trung bình", "Mean score")) |\n|---|---:|\n"
        for c in cats { o += "| \(cell(w.category(card, c))) | \(ScorecardWords.pct(card.categoryMeans[c])) |\n" }
        o += "\n## " + w.t("Xếp hạng", "Ranking") + "\n\n"
        o += "| # | \(w.t("Đơn vị", "Unit")) | \(w.t("Kỳ", "Period")) | \(w.t("Điểm", "Score")) | \(w.t("Độ phủ", "Coverage")) | \(w.t("Nhóm", "Band")) |"
        o += cats.map { " \(cell(w.category(card, $0))) |" }.joined() + "\n|---:|---|---|---:|---:|---|" + String(repeating: "---:|", count: cats.count) + "\n"
        for (i, u) in card.units.enumerated() {
            o += "| \(i + 1) | \(cell(u.unit.name)) (\(cell(u.unit.code))) | \(w.period(u.period)) | \(ScorecardWords.pct(u.score)) | \(ScorecardWords.share(u.coverage)) | \(cell(w.band(u.band))) |"
            o += cats.map { " \(ScorecardWords.pct(u.categories[$0] ?? nil)) |" }.joined() + "\n"
        }
        if card.groups.count > 1 || card.grouping == .kind {
            o += "\n## " + w.t("Theo nhóm đơn vị", "By group") + "\n\n| \(w.t("Nhóm", "Group")) | \(w.t("Số đơn vị", "Units")) | \(w.t("Điểm TB", "Mean score")) | \(w.t("Độ phủ TB", "Mean coverage")) | \(w.t("Cao nhất", "Best")) |\n|---|---:|---:|---:|---|\n"
            for g in card.groups {
                o += "| \(cell(g.name)) | \(g.members.count) | \(ScorecardWords.pct(g.meanScore)) | \(ScorecardWords.share(g.meanCoverage)) | \(g.members.first.map { cell($0.unit.name) } ?? "—") |\n"
            }
        }
        o += "\n## " + w.t("Tỷ lệ đạt theo quy tắc (thấp nhất trước)", "Pass rate by rule (lowest first)") + "\n\n"
        o += "| \(w.t("Quy tắc", "Rule")) | \(w.t("Căn cứ", "Basis")) | \(w.t("Đạt", "Pass")) | \(w.t("Không đạt", "Fail")) | \(w.t("Thiếu", "Missing")) | \(w.t("Tỷ lệ đạt", "Pass rate")) |\n|---|---|---:|---:|---:|---:|\n"
        for r in card.rules { o += "| **\(r.rule.id)** \(cell(r.rule.title.text(card.language))) | \(w.basis(r.rule)) | \(r.pass) | \(r.fail + r.error) | \(r.missing) | \(ScorecardWords.share(r.passRate)) |\n" }
        if !card.rollups.isEmpty {
            o += "\n## " + w.t("Số liệu tổng hợp mâu thuẫn với báo cáo cấp dưới", "Roll-up figures contradicted by the units' own reports") + "\n\n"
            for f in card.rollups { o += "- " + rollupText(f, w) + "\n" }
        }
        if !card.trends.isEmpty {
            o += "\n## " + w.t("Xu hướng", "Trends") + "\n\n| \(w.t("Đơn vị", "Unit")) | \(w.t("Từ", "From")) | \(w.t("Đến", "To")) | Δ | \(w.t("Mới đạt", "Newly passing")) | \(w.t("Mới không đạt", "Newly failing")) |\n|---|---|---|---:|---|---|\n"
            for t in card.trends {
                o += "| \(cell(t.to.unit.name)) | \(w.period(t.from.period)): \(ScorecardWords.pct(t.from.score)) | \(w.period(t.to.period)): \(ScorecardWords.pct(t.to.score)) | \(t.scoreDelta.map { ($0 >= 0 ? "+" : "") + Value.format($0, digits: 1) } ?? "—") | \(t.newlyPassing.joined(separator: ", ")) | \(t.newlyFailing.joined(separator: ", ")) |\n"
            }
        }
        if !card.invalid.isEmpty {
            o += "\n## " + w.t("Báo cáo không hợp lệ (không chấm điểm)", "Invalid reports (not scored)") + "\n\n"
            for r in card.invalid { o += "- \(code(r.file)): " + r.diagnostics.filter { $0.severity == .error }.prefix(3).map { cell($0.text(card.language).split(separator: "\n")[0].description) }.joined(separator: "; ") + "\n" }
        }
        let problems = card.diagnostics.sorted().filter { $0.severity != .note }
        if !problems.isEmpty {
            o += "\n## " + w.t("Lỗi và cảnh báo về dữ liệu đầu vào", "Input errors and warnings") + "\n\n"
            for d in problems { o += "- \(code(d.location.description)) **\(d.code)**: \(cell(d.message.text(card.language)))\n" }
        }
        return o
    }

    func rollupText(_ f: RollupFinding, _ w: ScorecardWords) -> String {
        let parent = "\(cell(f.parent.unit.name)) (\(code("\(f.location.file):\(f.location.line)")))"
        let names = f.contradicting.map { "\(cell($0.unit.name)) (\(code("\($0.location.file):\($0.location.line)")))" }.joined(separator: ", ")
        switch f.kind {
        case .overclaim:
            return w.t("\(parent) báo cáo \(f.claimed)\(f.total.map { "/\($0)" } ?? "") — \(cell(f.declaration.title.vi)); nhưng báo cáo của các đơn vị sau cho kết quả không đạt \(f.declaration.childRule): \(names)",
                       "\(parent) reports \(f.claimed)\(f.total.map { " of \($0)" } ?? "") — \(cell(f.declaration.title.en)); but these units' own reports fail \(f.declaration.childRule): \(names)")
        case .underclaim:
            return w.t("\(parent) báo cáo \(f.claimed) — \(cell(f.declaration.title.vi)); nhưng \(f.childrenPassing) đơn vị cấp dưới đạt \(f.declaration.childRule) theo báo cáo của chính họ",
                       "\(parent) reports \(f.claimed) — \(cell(f.declaration.title.en)); but \(f.childrenPassing) units pass \(f.declaration.childRule) in their own reports")
        }
    }
}
