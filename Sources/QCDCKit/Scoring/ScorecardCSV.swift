/// Scorecard as CSV: one row per unit, one column per category. UTF-8 with a BOM (so Excel
/// shows Vietnamese correctly), CRLF line ends, and cells that a spreadsheet would execute
/// (starting with =, +, -, @, tab or CR) neutralised with a leading apostrophe. Column names and
/// unit kinds and bands are in the card's language (`--lang en` gives the stable English ids).
struct ScorecardCSV {
    let card: Scorecard
    init(_ card: Scorecard) { self.card = card }

    /// A band as a reader of the card's language names it; its stable id in English.
    func band(_ b: ScoringConfig.Band?) -> String {
        guard let b else { return "" }
        return card.language == .en ? b.id : b.name.text(card.language)
    }

    static func cell(_ s: String) -> String {
        var v = Neutral.visible(s)
        if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { v = "'" + v }
        if v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";") {
            v = "\"" + v.replacingAll("\"", "\"\"") + "\""
        }
        return v
    }

    func render() -> String {
        let w = ScorecardWords(lang: card.language)
        let cats = card.scoredCategories
        var header = Message.csvColumns.prefix(12).map { w[$0] }
        header += cats.map { w.category(card, $0) }
        header += Message.csvColumns.suffix(3).map { w[$0] }
        var rows = [header.map(Self.cell).joined(separator: ",")]
        for u in card.units {
            var row = [u.rank?.description ?? "", u.unit.code, u.unit.name, kind(u), u.unit.parent ?? "", u.province ?? "",
                       u.province.flatMap(card.name(of:)) ?? "", u.period.start.description,
                       u.period.end.description, ScorecardWords.pct(u.score).replacingAll("—", ""),
                       u.coverage.map { Value.format($0 * 100, digits: 1) } ?? "", band(u.band)]
            row += cats.map { (u.categories[$0] ?? nil).map { Value.format($0, digits: 1) } ?? "" }
            row += [u.failed.map(\.rule.id).joined(separator: " "), u.missing.joined(separator: " "), u.source]
            rows.append(row.map(Self.cell).joined(separator: ","))
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }

    /// A unit's kind: its stable id in English, its name in Vietnamese.
    func kind(_ u: UnitScore) -> String { card.language == .en ? u.unit.kind.rawValue : u.unit.kind.name(card.language) }

    /// The long form, for pivot tables: one row per unit and rule that is not disabled, in the
    /// units' order and then the rule set's; statuses in words in Vietnamese, by their stable ids with `--lang en`.
    func writeLong<E: Error>(to sink: (String) throws(E) -> Void) throws(E) {
        let w = ScorecardWords(lang: card.language)
        let l = Localizer(card.language)
        try sink("\u{FEFF}" + Message.csvLongColumns.map { Self.cell(w[$0]) }.joined(separator: ",") + "\r\n")
        let rules = card.ruleSet.rules
        let categories = rules.map { w.category(card, $0.category) }
        for u in card.units {
            let head = [u.period.start.description, u.period.end.description, kind(u), u.province ?? "",
                        u.province.flatMap(card.name(of:)) ?? "", u.unit.code, u.unit.name].map(Self.cell).joined(separator: ",")
            let file = Self.cell(u.source)
            var block = ""
            for (i, status) in u.statuses.enumerated() {
                guard let status else { continue }
                let word = card.language == .en ? status.rawValue : l.status(status)
                block += head + "," + [rules[i].id, categories[i], word].map(Self.cell).joined(separator: ",")
                block += "," + Value.format(rules[i].weight) + "," + file + "\r\n"
            }
            try sink(block)
        }
    }
}
