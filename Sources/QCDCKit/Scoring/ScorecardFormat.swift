import Foundation

/// The output formats of `qcdc scorecard`.
public enum ScorecardFormat: String, Sendable, CaseIterable {
    case html, markdown, csv, json
    /// One row per unit and rule, for pivot tables.
    case csvLong = "csv-long"
    /// An Excel workbook (binary: see ``workbook(_:)``).
    case xlsx

    /// Whether the format is bytes rather than text (`xlsx`).
    public var isBinary: Bool { self == .xlsx }

    /// The scorecard as an Excel workbook: summary, units, rules, the long form, and with
    /// `--expect` the submission and the units that sent nothing.
    public func workbook(_ card: Scorecard) throws -> Data {
        try ScorecardWorkbook(card).write()
    }

    /// The scorecard in this format.
    public func render(_ card: Scorecard) -> String {
        switch self {
        case .html: return ScorecardHTML(card).render()
        case .markdown: return ScorecardMarkdown(card).render()
        case .csv: return ScorecardCSV(card).render()
        case .csvLong, .json, .xlsx:
            var out = ""
            write(card) { out += $0 }
            return out
        }
    }

    /// The scorecard in this format, handed to `sink` in pieces: JSON a unit at a time, so that a
    /// national scorecard is never one string in memory, the long CSV a unit at a time; the other
    /// formats in one piece. JSON's units are written on up to `workers` threads.
    public func write<E: Error>(_ card: Scorecard, workers: Int = 1, to sink: (String) throws(E) -> Void) throws(E) {
        switch self {
        case .json: try ScorecardJSON(card).write(workers: workers, to: sink)
        case .csvLong: try ScorecardCSV(card).writeLong(to: sink)
        case .xlsx: break    // bytes, not text: see workbook(_:)
        default: try sink(render(card))
        }
    }
}

/// Shared wording and number formats for scorecards.
struct ScorecardWords {
    let lang: Language
    /// A catalogue message in the scorecard's language.
    subscript(_ m: Message) -> String { m.text(lang) }
    static func pct(_ d: Double?) -> String { d.map { Value.format($0, digits: 1) } ?? "—" }
    static func share(_ d: Double?) -> String { d.map { Value.format($0 * 100, digits: 0) + "%" } ?? "—" }
    func category(_ card: Scorecard, _ id: String) -> String { card.ruleSet.categories[id]?.name.text(lang) ?? id }
    func band(_ b: ScoringConfig.Band?) -> String { b?.name.text(lang) ?? "—" }
    func period(_ p: Period) -> String { p.description }
    /// "pháp luật · đã đọc văn bản gốc" / "law · primary": the kind and strength of a rule's basis.
    func basis(_ r: Rule) -> String {
        let l = Localizer(lang)
        return "\(l.kind(r.kind)) · \(l.strength(r.strength))"
    }
}
