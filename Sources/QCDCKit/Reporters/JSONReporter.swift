/// The machine-readable output; its shape is a contract (schema version 2), documented in
/// `docs/output-json.md`. Each rule's metadata is written once, in the top-level `rules` map;
/// a result names its rule by id and carries only what is particular to the report.
///
/// Two layouts of the same members: ``Layout/document`` (`--format json`, one document, one
/// result per line) and ``Layout/lines`` (`--format jsonl`: a header line, one line per report,
/// a closing summary line).
public struct JSONReporter: StreamingReporter {
    /// How the members are laid out.
    public enum Layout: Sendable {
        /// One JSON document: the top levels indented, each result, error and rule on one line.
        case document
        /// JSON Lines: `{"type":"header",…}`, one `{"type":"report",…}` per report, `{"type":"summary",…}`.
        case lines
    }

    /// The layout written.
    public var layout: Layout

    /// A reporter writing `layout`.
    public init(layout: Layout = .document) {
        self.layout = layout
    }

    /// The whole run: ``opening(ruleSet:language:)``, each report, ``closing(_:count:)`` — the
    /// same pieces `qcdc check` writes as it goes, so both are byte-identical.
    public func render(_ run: CheckRun) -> String { renderStreamed(run) }

    /// `tool`, `schema_version`, `language`, `rule_sets`, `rules`, then (as a document) the
    /// opening bracket of `reports`.
    public func opening(ruleSet: RuleSet, language: Language) -> String {
        let rules = ruleSet.rules.filter { !$0.disabled }.sorted { $0.id < $1.id }
        switch layout {
        case .lines:
            var out = JSONText("{\"type\":\"header\"")
            Self.compactMembers(Self.head(ruleSet, language), into: &out)
            for (key, entries) in [("rules", rules.map { ($0.id, Self.rule($0, language)) }), ("facts", Self.facts(ruleSet, language))] {
                out += ",\"" + key + "\":{"
                for (i, (id, value)) in entries.enumerated() {
                    if i > 0 { out += "," }
                    JSON.escape(id, into: &out)
                    out += ":"
                    value.append(to: &out, indent: -1)
                }
                out += "}"
            }
            out += "}\n"
            return out.string
        case .document:
            var out = JSONText("{\n")
            for (key, value) in Self.head(ruleSet, language) {
                Self.member(key, value, into: &out)
                out += ",\n"
            }
            for (key, entries) in [("rules", rules.map { ($0.id, Self.rule($0, language)) }), ("facts", Self.facts(ruleSet, language))] {
                out += "  \"" + key + "\": {"
                for (i, (id, value)) in entries.enumerated() {
                    out += i == 0 ? "\n    " : ",\n    "
                    JSON.escape(id, into: &out)
                    out += ": "
                    value.append(to: &out, indent: -1)
                }
                out += entries.isEmpty ? "},\n" : "\n  },\n"
            }
            out += "  \"reports\": ["
            return out.string
        }
    }

    /// One report: an element of `reports` with the separator before it, or one line.
    public func report(_ outcome: ReportOutcome, index: Int, language: Language) -> String {
        String(decoding: reportUTF8(outcome, index: index, language: language), as: UTF8.self)
    }

    /// ``report(_:index:language:)`` as UTF-8 bytes, as the run writes it.
    package func reportUTF8(_ outcome: ReportOutcome, index: Int, language: Language) -> [UInt8] {
        var out: JSONText
        switch layout {
        case .lines:
            out = JSONText("{\"type\":\"report\",")
            reportMembers(outcome, language, into: &out, separator: ",", nested: "")
            out += "}\n"
        case .document:
            out = JSONText(index == 0 ? "\n    {\n      " : ",\n    {\n      ")
            reportMembers(outcome, language, into: &out, separator: ",\n      ", nested: "\n        ")
            out += "\n    }"
        }
        return out.bytes
    }

    /// The end of `reports`, then `errors`, `baseline` and `summary` (as lines: one summary line).
    public func closing(_ run: CheckRun, count: Int) -> String {
        switch layout {
        case .lines:
            var out = JSONText("{\"type\":\"summary\"")
            Self.compactMembers(Self.tail(run), into: &out)
            out += "}\n"
            return out.string
        case .document:
            var out = JSONText(count == 0 ? "]" : "\n  ]")
            let errors = run.diagnostics.sorted().map { Self.diagnostic($0, run.language) }
            out += ",\n  \"errors\": "
            Self.lines(errors, indent: "\n    ", close: "\n  ", into: &out)
            for (key, value) in Self.tail(run) where key != "errors" {
                out += ",\n"
                Self.member(key, value, into: &out)
            }
            out += "\n}\n"
            return out.string
        }
    }

    // MARK: - Members

    /// `  "key": value`, at the document's first level.
    static func member(_ key: String, _ value: JSON, into out: inout JSONText) {
        out += "  "
        JSON.escape(key, into: &out)
        out += ": "
        value.append(to: &out, indent: 1)
    }

    /// An array of compact values, one per line after `indent`; `[]` when empty.
    static func lines(_ items: [JSON], indent: String, close: String, into out: inout JSONText) {
        guard !items.isEmpty else { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            out += i == 0 ? indent : "," + indent
            item.append(to: &out, indent: -1)
        }
        out += close + "]"
    }

    /// The members before `reports` and `rules`.
    static func head(_ ruleSet: RuleSet, _ language: Language) -> [(String, JSON)] {
        [
            ("tool", .object([("name", .string("qcdc")), ("version", .string(QCDC.version))])),
            ("schema_version", .int(QCDC.jsonSchemaVersion)),
            ("language", .string(language.rawValue)),
            ("rule_sets", .array(ruleSet.sources.map { s in
                .object([("id", .string(s.id)), ("version", .string(s.version)), ("file", .string(s.file)), ("sha256", .string(s.sha256))])
            })),
        ]
    }

    /// The members after `reports`.
    static func tail(_ run: CheckRun) -> [(String, JSON)] {
        [
            ("errors", .array(run.diagnostics.sorted().map { diagnostic($0, run.language) })),
            ("baseline", run.baseline.map { b in
                .object([("new", .int(b.new)), ("unchanged", .int(b.unchanged)), ("fixed", .int(b.fixed))])
            } ?? .null),
            ("summary", summary(run.summary)),
        ] + (run.expectedCount == 0 ? [] : [
            ("expected", .int(run.expectedCount)),
            ("not_submitted", .array(run.notSubmitted.map(NotSubmitted.json))),
        ])
    }

    /// A rule's metadata, once per run: everything a result would otherwise repeat.
    static func rule(_ rule: Rule, _ lang: Language) -> JSON {
        .object([
            ("title", .string(rule.title.text(lang))),
            ("rule_set", .string(rule.ruleSet)),
            ("severity", .string(rule.severity.rawValue)),
            ("category", .string(rule.category)),
            ("weight", .double(rule.weight)),
            ("kind", .string(rule.kind.rawValue)),
            ("strength", .string(rule.strength.rawValue)),
            ("metric", .bool(rule.isMetric)),
            ("applies_to", .array(rule.appliesTo.map { .string($0.rawValue) })),
            ("in_force", .object([("from", .optional(rule.inForce.from?.description)), ("to", .optional(rule.inForce.until?.description))])),
            ("when", .optional(rule.when?.text)),
            ("citation", .string(rule.basisText(lang))),
            ("basis", .array(rule.basis.map { c in
                .object([("kind", .string(c.kind.rawValue)), ("strength", .string(c.strength.rawValue)), ("document", .string(c.document)),
                         ("name", .optional(c.name?.text(lang))), ("article", .optional(c.article)),
                         ("clause", .optional(c.clause)), ("point", .optional(c.point)), ("url", .optional(c.url)),
                         ("citation", .string(c.short(lang)))])
            })),
        ])
    }

    /// Every declared fact by path, with its `label` and `type` (the labels of `missing_facts`);
    /// a field of a list's records as `list[].field`.
    static func facts(_ ruleSet: RuleSet, _ lang: Language) -> [(String, JSON)] {
        func entry(_ path: String, _ f: FactDeclaration) -> (String, JSON) {
            (path, .object([("label", .string(f.label.text(lang))), ("type", .string(f.type.name))]))
        }
        return ruleSet.facts.values.flatMap { f in [entry(f.path, f)] + f.fields.map { entry(f.path + "[]." + $0.path, $0) } }
            .sorted { $0.0 < $1.0 }
    }

    /// The members of one report, each after `separator`; results and errors one per line after `nested`.
    func reportMembers(_ r: ReportOutcome, _ lang: Language, into out: inout JSONText, separator: String, nested: String) {
        out += "\"file\":"
        if case .document = layout { out += " " }
        JSON.escape(r.file, into: &out)
        let colon = nested.isEmpty ? ":" : ": "
        // A member's key written in pieces: `separator + key + colon` made a `String` first.
        func member(_ key: StaticString) {
            out.write(separator)
            out += key
            out.write(colon)
        }
        if let row = r.row {
            member("\"row\"")
            out.write(int: row)
        }
        // The members every report has are written straight out, compact, as ``JSON`` writes
        // them: building a tree for each and writing it was a third of writing a report.
        member("\"unit\"")
        if let u = r.unit {
            out += "{\"code\":"
            JSON.escape(u.code, into: &out)
            out += ",\"name\":"
            JSON.escape(u.name, into: &out)
            out += ",\"kind\":"
            JSON.escape(u.kind.rawValue, into: &out)
            out += ",\"parent\":"
            Self.optional(u.parent, into: &out)
            out += ",\"subtype\":"
            Self.optional(u.subtype, into: &out)
            out += "}"
        } else {
            out += "null"
        }
        member("\"period\"")
        if let p = r.period { Self.period(p, into: &out) } else { out += "null" }
        member("\"valid\"")
        out += r.isInvalid ? "false" : "true"
        member("\"results\"")
        var first = true
        // The rules not applicable, by reason, in the order of the reasons' keys: `condition`,
        // `kind`, `not_in_force`.
        var notApplicable: [[String]] = [[], [], []]
        // Each result read where it is, through the buffer: a `for result in` binding, or one
        // handed to a function, is a copy (a dozen references retained and released).
        r.results.withUnsafeBufferPointer { results in
            for i in results.indices {
                if results[i].status == .notApplicable, case .notApplicable(let why) = results[i].explanation {
                    let reason = switch why { case .condition: 0; case .kind: 1; case .notInForce: 2 }
                    notApplicable[reason].append(results[i].rule.id)
                    continue
                }
                out += first ? "[" : ","
                if !nested.isEmpty { out += nested }
                first = false
                Self.result(results.baseAddress! + i, period: r.period, lang, into: &out)
            }
        }
        out += first ? "[]" : nested.isEmpty ? "]" : "\n      ]"
        member("\"not_applicable\"")
        out += "{"
        var firstReason = true
        for (key, ids) in zip(["condition", "kind", "not_in_force"] as [StaticString], notApplicable) where !ids.isEmpty {
            out += firstReason ? "\"" : ",\""
            out += key
            out += "\":["
            for (k, id) in ids.enumerated() {
                if k > 0 { out += "," }
                JSON.escape(id, into: &out)
            }
            out += "]"
            firstReason = false
        }
        out += "}"
        member("\"errors\"")
        Self.lines(r.diagnostics.map { Self.diagnostic($0, lang) }, indent: nested, close: nested.isEmpty ? "" : "\n      ", into: &out)
        member("\"summary\"")
        Self.summary(of: r, into: &out)
    }

    static func period(_ p: Period) -> JSON {
        .object([("from", .string(p.start.description)), ("to", .string(p.end.description))])
    }

    /// ``period(_:)`` written compact.
    static func period(_ p: Period, into out: inout JSONText) {
        out += "{\"from\":"
        out.write(quoted: p.start)
        out += ",\"to\":"
        out.write(quoted: p.end)
        out += "}"
    }

    /// A string, or `null`.
    static func optional(_ s: String?, into out: inout JSONText) {
        if let s { JSON.escape(s, into: &out) } else { out += "null" }
    }

    /// ``summary(_:)`` of one report, written compact: counted in fixed slots
    /// (``ReportCounts``), where a ``Summary`` holds two dictionaries.
    static func summary(of r: ReportOutcome, into out: inout JSONText) {
        let counts = ReportCounts(r)
        summary(reports: 1, invalid: r.isInvalid ? 1 : 0, status: counts.count, failed: counts.failed,
                inputErrors: counts.inputErrors, inputWarnings: counts.inputWarnings, into: &out)
    }

    /// ``summary(_:)`` written compact.
    static func summary(_ s: Summary, into out: inout JSONText) {
        summary(reports: s.reports, invalid: s.invalidReports, status: s.count, failed: { s.failedBySeverity[$0] ?? 0 },
                inputErrors: s.inputErrors, inputWarnings: s.inputWarnings, into: &out)
    }

    private static func summary(reports: Int, invalid: Int, status count: (RuleStatus) -> Int, failed: (Severity) -> Int,
                                inputErrors: Int, inputWarnings: Int, into out: inout JSONText) {
        out += "{\"reports\":"
        out.write(int: reports)
        out += ",\"invalid_reports\":"
        out.write(int: invalid)
        out += ",\"status\":{"
        // In the order of the raw values, as ``summary(_:)`` sorts them.
        let statuses: [(StaticString, RuleStatus)] = [("\"error\":", .error), ("\"fail\":", .fail), ("\"missing\":", .missing),
                                                      ("\"not_applicable\":", .notApplicable), ("\"pass\":", .pass), ("\"waived\":", .waived)]
        for (k, (key, status)) in statuses.enumerated() {
            if k > 0 { out += "," }
            out += key
            out.write(int: count(status))
        }
        out += "},\"failed_by_severity\":{\"error\":"
        out.write(int: failed(.error))
        out += ",\"warning\":"
        out.write(int: failed(.warning))
        out += ",\"info\":"
        out.write(int: failed(.info))
        out += "},\"input_errors\":"
        out.write(int: inputErrors)
        out += ",\"input_warnings\":"
        out.write(int: inputWarnings)
        out += "}"
    }

    /// One result on one line. Written straight into `out`: it is most of a run's output.
    /// Members that would be null or empty are left out, and so is `window` when it is the
    /// report's whole period. `message` is written for `fail`, `error` and `waived`, and for a
    /// `missing` result of a multi-year report; a pass's message is its rule's title, and a
    /// plain `missing` result's is its `missing_facts` (labelled in the top-level `facts`).
    /// The result is read in place, through its address.
    static func result(_ result: UnsafePointer<RuleResult>, period: Period?, _ lang: Language, into out: inout JSONText) {
        out += "{\"rule\":"
        JSON.escape(result.pointee.rule.id, into: &out)
        out += ",\"status\":"
        out += result.pointee.status.quoted
        out += ",\"severity\":"
        out += result.pointee.severity.quoted
        var message = true
        switch result.pointee.status {
        case .pass, .notApplicable: message = false
        case .missing: if case .missing = result.pointee.explanation { message = false }
        default: break
        }
        if message {
            out += ",\"message\":"
            JSON.escape(result.pointee.message(lang), into: &out)
        }
        if let e = result.pointee.expected {
            out += ",\"expected\":"
            JSON.escape(e, into: &out)
        }
        if let a = result.pointee.actual {
            out += ",\"actual\":"
            JSON.escape(a, into: &out)
        }
        out += ",\"location\":{\"line\":"
        out.write(int: result.pointee.location.line)
        out += ",\"column\":"
        out.write(int: result.pointee.location.column)
        out += ",\"path\":"
        JSON.escape(result.pointee.location.path, into: &out)
        if let sheet = result.pointee.location.sheet {
            out += ",\"sheet\":"
            JSON.escape(sheet, into: &out)
        }
        out += "}"
        if let w = result.pointee.window, w != period {
            out += ",\"window\":"
            Self.period(w, into: &out)
        }
        extras(result, lang, into: &out)
        out += "}"
    }

    /// The members only some results have.
    /// The common ones (lists of names) are written straight out; the rare ones go through ``JSON``.
    private static func extras(_ result: UnsafePointer<RuleResult>, _ lang: Language, into out: inout JSONText) {
        func names(_ member: StaticString, _ items: [String]) {
            out += member
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSON.escape(item, into: &out)
            }
            out += "]"
        }
        if !result.pointee.missingFacts.isEmpty { names(",\"missing_facts\":[", result.pointee.missingFacts) }
        if !result.pointee.shortfall.isEmpty { names(",\"shortfall\":[", result.pointee.shortfall) }
        // The rare members, built as ``JSON`` when there are any.
        // (The waiver is matched, not compared with nil: the comparison copied it, a dozen references.)
        var rare = !result.pointee.flagged.isEmpty || result.pointee.baselineState != nil
        if case .some = result.pointee.waiver { rare = true }
        guard rare else { return }
        var more: [(String, JSON)] = []
        if !result.pointee.flagged.isEmpty {
            more.append(("flagged", .array(result.pointee.flagged.map { f in
                .object([("path", .string(f.path)), ("id", .optional(f.id)), ("line", .int(f.location.line)),
                         ("column", .int(f.location.column))] + (f.location.sheet.map { [("sheet", JSON.string($0))] } ?? []))
            })))
        }
        if let w = result.pointee.waiver {
            more.append(("waiver", .object([
                ("original_status", .string(w.originalStatus.rawValue)), ("justification", .string(w.waiver.justification)),
                ("approved_by", .string(w.waiver.approvedBy)), ("evidence", .optional(w.waiver.evidence)),
                ("expires", .string(w.waiver.expires.description)),
                ("location", .object([("file", .string(w.waiver.location.file)), ("line", .int(w.waiver.location.line)),
                                      ("column", .int(w.waiver.location.column))])),
            ])))
        }
        if let b = result.pointee.baselineState { more.append(("baseline_state", .string(b.rawValue))) }
        compactMembers(more, into: &out)
    }

    /// `,"key":value` for each member, compact, continuing an object already open.
    static func compactMembers(_ members: [(String, JSON)], into out: inout JSONText) {
        for (key, value) in members {
            out += ","
            JSON.escape(key, into: &out)
            out += ":"
            value.append(to: &out, indent: -1)
        }
    }

    static func diagnostic(_ d: Diagnostic, _ lang: Language) -> JSON {
        .object([
            ("severity", .string(d.severity.rawValue)),
            ("code", .string(d.code.rawValue)),
            ("message", .string(d.message.text(lang))),
            ("location", .object([("file", .string(d.location.file)), ("line", .int(d.location.line)),
                                  ("column", .int(d.location.column))] + (d.location.sheet.map { [("sheet", JSON.string($0))] } ?? []))),
            ("notes", .array(d.notes(lang).map { .string($0) })),
        ])
    }

    static func summary(_ s: Summary) -> JSON {
        .object([
            ("reports", .int(s.reports)),
            ("invalid_reports", .int(s.invalidReports)),
            ("status", .object(RuleStatus.allCases.sorted { $0.rawValue < $1.rawValue }.map { ($0.rawValue, .int(s.count($0))) })),
            ("failed_by_severity", .object(Severity.allCases.reversed().map { ($0.rawValue, .int(s.failedBySeverity[$0] ?? 0)) })),
            ("input_errors", .int(s.inputErrors)),
            ("input_warnings", .int(s.inputWarnings)),
        ])
    }
}

extension RuleStatus {
    /// The raw value in quotes, as JSON writes it, with no `String` made.
    var quoted: StaticString {
        switch self {
        case .pass: "\"pass\""
        case .fail: "\"fail\""
        case .missing: "\"missing\""
        case .notApplicable: "\"not_applicable\""
        case .error: "\"error\""
        case .waived: "\"waived\""
        }
    }
}

extension Severity {
    /// The raw value in quotes, as JSON writes it, with no `String` made.
    var quoted: StaticString {
        switch self {
        case .error: "\"error\""
        case .warning: "\"warning\""
        case .info: "\"info\""
        }
    }
}

extension NotApplicable {
    /// The reason as a stable key: `kind`, `not_in_force`, `condition` (JSON's `reason`).
    public var key: String {
        switch self {
        case .kind: "kind"
        case .notInForce: "not_in_force"
        case .condition: "condition"
        }
    }
}
