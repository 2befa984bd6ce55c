/// `qcdc schema`: a JSON Schema (2020-12) of reports, derived from the declared
/// facts, for editors (yaml-language-server) and other validators.
package struct SchemaWriter: Sendable {
    package let ruleSet: RuleSet
    package var language: Language

    package init(ruleSet: RuleSet, language: Language = .vi) {
        self.ruleSet = ruleSet
        self.language = language
    }

    /// The schema; with `kind`, only the facts that rules for that kind read, and that kind only.
    package func schema(kind: UnitKind?) -> JSON {
        var paths: Set<String>
        if let kind {
            // The facts its rules read, and reporting-only facts that no rule reads.
            let readByAny = Set(ruleSet.rules.flatMap(\.factsRead))
            paths = Set(ruleSet.rules.filter { !$0.disabled && $0.appliesTo.contains(kind) }.flatMap(\.factsRead))
                .union(ruleSet.facts.keys.filter { !readByAny.contains($0) })
        } else {
            paths = Set(ruleSet.facts.keys)
        }
        paths = paths.filter { ruleSet.facts[$0] != nil }
        let kinds = kind.map { [$0] } ?? UnitKind.allCases
        let date: JSON = .object([("type", .array([.string("string"), .string("null")])), ("format", .string("date")),
                                  ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        var root: [(String, JSON)] = [
            ("$schema", .object([("type", .string("string"))])),
            ("notes", .object([])),
            ("unit", .object([
                ("type", .string("object")),
                ("required", .array([.string("code"), .string("name"), .string("kind")])),
                ("properties", .object([
                    ("code", .object([("type", .string("string")), ("minLength", .int(1)), ("description", .string(Message.schemaUnitCode.text(language)))])),
                    ("name", .object([("type", .string("string")), ("minLength", .int(1))])),
                    ("kind", .object([("enum", .array(kinds.map { .string($0.rawValue) }))])),
                    ("parent", .object([("type", .array([.string("string"), .string("null")]))])),
                    ("subtype", .object([("enum", .array(["xa", "phuong", "dac_khu", "thi_tran"].map { .string($0) } + [.null]))])),
                ])),
                ("additionalProperties", .bool(false)),
            ])),
            ("period", .object([("oneOf", .array([
                .object([("type", .string("integer")), ("minimum", .int(1990)), ("maximum", .int(2100))]),
                .object([("type", .string("object")), ("required", .array([.string("year")])),
                         ("properties", .object([("year", .object([("type", .string("integer")), ("minimum", .int(1990)), ("maximum", .int(2100))]))])),
                         ("additionalProperties", .bool(false))]),
                .object([("type", .string("object")), ("required", .array([.string("from"), .string("to")])),
                         ("properties", .object([("from", date), ("to", date)])), ("additionalProperties", .bool(false))]),
            ]))])),
        ]
        root += group(prefix: "", paths: paths)
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("qcdc report" + (kind.map { " (\($0.rawValue))" } ?? "") + " — \(ruleSet.id) \(ruleSet.version)")),
            ("type", .string("object")),
            ("required", .array([.string("unit"), .string("period")])),
            ("properties", .object(root)),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// Properties for the facts and groups directly under `prefix`.
    private func group(prefix: String, paths: Set<String>) -> [(String, JSON)] {
        var children: [String: Bool] = [:]   // name → is a leaf fact
        for p in paths where prefix.isEmpty || p.hasPrefix(prefix + ".") {
            let rest = prefix.isEmpty ? p : String(p.dropFirst(prefix.count + 1))
            let first = String(rest.split(separator: ".")[0])
            children[first] = (children[first] ?? false) || !rest.contains(".")
        }
        return children.keys.sorted().map { name in
            let path = prefix.isEmpty ? name : prefix + "." + name
            if let decl = ruleSet.facts[path], paths.contains(path) { return (name, property(decl)) }
            return (name, .object([
                ("type", .array([.string("object"), .string("null")])),
                ("properties", .object(group(prefix: path, paths: paths))),
                ("additionalProperties", .bool(false)),
            ]))
        }
    }

    private func property(_ d: FactDeclaration) -> JSON {
        var desc = d.label.text(language)
        if let u = d.unit?.text(language) { desc += " (\(u))" }
        if let more = d.description?.text(language) { desc += ". " + more }
        var props: [(String, JSON)] = [("description", .string(desc))]
        func bounds(_ scale: Double) -> [(String, JSON)] {
            var b: [(String, JSON)] = []
            if let m = d.minimum ?? (d.type == .integer ? 0 : nil) { b.append(("minimum", .double(m / scale))) }
            if let m = d.maximum { b.append(("maximum", .double(m / scale))) }
            return b
        }
        switch d.type {
        case .integer: props = [("type", .array([.string("integer"), .string("null")]))] + bounds(1) + props
        case .number: props = [("type", .array([.string("number"), .string("null")]))] + bounds(1) + props
        case .percent:
            props = [("anyOf", .array([
                .object([("type", .string("number"))] + bounds(1)),
                .object([("type", .string("string")), ("pattern", .string("^[0-9]+(\\.[0-9]+)?\\s*%$"))]),
                .object([("type", .string("null"))]),
            ]))] + props
        case .boolean: props = [("type", .array([.string("boolean"), .string("null")]))] + props
        case .date:
            props = [("type", .array([.string("string"), .string("null")])), ("format", .string("date")),
                     ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))] + props
        case .string: props = [("type", .array([.string("string"), .string("number"), .string("null")]))] + props
        case .enumeration(let values): props = [("enum", .array(values.map { .string($0) } + [.null]))] + props
        case .list(let fields):
            props = [
                ("type", .array([.string("array"), .string("null")])),
                ("items", .object([
                    ("type", .string("object")),
                    ("properties", .object(fields.map { ($0.path, property($0)) })),
                    ("additionalProperties", .bool(false)),
                ])),
            ] + props
        }
        return .object(props)
    }
}
