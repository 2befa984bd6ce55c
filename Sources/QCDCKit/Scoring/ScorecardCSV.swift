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
        var header = Message.csvColumns.prefix(10).map { w[$0] }
        header += cats.map { w.category(card, $0) }
        header += Message.csvColumns.suffix(3).map { w[$0] }
        var rows = [header.map(Self.cell).joined(separator: ",")]
        for (i, u) in card.units.enumerated() {
            let kind = card.language == .en ? u.unit.kind.rawValue : u.unit.kind.name(card.language)
            var row = [String(i + 1), u.unit.code, u.unit.name, kind, u.unit.parent ?? "", u.period.start.description,
                       u.period.end.description, ScorecardWords.pct(u.score).replacingAll("—", ""),
                       u.coverage.map { Value.format($0 * 100, digits: 1) } ?? "", band(u.band)]
            row += cats.map { (u.categories[$0] ?? nil).map { Value.format($0, digits: 1) } ?? "" }
            row += [u.failed.map(\.rule.id).joined(separator: " "), u.missing.joined(separator: " "), u.file]
            rows.append(row.map(Self.cell).joined(separator: ","))
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }
}
