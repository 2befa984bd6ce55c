/// The static type of an expression or a declared fact.
public indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
    case integer, number, percent, boolean, date, string
    /// A list of records; the associated value is the list fact's path.
    case records(String)
    /// One record of such a list.
    case record(String)
    /// A literal list, for membership tests.
    case list(ExprType)

    package var isNumeric: Bool { self == .integer || self == .number || self == .percent }

    /// The type in words, e.g. `integer`, `list of records (complaints.cases)`.
    public var description: String {
        switch self {
        case .integer: "integer"
        case .number: "number"
        case .percent: "percent"
        case .boolean: "boolean"
        case .date: "date"
        case .string: "string"
        case .records(let p): "list of records (\(p))"
        case .record(let p): "record of \(p)"
        case .list(let t): "list of \(t)"
        }
    }
}

/// A fact's value as read from a report, with where it was written.
public struct FactValue: Sendable {
    /// The value, typed by the fact's declaration.
    public var value: Value
    /// Where the value is written in the report.
    package var mark: Mark
    /// The fact's path; for a field of a list record, `complaints.cases[2].decided`.
    public var path: String
    /// A value written at `mark`, of the fact at `path`.
    package init(_ value: Value, mark: Mark, path: String) {
        self.value = value
        self.mark = mark
        self.path = path
    }
}

/// One record in a list fact (e.g. one complaint case).
public struct RecordValue: Sendable {
    /// The fields the record gives, by field name.
    public var fields: [String: FactValue]
    /// Where the record is written in the report.
    package var mark: Mark
    /// `complaints.cases[2]`
    public var path: String
    /// Field paths the record leaves out, with the record's mark.
    package init(fields: [String: FactValue], mark: Mark, path: String) {
        self.fields = fields
        self.mark = mark
        self.path = path
    }
}

/// A runtime value. Percentages are held as ratios (`95%` is 0.95).
public enum Value: Sendable, CustomStringConvertible {
    case int(Int64)
    case number(Double)
    case percent(Double)
    case bool(Bool)
    case date(Day)
    case string(String)
    case records([RecordValue])
    case record(RecordValue)
    case list([Value])

    /// The value as a number (a percentage as its ratio), or nil when it is not a number.
    public var asDouble: Double? {
        switch self {
        case .int(let i): Double(i)
        case .number(let d), .percent(let d): d
        default: nil
        }
    }

    /// The value as people read it: `95%`, `2026-07-01`, `12`, `0.5`.
    public var description: String {
        switch self {
        case .int(let i): String(i)
        case .number(let d): Value.format(d)
        case .percent(let d): Value.format(d * 100, digits: 2) + "%"
        case .bool(let b): b ? "true" : "false"
        case .date(let d): d.description
        case .string(let s): s
        case .records(let r): "[\(r.count) records]"
        case .record(let r): r.path
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Shortest decimal form with at most 4 fractional digits.
    public static func format(_ d: Double, digits: Int = 4) -> String {
        if d.isNaN || d.isInfinite { return String(d) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        // Rounded to `digits` places, unless scaling overflows (|d| near the largest double, whose
        // fraction is zero anyway): `inf` is not a number to write.
        let scaled = d * scale
        let r = scaled.isFinite ? scaled.rounded() / scale : d
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        var s = String(r)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
