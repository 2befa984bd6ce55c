/// Small typed readers over ``Node`` for rule-set, waiver and baseline files; each problem
/// becomes a located diagnostic whose code is in the file kind's namespace (`ruleset.`,
/// `waiver.`, `baseline.`).
///
/// `what` names the value by its key path in the file (`rules[TTND-C1].severity`,
/// `waivers[2].expires`); an empty path means the whole document.
struct NodeReading {
    let file: String
    /// The code namespace: `ruleset`, `waiver` or `baseline`.
    let namespace: DiagnosticCode.Namespace
    /// What the whole document is, for messages about its top level.
    let document: DocumentKind
    var diags: [Diagnostic] = []

    init(file: String, namespace: DiagnosticCode.Namespace = .ruleset, document: DocumentKind = .ruleSet) {
        self.file = file
        self.namespace = namespace
        self.document = document
    }

    mutating func error(_ code: String, _ message: Message, _ mark: Mark, _ notes: [Message] = []) {
        diags.append(Diagnostic(.error, DiagnosticCode(namespace, code), message, at: mark.located(in: file), notes: notes))
    }

    /// The subject of a message: the key path, or the document's name for the top level.
    func subject(_ what: String) -> Subject { what.isEmpty ? .document(document) : .path(what) }

    /// The largest weight a rule or category may carry.
    static let maxWeight = 1000.0

    /// A weight: a finite number from 0 to ``maxWeight``.
    mutating func weight(_ node: Node?, _ what: String) -> Double? {
        guard let node, let w = number(node, what) else { return nil }
        guard w.isFinite, (0...Self.maxWeight).contains(w) else {
            error("invalid_value", .weightRange(subject(what), max: Int(Self.maxWeight), found: node.scalarText ?? ""), node.mark, [.weightMeaning])
            return nil
        }
        return w
    }

    /// Checks that a mapping has only known keys and all required ones.
    mutating func mapping(_ node: Node, _ what: String, known: [String], required: [String] = []) -> Bool {
        guard let entries = node.entries else {
            error("type_mismatch", .expectedMapping(subject(what), found: .found(node)), node.mark)
            return false
        }
        for e in entries where !known.contains(e.key) {
            var notes = Suggest.note(for: e.key, in: known) + [.allowedKeys(known)]
            if e.key.contains(" ") || !e.key.allSatisfy(\.isASCII) { notes.append(.quoteTextWithComma) }
            error("unknown_key", .unknownKey(e.key, in: subject(what)), e.keyMark, notes)
        }
        for r in required where node[r] == nil || node[r]!.isNull {
            error("missing_key", .missingKey(subject(what), r), node.mark)
        }
        return true
    }

    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText else {
            error("type_mismatch", .expectedTextValue(subject(what), found: .found(node)), node.mark)
            return nil
        }
        return t
    }

    mutating func localized(_ node: Node?, _ what: String) -> LocalizedText? {
        guard let node, !node.isNull else { return nil }
        if node.scalarText != nil {
            error("not_bilingual", .notBilingual(subject(what)), node.mark, [.writeBilingual])
            return nil
        }
        guard mapping(node, what, known: ["vi", "en"], required: ["vi", "en"]),
              let vi = string(node["vi"], what + ".vi"), let en = string(node["en"], what + ".en") else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    /// A text that is bilingual (`{vi: …, en: …}`) or, where a rule set has only one language
    /// for it, plain (the same text in both).
    mutating func text(_ node: Node?, _ what: String) -> LocalizedText? {
        guard let node, !node.isNull else { return nil }
        if let t = node.scalarText { return LocalizedText(vi: t, en: t) }
        return localized(node, what)
    }

    mutating func number(_ node: Node?, _ what: String) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText, !node.isTextual, let d = CoreSchema.number(t) ?? CoreSchema.special(t) else {
            error("type_mismatch", .expectedNumber(subject(what), found: .found(node)), node.mark)
            return nil
        }
        guard d.isFinite else {
            error("invalid_value", .notFinite(subject(what), t), node.mark)
            return nil
        }
        return d
    }

    mutating func date(_ node: Node?, _ what: String) -> Day? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText, let d = Day(iso: t) else {
            let text = node.scalarText ?? ""
            error("invalid_date", Day.looksLikeDate(text) ? .notInCalendarValue(subject(what), text) : .expectedDateValue(subject(what)),
                  node.mark, Day.looksLikeDate(text) ? [] : DateHint.notes(for: text))
            return nil
        }
        return d
    }

    /// `true` or `false`, by YAML 1.2 (not `yes`, not a quoted text).
    mutating func boolean(_ node: Node?, _ what: String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard let t = node.scalarText, !node.isTextual, let b = CoreSchema.bool(t) else {
            error("type_mismatch", .expectedBoolean(subject(what)), node.mark)
            return nil
        }
        return b
    }

    mutating func list(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            error("type_mismatch", .expectedList(subject(what), found: .found(node)), node.mark)
            return []
        }
        return items
    }

    /// Reads a parameter or literal scalar by the core schema (plus `95%` and dates).
    mutating func literal(_ node: Node, _ what: String) -> (Value, ExprType)? {
        guard let t = node.scalarText else {
            error("type_mismatch", .expectedSingleValue(subject(what)), node.mark)
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
