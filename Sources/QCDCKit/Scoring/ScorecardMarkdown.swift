/// Scorecard as Markdown, for a pull request or a wiki page.
struct ScorecardMarkdown {
    let card: Scorecard
    init(_ card: Scorecard) { self.card = card }

    func cell(_ s: String) -> String { MarkdownReporter().cell(s) }
    func code(_ s: String, table: Bool = false) -> String { MarkdownReporter().code(s, table: table) }

    func render() -> String {
        let w = ScorecardWords(lang: card.language)
        let cats = card.scoredCategories
        var o = "# " + cell(card.heading.title ?? w[.scGrassrootsDemocracyComplianceScorecard]) + "\n\n"
        if let issuer = card.heading.issuer { o += "**\(cell(issuer))**\n\n" }
        if let date = card.heading.date { o += w[.documentDate(date)] + "\n\n" }
        o += "\(w[.scRuleSet]): `\(card.ruleSet.id)` \(card.ruleSet.version) · \(w[.scModel]) `\(card.config.model.urn)` · "
        o += card.config.missing == .fail ? w[.scMissingEvidenceCountsAsFailed]
                                          : w[.scMissingEvidenceLeftOutOfThe]
        o += "\n\n"
        o += "\(card.units.count) \(w[.scUnits2]) · \(w[.scMeanScore2]) **\(ScorecardWords.pct(card.meanScore))** · "
        o += "\(w[.scMeanCoverage2]) \(ScorecardWords.share(card.meanCoverage))"
        if !card.invalid.isEmpty { o += " · \(card.invalid.count) \(w[.scInvalidReports])" }
        o += "\n\n"
        if card.excluded > 0 { o += cell(w[.excludedReports(card.excluded, card.selection)]) + "\n\n" }
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
        for r in card.rankings {
            o += "\n## " + w[.rankingTitle(r)] + "\n\n"
            o += "| # | \(w[.scUnit]) | \(w[.scProvince]) | \(w[.scScore]) | \(w[.scCoverage]) | \(w[.scBand]) |"
            o += cats.map { " \(cell(w.category(card, $0))) |" }.joined() + "\n|---:|---|---|---:|---:|---|" + String(repeating: "---:|", count: cats.count) + "\n"
            for u in card.units(of: r) {
                o += "| \(u.rank?.description ?? "—") | \(cell(u.unit.name)) (\(cell(u.unit.code))) | \(cell(u.province.flatMap(card.name(of:)) ?? u.province ?? "—")) | \(ScorecardWords.pct(u.score)) | \(ScorecardWords.share(u.coverage)) | \(cell(w.band(u.band))) |"
                o += cats.map { " \(ScorecardWords.pct(u.categories[$0] ?? nil)) |" }.joined() + "\n"
            }
            let groups = card.groups.filter { $0.period == r.period && $0.kind == r.kind }
            if groups.count > 1 {
                o += "\n| \(w[.scGroup]) | \(w[.scUnits]) | \(w[.scMeanScore]) | \(w[.scMeanCoverage]) | \(w[.scBest]) |\n|---|---:|---:|---:|---|\n"
                for g in groups {
                    o += "| \(cell(g.name)) | \(g.members.count) | \(ScorecardWords.pct(g.meanScore)) | \(ScorecardWords.share(g.meanCoverage)) | \(g.members.first.map { cell($0.unit.name) } ?? "—") |\n"
                }
            }
        }
        o += "\n## " + w[.scPassRateByRuleLowestFirst] + "\n\n"
        o += "| \(w[.scRule]) | \(w[.scBasis]) | \(w[.scPass]) | \(w[.scFail]) | \(w[.scMissing]) | \(w[.scPassRate]) |\n|---|---|---:|---:|---:|---:|\n"
        for r in card.rules { o += "| **\(r.rule.id)** \(cell(r.rule.title.text(card.language))) | \(w.basis(r.rule)) | \(r.pass) | \(r.fail + r.error) | \(r.missing) | \(ScorecardWords.share(r.passRate)) |\n" }
        if !card.rollups.isEmpty {
            o += "\n## " + w[.scRollUpFiguresContradictedByThe] + "\n\n"
            o += "| \(w[.scReportingUnit]) | \(w[.scFigure]) | \(w[.scClaimed]) | \(w[.scAllowed]) | \(w[.scContradicting]) |\n|---|---|---:|---|---|\n"
            for f in card.rollups {
                let names = f.contradicting.map { "\(cell($0.unit.name)) (\(code("\($0.location.file):\($0.location.line)", table: true)))" }.joined(separator: ", ")
                o += "| \(cell(f.parent.unit.name)) (\(code("\(f.location.file):\(f.location.line)", table: true))) | \(cell(f.declaration.title.text(card.language))) "
                o += "| \(f.claimed)\(f.total.map { "/\($0)" } ?? "") \(f.kind == .overclaim ? w[.scOverclaim] : w[.scUnderclaim]) | \(cell(w[.rollupAllowed(f)])) | \(names.isEmpty ? "—" : names) |\n"
            }
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
}
