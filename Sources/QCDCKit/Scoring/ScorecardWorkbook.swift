import Foundation

/// The scorecard as an Excel workbook, for an official to open in Excel or LibreOffice without
/// any fix-up: a summary, the units (codes as text cells, scores as numbers, one ranking after
/// another), the rules' pass rates, the long form (one row per unit and rule, for pivot tables),
/// and with `--expect` the submission per province and the units that sent nothing. Every
/// sheet has a frozen header row and filter buttons; numbers carry their formats.
struct ScorecardWorkbook {
    let card: Scorecard
    let w: ScorecardWords
    init(_ card: Scorecard) {
        self.card = card
        self.w = ScorecardWords(lang: card.language)
    }

    typealias Cell = XLSXWriter.Cell

    func text(_ s: String?) -> Cell? { s.map { .text(Neutral.visible($0), .text) } }
    func score(_ d: Double?) -> Cell? { d.map { .number(($0 * 10).rounded() / 10, .decimal1) } }
    func share(_ d: Double?) -> Cell? { d.map { .number(($0 * 1000).rounded() / 1000, .percent) } }
    func count(_ n: Int) -> Cell { .number(Double(n), .plain) }

    /// A sheet with a bold, frozen, filtered header row.
    func sheet(_ name: Message, _ header: [String], widths: [Double], _ rows: [[Cell?]]) -> XLSXWriter.Sheet {
        var s = XLSXWriter.Sheet(name: w[name], columns: widths.map { XLSXWriter.Column(width: $0) },
                                 rows: [header.map { .text($0, .header) }] + rows)
        s.frozenRows = 1
        s.autoFilter = true
        return s
    }

    func write() throws -> Data {
        let lang = card.language
        let l = Localizer(lang)
        let cats = card.scoredCategories
        // Summary: the document, then one row per ranking.
        var summary: [[Cell?]] = [
            [.text(card.heading.title ?? w[.scGrassrootsDemocracyComplianceScorecard], .title)],
            [text(card.heading.issuer)], [text(card.heading.date.map { w[.documentDate($0)] })],
            [.text("\(w[.scRuleSet]): \(card.ruleSet.id) \(card.ruleSet.version) · \(w[.scModel]) \(card.config.model.urn) · qcdc \(QCDC.version)", .plain)],
            [],
            [.text(w[.scRanking], .header), .text(w[.scPeriod], .header), .text(w[.scUnits], .header), .text(w[.scMeanScore], .header),
             .text(w[.scMeanCoverage], .header)],
        ]
        for r in card.rankings {
            let units = card.units(of: r)
            summary.append([text(r.kind.name(lang)), text(r.period.description), count(units.count),
                            score(Scorecard.mean(units.compactMap(\.score))), share(Scorecard.mean(units.compactMap(\.coverage)))])
        }
        var summarySheet = XLSXWriter.Sheet(name: w[.scSummary], columns: [.init(width: 28), .init(width: 24), .init(width: 12), .init(width: 12), .init(width: 14)],
                                            rows: summary)
        summarySheet.rowHeights = [1: 20]
        var sheets = [summarySheet]

        // Units, ranking by ranking.
        let unitHeader = Message.csvColumns.prefix(12).map { w[$0] } + cats.map { w.category(card, $0) } + Message.csvColumns.suffix(3).map { w[$0] }
        let unitRows: [[Cell?]] = card.units.map { u in
            var row: [Cell?] = [text(u.rank?.description), text(u.unit.code), text(u.unit.name), text(u.unit.kind.name(lang)), text(u.unit.parent),
                                text(u.province), text(u.province.flatMap(card.name(of:))), text(u.period.start.description),
                                text(u.period.end.description), score(u.score), share(u.coverage), text(w.band(u.band))]
            row += cats.map { score(u.categories[$0] ?? nil) }
            row += [text(u.failed.map(\.rule.id).joined(separator: " ")), text(u.missing.joined(separator: " ")), text(u.source)]
            return row
        }
        sheets.append(sheet(.xlsxUnitsSheet, unitHeader, widths: [7, 9, 28, 10, 9, 9, 22, 11, 11, 8, 9, 18] + cats.map { _ in 12 } + [30, 40, 40], unitRows))

        // Rules, least passed first.
        let ruleRows: [[Cell?]] = card.rules.map { r in
            [text(r.rule.id), text(r.rule.title.text(lang)), text(w.category(card, r.rule.category)), text(l.basis(r.rule)),
             count(r.pass), count(r.fail), count(r.missing), count(r.error), count(r.waived), count(r.notApplicable), share(r.passRate)]
        }
        sheets.append(sheet(.xlsxRulesSheet, [w[.scRule], w[.scRequirement], w[.scCategory], w[.scBasis], w[.scPass], w[.scFail], w[.scMissing],
                                              l.status(.error), l.status(.waived), l.status(.notApplicable), w[.scPassRate]],
                            widths: [12, 60, 28, 50, 8, 8, 8, 8, 8, 8, 10], ruleRows))

        // The long form: a row per unit and rule.
        var long: [[Cell?]] = []
        let rules = card.ruleSet.rules
        for u in card.units {
            for (i, status) in u.statuses.enumerated() {
                guard let status else { continue }
                long.append([text(u.period.start.description), text(u.period.end.description), text(u.unit.kind.name(lang)), text(u.province),
                             text(u.province.flatMap(card.name(of:))), text(u.unit.code), text(u.unit.name), text(rules[i].id),
                             text(w.category(card, rules[i].category)), text(lang == .en ? status.rawValue : l.status(status)),
                             .number(rules[i].weight, .plain), text(u.source)])
            }
        }
        sheets.append(sheet(.xlsxLongSheet, Message.csvLongColumns.map { w[$0] }, widths: [11, 11, 10, 9, 22, 9, 28, 12, 28, 16, 8, 40], long))

        // Who reported and who did not (`--expect`).
        if !card.submission.isEmpty {
            let cols = Message.submissionColumns.map { $0.text(lang) }
            let rows: [[Cell?]] = card.submission.map { p in
                [text(p.label), count(p.reported), count(p.expected), p.expected == 0 ? nil : share(Double(p.reported) / Double(p.expected)),
                 count(p.missing.count)]
            }
            sheets.append(sheet(.submissionTitle, cols, widths: [30, 10, 10, 10, 12], rows))
            let missing: [[Cell?]] = card.notSubmitted.map { u in
                [text(u.code), text(u.name), text(u.province), text(u.provinceName)]
            }
            sheets.append(sheet(.xlsxNotSubmittedSheet, [w[.scCode], w[.scUnit], w[.scProvince] + " (" + w[.scCode] + ")", w[.scProvince]],
                                widths: [10, 30, 12, 26], missing))
        }
        return try XLSXWriter(sheets: sheets).write()
    }
}
