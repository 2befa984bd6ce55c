/// Scorecard as JSON (documented in docs/output-json.md, "Scorecard").
struct ScorecardJSON {
    let card: Scorecard
    /// The rule set's category ids, sorted once.
    let categoryIDs: [String]
    init(_ card: Scorecard) {
        self.card = card
        categoryIDs = card.ruleSet.categories.keys.sorted()
    }

    func location(_ l: FindingLocation) -> JSON {
        .object([("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column)), ("path", .string(l.path))])
    }
    func num(_ d: Double?) -> JSON { d.map { .double(($0 * 10).rounded() / 10) } ?? .null }
    func ratio(_ d: Double?) -> JSON { d.map { .double(($0 * 1000).rounded() / 1000) } ?? .null }
    func unitRef(_ u: UnitScore) -> JSON {
        .object([("code", .string(u.unit.code)), ("name", .string(u.unit.name)), ("kind", .string(u.unit.kind.rawValue)),
                 ("period", JSONReporter.period(u.period)), ("file", .string(u.file))])
    }

    /// The document's members; the long arrays (units, groups, trends, invalid reports) are
    /// built an element at a time as they are written.
    func members() -> [(String, JSONMember)] {
        [
            ("tool", .value(.object([("name", .string("qcdc")), ("version", .string(QCDC.version))]))),
            ("schema_version", .value(.int(QCDC.jsonSchemaVersion))),
            ("kind", .value(.string("scorecard"))),
            ("language", .value(.string(card.language.rawValue))),
            ("rule_sets", .value(ruleSets())),
            ("scoring", .value(scoring())),
            ("grouping", .value(.string(card.grouping.rawValue))),
            ("summary", .value(summary())),
        ] + heading() + [
            ("rankings", .value(.array(card.rankings.map(ranking)))),
        ] + (card.submission.isEmpty ? [] : [
            ("submission", .value(.array(card.submission.map { p in
                .object([("province", .string(p.province)), ("name", .optional(p.name)), ("expected", .int(p.expected)),
                         ("reported", .int(p.reported)), ("not_submitted", .array(p.missing.map(NotSubmitted.json)))])
            }))),
            ("not_submitted", .elements(card.notSubmitted.count) { NotSubmitted.json(card.notSubmitted[$0]) }),
        ]) + [
            ("units", .elements(card.units.count) { unit($0) }),
            ("groups", .elements(card.groups.count) { group(card.groups[$0]) }),
            ("rules", .value(rules())),
            ("rollups", .value(rollups())),
            ("trends", .elements(card.trends.count) { trend(card.trends[$0]) }),
            ("invalid", .elements(card.invalid.count) { invalid(card.invalid[$0]) }),
            ("errors", .value(.array(card.diagnostics.sorted().map { JSONReporter.diagnostic($0, card.language) }))),
        ]
    }

    /// The whole document, written to `sink` in pieces.
    func write<E: Error>(workers: Int = 1, to sink: (String) throws(E) -> Void) throws(E) {
        try JSON.stream(members(), workers: workers, to: sink)
    }

    /// `heading` (title, issuer, date) and `selection` (period, kind), when given.
    func heading() -> [(String, JSONMember)] {
        var out: [(String, JSONMember)] = []
        let h = card.heading
        if h.title != nil || h.issuer != nil || h.date != nil {
            out.append(("heading", .value(.object([("title", .optional(h.title)), ("issuer", .optional(h.issuer)),
                                                   ("date", .optional(h.date?.description))]))))
        }
        let sel = card.selection
        if sel.period != nil || sel.kind != nil {
            out.append(("selection", .value(.object([("period", sel.period.map(JSONReporter.period) ?? .null),
                                                     ("kind", .optional(sel.kind?.rawValue)), ("excluded", .int(card.excluded))]))))
        }
        return out
    }

    func ranking(_ r: Ranking) -> JSON {
        let units = card.units(of: r)
        return .object([("period", JSONReporter.period(r.period)), ("kind", .string(r.kind.rawValue)), ("units", .int(units.count)),
                        ("mean_score", num(Scorecard.mean(units.compactMap(\.score)))),
                        ("mean_coverage", ratio(Scorecard.mean(units.compactMap(\.coverage))))])
    }

    func ruleSets() -> JSON {
        .array(card.ruleSet.sources.map { s in
            .object([("id", .string(s.id)), ("version", .string(s.version)), ("file", .string(s.file)), ("sha256", .string(s.sha256))])
        })
    }

    func scoring() -> JSON {
        let lang = card.language
        let bands: [JSON] = card.config.bands.map { .object([("id", .string($0.id)), ("name", .string($0.name.text(lang))), ("min", .double($0.minimum))]) }
        return .object([
            ("model", .string(card.config.model.rawValue)), ("model_urn", .string(card.config.model.urn)),
            ("missing", .string(card.config.missing.rawValue)), ("bands", .array(bands)),
        ])
    }

    func summary() -> JSON {
        let lang = card.language
        let cats = card.ruleSet.categories.keys.sorted()
        let distribution: [(String, JSON)] = card.config.bands.map { b in (b.id, .int(card.units.filter { $0.band?.id == b.id }.count)) }
        let categories: [(String, JSON)] = cats.map { c in
            (c, .object([("name", .string(card.ruleSet.categories[c]!.name.text(lang))), ("mean", num(card.categoryMeans[c]))]))
        }
        return .object([
            ("units", .int(card.units.count)), ("invalid", .int(card.invalid.count)),
            ("mean_score", num(card.meanScore)), ("mean_coverage", ratio(card.meanCoverage)),
            ("distribution", .object(distribution)), ("categories", .object(categories)),
        ])
    }

    func unit(_ i: Int) -> JSON {
        let lang = card.language
        let u = card.units[i]
        let failed: [JSON] = u.failed.map { r in
            .object([("rule", .string(r.rule.id)), ("severity", .string(r.severity.rawValue)), ("message", .string(r.message(lang))),
                     ("location", location(r.location)), ("basis", .string(Localizer(lang).basis(r.rule)))])
        }
        let categories: [(String, JSON)] = categoryIDs.map { ($0, num(u.categories[$0] ?? nil)) }
        return .object([
            ("rank", u.rank.map { .int($0.position) } ?? .null), ("rank_tied", .bool(u.rank?.tied ?? false)),
            ("code", .string(u.unit.code)), ("name", .string(u.unit.name)), ("kind", .string(u.unit.kind.rawValue)),
            ("parent", .optional(u.unit.parent)), ("province", .optional(u.province)), ("row", u.row.map { .int($0) } ?? .null),
            ("province_name", .optional(u.province.flatMap(card.name(of:)))), ("period", JSONReporter.period(u.period)), ("file", .string(u.file)),
            ("score", num(u.score)), ("coverage", ratio(u.coverage)), ("band", .optional(u.band?.id)),
            ("earned", .double(u.earned)), ("maximum", .double(u.maximum)),
            ("categories", .object(categories)), ("failed", .array(failed)),
            ("missing", .array(u.missing.map { .string($0) })),
        ])
    }

    func group(_ g: GroupSummary) -> JSON {
        let distribution: [(String, JSON)] = card.config.bands.map { ($0.id, .int(g.distribution[$0.id] ?? 0)) }
        let ranking: [JSON] = g.members.map { m in .object([("code", .string(m.unit.code)), ("period", JSONReporter.period(m.period)), ("score", num(m.score))]) }
        return .object([
            ("key", .string(g.key)), ("name", .string(g.name)), ("period", JSONReporter.period(g.period)),
            ("kind", .string(g.kind.rawValue)), ("units", .int(g.members.count)),
            ("mean_score", num(g.meanScore)), ("mean_coverage", ratio(g.meanCoverage)),
            ("distribution", .object(distribution)), ("ranking", .array(ranking)),
        ])
    }

    func rules() -> JSON {
        .array(card.rules.map { r in
            .object([
                ("rule", .string(r.rule.id)), ("title", .string(r.rule.title.text(card.language))), ("category", .string(r.rule.category)),
                ("basis_kind", .string(r.rule.kind.rawValue)), ("basis_strength", .string(r.rule.strength.rawValue)),
                ("pass", .int(r.pass)), ("fail", .int(r.fail)), ("missing", .int(r.missing)), ("error", .int(r.error)),
                ("waived", .int(r.waived)), ("not_applicable", .int(r.notApplicable)), ("pass_rate", ratio(r.passRate)),
                ("coverage", ratio(r.coverage)),
            ])
        })
    }

    func rollups() -> JSON {
        .array(card.rollups.map { f in
            let contradicting: [JSON] = f.contradicting.map { c in
                .object([("code", .string(c.unit.code)), ("name", .string(c.unit.name)), ("location", location(c.location))])
            }
            return .object([
                ("id", .string(f.declaration.id)), ("title", .string(f.declaration.title.text(card.language))), ("kind", .string(f.kind.rawValue)),
                ("parent", unitRef(f.parent)), ("location", location(f.location)),
                ("claimed", .int(f.claimed)), ("total", f.total.map { .int($0) } ?? .null),
                ("children_in_run", .int(f.childrenInRun)), ("children_passing", .int(f.childrenPassing)),
                ("allowed", .object([("min", .int(f.childrenPassing)), ("max", .int(f.atMost))])),
                ("contradicting", .array(contradicting)),
            ])
        })
    }

    func trend(_ t: TrendStep) -> JSON {
        let deltas: [(String, JSON)] = t.categoryDeltas.keys.sorted().map { ($0, num(t.categoryDeltas[$0])) }
        return .object([
            ("code", .string(t.to.unit.code)), ("name", .string(t.to.unit.name)),
            ("from", .object([("period", JSONReporter.period(t.from.period)), ("score", num(t.from.score))])),
            ("to", .object([("period", JSONReporter.period(t.to.period)), ("score", num(t.to.score))])),
            ("score_delta", num(t.scoreDelta)), ("category_deltas", .object(deltas)),
            ("newly_passing", .array(t.newlyPassing.map { .string($0) })),
            ("newly_failing", .array(t.newlyFailing.map { .string($0) })),
        ])
    }

    func invalid(_ r: ReportOutcome) -> JSON {
        .object([("file", .string(r.file)), ("errors", .array(r.diagnostics.filter { $0.severity == .error }.map { JSONReporter.diagnostic($0, card.language) }))])
    }
}
