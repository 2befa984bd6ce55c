/// An approved exception: a rule's result for a unit and period becomes
/// `waived` (kept in every output with its justification), never silently dropped.
public struct Waiver: Sendable, Hashable {
    /// Rule id or glob pattern (`*`, `?`), e.g. `TTND-A1` or `TCD-*`.
    public var rule: String
    /// Unit code or glob pattern.
    public var unit: String
    /// The period the waiver covers; it applies to reports whose period overlaps it.
    public var period: Period
    /// Why the exception is granted (at least ``WaiverSet/minimumJustification`` visible characters).
    public var justification: String
    /// Who approved it.
    public var approvedBy: String
    /// A reference to the supporting evidence, when given.
    public var evidence: String?
    /// Last day the waiver applies (inclusive).
    public var expires: Day
    /// Where the waiver is written (for messages).
    public var location: SourceLocation

    /// Whether the waiver covers rule `id` for unit `code` in a report of period `p`: the patterns
    /// match and the periods overlap. Expiry is not considered.
    public func matches(rule id: String, unit code: String, period p: Period) -> Bool {
        Glob.matches(rule, id) && Glob.matches(unit, code) && p.overlaps(period)
    }
}

/// The waiver that turned a result into `waived`.
public struct AppliedWaiver: Sendable, Hashable {
    /// The waiver applied.
    public var waiver: Waiver
    /// The status the result had before the waiver.
    public var originalStatus: RuleStatus
}

enum Glob {
    /// True when the text uses `*` or `?`.
    static func isPattern(_ s: String) -> Bool { s.contains("*") || s.contains("?") }

    /// `*` matches any run of characters, `?` one character; everything else literally.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) { pi += 1; ti += 1 }
            else if pi < p.count && p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

/// A waiver file, validated before any evaluation.
public struct WaiverSet: Sendable {
    /// The path of the waiver file.
    public var file: String
    /// The waivers, in file order.
    public var waivers: [Waiver]

    /// The fewest visible characters a justification may have.
    public static let minimumJustification = 10

    /// Reads and validates a waiver file; every problem is a located error with a `waiver.` code.
    ///
    /// A waiver must name a rule or a unit exactly (a pattern for both would waive everything),
    /// give a real justification (at least ``minimumJustification`` visible characters once
    /// spaces and invisible characters are removed) and expire by 2100.
    public static func load(_ bytes: [UInt8], file: String, knownRules: Set<String>) -> (WaiverSet?, [Diagnostic]) {
        let (node, loadDiags) = DocumentLoader.load(bytes, file: file)
        guard let node else { return (nil, loadDiags) }
        var r = NodeReading(file: file, namespace: .waiver, document: .waiverFile)
        var waivers: [Waiver] = []
        if r.mapping(node, "", known: ["waivers"], required: ["waivers"]) {
            for (index, item) in r.list(node["waivers"], "waivers").enumerated() {
                let w = "waivers[\(index)]"
                let known = ["rule", "unit", "period", "justification", "approved_by", "evidence", "expires"]
                guard r.mapping(item, w, known: known,
                                required: ["rule", "unit", "period", "justification", "approved_by", "expires"]) else { continue }
                let rule = r.string(item["rule"], w + ".rule")
                let unit = r.string(item["unit"], w + ".unit")
                let justification = r.string(item["justification"], w + ".justification")
                let approvedBy = r.string(item["approved_by"], w + ".approved_by")
                var expires = r.date(item["expires"], w + ".expires")
                var periodDiags: [Diagnostic] = []
                let period = item["period"].flatMap { PeriodReader.read($0, file: file, prefix: .waiver, into: &periodDiags) }
                r.diags += periodDiags
                for (key, value) in [("rule", rule), ("unit", unit)] {
                    if let value, value.isEmpty || Neutral.hasHidden(value) || value.contains(" ") {
                        r.error("invalid_value", .waiverIdentifier(.path("\(w).\(key)"), Neutral.visible(value)), item[key]!.mark, [.writeIdentifierExactly])
                    }
                }
                if let j = justification, Self.visibleCount(j) < Self.minimumJustification {
                    r.error("invalid_value", .justificationTooShort(.path(w + ".justification"), visible: Self.visibleCount(j)),
                            item["justification"]!.mark, [.sayWhy])
                }
                if let a = approvedBy, Self.visibleCount(a) == 0 {
                    r.error("invalid_value", .approvedByNoOne(.path(w + ".approved_by")), item["approved_by"]!.mark, [.nameApprover])
                }
                if let rule, let unit, Glob.isPattern(rule), Glob.isPattern(unit) {
                    r.error("too_broad", .waiverTooBroad(rule: rule, unit: unit), item.mark, [.nameRuleOrUnit])
                }
                if let e = expires, e > PeriodReader.latest {
                    r.error("invalid_date", .expiresTooLate(.path(w + ".expires"), e, latest: PeriodReader.latest), item["expires"]!.mark, [.timeLimited])
                    expires = nil
                }
                if let rule, !Glob.isPattern(rule), !knownRules.contains(rule) {
                    r.error("unknown_rule", .waiverUnknownRule(rule), item["rule"]!.mark, Suggest.note(for: rule, in: knownRules))
                }
                guard let rule, let unit, let justification, let approvedBy, let expires, let period else { continue }
                waivers.append(Waiver(rule: rule, unit: unit, period: period, justification: justification,
                                      approvedBy: approvedBy, evidence: r.string(item["evidence"], w + ".evidence"),
                                      expires: expires, location: item.mark.located(in: file)))
            }
        }
        var diags = loadDiags + r.diags
        CodeFrame.attach(&diags, bytes: bytes, file: file)
        return (diags.contains { $0.severity == .error } ? nil : WaiverSet(file: file, waivers: waivers), diags)
    }

    /// Characters that show: not whitespace, control or invisible characters.
    static func visibleCount(_ s: String) -> Int {
        s.unicodeScalars.filter { !$0.properties.isWhitespace && !Neutral.isControl($0) && !Neutral.isInvisible($0) }.count
    }

    /// Applies the waivers to one report after another and, at the end, says which waivers
    /// expired or matched nothing.
    public struct Application: Sendable {
        let set: WaiverSet
        let today: Day
        var used = Set<Int>()
        var expiredHits = Set<Int>()
        /// Waivers whose unit and period are in this run.
        var inScope = Set<Int>()

        /// Starts applying `set` on `today`: a waiver whose `expires` is before `today` covers nothing.
        public init(_ set: WaiverSet, today: Day) {
            self.set = set
            self.today = today
        }

        /// Turns the report's failed, missing and unevaluable results that a waiver covers into
        /// `waived`, keeping the original status; an expired waiver covers nothing.
        public mutating func apply(to outcome: inout ReportOutcome) {
            guard let unit = outcome.unit, let period = outcome.period else { return }
            for (wi, w) in set.waivers.enumerated() where Glob.matches(w.unit, unit.code) && period.overlaps(w.period) {
                inScope.insert(wi)
            }
            for xi in outcome.results.indices {
                let result = outcome.results[xi]
                guard [.fail, .missing, .error].contains(result.status) else { continue }
                for (wi, w) in set.waivers.enumerated() where w.matches(rule: result.rule.id, unit: unit.code, period: period) {
                    if w.expires < today { expiredHits.insert(wi); continue }
                    used.insert(wi)
                    outcome.results[xi].waiver = AppliedWaiver(waiver: w, originalStatus: result.status)
                    outcome.results[xi].status = .waived
                    break
                }
            }
        }

        /// Warnings for waivers that expired before covering anything (`waiver.expired`) and for
        /// waivers of units in the run that matched no finding (`waiver.unused`).
        public func finish() -> [Diagnostic] {
            var out: [Diagnostic] = []
            for (wi, w) in set.waivers.enumerated() {
                if expiredHits.contains(wi) && !used.contains(wi) {
                    out.append(Diagnostic(.warning, DiagnosticCode(.waiver, "expired"), .waiverExpired(rule: w.rule, unit: w.unit, on: w.expires),
                                          at: w.location, notes: [.renewOrFix]))
                } else if !used.contains(wi) && inScope.contains(wi) {
                    out.append(Diagnostic(.warning, DiagnosticCode(.waiver, "unused"), .waiverUnused(rule: w.rule, unit: w.unit),
                                          at: w.location, notes: [.removeStaleWaiver]))
                }
            }
            return out
        }
    }
}
