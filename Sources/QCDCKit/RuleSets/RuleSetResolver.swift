/// The resolve stage: follows `extends` (by path or built-in id, cycles located), merges the
/// extended sets into one document, then applies the file's own facts, categories, rules and
/// `overrides` on top.
struct RuleSetResolver {
    let reader: RuleSetFileReader
    var diags: [Diagnostic] = []
    var done: [String: ResolvedRuleSet?] = [:]
    var stack: [String] = []
    /// Every file's bytes, to show the source line under its diagnostics.
    var texts: [String: [UInt8]] = [:]

    init(reader: RuleSetFileReader) { self.reader = reader }

    /// The built-in files by rule-set id, for `extends: [vn.national]`.
    func builtinPath(forID id: String) -> String? { BuiltinRules.pathsByID[id] }

    mutating func resolve(file: String, source: RuleSource, from: SourceLocation?) -> ResolvedRuleSet? {
        let key = (source.isBuiltin ? "builtin:" : "") + file
        if let cached = done[key] { return cached }
        if stack.contains(key) {
            diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "extends_cycle"), .extendsCycle(Array(stack.drop { $0 != key }) + [key]),
                at: from ?? Mark.start.located(in: file), notes: [.removeOneExtends]))
            return nil
        }
        let bytes: [UInt8]
        switch source.read(file, limit: reader.limits.maxBytes) {
        case .success(let b): bytes = b
        case .failure(let d):
            var d = d
            if d.code == DiagnosticCode(.input, "not_found") {
                d.code = DiagnosticCode(.ruleset, "not_found")
                d.message = .cannotReadRuleSet(file)
            }
            if let from { d.location = from }
            d.notes.append(.extendsRelative)
            diags.append(d)
            done[key] = .some(nil)
            return nil
        }
        texts[file] = bytes
        let (parsed, readDiags) = reader.read(bytes, file: file, key: key, digest: source.isBuiltin ? BuiltinRules.digests[file] : nil)
        diags += readDiags
        guard let parsed else { done[key] = .some(nil); return nil }
        stack.append(key)
        defer { stack.removeLast() }
        let result = resolve(parsed, source: source)
        done[key] = .some(result)
        return result
    }

    /// A file's document: what it extends merged, then its own sections on top.
    mutating func resolve(_ p: ParsedRuleSet, source: RuleSource) -> ResolvedRuleSet {
        var out = ResolvedRuleSet(key: p.key, id: p.id, version: p.version, title: p.title, location: p.location)
        out.includedKeys = [p.key]
        var r = NodeReading(file: p.file)
        for (target, mark) in p.extends {
            let loc = mark.located(in: p.file)
            var extended: ResolvedRuleSet?
            if target.hasSuffix(".yaml") || target.hasSuffix(".yml") || target.contains("/") {
                extended = resolve(file: PathUtil.resolve(PathUtil.dirname(p.file), target), source: source, from: loc)
            } else if let path = builtinPath(forID: target) {
                extended = resolve(file: path, source: .builtin, from: loc)
            } else {
                r.error("unknown_extends", .noRuleSetWithID(target), mark,
                        [.extendsHow] + Suggest.note(for: target, in: Array(BuiltinRules.pathsByID.keys)))
            }
            if let extended { out.absorb(extended, diags: &diags) }
        }
        for d in p.facts {
            if let clash = out.facts.keys.first(where: { $0.hasPrefix(d.path + ".") || d.path.hasPrefix($0 + ".") }) {
                r.error("fact_conflict", .factsOverlap(d.path, clash), Mark(line: d.location.line, column: d.location.column))
            }
            var tmp = ResolvedRuleSet.empty
            tmp.facts[d.path] = d
            out.absorb(tmp, diags: &diags)
        }
        for var c in p.categories {
            c.order = out.categories[c.id]?.order ?? out.categories.count
            out.categories[c.id] = c
        }
        for raw in p.rules {
            var tmp = ResolvedRuleSet.empty
            tmp.rules[raw.rule.id] = raw
            out.absorb(tmp, diags: &diags)
        }
        for item in p.overrides { applyOverride(item, to: &out, reading: &r) }
        if let sc = p.scoring { out.scoring = sc }
        for (decl, node) in p.rollups { out.rollups[decl.id] = (decl, node) }
        if let c = p.calendar { out.calendar.merge(c) }
        out.sources.append(RuleSetSource(id: p.id, version: p.version, file: p.file, sha256: p.sha256))
        diags += r.diags
        return out
    }

    mutating func applyOverride(_ node: Node, to out: inout ResolvedRuleSet, reading r: inout NodeReading) {
        guard r.mapping(node, "overrides", known: ["rule", "severity", "weight", "params", "disabled", "category", "reason", "basis"],
                        required: ["rule"]),
              let id = r.string(node["rule"], "overrides.rule") else { return }
        guard var raw = out.rules[id] else {
            r.error("unknown_rule", .overrideUnknownRule(id), node["rule"]!.mark,
                    Suggest.note(for: id, in: out.rules.keys))
            return
        }
        if let s = r.string(node["severity"], "overrides.severity") {
            if let v = Severity(rawValue: s) { raw.rule.severity = v } else {
                r.error("invalid_value", .severityValues(.path("overrides.severity")), node["severity"]!.mark)
            }
        }
        if let w = r.weight(node["weight"], "overrides.weight") { raw.rule.weight = w }
        if let c = r.string(node["category"], "overrides.category") { raw.rule.category = c }
        if let d = node["disabled"] {
            guard let t = d.scalarText, let b = CoreSchema.bool(t) else {
                r.error("type_mismatch", .expectedBoolean(.path("overrides.disabled")), d.mark)
                return
            }
            raw.rule.disabled = b
        }
        if let p = node["params"], r.mapping(p, "overrides.params", known: p.entries?.map(\.key) ?? []) {
            for e in p.entries ?? [] {
                guard let old = raw.rule.parameters[e.key] else {
                    r.error("unknown_parameter", .noSuchParameter(id, e.key), e.keyMark,
                            Suggest.note(for: e.key, in: raw.rule.parameters.keys))
                    continue
                }
                guard let (v, t) = r.literal(e.value, "overrides.params.\(e.key)") else { continue }
                var value = v
                if t != old.type {
                    if old.type == .number, case .int(let i) = v { value = .number(Double(i)) }
                    else {
                        r.error("parameter_type", .parameterType(e.key, rule: id, is: old.type, given: t), e.value.mark,
                                [.writeValueOfType(old.type, like: old.value)])
                        continue
                    }
                }
                raw.rule.parameters[e.key] = RuleParameter(name: e.key, value: value, type: old.type,
                                                           location: e.value.mark.located(in: r.file))
            }
            // A changed threshold is no longer the law's: the override says whose it is, and
            // every finding cites it (a provincial target makes the rule `policy`).
            let cited = reader.parseBasis(node["basis"], what: "overrides[\(id)]", reading: &r)
            if cited.isEmpty {
                r.error("missing_key", .overrideNeedsBasis(id), p.mark, [.addOverrideBasis, .otherwiseAttributedToLaw])
            }
            raw.rule.basis += cited
            raw.rule.parameterBasis += cited
        } else if let b = node["basis"] {
            r.error("invalid_value", .overrideBasisWithoutParams(id), b.mark)
        }
        out.rules[id] = raw
    }
}

/// One file with everything it extends merged in.
struct ResolvedRuleSet {
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

    static let empty = ResolvedRuleSet(key: "", id: "", version: "", title: LocalizedText(vi: "", en: ""),
                                location: Mark.start.located(in: ""))

    mutating func absorb(_ other: ResolvedRuleSet, diags: inout [Diagnostic]) {
        for (path, decl) in other.facts.sorted(by: { $0.key < $1.key }) {
            if let mine = facts[path] {
                if mine.type != decl.type {
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "fact_conflict"),
                        .factTypeConflict(path, here: decl.type, there: mine.type, at: mine.location), at: decl.location, notes: [.oneTypePerFact]))
                }
            } else {
                facts[path] = decl
            }
        }
        for (id, c) in other.categories where categories[id] == nil { categories[id] = c }
        for (id, r) in other.rules.sorted(by: { $0.key < $1.key }) {
            if let mine = rules[id] {
                if mine.rule.location != r.rule.location {
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "duplicate_rule"), .ruleAlreadyDefined(id, at: mine.rule.location),
                        at: r.rule.location, notes: [.useOverrides]))
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
