/// The read stage: one rule-set file's bytes → nodes → a ``ParsedRuleSet``, every section
/// checked on its own (keys, types, values). What depends on other files — `extends`,
/// `overrides`, cross-references — is left to ``RuleSetResolver`` and ``RuleCompiler``.
struct RuleSetFileReader {
    let limits: LoadLimits

    static let topKeys = ["id", "version", "title", "description", "extends", "facts", "categories", "rules", "overrides", "scoring",
                          "rollups", "calendar"]

    /// Reads one file; nil (with diagnostics) when it is not a rule set at all. `digest` is the
    /// bytes' SHA-256 when it is known already (a built-in file's, from the build).
    func read(_ bytes: [UInt8], file: String, key: String, digest: String? = nil) -> (ParsedRuleSet?, [Diagnostic]) {
        let (node, loadDiags) = YAMLComposer(limits: limits).compose(bytes, file: file)
        guard let root = node else { return (nil, loadDiags) }
        var r = NodeReading(file: file)
        let parsed = read(root, file: file, key: key, sha: digest ?? SHA256.hex(bytes), reading: &r)
        return (parsed, loadDiags + r.diags)
    }

    func read(_ root: Node, file: String, key: String, sha: String, reading r: inout NodeReading) -> ParsedRuleSet? {
        guard r.mapping(root, "", known: Self.topKeys, required: ["id", "version", "title"]) else { return nil }
        let id = r.string(root["id"], "id") ?? "?"
        var out = ParsedRuleSet(key: key, file: file, sha256: sha, id: id, version: r.string(root["version"], "version") ?? "",
                                title: r.localized(root["title"], "title") ?? LocalizedText(vi: id, en: id),
                                location: root.mark.located(in: file))
        for item in r.list(root["extends"], "extends") {
            if let target = r.string(item, "extends") { out.extends.append((target, item.mark)) }
        }
        if let facts = root["facts"], r.mapping(facts, "facts", known: facts.entries?.map(\.key) ?? []) {
            for e in facts.entries ?? [] {
                if let d = parseFact(e.value, path: e.key, keyMark: e.keyMark, reading: &r, allowList: true) { out.facts.append(d) }
            }
        }
        if let cats = root["categories"], r.mapping(cats, "categories", known: cats.entries?.map(\.key) ?? []) {
            for e in cats.entries ?? [] {
                let what = "categories.\(e.key)"
                guard r.mapping(e.value, what, known: ["name", "weight", "description"], required: ["name"]) else { continue }
                let weight = r.weight(e.value["weight"], what + ".weight") ?? 1
                if let name = r.localized(e.value["name"], what + ".name") {
                    out.categories.append(Category(id: e.key, name: name, weight: weight, location: e.keyMark.located(in: file)))
                }
            }
        }
        var ownIDs: [String: Mark] = [:]
        for item in r.list(root["rules"], "rules") {
            guard let raw = parseRule(item, ruleSet: id, reading: &r) else { continue }
            if let first = ownIDs[raw.rule.id] {
                r.error("duplicate_rule", .ruleDefinedTwice(raw.rule.id, firstLine: first.line), item.mark)
                continue
            }
            ownIDs[raw.rule.id] = item.mark
            out.rules.append(raw)
        }
        out.overrides = r.list(root["overrides"], "overrides")
        if let sc = root["scoring"] { out.scoring = parseScoring(sc, reading: &r) }
        for item in r.list(root["rollups"], "rollups") {
            if let rollup = parseRollup(item, reading: &r) { out.rollups.append(rollup) }
        }
        if let c = root["calendar"] { out.calendar = parseCalendar(c, reading: &r) }
        return out
    }
}
