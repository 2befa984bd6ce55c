/// SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps).
///
/// Every rule of the rule set is a `reportingDescriptor` (a short name, descriptions in the run's
/// language, help as text and Markdown with the legal basis, help URI where the rule has one).
/// Results: findings (`kind: fail`, level by severity), missing evidence (`kind: review`, level
/// `none`; left out with ``OutputStyle/omitMissing``), waived results (with a `suppression`
/// carrying the justification); input problems are results of their diagnostic code. Each
/// finding has `partialFingerprints` from its baseline identity (rule, unit, period, status).
/// With a ``SourceRoot``, paths are relative to `%SRCROOT%`, declared in `originalUriBaseIds`.
public struct SARIFReporter: StreamingReporter {
    /// What counts as a finding, whether missing evidence is left out, the source root.
    var style: OutputStyle

    public init(_ style: OutputStyle = OutputStyle()) {
        self.style = style
    }

    /// Whether a result has been written (the next one needs a comma before it).
    private var wroteResult = false
    /// The descriptors' positions, set by ``opening(ruleSet:language:)``.
    private var indexes = Indexes(.empty)

    /// The run as a SARIF 2.1.0 log (JSON text): the same pieces `qcdc check` writes as it goes.
    public func render(_ run: CheckRun) -> String { renderStreamed(run) }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The log up to the opening bracket of `results`: the tool with a descriptor for every rule
    /// and every input check (``DiagnosticCode/all``, so that input problems met later have one),
    /// and the rule sets used.
    public mutating func opening(ruleSet: RuleSet, language lang: Language) -> String {
        indexes = Indexes(ruleSet)
        let descriptors = ruleSet.rules.map { Self.descriptor($0, lang) } + DiagnosticCode.all.map { code in
            JSON.object([
                ("id", .string(code.rawValue)),
                ("name", .string(Self.shortName(code.rawValue))),
                ("shortDescription", .object([("text", .string(Message.inputCheck(code).text(lang)))])),
                ("defaultConfiguration", .object([("level", .string("error"))])),
            ])
        } + [JSON.object([
            ("id", .string(NotSubmitted.id)),
            ("name", .string(Self.shortName(NotSubmitted.id))),
            ("shortDescription", .object([("text", .string(Message.notSubmittedRule.text(lang)))])),
            ("defaultConfiguration", .object([("level", .string("error"))])),
        ])]
        let tool = JSON.object([("driver", .object([
            ("name", .string("qcdc")),
            ("version", .string(QCDC.version)),
            ("semanticVersion", .string(QCDC.version)),
            ("rules", .array(descriptors)),
        ]))])
        let properties = JSON.object([
            ("ruleSets", .array(ruleSet.sources.map { .string("\($0.id)@\($0.version) sha256:\($0.sha256)") })),
        ])
        var bases = ""
        if let root = style.sourceRoot {
            bases = "      \"originalUriBaseIds\": " + JSON.object([("%SRCROOT%", .object([
                ("uri", .string(root.uri)),
                ("description", .object([("text", .string(lang == .vi ? "Thư mục gốc của kho (hoặc thư mục làm việc)" : "The repository's root (or the working directory)"))])),
            ]))]).fragment(indent: 3) + ",\n"
        }
        return "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
            + "      \"tool\": " + tool.fragment(indent: 3) + ",\n" + bases
            + "      \"properties\": " + properties.fragment(indent: 3) + ",\n"
            + "      \"results\": ["
    }

    /// One report's results, one per line, each after a comma: its input problems, then its
    /// findings (failures, unevaluable rules, missing evidence, waived results).
    public func report(_ outcome: ReportOutcome, index: Int, language: Language) -> String {
        var out = JSONText()
        for d in outcome.diagnostics where d.severity != .note {
            out += ",\n        "
            diagnostic(d, ruleIndex: indexes.diagnostic(d.code), language).append(to: &out, indent: -1)
        }
        var artifact: (file: String, location: JSON)?
        // The statuses read in place, through the buffer: a `for r in` binding copied every
        // result, passed or not applicable included (a dozen references each).
        outcome.results.withUnsafeBufferPointer { results in
            for i in results.indices where [.fail, .error, .missing, .waived].contains(results[i].status) {
                if results[i].status == .missing && style.omitMissing
                    && !style.gate.isFinding(status: .missing, baselineState: results[i].baselineState) { continue }
                out += ",\n        "
                if artifact == nil { artifact = (results[i].location.file, artifactLocation(results[i].location.file)) }
                result(results[i], of: outcome, ruleIndex: indexes.rule(results[i].rule.id), language, artifact: artifact)
                    .append(to: &out, indent: -1)
            }
        }
        return out.string
    }

    /// Drops the comma before the run's first result.
    public mutating func emit(_ rendered: String) -> String {
        guard !wroteResult, !rendered.isEmpty else { return rendered }
        wroteResult = true
        return String(rendered.dropFirst())
    }

    /// The run's own input problems, the end of `results`, and the invocation with its exit code.
    public func closing(_ run: CheckRun, count: Int) -> String {
        var me = self
        var out = ""
        for d in run.diagnostics.sorted() where d.severity != .note {
            var line = ",\n        "
            diagnostic(d, ruleIndex: indexes.diagnostic(d.code), run.language).append(to: &line, indent: -1)
            out += me.emit(line)
        }
        for u in run.notSubmitted {
            var line = ",\n        "
            JSON.object([
                ("ruleId", .string(NotSubmitted.id)),
                ("ruleIndex", .int(indexes.notSubmitted)),
                ("level", .string("error")),
                ("message", .object([("text", .string(NotSubmitted.text(u, run.language)))])),
                ("locations", .array([.object([("logicalLocations", .array([.object([
                    ("name", .string(u.code)),
                    ("fullyQualifiedName", .string(u.province.map { $0 == u.code ? u.code : "\($0)/\(u.code)" } ?? u.code)),
                    ("kind", .string("module")),
                ])]))])])),
                ("partialFingerprints", Self.fingerprints(SHA256.hex(Array("\(NotSubmitted.id)|\(u.code)".utf8)))),
            ]).append(to: &line, indent: -1)
            out += me.emit(line)
        }
        let invocations = JSON.array([.object([("executionSuccessful", .bool(true)), ("exitCode", .int(Int(run.exitCode)))])])
        return out + (me.wroteResult ? "\n      ]" : "]") + ",\n      \"invocations\": " + invocations.fragment(indent: 3) + "\n    }\n  ]\n}\n"
    }

    /// Where each descriptor is in `tool.driver.rules`: the rules in rule-set order, then every
    /// input check in ``DiagnosticCode/all`` order.
    struct Indexes: Sendable {
        let rules: [String: Int]
        let diagnostics: [DiagnosticCode: Int]

        init(_ ruleSet: RuleSet) {
            var rules: [String: Int] = [:]
            for (i, r) in ruleSet.rules.enumerated() { rules[r.id] = i }
            var diagnostics: [DiagnosticCode: Int] = [:]
            for (i, code) in DiagnosticCode.all.enumerated() { diagnostics[code] = ruleSet.rules.count + i }
            self.rules = rules
            self.diagnostics = diagnostics
        }

        /// The `not_submitted` descriptor's position: after every input check.
        var notSubmitted: Int { rules.count + diagnostics.count }

        func rule(_ id: String) -> Int? { rules[id] }
        func diagnostic(_ code: DiagnosticCode) -> Int? { diagnostics[code] }
    }

    func diagnostic(_ d: Diagnostic, ruleIndex: Int?, _ lang: Language) -> JSON {
        var fields: [(String, JSON)] = [("ruleId", .string(d.code.rawValue))]
        if let ruleIndex { fields.append(("ruleIndex", .int(ruleIndex))) }
        return .object(fields + [
            ("kind", .string("fail")),
            ("level", .string(d.severity == .error ? "error" : d.severity == .warning ? "warning" : "note")),
            ("message", .object([("text", .string(([d.message.text(lang)] + d.notes(lang)).joined(separator: " — ")))])),
            ("locations", .array([location(file: d.location.file, line: d.location.line, column: d.location.column, path: nil, sheet: d.location.sheet)])),
            ("partialFingerprints", Self.fingerprints(Baseline.fingerprint(d))),
        ])
    }

    /// The fingerprints of a result: qcdc's own, versioned, and the one GitHub code scanning
    /// reads (`primaryLocationLineHash`; given, it is used as it is), both from the finding's
    /// stable identity rather than the report's lines.
    static func fingerprints(_ hash: String) -> JSON {
        .object([("qcdc/v1", .string(hash)), ("primaryLocationLineHash", .string(String(hash.prefix(16)) + ":1"))])
    }

    /// A short, identifier-like name for a descriptor (SARIF's `name`): `InputYamlSyntax`,
    /// `Dial01`… from an id or code.
    static func shortName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }

    /// A rule's `reportingDescriptor`: name and descriptions in the run's language, help with
    /// every citation (kind, strength, quote, note), the basis kind and strength as properties.
    static func descriptor(_ r: Rule, _ lang: Language) -> JSON {
        let l = Localizer(lang)
        let noteWord = l.noteWord.prefix(1).uppercased() + l.noteWord.dropFirst()
        let help = r.title.text(lang) + "\n\n" + r.basis.map { c -> String in
            var line = "[\(l.kind(c.kind)), \(l.strength(c.strength))] \(c.short(lang))"
            if let q = c.quote { line += "\n\"\(q)\"" }
            if let n = c.note { line += "\n\(noteWord): \(n.text(lang))" }
            return line
        }.joined(separator: "\n")
        // The same as Markdown: the title, then each citation as a list item, its words quoted.
        let md = { (s: String) in Neutral.markdown(s) }
        let markdown = "**\(md(r.id)): \(md(r.title.text(lang)))**\n\n" + (lang == .vi ? "Căn cứ:\n\n" : "Basis:\n\n") + r.basis.map { c -> String in
            var cite = md(c.short(lang))
            if let url = c.url, url.hasPrefix("https://"), !url.contains(")"), !url.contains(" ") { cite = "[\(cite)](\(url))" }
            var item = "- \(cite) — _\(md(l.kind(c.kind))), \(md(l.strength(c.strength)))_"
            if let q = c.quote { item += "\n\n  > \(md(q))" }
            if let n = c.note { item += "\n\n  \(md(noteWord)): \(md(n.text(lang)))" }
            return item
        }.joined(separator: "\n")
        var props: [(String, JSON)] = [
            ("id", .string(r.id)),
            ("name", .string(shortName(r.id))),
            ("shortDescription", .object([("text", .string(r.title.text(lang)))])),
            ("fullDescription", .object([("text", .string(r.definition.description?.text(lang) ?? r.title.text(lang)))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(r.severity)))])),
        ]
        if let url = r.basis.compactMap(\.url).first { props.insert(("helpUri", .string(url)), at: 2) }
        props.append(("properties", .object([
            ("tags", .array([.string(r.category), .string(r.kind.rawValue)] + r.appliesTo.map { .string($0.rawValue) })),
            ("category", .string(r.category)),
            ("basisKind", .string(r.kind.rawValue)),
            ("basisStrength", .string(r.strength.rawValue)),
        ])))
        return .object(props)
    }

    /// One rule result as a SARIF result: failures by severity, missing evidence for review,
    /// waived ones with their suppression; every flagged case a further location.
    func result(_ r: RuleResult, of report: ReportOutcome, ruleIndex: Int?, _ lang: Language,
                artifact: (file: String, location: JSON)? = nil) -> JSON {
        func at(_ file: String) -> JSON? { artifact.flatMap { $0.file == file ? $0.location : nil } }
        var fields: [(String, JSON)] = [("ruleId", .string(r.rule.id))]
        if let ruleIndex { fields.append(("ruleIndex", .int(ruleIndex))) }
        // Missing evidence is for review at level none, unless the gate counts it (--fail-on-missing).
        let isFailure = r.status == .fail || r.status == .error || (r.status == .missing && style.gate.failOnMissing)
            || (r.status == .waived && (r.waiver?.originalStatus != .missing || style.gate.failOnMissing))
        fields.append(("kind", .string(isFailure ? "fail" : "review")))
        fields.append(("level", .string(!isFailure ? "none" : r.status == .missing ? "error" : Self.level(r.severity))))
        var text = r.message(lang) + " (" + Localizer(lang).basis(r.rule) + ")"
        if let u = report.unit { text = "\(u.name) (\(u.code)): " + text }
        fields.append(("message", .object([("text", .string(text))])))
        var locations = [location(file: r.location.file, line: r.location.line, column: r.location.column, path: r.location.path,
                                  sheet: r.location.sheet, artifact: at(r.location.file))]
        for f in r.flagged where f.location.line != r.location.line {
            locations.append(location(file: f.location.file, line: f.location.line, column: f.location.column, path: f.path,
                                      sheet: f.location.sheet, artifact: at(f.location.file)))
        }
        fields.append(("locations", .array(locations)))
        if let hash = Baseline.fingerprint(r, of: report) { fields.append(("partialFingerprints", Self.fingerprints(hash))) }
        if let b = r.baselineState { fields.append(("baselineState", .string(b.rawValue))) }
        if let w = r.waiver {
            fields.append(("suppressions", .array([.object([
                ("kind", .string("external")),
                ("status", .string("accepted")),
                ("justification", .string(Message.suppressionJustification(w).text(lang))),
                ("location", location(file: w.waiver.location.file, line: w.waiver.location.line, column: w.waiver.location.column, path: nil)),
            ])])))
        }
        var props: [(String, JSON)] = [("status", .string(r.status.rawValue))]
        if let e = r.expected { props.append(("expected", .string(e))) }
        if let a = r.actual { props.append(("actual", .string(a))) }
        if let u = report.unit { props.append(("unit", .string(u.code))) }
        fields.append(("properties", .object(props)))
        return .object(fields)
    }

    /// The `artifactLocation` of `file`: relative to the source root when it is inside it.
    func artifactLocation(_ file: String) -> JSON {
        var artifact: [(String, JSON)] = [("uri", .string(Self.uri(file)))]
        if let root = style.sourceRoot {
            if let relative = root.relative(file) {
                artifact = [("uri", .string(Self.uri(relative))), ("uriBaseId", .string("%SRCROOT%"))]
            } else if file != InputReader.stdinName {
                artifact = [("uri", .string("file://" + Self.uri(PathUtil.resolve(root.workingDirectory, file))))]
            }
        }
        return .object(artifact)
    }

    /// `artifact`: the file's ``artifactLocation(_:)`` when already made (a report's results
    /// share their file, and working it out for each was a third of the SARIF rendering).
    func location(file: String, line: Int, column: Int, path: String?, sheet: String? = nil, artifact: JSON? = nil) -> JSON {
        var loc: [(String, JSON)] = [("physicalLocation", .object([
            ("artifactLocation", artifact ?? artifactLocation(file)),
            ("region", .object([("startLine", .int(max(line, 1))), ("startColumn", .int(max(column, 1)))])),
        ]))]
        // The fact, and for a workbook the sheet its row and column are on.
        var logical: [JSON] = []
        if let sheet { logical.append(.object([("name", .string(sheet)), ("kind", .string("resource"))])) }
        if let path, !path.isEmpty { logical.append(.object([("fullyQualifiedName", .string(path)), ("kind", .string("member"))])) }
        if !logical.isEmpty { loc.append(("logicalLocations", .array(logical))) }
        return .object(loc)
    }

    /// A relative URI reference for a path (spaces and non-ASCII percent-encoded).
    static func uri(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(b)
            default:
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
