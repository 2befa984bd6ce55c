/// The facts of one report, typed by the rule set's declarations, each with
/// the position of its value.
public struct ReportFacts: Sendable {
    /// The rule set's slots the facts were read by.
    package let slots: FactSlots
    /// Where each slot's value (``FactSlots``) is in ``given``, by slot; -1 when the report does
    /// not give it. A report gives a few dozen of the rule set's hundreds of facts: a table of
    /// optional values by slot was made, and freed, entry by entry for every report.
    private var positions: [Int32]
    /// The values given, in the order they were read.
    private var given: [FactValue] = []
    /// Where each group's mapping is written, by group number (``FactSlots/groupPaths``; 0 is
    /// the root), to locate missing facts.
    var containers: [Mark?]
    /// Where the report's root mapping starts (`containers[""]`, kept apart: every
    /// not-applicable result points there).
    var root: Mark = .start

    /// No facts.
    public init() { self.init(slots: .none) }

    /// No facts yet, to be read by `slots`.
    init(slots: FactSlots) {
        self.slots = slots
        positions = Array(repeating: -1, count: slots.paths.count)
        containers = Array(repeating: nil, count: slots.groupPaths.count)
    }

    /// Sets the value of the fact in `slot`.
    mutating func set(_ value: FactValue, slot: Int) {
        let at = positions[slot]
        if at >= 0 {
            given[Int(at)] = value
        } else {
            positions[slot] = Int32(given.count)
            given.append(value)
        }
    }

    /// The value of the fact at `path` (`dialogue_conferences.held`), or nil when the report does
    /// not give it.
    public func value(at path: String) -> FactValue? { slots.slot(path).flatMap { value(slot: $0) } }
    /// The value of the fact in `slot` of ``slots``.
    package func value(slot: Int) -> FactValue? {
        let at = positions[slot]
        return at < 0 ? nil : given[Int(at)]
    }
    /// Where the fact in `slot` should be written, as ``container(of:)``: the mark of the
    /// deepest given group around it, by the groups' numbers.
    package func container(slot: Int) -> Mark {
        var group = slots.parentGroup[slot]
        while group > 0 {
            if let m = containers[group] { return m }
            group = slots.groupParent[group]
        }
        return root
    }
    /// All present facts, by path.
    public var all: [String: FactValue] {
        var out: [String: FactValue] = [:]
        for (slot, at) in positions.enumerated() where at >= 0 { out[slots.paths[slot]] = given[Int(at)] }
        return out
    }

    /// Where a missing fact should be written: the mark of the deepest existing mapping on its
    /// path (the report's root mapping when no group on the path is given).
    package func container(of path: String) -> Mark {
        if let slot = slots.slot(path) { return container(slot: slot) }
        // Scanned as bytes: searching a substring's UTF-8 view backwards steps its indexes one
        // by one, and was most of the cost of citing a missing fact.
        var path = path
        return path.withUTF8 { bytes in
            var end = bytes.count
            while end > 0 {
                end -= 1
                guard bytes[end] == UInt8(ascii: ".") else { continue }
                if let group = slots.group(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)),
                   let m = containers[group] { return m }
            }
            return root
        }
    }
}

/// Who reports.
public struct UnitInfo: Sendable, Hashable {
    /// The unit's code.
    public var code: String
    /// The unit's name.
    public var name: String
    /// The kind of unit.
    public var kind: UnitKind
    /// The code of the unit above (province of a commune).
    public var parent: String?
    /// `xa`, `phuong`, `dac_khu` (or legacy `thi_tran`) for communes.
    public var subtype: String?
}

/// A unit's report, read and validated against a rule set.
public struct UnitReport: Sendable {
    /// The report's file as named (`<stdin>` for standard input).
    public var file: String
    /// Who reports.
    public var unit: UnitInfo
    /// The period the report covers.
    public var period: Period
    /// The report's facts, typed by the rule set's declarations.
    public var facts: ReportFacts
}
