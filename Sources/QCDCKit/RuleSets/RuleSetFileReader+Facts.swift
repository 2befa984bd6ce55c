extension RuleSetFileReader {
    static let factKeys = ["type", "label", "unit", "description", "min", "max", "values", "fields", "scope"]

    func parseFact(_ node: Node, path: String, keyMark: Mark, reading r: inout NodeReading, allowList: Bool) -> FactDeclaration? {
        let what = "fact '\(path)'"
        let segments = path.split(separator: ".", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") } }) {
            r.error("invalid_fact_path", "\(what): paths are lower-case ASCII names joined by dots", keyMark,
                    ["e.g. dialogue_conferences.held"])
        }
        guard r.mapping(node, what, known: Self.factKeys, required: ["type", "label"]) else { return nil }
        let typeName = r.string(node["type"], what + ".type") ?? "string"
        var type: FactType
        switch typeName {
        case "integer": type = .integer
        case "number": type = .number
        case "percent": type = .percent
        case "boolean": type = .boolean
        case "date": type = .date
        case "string": type = .string
        case "enum":
            let values = r.list(node["values"], what + ".values").compactMap { r.string($0, what + ".values") }
            if values.isEmpty { r.error("missing_key", "\(what): an enum needs `values`", node.mark) }
            type = .enumeration(values)
        case "list":
            guard allowList else {
                r.error("type_mismatch", "\(what): lists cannot be nested inside list records", node["type"]!.mark)
                return nil
            }
            var fields: [FactDeclaration] = []
            if let f = node["fields"], r.mapping(f, what + ".fields", known: f.entries?.map(\.key) ?? []) {
                for e in f.entries ?? [] {
                    if let d = parseFact(e.value, path: e.key, keyMark: e.keyMark, reading: &r, allowList: false) { fields.append(d) }
                }
            } else {
                r.error("missing_key", "\(what): a list needs `fields`", node.mark)
            }
            type = .list(fields)
        default:
            r.error("unknown_type", "\(what): unknown type '\(typeName)'", node["type"]!.mark,
                    Suggest.note(for: typeName, in: ["integer", "number", "percent", "boolean", "date", "string", "enum", "list"])
                    + ["types: integer, number, percent, boolean, date, string, enum, list"])
            return nil
        }
        if node["values"] != nil, typeName != "enum" { r.error("unknown_key", "\(what): `values` is only for enums", node["values"]!.mark) }
        if node["fields"] != nil, typeName != "list" { r.error("unknown_key", "\(what): `fields` is only for lists", node["fields"]!.mark) }
        let label = r.localized(node["label"], what + ".label") ?? LocalizedText(vi: path, en: path)
        var decl = FactDeclaration(path: path, type: type, unit: r.localized(node["unit"], what + ".unit"), label: label,
                                   description: r.localized(node["description"], what + ".description"),
                                   minimum: r.number(node["min"], what + ".min"), maximum: r.number(node["max"], what + ".max"),
                                   location: keyMark.located(in: r.file))
        if let sc = r.string(node["scope"], what + ".scope") {
            if let scope = FactScope(rawValue: sc) { decl.scope = scope } else {
                r.error("invalid_value", "\(what).scope must be `period` (a total for the reporting period) or `state` (a standing figure)",
                        node["scope"]!.mark, Suggest.note(for: sc, in: ["period", "state"]))
            }
        }
        return decl
    }
}
