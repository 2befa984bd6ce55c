/// A GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues, each
/// with `description`, `check_name`, `fingerprint`, `severity` and `location` (`path`,
/// `lines.begin`), shown in merge requests next to the changed files.
///
/// Findings are `critical` (severity error), `major` (warning) or `minor` (info); missing
/// evidence is `info` (left out with ``OutputStyle/omitMissing``; `critical` when the gate counts
/// it); input problems are `blocker` (an error: the report cannot be evaluated) or `minor`. A
/// finding's fingerprint is its baseline identity (rule, unit, period, status), so GitLab
/// follows it from pipeline to pipeline. Paths are relative to the repository's root when a
/// ``SourceRoot`` is given, as GitLab reads them.
public struct GitLabReporter: StreamingReporter {
    var style: OutputStyle
    /// Whether an issue has been written (the next one needs a comma before it).
    private var wrote = false

    public init(_ style: OutputStyle = OutputStyle()) {
        self.style = style
    }

    public func opening(ruleSet: RuleSet, language: Language) -> String { "[" }

    /// The report's input problems and findings, each after a comma.
    public func report(_ outcome: ReportOutcome, index: Int, language lang: Language) -> String {
        let l = Localizer(lang)
        var out = ""
        for d in outcome.diagnostics where d.severity != .note { out += issue(d, lang) }
        for r in outcome.results {
            let severity: String
            switch r.status {
            case .fail, .error:
                guard r.baselineState != .unchanged else { continue }
                severity = r.status == .error ? "critical" : r.severity == .error ? "critical" : r.severity == .warning ? "major" : "minor"
            case .missing:
                guard r.baselineState != .unchanged, !style.omitMissing || style.gate.isFinding(r) else { continue }
                severity = style.gate.failOnMissing ? "critical" : "info"
            case .pass, .notApplicable, .waived:
                continue
            }
            var text = "\(r.rule.id): " + r.message(lang) + " (" + l.basis(r.rule) + ")"
            if let u = outcome.unit { text = "\(u.name) (\(u.code)) — " + text }
            let fingerprint = Baseline.fingerprint(r, of: outcome) ?? Baseline.fingerprint(r.rule.id, r.location.source)
            out += issue(description: text, check: r.rule.id, fingerprint: fingerprint, severity: severity, location: r.location.source)
        }
        return out
    }

    /// Drops the comma before the first issue.
    public mutating func emit(_ rendered: String) -> String {
        guard !wrote, !rendered.isEmpty else { return rendered }
        wrote = true
        return String(rendered.dropFirst())
    }

    /// The run's own input problems and the units that did not report, then the array's end.
    public func closing(_ run: CheckRun, count: Int) -> String {
        var me = self
        var out = ""
        for d in run.diagnostics.sorted() where d.severity != .note { out += me.emit(issue(d, run.language)) }
        // A unit without a report has no file: the issue points at the run's first input, line 1.
        for u in run.notSubmitted {
            let at = SourceLocation(file: ".", line: 1, column: 1)
            out += me.emit(issue(description: "\(NotSubmitted.id): " + NotSubmitted.text(u, run.language), check: NotSubmitted.id,
                                 fingerprint: SHA256.hex(Array("\(NotSubmitted.id)|\(u.code)".utf8)), severity: "critical", location: at))
        }
        return out + (me.wrote ? "\n]\n" : "]\n")
    }

    /// An input problem as an issue: `blocker` for an error (the report cannot be evaluated).
    func issue(_ d: Diagnostic, _ lang: Language) -> String {
        issue(description: "\(d.code): " + ([d.message.text(lang)] + d.notes(lang)).joined(separator: " — "), check: d.code.rawValue,
              fingerprint: Baseline.fingerprint(d), severity: d.severity == .error ? "blocker" : "minor", location: d.location)
    }

    /// One issue, on its own line after a comma.
    func issue(description: String, check: String, fingerprint: String, severity: String, location: SourceLocation) -> String {
        var path = location.file
        if let root = style.sourceRoot, let relative = root.relative(path) { path = relative }
        var text = Neutral.visible(description)
        if location.sheet != nil { text = Neutral.visible(String(location.description.dropFirst(location.file.count + 1))) + ": " + text }
        var out = ",\n  "
        JSON.object([
            ("type", .string("issue")),
            ("description", .string(text)),
            ("check_name", .string(check)),
            ("fingerprint", .string(fingerprint)),
            ("severity", .string(severity)),
            ("location", .object([("path", .string(path)), ("lines", .object([("begin", .int(max(location.line, 1)))]))])),
        ]).append(to: &out, indent: -1)
        return out
    }
}

extension Baseline {
    /// A fingerprint for a result of a report without a unit or period (rule and position).
    static func fingerprint(_ rule: String, _ l: SourceLocation) -> String {
        SHA256.hex(Array("\(rule)|\(l.file)|\(l.sheet ?? "")|\(l.line)|\(l.column)".utf8))
    }
}
