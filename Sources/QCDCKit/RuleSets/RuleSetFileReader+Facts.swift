extension RuleSetFileReader {
    static let factKeys = ["type", "label", "unit", "description", "min", "max", "values", "fields", "scope"]

    func parseFact(_ node: Node, path: String, keyMark: Mark, reading r: inout NodeReading, allowList: Bool) -> FactDeclaration? {
        let what = "facts.\(path)"
        let segments = path.split(separator: ".", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") } }) {
            r.error("invalid_fact_path", .invalidFactPath(r.subject(what)), keyMark, [.factPathExample])
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
            if values.isEmpty { r.error("missing_key", .enumNeedsValues(r.subject(what)), node.mark) }
            type = .enumeration(values)
        case "list":
            guard allowList else {
                r.error("type_mismatch", .nestedList(r.subject(what)), node["type"]!.mark)
                return nil
            }
            var fields: [FactDeclaration] = []
            if let f = node["fields"], r.mapping(f, what + ".fields", known: f.entries?.map(\.key) ?? []) {
                for e in f.entries ?? [] {
                    if let d = parseFact(e.value, path: e.key, keyMark: e.keyMark, reading: &r, allowList: false) { fields.append(d) }
                }
            } else {
                r.error("missing_key", .listNeedsFields(r.subject(what)), node.mark)
            }
            type = .list(fields)
        default:
            r.error("unknown_type", .unknownType(r.subject(what), typeName), node["type"]!.mark,
                    Suggest.note(for: typeName, in: ["integer", "number", "percent", "boolean", "date", "string", "enum", "list"]) + [.factTypes])
            return nil
        }
        if node["values"] != nil, typeName != "enum" { r.error("unknown_key", .onlyFor(r.subject(what), key: "values", type: "enum"), node["values"]!.mark) }
        if node["fields"] != nil, typeName != "list" { r.error("unknown_key", .onlyFor(r.subject(what), key: "fields", type: "list"), node["fields"]!.mark) }
        let label = r.localized(node["label"], what + ".label") ?? LocalizedText(vi: path, en: path)
        var decl = FactDeclaration(path: path, type: type, unit: r.localized(node["unit"], what + ".unit"), label: label,
                                   description: r.localized(node["description"], what + ".description"),
                                   minimum: r.number(node["min"], what + ".min"), maximum: r.number(node["max"], what + ".max"),
                                   location: keyMark.located(in: r.file))
        if let sc = r.string(node["scope"], what + ".scope") {
            if let scope = FactScope(rawValue: sc) { decl.scope = scope } else {
                r.error("invalid_value", .scopeValues(r.subject(what + ".scope")), node["scope"]!.mark, Suggest.note(for: sc, in: ["period", "state"]))
            }
        }
        return decl
    }
}
