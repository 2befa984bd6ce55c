/// SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps).
///
/// Every rule of the rule set is a `reportingDescriptor` (bilingual name, help text with the
/// legal basis, help URI where the rule has one). Results: failures (`kind: fail`, level by
/// severity), missing evidence (`kind: review`), waived results (with a `suppression` carrying
/// the justification); input problems are results of their diagnostic code.
public struct SARIFReporter: Sendable {
    public init() {}

    public func render(_ run: CheckRun) -> String { document(run).rendered() }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    package func document(_ run: CheckRun) -> JSON {
        let lang = run.language
        let rules = run.ruleSet.rules
        var index: [String: Int] = [:]
        var descriptors: [JSON] = []
        for (i, r) in rules.enumerated() {
            index[r.id] = i
            let l = Localizer(lang)
            let help = r.title.text(lang) + "\n\n" + r.basis.map { c -> String in
                var line = "[\(l.kind(c.kind)), \(l.strength(c.strength))] \(c.short(lang))"
                if let q = c.quote { line += "\n\"\(q)\"" }
                if let n = c.note { line += "\n\(l.noteWord): \(n.text(lang))" }
                return line
            }.joined(separator: "\n")
            var props: [(String, JSON)] = [
                ("id", .string(r.id)),
                ("name", .string(r.title.text(lang))),
                ("shortDescription", .object([("text", .string(r.title.text(lang)))])),
                ("fullDescription", .object([("text", .string(r.definition.description?.text(lang) ?? r.title.text(lang)))])),
                ("help", .object([("text", .string(help))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(r.severity)))])),
            ]
            if let url = r.basis.compactMap(\.url).first { props.insert(("helpUri", .string(url)), at: 2) }
            props.append(("properties", .object([
                ("tags", .array([.string(r.category), .string(r.kind.rawValue)] + r.appliesTo.map { .string($0.rawValue) })),
                ("category", .string(r.category)),
                ("basisKind", .string(r.kind.rawValue)),
                ("basisStrength", .string(r.strength.rawValue)),
            ])))
            descriptors.append(.object(props))
        }
        // Input diagnostics become results of descriptors named after their codes.
        let allDiags = (run.diagnostics + run.reports.flatMap(\.diagnostics)).sorted().filter { $0.severity != .note }
        var diagCodes: [DiagnosticCode] = []
        for d in allDiags where !diagCodes.contains(d.code) { diagCodes.append(d.code) }
        for code in diagCodes {
            index[code.rawValue] = descriptors.count
            descriptors.append(.object([
                ("id", .string(code.rawValue)),
                ("name", .string(code.rawValue)),
                ("shortDescription", .object([("text", .string(Message.inputCheck(code).text(lang)))])),
                ("defaultConfiguration", .object([("level", .string("error"))])),
            ]))
        }
        var results: [JSON] = []
        for d in allDiags {
            results.append(.object([
                ("ruleId", .string(d.code.rawValue)),
                ("ruleIndex", .int(index[d.code.rawValue]!)),
                ("kind", .string("fail")),
                ("level", .string(d.severity == .error ? "error" : d.severity == .warning ? "warning" : "note")),
                ("message", .object([("text", .string(([d.message.text(lang)] + d.notes(lang)).joined(separator: " — ")))])),
                ("locations", .array([Self.location(file: d.location.file, line: d.location.line, column: d.location.column, path: nil)])),
            ]))
        }
        for report in run.reports {
            for r in report.results where [.fail, .error, .missing, .waived].contains(r.status) {
                var fields: [(String, JSON)] = [
                    ("ruleId", .string(r.rule.id)),
                    ("ruleIndex", .int(index[r.rule.id] ?? 0)),
                ]
                let isFailure = r.status == .fail || r.status == .error || (r.status == .waived && r.waiver?.originalStatus != .missing)
                if isFailure {
                    fields.append(("kind", .string("fail")))
                    fields.append(("level", .string(Self.level(r.severity))))
                } else {
                    fields.append(("kind", .string("review")))
                    fields.append(("level", .string("none")))
                }
                var text = r.message(lang) + " (" + Localizer(lang).basis(r.rule) + ")"
                if let u = report.unit { text = "\(u.name) (\(u.code)): " + text }
                fields.append(("message", .object([("text", .string(text))])))
                var locations = [Self.location(file: r.location.file, line: r.location.line, column: r.location.column, path: r.location.path)]
                for f in r.flagged where f.location.line != r.location.line {
                    locations.append(Self.location(file: f.location.file, line: f.location.line, column: f.location.column, path: f.path))
                }
                fields.append(("locations", .array(locations)))
                if let b = r.baselineState { fields.append(("baselineState", .string(b.rawValue))) }
                if let w = r.waiver {
                    fields.append(("suppressions", .array([.object([
                        ("kind", .string("external")),
                        ("status", .string("accepted")),
                        ("justification", .string(Message.suppressionJustification(w).text(lang))),
                        ("location", Self.location(file: w.waiver.location.file, line: w.waiver.location.line, column: w.waiver.location.column, path: nil)),
                    ])])))
                }
                var props: [(String, JSON)] = [("status", .string(r.status.rawValue))]
                if let e = r.expected { props.append(("expected", .string(e))) }
                if let a = r.actual { props.append(("actual", .string(a))) }
                if let u = report.unit { props.append(("unit", .string(u.code))) }
                fields.append(("properties", .object(props)))
                results.append(.object(fields))
            }
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("qcdc")),
                    ("version", .string(QCDC.version)),
                    ("semanticVersion", .string(QCDC.version)),
                    ("rules", .array(descriptors)),
                ]))])),
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(true)),
                    ("exitCode", .int(Int(run.exitCode))),
                ])])),
                ("results", .array(results)),
                ("properties", .object([
                    ("ruleSets", .array(run.ruleSet.sources.map { .string("\($0.id)@\($0.version) sha256:\($0.sha256)") })),
                ])),
            ])])),
        ])
    }

    static func location(file: String, line: Int, column: Int, path: String?) -> JSON {
        var loc: [(String, JSON)] = [("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri(file)))])),
            ("region", .object([("startLine", .int(max(line, 1))), ("startColumn", .int(max(column, 1)))])),
        ]))]
        if let path, !path.isEmpty {
            loc.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string(path)), ("kind", .string("member"))])])))
        }
        return .object(loc)
    }

    /// A relative URI reference for a path (spaces and non-ASCII percent-encoded).
    static func uri(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) { out.append(c) }
            else { out += "%" + SourceText.hex(b) }
        }
        return out
    }
}
