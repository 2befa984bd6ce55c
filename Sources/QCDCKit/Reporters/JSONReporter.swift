/// The machine-readable output; its shape is a contract, documented in
/// `docs/output-json.md`.
public struct JSONReporter: StreamingReporter {
    public init() {}

    /// The whole run: ``opening(ruleSet:language:)``, each report, ``closing(_:count:)`` — the
    /// same pieces `qcdc check` writes as it goes, so both are byte-identical.
    public func render(_ run: CheckRun) -> String {
        var out = opening(ruleSet: run.ruleSet, language: run.language)
        for (i, r) in run.reports.enumerated() { out += report(r, index: i, language: run.language) }
        return out + closing(run, count: run.reports.count)
    }

    /// The document up to the opening bracket of `reports`: `tool`, `schema_version`,
    /// `language`, `rule_sets`.
    public func opening(ruleSet: RuleSet, language: Language) -> String {
        var out = "{\n"
        for (key, value) in Self.head(ruleSet, language) { Self.member(key, value, into: &out); out += ",\n" }
        return out + "  \"reports\": ["
    }

    /// One element of `reports`, with the separator before it.
    public func report(_ outcome: ReportOutcome, index: Int, language: Language) -> String {
        var out = index == 0 ? "\n    " : ",\n    "
        report(outcome, language).append(to: &out, indent: 2)
        return out
    }

    /// The end of `reports`, then `errors`, `baseline` and `summary`.
    public func closing(_ run: CheckRun, count: Int) -> String {
        var out = count == 0 ? "]" : "\n  ]"
        for (key, value) in Self.tail(run) { out += ",\n"; Self.member(key, value, into: &out) }
        return out + "\n}\n"
    }

    /// `  "key": value`, at the document's first level.
    static func member(_ key: String, _ value: JSON, into out: inout String) {
        out += "  "
        JSON.escape(key, into: &out)
        out += ": "
        value.append(to: &out, indent: 1)
    }

    /// The members before `reports`.
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
        ]
    }

    func report(_ r: ReportOutcome, _ lang: Language) -> JSON {
        .object([
            ("file", .string(r.file)),
            ("unit", r.unit.map { u in
                .object([("code", .string(u.code)), ("name", .string(u.name)), ("kind", .string(u.kind.rawValue)),
                         ("parent", .optional(u.parent)), ("subtype", .optional(u.subtype))])
            } ?? .null),
            ("period", r.period.map(Self.period) ?? .null),
            ("valid", .bool(!r.isInvalid)),
            ("results", .array(r.results.map { result($0, lang) })),
            ("errors", .array(r.diagnostics.map { Self.diagnostic($0, lang) })),
            ("summary", Self.summary(Summary([r]))),
        ])
    }

    static func period(_ p: Period) -> JSON {
        .object([("from", .string(p.start.description)), ("to", .string(p.end.description))])
    }

    func result(_ r: RuleResult, _ lang: Language) -> JSON {
        .object([
            ("rule", .string(r.rule.id)),
            ("title", .string(r.rule.title.text(lang))),
            ("status", .string(r.status.rawValue)),
            ("severity", .string(r.severity.rawValue)),
            ("category", .string(r.rule.category)),
            ("weight", .double(r.rule.weight)),
            ("kind", .string(r.rule.kind.rawValue)),
            ("strength", .string(r.rule.strength.rawValue)),
            ("metric", .bool(r.rule.isMetric)),
            ("message", .string(r.message(lang))),
            ("expected", .optional(r.expected)),
            ("actual", .optional(r.actual)),
            ("location", .object([("file", .string(r.location.file)), ("line", .int(r.location.line)),
                                  ("column", .int(r.location.column)), ("path", .string(r.location.path))])),
            ("window", r.window.map(Self.period) ?? .null),
            ("reason", .optional(r.reason(lang))),
            ("missing_facts", .array(r.missingFacts.map { .string($0) })),
            ("shortfall", .array(r.shortfall.map { .string($0) })),
            ("flagged", .array(r.flagged.map { f in
                .object([("path", .string(f.path)), ("id", .optional(f.id)), ("line", .int(f.location.line)),
                         ("column", .int(f.location.column))])
            })),
            ("waiver", r.waiver.map { w in
                .object([("original_status", .string(w.originalStatus.rawValue)), ("justification", .string(w.waiver.justification)),
                         ("approved_by", .string(w.waiver.approvedBy)), ("evidence", .optional(w.waiver.evidence)),
                         ("expires", .string(w.waiver.expires.description)),
                         ("location", .object([("file", .string(w.waiver.location.file)), ("line", .int(w.waiver.location.line)),
                                               ("column", .int(w.waiver.location.column))]))])
            } ?? .null),
            ("baseline_state", .optional(r.baselineState?.rawValue)),
            ("basis", .array(r.rule.basis.map { c in
                .object([("kind", .string(c.kind.rawValue)), ("strength", .string(c.strength.rawValue)), ("document", .string(c.document)),
                         ("name", .optional(c.name?.text(lang))), ("article", .optional(c.article)),
                         ("clause", .optional(c.clause)), ("point", .optional(c.point)), ("url", .optional(c.url)),
                         ("citation", .string(c.short(lang)))])
            })),
        ])
    }

    static func diagnostic(_ d: Diagnostic, _ lang: Language) -> JSON {
        .object([
            ("severity", .string(d.severity.rawValue)),
            ("code", .string(d.code.rawValue)),
            ("message", .string(d.message.text(lang))),
            ("location", .object([("file", .string(d.location.file)), ("line", .int(d.location.line)),
                                  ("column", .int(d.location.column))])),
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
