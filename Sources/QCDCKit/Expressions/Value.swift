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

/// A fact's path (`complaints.cases[2].decided`), kept in its parts and made text only when
/// read: a report has thousands of list-record fields, and only the few a finding cites are
/// ever written out. Building every path as the report was read was 4% of a run. It is the
/// size of a `String` and holds one reference: paths travel with every value an evaluation
/// copies, so each copy costs one retain.
package struct FactPath: Sendable, Hashable, CustomStringConvertible {
    private enum Storage: Sendable {
        case text(String)
        /// Record `index` of the list at `list`, held inline: a record's path is made for every
        /// record a report gives, and an object for it was one of a report's commonest
        /// allocations.
        case record(list: String, index: Int32)
    }
    private let storage: Storage

    package init(_ path: String) { storage = .text(path) }

    /// Record `index` of the list at `list`, or its `field`.
    package init(list: String, index: Int, field: String? = nil) {
        if let field {
            storage = .text("\(list)[\(index)].\(field)")
        } else if let i = Int32(exactly: index) {
            storage = .record(list: list, index: i)
        } else {
            storage = .text("\(list)[\(index)]")
        }
    }

    /// `name` below this path: a record's field (`list[2].name`), else `path.name`.
    package func field(_ name: String) -> FactPath {
        FactPath("\(description).\(name)")
    }

    package var description: String {
        switch storage {
        case .text(let t): t
        case .record(let list, let index): "\(list)[\(index)]"
        }
    }

    package static func == (a: FactPath, b: FactPath) -> Bool { a.description == b.description }
    package func hash(into h: inout Hasher) { h.combine(description) }
}

/// A fact's value as read from a report, with where it was written.
public struct FactValue: Sendable {
    /// The value, typed by the fact's declaration.
    public var value: Value
    /// Where the value is written in the report.
    package var mark: Mark
    /// The fact's path, in parts (``path`` as text).
    package var factPath: FactPath
    /// The fact's path; for a field of a list record, `complaints.cases[2].decided`.
    public var path: String {
        get { factPath.description }
        set { factPath = FactPath(newValue) }
    }
    /// A value written at `mark`, of the fact at `path`.
    package init(_ value: Value, mark: Mark, path: String) {
        self.init(value, mark: mark, path: FactPath(path))
    }
    package init(_ value: Value, mark: Mark, path: FactPath) {
        self.value = value
        self.mark = mark
        self.factPath = path
    }
}

/// One record in a list fact (e.g. one complaint case).
public struct RecordValue: Sendable {
    /// The fields the record gives, in the report's order, each name once. A record has a
    /// handful: a list searched by name beats a dictionary built for each of a report's
    /// hundreds of records (building them was 2% of a run).
    /// A slice: the fast reader keeps all the records of a list in one array (an array for
    /// each record was one of a report's commonest allocations: most records give a field or two).
    package private(set) var entries: ArraySlice<Field>
    /// A field: its name, value and position. Its path (`complaints.cases[2].decided`) is the
    /// record's with the name, made only when asked for (``fields``, a missing field's path):
    /// made for every field as it was read, a path object each was two of a report's
    /// allocations in five, and an evaluation never read it (a field is read inside an
    /// aggregate, whose outcome names the record).
    package struct Field: Sendable {
        package var name: String
        package var value: Value
        package var mark: Mark
        package init(_ name: String, _ value: Value, mark: Mark) {
            self.name = name
            self.value = value
            self.mark = mark
        }
    }
    /// The fields the record gives, by field name, each with its own path.
    public var fields: [String: FactValue] {
        get {
            Dictionary(entries.map { ($0.name, FactValue($0.value, mark: $0.mark, path: factPath.field($0.name))) },
                       uniquingKeysWith: { _, last in last })
        }
        set { entries = ArraySlice(newValue.sorted { $0.key < $1.key }.map { Field($0.key, $0.value.value, mark: $0.value.mark) }) }
    }
    /// The value of the field called `name`, if the record gives it: names compared in place,
    /// only the value copied (a `for e in entries` binding copied every field it passed, and
    /// returning the field copied its name).
    package func value(of name: String) -> Value? {
        entries.withUnsafeBufferPointer { fields in
            for i in fields.indices where fields[i].name == name { return fields[i].value }
            return nil
        }
    }
    /// Where the record is written in the report.
    package var mark: Mark
    /// The record's path, in parts (``path`` as text).
    package var factPath: FactPath
    /// `complaints.cases[2]`
    public var path: String {
        get { factPath.description }
        set { factPath = FactPath(newValue) }
    }
    /// A record of `entries`, whose names are distinct.
    package init(entries: [Field], mark: Mark, path: FactPath) {
        self.init(entries: entries[...], mark: mark, path: path)
    }
    /// A record of `entries`, a slice of its list's fields.
    package init(entries: ArraySlice<Field>, mark: Mark, path: FactPath) {
        self.entries = entries
        self.mark = mark
        self.factPath = path
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
    /// Boxed: held inline, a record made every value as large as itself, and values are copied
    /// at every step of an evaluation.
    indirect case record(RecordValue)
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
