/// How serious a diagnostic about the input (not a compliance finding) is.
public enum DiagnosticSeverity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A problem with the input: a malformed report, a rule set that does not
/// type-check, an unknown field. Every stage reports through this one type.
///
/// The `code` is stable and documented (`docs/diagnostics.md`); the wording of
/// `message` is not part of the contract.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    public var severity: DiagnosticSeverity
    /// Stable identifier, e.g. `report.type_mismatch`, `ruleset.unknown_key`.
    public var code: String
    public var message: String
    /// Where the problem is; 1-based line and column.
    public var location: SourceLocation
    /// Extra lines: hints, "did you mean", what to do.
    public var notes: [String]

    public init(_ severity: DiagnosticSeverity, _ code: String, _ message: String,
                at location: SourceLocation, notes: [String] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// `path:line:col: error[code]: message`, then one indented line per note.
    public var description: String {
        var s = "\(location): \(severity.rawValue)[\(code)]: \(message)"
        for note in notes { s += "\n    note: \(note)" }
        return s
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.code, a.message) < (b.location, b.code, b.message)
    }
}

/// Collects diagnostics during one stage, up to a cap, so that every error is
/// reported, not just the first.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    public var cap: Int
    public private(set) var dropped = 0

    public init(cap: Int = 500) { self.cap = cap }

    public mutating func add(_ d: Diagnostic) {
        if items.count < cap { items.append(d) } else { dropped += 1 }
    }
    public mutating func error(_ code: String, _ message: String, at loc: SourceLocation, notes: [String] = []) {
        add(Diagnostic(.error, code, message, at: loc, notes: notes))
    }
    public mutating func warning(_ code: String, _ message: String, at loc: SourceLocation, notes: [String] = []) {
        add(Diagnostic(.warning, code, message, at: loc, notes: notes))
    }
    public mutating func append(contentsOf other: [Diagnostic]) { for d in other { add(d) } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] { items.sorted() }
}
