/// Scorecard as Markdown, for a pull request or a wiki page.
struct ScorecardMarkdown {
    let card: Scorecard
    init(_ card: Scorecard) { self.card = card }

    func cell(_ s: String) -> String { MarkdownReporter().cell(s) }
    func code(_ s: String, table: Bool = false) -> String { MarkdownReporter().code(s, table: table) }

    func render() -> String {
        let w = ScorecardWords(lang: card.language)
        let cats = card.scoredCategories
        var o = "# " + w[.scGrassrootsDemocracyComplianceScorecard] + "\n\n"
        o += "\(w[.scRuleSet]): `\(card.ruleSet.id)` \(card.ruleSet.version) · \(w[.scModel]) `\(card.config.model.urn)` · "
        o += card.config.missing == .fail ? w[.scMissingEvidenceCountsAsFailed]
                                          : w[.scMissingEvidenceLeftOutOfThe]
        o += "\n\n"
        o += "\(card.units.count) \(w[.scUnits2]) · \(w[.scMeanScore2]) **\(ScorecardWords.pct(card.meanScore))** · "
        o += "\(w[.scMeanCoverage2]) \(ScorecardWords.share(card.meanCoverage))"
        if !card.invalid.isEmpty { o += " · \(card.invalid.count) \(w[.scInvalidReports])" }
        o += "\n\n"
        if !card.submission.isEmpty {
            let cols = Message.submissionColumns.map { cell($0.text(card.language)) }
            o += "## " + Message.submissionTitle.text(card.language) + "\n\n"
            o += "| \(cols[0]) | \(cols[1]) | \(cols[2]) | \(cols[3]) | \(cols[4]) |\n|---|---:|---:|---:|---|\n"
            for p in card.submission {
                o += "| \(cell(p.label)) | \(p.reported) | \(p.expected) | \(p.share) | \(p.missing.isEmpty ? "—" : cell(p.missingNames())) |\n"
            }
            o += "\n"
        }
        o += "| \(w[.scBand2]) | \(w[.scFrom]) | \(w[.scUnits]) |\n|---|---:|---:|\n"
        for b in card.config.bands { o += "| \(cell(b.name.text(card.language))) | \(Value.format(b.minimum)) | \(card.units.filter { $0.band?.id == b.id }.count) |\n" }
        o += "\n## " + w[.scScoresByCategory] + "\n\n| \(w[.scCategory]) | \(w[.scMeanScore3]) |\n|---|---:|\n"
        for c in cats { o += "| \(cell(w.category(card, c))) | \(ScorecardWords.pct(card.categoryMeans[c])) |\n" }
        o += "\n## " + w[.scRanking] + "\n\n"
        o += "| # | \(w[.scUnit]) | \(w[.scPeriod]) | \(w[.scScore]) | \(w[.scCoverage]) | \(w[.scBand]) |"
        o += cats.map { " \(cell(w.category(card, $0))) |" }.joined() + "\n|---:|---|---|---:|---:|---|" + String(repeating: "---:|", count: cats.count) + "\n"
        for (i, u) in card.units.enumerated() {
            o += "| \(i + 1) | \(cell(u.unit.name)) (\(cell(u.unit.code))) | \(w.period(u.period)) | \(ScorecardWords.pct(u.score)) | \(ScorecardWords.share(u.coverage)) | \(cell(w.band(u.band))) |"
            o += cats.map { " \(ScorecardWords.pct(u.categories[$0] ?? nil)) |" }.joined() + "\n"
        }
        if card.groups.count > 1 || card.grouping == .kind {
            o += "\n## " + w[.scByGroup] + "\n\n| \(w[.scGroup]) | \(w[.scUnits]) | \(w[.scMeanScore]) | \(w[.scMeanCoverage]) | \(w[.scBest]) |\n|---|---:|---:|---:|---|\n"
            for g in card.groups {
                o += "| \(cell(g.name)) | \(g.members.count) | \(ScorecardWords.pct(g.meanScore)) | \(ScorecardWords.share(g.meanCoverage)) | \(g.members.first.map { cell($0.unit.name) } ?? "—") |\n"
            }
        }
        o += "\n## " + w[.scPassRateByRuleLowestFirst] + "\n\n"
        o += "| \(w[.scRule]) | \(w[.scBasis]) | \(w[.scPass]) | \(w[.scFail]) | \(w[.scMissing]) | \(w[.scPassRate]) |\n|---|---|---:|---:|---:|---:|\n"
        for r in card.rules { o += "| **\(r.rule.id)** \(cell(r.rule.title.text(card.language))) | \(w.basis(r.rule)) | \(r.pass) | \(r.fail + r.error) | \(r.missing) | \(ScorecardWords.share(r.passRate)) |\n" }
        if !card.rollups.isEmpty {
            o += "\n## " + w[.scRollUpFiguresContradictedByThe] + "\n\n"
            for f in card.rollups { o += "- " + rollupText(f, w) + "\n" }
        }
        if !card.trends.isEmpty {
            o += "\n## " + w[.scTrends2] + "\n\n| \(w[.scUnit]) | \(w[.scFrom]) | \(w[.scTo]) | Δ | \(w[.scNewlyPassing]) | \(w[.scNewlyFailing]) |\n|---|---|---|---:|---|---|\n"
            for t in card.trends {
                o += "| \(cell(t.to.unit.name)) | \(w.period(t.from.period)): \(ScorecardWords.pct(t.from.score)) | \(w.period(t.to.period)): \(ScorecardWords.pct(t.to.score)) | \(t.scoreDelta.map { ($0 >= 0 ? "+" : "") + Value.format($0, digits: 1) } ?? "—") | \(t.newlyPassing.joined(separator: ", ")) | \(t.newlyFailing.joined(separator: ", ")) |\n"
            }
        }
        if !card.invalid.isEmpty {
            o += "\n## " + w[.scInvalidReportsNotScored2] + "\n\n"
            for r in card.invalid { o += "- \(code(r.file)): " + r.diagnostics.filter { $0.severity == .error }.prefix(3).map { cell($0.text(card.language).split(separator: "\n")[0].description) }.joined(separator: "; ") + "\n" }
        }
        let problems = card.diagnostics.sorted().filter { $0.severity != .note }
        if !problems.isEmpty {
            o += "\n## " + w[.scInputErrorsAndWarnings] + "\n\n"
            for d in problems { o += "- \(code(d.location.description)) **\(d.code)**: \(cell(d.message.text(card.language)))\n" }
        }
        return o
    }

    func rollupText(_ f: RollupFinding, _ w: ScorecardWords) -> String {
        let parent = "\(cell(f.parent.unit.name)) (\(code("\(f.location.file):\(f.location.line)")))"
        let names = f.contradicting.map { "\(cell($0.unit.name)) (\(code("\($0.location.file):\($0.location.line)")))" }.joined(separator: ", ")
        let title = LocalizedText(vi: cell(f.declaration.title.vi), en: cell(f.declaration.title.en))
        return w[.rollup(f, parent: parent, title: title, rule: f.declaration.childRule, names: names)]
    }
}
