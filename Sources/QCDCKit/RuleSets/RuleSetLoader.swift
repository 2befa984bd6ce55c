/// Loads rule-set files, resolves `extends`, applies `overrides`, and
/// type-checks every expression. All problems in all files are reported
/// together; a rule set with errors is not returned.
public struct RuleSetLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .default) { self.limits = limits }

    /// The path of the built-in national rule set.
    public static let builtinEntry = "rules/national.yaml"

    /// The national rule set compiled into qcdc.
    public func loadBuiltin() -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        load(paths: [Self.builtinEntry], source: .builtin)
    }

    /// Loads files or directories (each `.yaml` in a directory) and merges them into one rule set.
    /// Loads rule-set files or directories, or the built-in national set when `paths` is empty
    /// (the `--rules` option of every command).
    public func load(rules paths: [String]) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        paths.isEmpty ? loadBuiltin() : load(paths: paths)
    }

    public func load(paths: [String], source: RuleSource = .fileSystem) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        var session = Session(limits: limits)
        var tops: [Resolved] = []
        for path in paths {
            let files = source.isDirectory(path) ? source.list(path) : [path]
            if files.isEmpty {
                session.diags.append(Diagnostic(.error, "ruleset.not_found", "no rule-set files (.yaml) in \(path)",
                                                at: Mark.start.located(in: path)))
            }
            for f in files {
                if let r = session.resolve(file: f, source: source, from: nil) { tops.append(r) }
            }
        }
        // Merge the top-level sets (a set already included by another's `extends` is taken once).
        var merged = Resolved.empty
        var seen = Set<String>()
        for t in tops where !seen.contains(t.key) {
            seen.formUnion(t.includedKeys)
            merged.absorb(t, diags: &session.diags)
        }
        if let last = tops.last {
            merged.id = tops.count == 1 ? last.id : tops.map(\.id).joined(separator: "+")
            merged.version = last.version
            merged.title = last.title
            merged.location = last.location
        }
        let ruleSet = session.compile(merged)
        let diags = session.diags.sorted()
        return (diags.contains { $0.severity == .error } ? nil : ruleSet, diags)
    }

    // MARK: - Internals

    /// A rule before its expressions are compiled.
    struct RawRule {
        var rule: Rule
        var when: Node?
        var expect: Node?
        var messageMarks: Mark
    }

    /// One file with everything it extends merged in.
    struct Resolved {
        var key: String
        var id: String
        var version: String
        var title: LocalizedText
        var location: SourceLocation
        var facts: [String: FactDeclaration] = [:]
        var categories: [String: Category] = [:]
        var rules: [String: RawRule] = [:]
        var sources: [RuleSetSource] = []
        var includedKeys: Set<String> = []
        var scoring: ScoringConfig?
        var rollups: [String: (RollupDeclaration, Node)] = [:]
        var calendar = WorkCalendar()

        static let empty = Resolved(key: "", id: "", version: "", title: LocalizedText(vi: "", en: ""),
                                    location: Mark.start.located(in: ""))

        mutating func absorb(_ other: Resolved, diags: inout [Diagnostic]) {
            for (path, decl) in other.facts.sorted(by: { $0.key < $1.key }) {
                if let mine = facts[path] {
                    if mine.type != decl.type {
                        diags.append(Diagnostic(.error, "ruleset.fact_conflict",
                            "fact '\(path)' is declared as \(decl.type.name) here and as \(mine.type.name) at \(mine.location)",
                            at: decl.location, notes: ["a fact must have one type across all rule sets"]))
                    }
                } else {
                    facts[path] = decl
                }
            }
            for (id, c) in other.categories where categories[id] == nil { categories[id] = c }
            for (id, r) in other.rules.sorted(by: { $0.key < $1.key }) {
                if let mine = rules[id] {
                    if mine.rule.location != r.rule.location {
                        diags.append(Diagnostic(.error, "ruleset.duplicate_rule",
                            "rule \(id) is already defined at \(mine.rule.location)", at: r.rule.location,
                            notes: ["rule ids are unique across rule sets; use `overrides` to change an inherited rule"]))
                    }
                } else {
                    rules[id] = r
                }
            }
            for s in other.sources where !sources.contains(s) { sources.append(s) }
            includedKeys.formUnion(other.includedKeys)
            if let sc = other.scoring { scoring = sc }
            for (id, r) in other.rollups where rollups[id] == nil { rollups[id] = r }
            calendar.merge(other.calendar)
        }
    }

    struct Session {
        let limits: LoadLimits
        var diags: [Diagnostic] = []
        var done: [String: Resolved?] = [:]
        var stack: [String] = []
        var idIndex: [String: String]?

        init(limits: LoadLimits) { self.limits = limits }

        /// The built-in files by rule-set id, for `extends: [vn.national]`.
        mutating func builtinPath(forID id: String) -> String? {
            if idIndex == nil {
                var index: [String: String] = [:]
                for (path, text) in BuiltinRules.files {
                    let (node, _) = YAMLComposer(limits: limits).compose(Array(text.utf8), file: path)
                    if let ident = node?["id"]?.scalarText { index[ident] = path }
                }
                idIndex = index
            }
            return idIndex![id]
        }

        mutating func resolve(file: String, source: RuleSource, from: SourceLocation?) -> Resolved? {
            let key = (source.isBuiltin ? "builtin:" : "") + file
            if let cached = done[key] { return cached }
            if stack.contains(key) {
                diags.append(Diagnostic(.error, "ruleset.extends_cycle",
                    "`extends` forms a cycle: " + (stack.drop { $0 != key } + [key]).joined(separator: " → "),
                    at: from ?? Mark.start.located(in: file), notes: ["remove one of the `extends` entries"]))
                return nil
            }
            let bytes: [UInt8]
            switch source.read(file, limit: limits.maxBytes) {
            case .success(let b): bytes = b
            case .failure(let d):
                var d = d
                if d.code == "input.not_found" { d.code = "ruleset.not_found"; d.message = "cannot read rule-set file \(file)" }
                if let from { d.location = from }
                d.notes.append("check the path; relative `extends` paths are relative to the file that names them")
                diags.append(d)
                done[key] = .some(nil)
                return nil
            }
            let (node, loadDiags) = YAMLComposer(limits: limits).compose(bytes, file: file)
            diags += loadDiags
            guard let node else { done[key] = .some(nil); return nil }
            stack.append(key)
            defer { stack.removeLast() }
            var reading = NodeReading(file: file)
            let result = parse(node, file: file, key: key, sha: SHA256.hex(bytes), source: source, reading: &reading)
            diags += reading.diags
            done[key] = .some(result)
            return result
        }

        mutating func parse(_ root: Node, file: String, key: String, sha: String, source: RuleSource,
                            reading r: inout NodeReading) -> Resolved? {
            let topKeys = ["id", "version", "title", "description", "extends", "facts", "categories", "rules", "overrides", "scoring",
                           "rollups", "calendar"]
            guard r.mapping(root, "the rule set", known: topKeys, required: ["id", "version", "title"]) else { return nil }
            let id = r.string(root["id"], "id") ?? "?"
            var out = Resolved(key: key, id: id, version: r.string(root["version"], "version") ?? "",
                               title: r.localized(root["title"], "title") ?? LocalizedText(vi: id, en: id),
                               location: root.mark.located(in: file))
            out.includedKeys = [key]
            // extends
            for item in r.list(root["extends"], "extends") {
                guard let target = r.string(item, "extends entry") else { continue }
                let loc = item.mark.located(in: file)
                var resolved: Resolved?
                if target.hasSuffix(".yaml") || target.hasSuffix(".yml") || target.contains("/") {
                    resolved = resolve(file: PathUtil.resolve(PathUtil.dirname(file), target), source: source, from: loc)
                } else if let path = builtinPath(forID: target) {
                    resolved = resolve(file: path, source: .builtin, from: loc)
                } else {
                    r.error("unknown_extends", "no rule set with id '\(target)'", item.mark,
                            ["extend a file by its relative path (ending in .yaml), or a built-in set by id"]
                            + Suggest.note(for: target, in: Array(BuiltinRules.ids)))
                }
                if let resolved { out.absorb(resolved, diags: &diags) }
            }
            // facts
            if let facts = root["facts"], r.mapping(facts, "facts", known: facts.entries?.map(\.key) ?? []) {
                for e in facts.entries ?? [] {
                    if let d = parseFact(e.value, path: e.key, keyMark: e.keyMark, reading: &r, allowList: true) {
                        let clash = out.facts.keys.first { $0.hasPrefix(d.path + ".") || d.path.hasPrefix($0 + ".") }
                        if let clash {
                            r.error("fact_conflict", "fact '\(d.path)' and fact '\(clash)' overlap: a fact cannot also be a group", e.keyMark)
                        }
                        var tmp = Resolved.empty
                        tmp.facts[d.path] = d
                        out.absorb(tmp, diags: &diags)
                    }
                }
            }
            // categories
            if let cats = root["categories"], r.mapping(cats, "categories", known: cats.entries?.map(\.key) ?? []) {
                for e in cats.entries ?? [] {
                    let what = "category '\(e.key)'"
                    guard r.mapping(e.value, what, known: ["name", "weight", "description"], required: ["name"]) else { continue }
                    let weight = r.weight(e.value["weight"], what + ".weight") ?? 1
                    if let name = r.localized(e.value["name"], what + ".name") {
                        var category = Category(id: e.key, name: name, weight: weight, location: e.keyMark.located(in: file))
                        category.order = out.categories[e.key]?.order ?? out.categories.count
                        out.categories[e.key] = category
                    }
                }
            }
            // rules
            var ownIDs: [String: Mark] = [:]
            for item in r.list(root["rules"], "rules") {
                guard let raw = parseRule(item, ruleSet: id, reading: &r) else { continue }
                if let first = ownIDs[raw.rule.id] {
                    r.error("duplicate_rule", "rule \(raw.rule.id) is defined twice (first at line \(first.line))", item.mark)
                    continue
                }
                ownIDs[raw.rule.id] = item.mark
                var tmp = Resolved.empty
                tmp.rules[raw.rule.id] = raw
                out.absorb(tmp, diags: &diags)
            }
            // overrides
            for item in r.list(root["overrides"], "overrides") {
                applyOverride(item, to: &out, reading: &r)
            }
            if let sc = root["scoring"] { out.scoring = parseScoring(sc, reading: &r) }
            for item in r.list(root["rollups"], "rollups") {
                if let (decl, node) = parseRollup(item, reading: &r) { out.rollups[decl.id] = (decl, node) }
            }
            if let c = root["calendar"] { out.calendar.merge(parseCalendar(c, reading: &r)) }
            out.sources.append(RuleSetSource(id: id, version: out.version, file: file, sha256: sha))
            return out
        }

        static let factKeys = ["type", "label", "unit", "description", "min", "max", "values", "fields", "scope"]

        mutating func parseFact(_ node: Node, path: String, keyMark: Mark, reading r: inout NodeReading, allowList: Bool) -> FactDeclaration? {
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

        static let ruleKeys = ["id", "title", "description", "basis", "applies_to", "in_force", "severity", "category",
                               "weight", "params", "when", "expect", "message", "examples", "per", "metric"]

        mutating func parseRule(_ node: Node, ruleSet: String, reading r: inout NodeReading) -> RawRule? {
            let ident = node["id"]?.scalarText ?? "?"
            let what = "rule \(ident)"
            guard r.mapping(node, what, known: Self.ruleKeys,
                            required: ["id", "title", "basis", "applies_to", "severity", "category", "expect", "message", "examples"]) else { return nil }
            if let idNode = node["id"], !ident.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || "-_.".contains($0)) }) || ident.isEmpty {
                r.error("invalid_rule_id", "rule id '\(ident)' must be upper-case ASCII letters, digits, '-', '_' or '.'", idNode.mark)
            }
            let loc = (node.entry("id")?.keyMark ?? node.mark).located(in: r.file)
            let basis = parseBasis(node["basis"], what: what, reading: &r)
            if node["basis"] != nil, basis.isEmpty, node["basis"]?.items?.isEmpty == true {
                r.error("missing_key", "\(what) needs at least one citation in `basis`", node["basis"]!.mark)
            }
            // applies_to
            var kinds: [UnitKind] = []
            for k in r.list(node["applies_to"], what + ".applies_to") {
                guard let t = r.string(k, what + ".applies_to") else { continue }
                if let kind = UnitKind(rawValue: t) { kinds.append(kind) } else {
                    r.error("invalid_value", "unknown unit kind '\(t)'", k.mark,
                            Suggest.note(for: t, in: UnitKind.allCases.map(\.rawValue)) + ["kinds: " + UnitKind.allCases.map(\.rawValue).joined(separator: ", ")])
                }
            }
            // in_force
            var window = DateWindow.always
            if let f = node["in_force"], r.mapping(f, what + ".in_force", known: ["from", "until"]) {
                window = DateWindow(from: r.date(f["from"], what + ".in_force.from"), until: r.date(f["until"], what + ".in_force.until"))
                if let a = window.from, let b = window.until, a > b {
                    r.error("invalid_window", "\(what): in_force.from (\(a)) is after in_force.until (\(b))", f.mark)
                }
            }
            // severity
            var severity = Severity.error
            if let s = r.string(node["severity"], what + ".severity") {
                if let v = Severity(rawValue: s) { severity = v } else {
                    r.error("invalid_value", "severity must be error, warning or info", node["severity"]!.mark, Suggest.note(for: s, in: ["error", "warning", "info"]))
                }
            }
            let weight = r.weight(node["weight"], what + ".weight") ?? 1
            // params
            var params: [String: RuleParameter] = [:]
            if let p = node["params"], r.mapping(p, what + ".params", known: p.entries?.map(\.key) ?? []) {
                for e in p.entries ?? [] {
                    if let (v, t) = r.literal(e.value, "\(what).params.\(e.key)") {
                        params[e.key] = RuleParameter(name: e.key, value: v, type: t, location: e.value.mark.located(in: r.file))
                    }
                }
            }
            // examples
            var examples: [RuleExample] = []
            for ex in r.list(node["examples"], what + ".examples") {
                let ew = "\(what) example"
                guard r.mapping(ex, ew, known: ["name", "status", "kind", "period", "report"], required: ["status", "report"]) else { continue }
                guard let st = r.string(ex["status"], ew + ".status") else { continue }
                guard let status = RuleStatus(rawValue: st), status != .waived else {
                    r.error("invalid_value", "\(ew).status must be pass, fail, missing, not_applicable or error", ex["status"]!.mark,
                            Suggest.note(for: st, in: RuleStatus.allCases.map(\.rawValue)))
                    continue
                }
                var kind: UnitKind?
                if let k = r.string(ex["kind"], ew + ".kind") {
                    kind = UnitKind(rawValue: k)
                    if kind == nil { r.error("invalid_value", "unknown unit kind '\(k)'", ex["kind"]!.mark) }
                }
                var period: Period?
                if let pn = ex["period"] {
                    var pd: [Diagnostic] = []
                    period = PeriodReader.read(pn, file: r.file, prefix: "ruleset", into: &pd)
                    r.diags += pd
                }
                guard let report = ex["report"] else { continue }
                if report.entries == nil && !report.isNull {
                    r.error("type_mismatch", "\(ew).report must be a mapping of facts", report.mark)
                    continue
                }
                examples.append(RuleExample(expected: status, name: r.string(ex["name"], ew + ".name"), kind: kind,
                                            period: period, facts: report.isNull ? Node(.mapping([]), at: report.mark) : report,
                                            location: ex.mark.located(in: r.file)))
            }
            let title = r.localized(node["title"], what + ".title")
            let message = r.localized(node["message"], what + ".message")
            var rule = Rule(id: ident, title: title ?? LocalizedText(vi: ident, en: ident), basis: basis, appliesTo: kinds,
                            inForce: window, severity: severity, category: r.string(node["category"], what + ".category") ?? "",
                            weight: weight, parameters: params, when: nil,
                            expect: Expression(.literal(.bool(true)), at: .start), message: message ?? LocalizedText(vi: "", en: ""),
                            examples: examples, location: loc, ruleSet: ruleSet)
            rule.description = r.localized(node["description"], what + ".description")
            if let m = node["metric"] {
                if let t = m.scalarText, let b = CoreSchema.bool(t), !m.isTextual { rule.isMetric = b } else {
                    r.error("type_mismatch", "\(what).metric: expected true or false", m.mark)
                }
                if rule.isMetric && (rule.weight != 0 || rule.severity != .info) {
                    r.error("invalid_value", "\(what): a metric has `weight: 0` and `severity: info` (it records a value, it does not score)", m.mark)
                }
            }
            if let per = r.string(node["per"], what + ".per") {
                switch per {
                case "year": rule.perYear = true
                case "report": rule.perYear = false
                default:
                    r.error("invalid_value", "\(what).per must be `year` (judged per calendar year in longer reports) or `report` (judged once on the whole period)",
                            node["per"]!.mark, Suggest.note(for: per, in: ["year", "report"]))
                }
            }
            rule.declaredParameters = params
            return RawRule(rule: rule, when: node["when"], expect: node["expect"], messageMarks: node["message"]?.mark ?? node.mark)
        }

        mutating func parseScoring(_ node: Node, reading r: inout NodeReading) -> ScoringConfig? {
            guard r.mapping(node, "scoring", known: ["model", "missing", "bands"]) else { return nil }
            var config = ScoringConfig()
            if let m = r.string(node["model"], "scoring.model") {
                if let model = ScoringConfig.Model(rawValue: m) { config.model = model } else {
                    r.error("invalid_value", "scoring.model must be one of \(ScoringConfig.Model.allCases.map(\.rawValue).joined(separator: ", "))",
                            node["model"]!.mark, Suggest.note(for: m, in: ScoringConfig.Model.allCases.map(\.rawValue)))
                }
            }
            if let m = r.string(node["missing"], "scoring.missing") {
                if let p = ScoringConfig.MissingPolicy(rawValue: m) { config.missing = p } else {
                    r.error("invalid_value", "scoring.missing must be fail or exclude", node["missing"]!.mark)
                }
            }
            if node["bands"] != nil {
                var bands: [ScoringConfig.Band] = []
                for b in r.list(node["bands"], "scoring.bands") {
                    guard r.mapping(b, "band", known: ["id", "name", "min"], required: ["id", "name", "min"]),
                          let id = r.string(b["id"], "band.id"), let name = r.localized(b["name"], "band.name"),
                          let min = r.number(b["min"], "band.min") else { continue }
                    if !(0...100).contains(min) { r.error("invalid_value", "band.min is a percentage from 0 to 100", b["min"]!.mark) }
                    bands.append(ScoringConfig.Band(id: id, name: name, minimum: min))
                }
                if !bands.contains(where: { $0.minimum == 0 }), !bands.isEmpty {
                    r.error("invalid_value", "the lowest band must start at 0 so that every score has a band", node["bands"]!.mark)
                }
                config.bands = bands.sorted { $0.minimum > $1.minimum }
            }
            return config
        }

        /// `calendar: {fixed_days_off: ["01-01"], lunar_new_year: [2027-02-06], years: {2026: {days_off: {2026-02-17: name}, working_days: [2026-01-10], source: …}}}`
        mutating func parseCalendar(_ node: Node, reading r: inout NodeReading) -> WorkCalendar {
            var cal = WorkCalendar()
            guard r.mapping(node, "calendar", known: ["description", "fixed_days_off", "lunar_new_year", "years"]) else { return cal }
            for item in r.list(node["fixed_days_off"], "calendar.fixed_days_off") {
                let parts = (r.string(item, "calendar.fixed_days_off") ?? "").split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2, Day(year: 2024, month: parts[0], day: parts[1]) != nil else {
                    r.error("invalid_value", "calendar.fixed_days_off: write a month and day as \"MM-DD\", e.g. \"09-02\"", item.mark)
                    continue
                }
                cal.fixedDaysOff.append((parts[0], parts[1]))
            }
            for item in r.list(node["lunar_new_year"], "calendar.lunar_new_year") {
                if let d = r.date(item, "calendar.lunar_new_year") { cal.lunarNewYear[d.year] = d }
            }
            if let years = node["years"], r.mapping(years, "calendar.years", known: years.entries?.map(\.key) ?? []) {
                for e in years.entries ?? [] {
                    let what = "calendar.years.\(e.key)"
                    guard let year = Int(e.key), (1990...2100).contains(year) else {
                        r.error("invalid_value", "\(what): a year from 1990 to 2100", e.keyMark)
                        continue
                    }
                    guard r.mapping(e.value, what, known: ["days_off", "working_days", "source"], required: ["days_off", "source"]) else { continue }
                    cal.scheduledYears.insert(year)
                    if let off = e.value["days_off"], r.mapping(off, what + ".days_off", known: off.entries?.map(\.key) ?? []) {
                        for d in off.entries ?? [] {
                            guard let day = Day(iso: d.key), day.year == year else {
                                r.error("invalid_date", "\(what).days_off: '\(d.key)' is not a date of \(year)", d.keyMark)
                                continue
                            }
                            cal.daysOff[day] = r.string(d.value, what + ".days_off.\(d.key)") ?? ""
                        }
                    }
                    for item in r.list(e.value["working_days"], what + ".working_days") {
                        if let d = r.date(item, what + ".working_days") {
                            if d.year != year { r.error("invalid_date", "\(what).working_days: \(d) is not in \(year)", item.mark) }
                            cal.workingDays.insert(d)
                        }
                    }
                }
            }
            return cal
        }

        mutating func parseRollup(_ node: Node, reading r: inout NodeReading) -> (RollupDeclaration, Node)? {
            guard r.mapping(node, "rollup", known: ["id", "title", "parent_fact", "total_fact", "child_kind", "child_rule"],
                            required: ["id", "title", "parent_fact", "child_kind", "child_rule"]),
                  let id = r.string(node["id"], "rollup.id"), let title = r.localized(node["title"], "rollup.title"),
                  let parentFact = r.string(node["parent_fact"], "rollup.parent_fact"),
                  let kindText = r.string(node["child_kind"], "rollup.child_kind"),
                  let childRule = r.string(node["child_rule"], "rollup.child_rule") else { return nil }
            guard let kind = UnitKind(rawValue: kindText) else {
                r.error("invalid_value", "unknown unit kind '\(kindText)'", node["child_kind"]!.mark)
                return nil
            }
            return (RollupDeclaration(id: id, title: title, parentFact: parentFact, totalFact: r.string(node["total_fact"], "rollup.total_fact"),
                                      childKind: kind, childRule: childRule, location: node.mark.located(in: r.file)), node)
        }

        /// A `basis:` list of citations (a rule's, or an override's for the values it sets).
        func parseBasis(_ list: Node?, what: String, reading r: inout NodeReading) -> [Citation] {
            var basis: [Citation] = []
            for b in r.list(list, what + ".basis") {
                let bw = what + " basis"
                guard r.mapping(b, bw, known: ["kind", "document", "name", "article", "clause", "point", "url", "quote", "note", "strength"],
                                required: ["kind", "document", "strength"]) else { continue }
                let strengthText = r.string(b["strength"], bw + ".strength") ?? "unverified"
                let strength = BasisStrength(rawValue: strengthText)
                if strength == nil {
                    r.error("invalid_value", "\(bw).strength must be primary, secondary or unverified", b["strength"]!.mark,
                            Suggest.note(for: strengthText, in: BasisStrength.allCases.map(\.rawValue))
                            + ["primary: the official text read (or quoted verbatim); secondary: a paraphrase (press, Q&A, guidance); unverified: not found"])
                }
                let kindText = r.string(b["kind"], bw + ".kind") ?? "law"
                guard let kind = BasisKind(rawValue: kindText) else {
                    r.error("invalid_value", "\(bw).kind must be `law` or `policy`", b["kind"]!.mark,
                            ["use `policy` for Party resolutions, directives and targets that are not law"])
                    continue
                }
                basis.append(Citation(kind: kind, strength: strength ?? .unverified, document: r.string(b["document"], bw + ".document") ?? "",
                                      name: r.localized(b["name"], bw + ".name"), article: r.string(b["article"], bw + ".article"),
                                      clause: r.string(b["clause"], bw + ".clause"), point: r.string(b["point"], bw + ".point"),
                                      url: r.string(b["url"], bw + ".url"), quote: r.string(b["quote"], bw + ".quote"),
                                      note: r.string(b["note"], bw + ".note")))
            }
            return basis
        }

        mutating func applyOverride(_ node: Node, to out: inout Resolved, reading r: inout NodeReading) {
            guard r.mapping(node, "override", known: ["rule", "severity", "weight", "params", "disabled", "category", "reason", "basis"],
                            required: ["rule"]),
                  let id = r.string(node["rule"], "override.rule") else { return }
            guard var raw = out.rules[id] else {
                r.error("unknown_rule", "override names rule \(id), which no extended rule set defines", node["rule"]!.mark,
                        Suggest.note(for: id, in: out.rules.keys))
                return
            }
            if let s = r.string(node["severity"], "override.severity") {
                if let v = Severity(rawValue: s) { raw.rule.severity = v } else {
                    r.error("invalid_value", "severity must be error, warning or info", node["severity"]!.mark)
                }
            }
            if let w = r.weight(node["weight"], "override.weight") { raw.rule.weight = w }
            if let c = r.string(node["category"], "override.category") { raw.rule.category = c }
            if let d = node["disabled"] {
                guard let t = d.scalarText, let b = CoreSchema.bool(t) else {
                    r.error("type_mismatch", "override.disabled: expected true or false", d.mark)
                    return
                }
                raw.rule.disabled = b
            }
            if let p = node["params"], r.mapping(p, "override.params", known: p.entries?.map(\.key) ?? []) {
                for e in p.entries ?? [] {
                    guard let old = raw.rule.parameters[e.key] else {
                        r.error("unknown_parameter", "rule \(id) has no parameter '\(e.key)'", e.keyMark,
                                Suggest.note(for: e.key, in: raw.rule.parameters.keys))
                        continue
                    }
                    guard let (v, t) = r.literal(e.value, "override.params.\(e.key)") else { continue }
                    var value = v
                    if t != old.type {
                        if old.type == .number, case .int(let i) = v { value = .number(Double(i)) }
                        else {
                            r.error("parameter_type", "parameter '\(e.key)' of rule \(id) is \(old.type), but the override gives \(t)",
                                    e.value.mark, ["write a value of type \(old.type), like \(old.value)"])
                            continue
                        }
                    }
                    raw.rule.parameters[e.key] = RuleParameter(name: e.key, value: value, type: old.type,
                                                               location: e.value.mark.located(in: r.file))
                }
                // A changed threshold is no longer the law's: the override says whose it is, and
                // every finding cites it (a provincial target makes the rule `policy`).
                let cited = parseBasis(node["basis"], what: "override of \(id)", reading: &r)
                if cited.isEmpty {
                    r.error("missing_key", "override of \(id) changes its parameters but cites no basis for the new values", p.mark,
                            ["add `basis:` with the document that sets them, e.g. [{kind: policy, strength: secondary, document: \"…\"}]",
                             "findings would otherwise attribute the new threshold to the national rule's law"])
                }
                raw.rule.basis += cited
                raw.rule.parameterBasis += cited
            } else if let b = node["basis"] {
                r.error("invalid_value", "override of \(id): `basis` cites the source of changed `params`, and this override changes none", b.mark)
            }
            out.rules[id] = raw
        }

        /// Compiles expressions and checks cross-references once everything is merged.
        mutating func compile(_ merged: Resolved) -> RuleSet {
            var rules: [Rule] = []
            for (_, raw) in merged.rules.sorted(by: { $0.key < $1.key }) {
                var rule = raw.rule
                let file = rule.location.file
                if merged.categories[rule.category] == nil, !rule.category.isEmpty {
                    diags.append(Diagnostic(.error, "ruleset.unknown_category", "rule \(rule.id): unknown category '\(rule.category)'",
                                            at: rule.location, notes: Suggest.note(for: rule.category, in: merged.categories.keys)
                                            + ["declare it under `categories:`"]))
                }
                var checker = TypeChecker(facts: merged.facts, parameters: rule.parameters, file: file)
                if let w = raw.when, let e = compileExpression(w, what: "when", file: file, checker: &checker) { rule.when = e }
                if let x = raw.expect, let e = compileExpression(x, what: "expect", file: file, checker: &checker) { rule.expect = e }
                diags += checker.diagnostics
                checkPlaceholders(rule, merged: merged, mark: raw.messageMarks)
                rules.append(rule)
            }
            var rollups: [RollupDeclaration] = []
            for (_, (decl, node)) in merged.rollups.sorted(by: { $0.key < $1.key }) {
                for (path, key) in [(decl.parentFact, "parent_fact"), (decl.totalFact, "total_fact")] {
                    guard let path else { continue }
                    if merged.facts[path]?.type != .integer {
                        diags.append(Diagnostic(.error, "ruleset.unknown_fact", "rollup \(decl.id): \(key) '\(path)' is not a declared integer fact",
                                                at: (node[key]?.mark ?? node.mark).located(in: decl.location.file),
                                                notes: Suggest.note(for: path, in: merged.facts.keys)))
                    }
                }
                if merged.rules[decl.childRule] == nil {
                    diags.append(Diagnostic(.error, "ruleset.unknown_rule", "rollup \(decl.id): no rule \(decl.childRule)",
                                            at: (node["child_rule"]?.mark ?? node.mark).located(in: decl.location.file),
                                            notes: Suggest.note(for: decl.childRule, in: merged.rules.keys)))
                }
                rollups.append(decl)
            }
            var ruleSet = RuleSet(id: merged.id, version: merged.version, title: merged.title, facts: merged.facts,
                                  categories: merged.categories, rules: rules, sources: merged.sources, location: merged.location)
            ruleSet.scoring = merged.scoring ?? ScoringConfig()
            ruleSet.rollups = rollups
            ruleSet.calendar = merged.calendar
            return ruleSet
        }

        mutating func compileExpression(_ node: Node, what: String, file: String, checker: inout TypeChecker) -> Expression? {
            guard let text = node.scalarText else {
                diags.append(Diagnostic(.error, "ruleset.type_mismatch", "\(what): expected an expression (text)", at: node.mark.located(in: file)))
                return nil
            }
            let base = node.mark
            let style = node.scalarStyle ?? .plain
            let markAt: (Int) -> Mark = { offset in
                switch style {
                case .literal, .folded:
                    let prefix = text.prefix(offset)
                    let line = prefix.filter { $0 == "\n" }.count
                    let col = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? 0
                    return Mark(line: base.line + 1 + line, column: base.column + 2 + col)
                case .singleQuoted, .doubleQuoted:
                    return Mark(line: base.line, column: base.column + 1 + offset)
                case .plain:
                    return Mark(line: base.line, column: base.column + offset)
                }
            }
            guard text.count <= limits.maxExpressionLength else {
                diags.append(Diagnostic(.error, "expression.too_large",
                    "\(what): the expression is \(text.count) characters long; the limit is \(limits.maxExpressionLength)",
                    at: base.located(in: file), notes: ["split the requirement into several rules"]))
                return nil
            }
            do {
                var parser = try ExpressionParser(text: text, markAt: markAt)
                parser.maxNesting = limits.maxExpressionDepth
                var e = try parser.parse()
                e.text = text.trimmingWhitespace
                let shape = e.shape
                if shape.nodes > limits.maxExpressionNodes || shape.depth > limits.maxExpressionDepth {
                    let tooDeep = shape.depth > limits.maxExpressionDepth
                    diags.append(Diagnostic(.error, tooDeep ? "expression.too_deep" : "expression.too_large",
                        tooDeep ? "\(what): the expression is \(shape.depth) levels deep; the limit is \(limits.maxExpressionDepth)"
                                : "\(what): the expression has \(shape.nodes) parts; the limit is \(limits.maxExpressionNodes)",
                        at: base.located(in: file), notes: ["split the requirement into several rules, or use a comprehension over a list"]))
                    return nil
                }
                let checked = checker.check(e, expecting: .boolean)
                if shape.comprehensionNesting >= 3 {
                    diags.append(Diagnostic(.warning, "expression.expensive",
                        "\(what): comprehensions nest \(shape.comprehensionNesting) deep; on lists of 1,000 records that is about 10^\(3 * shape.comprehensionNesting) steps",
                        at: base.located(in: file),
                        notes: ["each rule stops after \(limits.maxEvaluationSteps) steps on a report and gives status error (docs/limits.md)"]))
                }
                return checked
            } catch {
                diags.append(Diagnostic(.error, error.code, error.message, at: markAt(error.offset).located(in: file),
                                        notes: error.code == "expression.syntax" ? ["see docs/expressions.md for the grammar"]
                                                                                  : ["split the requirement into simpler rules"]))
                return nil
            }
        }

        static let builtinPlaceholders: Set<String> = ["actual", "expected", "failed", "count_failed", "period"]

        mutating func checkPlaceholders(_ rule: Rule, merged: Resolved, mark: Mark) {
            for text in [rule.message.vi, rule.message.en] {
                for name in MessageTemplate.placeholders(in: text) {
                    let known = Self.builtinPlaceholders.contains(name) || rule.parameters[name] != nil
                        || name.hasPrefix("params.") && rule.parameters[String(name.dropFirst(7))] != nil
                        || merged.facts[name] != nil
                    if !known {
                        diags.append(Diagnostic(.error, "ruleset.unknown_placeholder",
                            "rule \(rule.id): message placeholder {\(name)} names nothing", at: mark.located(in: rule.location.file),
                            notes: Suggest.note(for: name, in: Array(Self.builtinPlaceholders) + Array(rule.parameters.keys))
                            + ["placeholders: {actual}, {expected}, {failed}, {count_failed}, {period}, a parameter, or a fact path"]))
                    }
                }
            }
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// `{name}` placeholders in rule messages.
enum MessageTemplate {
    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current, !c.isEmpty { out.append(c) }
                current = nil
            } else if current != nil { current!.append(ch) }
        }
        return out
    }

    static func render(_ text: String, _ values: [String: String]) -> String {
        var out = ""
        var current: String?
        for ch in text {
            if ch == "{" {
                if let c = current { out += "{" + c }
                current = ""
            } else if ch == "}", let c = current {
                out += values[c] ?? "{\(c)}"
                current = nil
            } else if current != nil { current!.append(ch) } else { out.append(ch) }
        }
        if let c = current { out += "{" + c }
        return out
    }
}
