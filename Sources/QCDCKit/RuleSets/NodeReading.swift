/// Small typed readers over ``Node`` for rule-set, waiver and baseline files; each problem
/// becomes a located diagnostic whose code is in the file kind's namespace (`ruleset.`,
/// `waiver.`, `baseline.`).
struct NodeReading {
    let file: String
    /// The code namespace: `ruleset`, `waiver` or `baseline`.
    let prefix: String
    var diags: [Diagnostic] = []

    init(file: String, prefix: String = "ruleset") {
        self.file = file
        self.prefix = prefix
    }

    mutating func error(_ code: String, _ message: String, _ mark: Mark, _ notes: [String] = []) {
        diags.append(Diagnostic(.error, prefix + "." + code, message, at: mark.located(in: file), notes: notes))
    }

    /// The largest weight a rule or category may carry.
    static let maxWeight = 1000.0

    /// A weight: a finite number from 0 to ``maxWeight``.
    mutating func weight(_ node: Node?, _ what: String) -> Double? {
        guard let node, let w = number(node, what) else { return nil }
        guard w.isFinite, (0...Self.maxWeight).contains(w) else {
            error("invalid_value", "\(what) must be a number from 0 to \(Int(Self.maxWeight)), found \(node.scalarText ?? "")", node.mark,
                  ["0 leaves the rule out of scores; 1 is the usual weight"])
            return nil
        }
        return w
    }

    /// Checks that a mapping has only known keys and all required ones.
    mutating func mapping(_ node: Node, _ what: String, known: [String], required: [String] = []) -> Bool {
        guard let entries = node.entries else {
            error("type_mismatch", "\(what): expected a mapping, found \(node.kindName)", node.mark)
            return false
        }
        for e in entries where !known.contains(e.key) {
            var notes = Suggest.note(for: e.key, in: known) + ["allowed: " + known.joined(separator: ", ")]
            if e.key.contains(" ") || !e.key.allSatisfy(\.isASCII) {
                notes.append("if this is part of a text, quote the text: a comma inside {…} starts a new key")
            }
            error("unknown_key", "unknown key '\(e.key)' in \(what)", e.keyMark, notes)
        }
        for r in required where node[r] == nil || node[r]!.isNull {
            error("missing_key", "\(what) needs `\(r)`", node.mark)
        }
        return true
    }

    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText else {
            error("type_mismatch", "\(what): expected text, found \(node.kindName)", node.mark)
            return nil
        }
        return t
    }

    mutating func localized(_ node: Node?, _ what: String) -> LocalizedText? {
        guard let node, !node.isNull else { return nil }
        if node.scalarText != nil {
            error("not_bilingual", "\(what) must be bilingual", node.mark, ["write it as {vi: \"…\", en: \"…\"}"])
            return nil
        }
        guard mapping(node, what, known: ["vi", "en"], required: ["vi", "en"]),
              let vi = string(node["vi"], what + ".vi"), let en = string(node["en"], what + ".en") else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    mutating func number(_ node: Node?, _ what: String) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText, !node.isTextual, let d = CoreSchema.number(t) ?? CoreSchema.special(t) else {
            error("type_mismatch", "\(what): expected a number, found \(FactCoercion.describe(node))", node.mark)
            return nil
        }
        guard d.isFinite else {
            error("invalid_value", "\(what): \(t) is not a finite number", node.mark)
            return nil
        }
        return d
    }

    mutating func date(_ node: Node?, _ what: String) -> Day? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText, let d = Day(iso: t) else {
            let text = node.scalarText ?? ""
            error("invalid_date", Day.looksLikeDate(text) ? "\(what): \(text) is not a date in the calendar" : "\(what): expected a date YYYY-MM-DD", node.mark)
            return nil
        }
        return d
    }

    mutating func list(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            error("type_mismatch", "\(what): expected a list, found \(node.kindName)", node.mark)
            return []
        }
        return items
    }

    /// Reads a parameter or literal scalar by the core schema (plus `95%` and dates).
    mutating func literal(_ node: Node, _ what: String) -> (Value, ExprType)? {
        guard let t = node.scalarText else {
            error("type_mismatch", "\(what): expected a single value", node.mark)
            return nil
        }
        if node.isTextual { return (.string(t), .string) }
        if let i = CoreSchema.int(t) { return (.int(i), .integer) }
        if t.hasSuffix("%"), let d = CoreSchema.number(String(t.dropLast())) { return (.percent(d / 100), .percent) }
        if let d = CoreSchema.number(t) { return (.number(d), .number) }
        if let b = CoreSchema.bool(t) { return (.bool(b), .boolean) }
        if let d = Day(iso: t) { return (.date(d), .date) }
        return (.string(t), .string)
    }
}
