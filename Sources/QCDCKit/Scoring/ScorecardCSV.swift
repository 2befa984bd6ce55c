/// Scorecard as CSV: one row per unit, one column per category. UTF-8 with a BOM (so Excel
/// shows Vietnamese correctly), CRLF line ends, and cells that a spreadsheet would execute
/// (starting with =, +, -, @, tab or CR) neutralised with a leading apostrophe.
struct ScorecardCSV {
    let card: Scorecard
    init(_ card: Scorecard) { self.card = card }

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
        var header = ["rank", "code", "name", "kind", "parent", "period_from", "period_to", "score", "coverage", "band"]
        header += cats.map { w.category(card, $0) }
        header += ["failed_rules", "missing_rules", "file"]
        var rows = [header.map(Self.cell).joined(separator: ",")]
        for (i, u) in card.units.enumerated() {
            var row = [String(i + 1), u.unit.code, u.unit.name, u.unit.kind.rawValue, u.unit.parent ?? "", u.period.start.description,
                       u.period.end.description, ScorecardWords.pct(u.score).replacingAll("—", ""),
                       u.coverage.map { Value.format($0 * 100, digits: 1) } ?? "", u.band?.id ?? ""]
            row += cats.map { (u.categories[$0] ?? nil).map { Value.format($0, digits: 1) } ?? "" }
            row += [u.failed.map(\.rule.id).joined(separator: " "), u.missing.map(\.rule.id).joined(separator: " "), u.report.file]
            rows.append(row.map(Self.cell).joined(separator: ","))
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }
}
