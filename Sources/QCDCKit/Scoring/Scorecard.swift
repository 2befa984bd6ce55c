/// A unit's score under the rule set's scoring model, with the compact summary of its report
/// the scorecard keeps instead of the whole outcome: a status per rule (a byte each), the
/// failing results, the ids of rules missing evidence, and the few facts roll-ups read.
public struct UnitScore: Sendable {
    /// The report's file.
    public var file: String
    /// The spreadsheet row the report is, for a report read from a row; nil for a whole file.
    public var row: Int? = nil
    /// `file`, or `file:row` for a spreadsheet row: where the report is.
    public var source: String { row.map { "\(file):\($0)" } ?? file }
    /// Who reported.
    public var unit: UnitInfo
    /// The period of the report.
    public var period: Period
    /// Each rule's status, by the rule's position in the rule set (nil for a disabled rule).
    public var statuses: [RuleStatus?]
    /// The facts that roll-ups read (`parent_fact`, `total_fact`), when the report gives them.
    public var rollupFacts: [String: FactValue]
    /// Per cent of the maximum, or nil when nothing applicable could be scored.
    public var score: Double?
    /// Share of scored rules that could actually be evaluated (not missing, not an error).
    public var coverage: Double?
    /// The band the score falls in; nil without a score or when no band reaches it.
    public var band: ScoringConfig.Band?
    /// Category id → score (nil: nothing applicable in that category).
    public var categories: [String: Double?]
    /// Weight of the passed scored rules (each rule weighs 1 under `flat-unweighted`).
    public var earned: Double
    /// Weight of the scored rules in the denominator: passed and failed ones, and under the `fail`
    /// missing policy also missing and unevaluable ones. Waived, not-applicable and zero-weight rules
    /// are left out.
    public var maximum: Double
    /// Results that failed or could not be evaluated (`fail`, `error`), in rule order.
    public var failed: [RuleResult]
    /// The ids of the rules with missing evidence, in rule order.
    public var missing: [String]
    /// The unit's place in its ranking (its period and kind); nil without a score.
    public var rank: Rank? = nil
    /// The code of the unit's province: its own for a province; from the register for a
    /// commune or district it lists; else the parent the report states.
    public var province: String? = nil
}

/// A place in a ranking. Units whose scores are equal as shown (to 0.1 point) share a place,
/// and the next place skips as many: 1=, 1=, 3.
public struct Rank: Sendable, Hashable, CustomStringConvertible {
    /// 1 for the best.
    public var position: Int
    /// Whether another unit shares the place.
    public var tied: Bool
    /// `3`, or `1=` for a shared place.
    public var description: String { tied ? "\(position)=" : String(position) }
}

/// The units of one period and one unit kind, ranked: what a scorecard compares.
public struct Ranking: Sendable {
    /// The period every unit of the ranking reports on.
    public var period: Period
    /// The kind of every unit of the ranking.
    public var kind: UnitKind
    /// The units', as positions in ``Scorecard/units``.
    public var units: Range<Int>
}

/// Which reports a scorecard takes (`--period`, `--kind`); nil takes every one.
public struct ScorecardSelection: Sendable, Hashable {
    /// Only reports on exactly this period.
    public var period: Period?
    /// Only units of this kind.
    public var kind: UnitKind?
    /// Every report.
    public init(period: Period? = nil, kind: UnitKind? = nil) {
        self.period = period
        self.kind = kind
    }
    func admits(_ u: UnitScore) -> Bool {
        (period == nil || period == u.period) && (kind == nil || kind == u.unit.kind)
    }
}

/// What heads a scorecard printed as an official document (`--title`, `--issuer`, `--date`).
public struct ScorecardHeading: Sendable, Hashable {
    /// Replaces the default title.
    public var title: String?
    /// The office that issues the scorecard.
    public var issuer: String?
    /// The document's date (none by default, so that output stays the same from day to day).
    public var date: Day?
    /// No title, issuer or date of its own.
    public init(title: String? = nil, issuer: String? = nil, date: Day? = nil) {
        self.title = title
        self.issuer = issuer
        self.date = date
    }
}

/// A group of the units of one ranking (the communes of a province, or the ranking's kind).
public struct GroupSummary: Sendable {
    /// The unit's province (``UnitScore/province``), else its parent's code (`—` for units with
    /// neither), or the unit kind's raw value, by the scorecard's grouping.
    public var key: String
    /// The group's display name: the parent's `name (code)`, named by the register (unless it is
    /// off) or by the parent's own report, else the key.
    public var name: String
    /// The ranking's period.
    public var period: Period
    /// The ranking's unit kind.
    public var kind: UnitKind
    /// The units of the group, ranked: best score first.
    public var members: [UnitScore]   // ranked: best first
    /// Mean score of the members that have one; nil when none has.
    public var meanScore: Double?
    /// Mean coverage of the members that have one; nil when none has.
    public var meanCoverage: Double?
    /// Band id → number of units.
    public var distribution: [String: Int]
}

/// How one rule fares across units.
public struct RulePassRate: Sendable {
    /// The rule.
    public var rule: Rule
    /// Units whose result is `pass`.
    public var pass: Int
    /// Units whose result is `fail`.
    public var fail: Int
    /// Units whose result is `missing`.
    public var missing: Int
    /// Units whose result is `error`.
    public var error: Int
    /// Units whose result is `waived`.
    public var waived: Int
    /// Units to which the rule does not apply.
    public var notApplicable: Int
    /// Units where the rule could be evaluated (pass, fail or error).
    public var evaluatedUnits: Int { pass + fail + error }
    /// pass ÷ (pass + fail + error): how often the requirement is met where it can be judged;
    /// nil when no unit could be judged. Missing evidence is counted apart, in `missing`.
    public var passRate: Double? { evaluatedUnits == 0 ? nil : Double(pass) / Double(evaluatedUnits) }
    /// Share of the units concerned that reported enough to judge the rule.
    public var coverage: Double? { evaluatedUnits + missing == 0 ? nil : Double(evaluatedUnits) / Double(evaluatedUnits + missing) }
}

/// A parent's figure that its children's reports contradict.
public struct RollupFinding: Sendable {
    /// `overclaim`: the parent claims more children meeting the requirement than their reports allow;
    /// `underclaim`: it claims fewer than actually pass.
    public enum Kind: String, Sendable { case overclaim, underclaim }
    /// The roll-up declaration checked.
    public var declaration: RollupDeclaration
    /// Over-claim or under-claim.
    public var kind: Kind
    /// The parent whose report states the figure.
    public var parent: UnitScore
    /// The figure the parent states (`parent_fact`).
    public var claimed: Int
    /// The number of children the parent states (`total_fact`); nil when not declared or not reported.
    public var total: Int?
    /// Children of the declared kind whose reports in the run overlap the parent's period.
    public var childrenInRun: Int
    /// Those of them that pass the declared `child_rule`: the least the figure can be.
    public var childrenPassing: Int
    /// The most the figure can be: the children stated (or in the run) less those whose reports
    /// fail the rule; never below ``childrenPassing`` (a stated total below the passing children is
    /// itself wrong, and the range stays readable).
    public var atMost: Int
    /// The children whose reports contradict the claim (those failing the rule for an over-claim).
    public var contradicting: [(unit: UnitInfo, location: FindingLocation)]
    /// Where the parent states the figure.
    public var location: FindingLocation
}

/// One unit's change between two periods.
public struct TrendStep: Sendable {
    /// The earlier report of the unit.
    public var from: UnitScore
    /// The unit's next report, by start of period.
    public var to: UnitScore
    /// `to`'s score minus `from`'s, in percentage points; nil when either has no score.
    public var scoreDelta: Double?
    /// Category id → change of the category score, in points (categories scored in both reports).
    public var categoryDeltas: [String: Double]
    /// Ids of rules that pass now and failed, were missing or unevaluable before; sorted.
    public var newlyPassing: [String]
    /// Ids of rules that fail or are unevaluable now and passed before; sorted.
    public var newlyFailing: [String]
}

/// The scorecard of a run: units, groups, rules, roll-up contradictions, trends.
public struct Scorecard: Sendable {
    /// How units are grouped: by parent unit (`parent`) or by unit kind (`kind`).
    public enum Grouping: String, Sendable, CaseIterable { case parent, kind }

    /// The rule set of the run.
    public var ruleSet: RuleSet
    /// The scoring model used.
    public var config: ScoringConfig
    /// The language of the run, for rendering.
    public var language: Language
    /// How ``groups`` are formed.
    public var grouping: Grouping
    /// Scored units, by ranking (see ``rankings``), then best score first, then by name
    /// (Vietnamese collation).
    public var units: [UnitScore]
    /// One ranking per period and unit kind: newest period first (by end, then start), then
    /// kinds in declaration order (province, commune, district, agency, …).
    public var rankings: [Ranking] = []
    /// Province and parent codes → official names: from the register unless it is off, else
    /// from the units' own reports.
    public var names: [String: String] = [:]
    /// Valid reports left out by the selection (`--period`, `--kind`).
    public var excluded: Int = 0
    /// The selection the scorecard was made with.
    public var selection = ScorecardSelection()
    /// Title, issuer and date for an official document.
    public var heading = ScorecardHeading()
    /// Reports that could not be read (listed, not scored).
    public var invalid: [ReportOutcome]
    /// The units of each ranking in groups by ``grouping``: by ranking, then by name (Vietnamese collation).
    public var groups: [GroupSummary]
    /// Least-passed first.
    public var rules: [RulePassRate]
    /// Parents' figures that their children's reports contradict, by parent code, then roll-up id.
    /// The check reads every valid report of the run, also those the selection leaves out; those
    /// of parents in the selection are kept.
    public var rollups: [RollupFinding]
    /// Changes between consecutive reports of the same unit.
    public var trends: [TrendStep]
    /// The run's problems with the inputs as a whole (``CheckRun/diagnostics``).
    public var diagnostics: [Diagnostic]
    /// With `--expect`: who reported, per province (in code order); empty without `--expect`.
    public var submission: [ProvinceSubmission] = []
    /// With `--expect`: the expected units without a report.
    public var notSubmitted: [ExpectedUnit] = []

    /// How many of a province's expected units reported (`--expect`).
    public struct ProvinceSubmission: Sendable {
        /// The province's code, or `—` for units the register does not place.
        public var province: String
        /// The province's name, when known.
        public var name: String?
        /// Units expected, and those of them that reported.
        public var expected: Int, reported: Int
        /// The expected units without a report.
        public var missing: [ExpectedUnit]

        /// Groups `expected` by province, in code order.
        static func of(_ run: CheckRun) -> [ProvinceSubmission] {
            let missing = Set(run.notSubmitted.map(\.code))
            var byProvince: [String: ProvinceSubmission] = [:]
            for u in run.expected {
                let key = u.province ?? "—"
                var p = byProvince[key] ?? ProvinceSubmission(province: key, name: u.provinceName, expected: 0, reported: 0, missing: [])
                p.expected += 1
                if missing.contains(u.code) { p.missing.append(u) } else { p.reported += 1 }
                byProvince[key] = p
            }
            return byProvince.values.sorted { $0.province < $1.province }
        }
    }

    /// Mean score of the units that have one; nil when none has.
    public var meanScore: Double? { Scorecard.mean(units.compactMap(\.score)) }
    /// Mean coverage of the units that have one; nil when none has.
    public var meanCoverage: Double? { Scorecard.mean(units.compactMap(\.coverage)) }
    /// Category id → mean score across units.
    public var categoryMeans: [String: Double] {
        var out: [String: Double] = [:]
        for c in ruleSet.categories.keys { if let m = Scorecard.mean(units.compactMap { $0.categories[c] ?? nil }) { out[c] = m } }
        return out
    }
    /// Categories that some unit is scored on, in declaration-independent stable order.
    public var scoredCategories: [String] {
        ruleSet.categories.values.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map(\.id)
            .filter { c in units.contains { ($0.categories[c] ?? nil) != nil } }
    }

    static func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }

    /// Scores every valid report of `run` (the others go to ``invalid``), then ranks the units
    /// of each period and kind, groups them, rates the rules and checks roll-ups and trends.
    /// `config` nil takes the rule set's scoring model.
    public init(run: CheckRun, config: ScoringConfig? = nil, grouping: Grouping = .parent,
                selection: ScorecardSelection = ScorecardSelection(), usesRegister: Bool = true) {
        var collector = Collector(ruleSet: run.ruleSet, config: config ?? run.ruleSet.scoring, usesRegister: usesRegister)
        for r in run.reports { collector.add(collector.entry(r)) }
        self = collector.scorecard(run, grouping: grouping, selection: selection)
    }

    /// Builds a scorecard while a run goes, keeping a compact summary per unit (``UnitScore``)
    /// and never the outcomes: ``entry(_:)`` scores an outcome (on any thread), ``add(_:)``
    /// keeps it (in report order), ``scorecard(_:grouping:selection:)`` finishes.
    public struct Collector: Sendable {
        /// The run's rule set.
        public let ruleSet: RuleSet
        /// The scoring model.
        public let config: ScoringConfig
        /// Whether provinces are found and named by the register of administrative units.
        public let usesRegister: Bool
        var units: [UnitScore] = []
        var invalid: [ReportOutcome] = []

        /// A collector for reports checked against `ruleSet`, scored by `config`; with
        /// `usesRegister` (the default) units are placed in their province and parents named
        /// by the register of administrative units.
        public init(ruleSet: RuleSet, config: ScoringConfig, usesRegister: Bool = true) {
            self.ruleSet = ruleSet
            self.config = config
            self.usesRegister = usesRegister
        }

        /// What the scorecard keeps of one outcome: its score, or the outcome itself (without
        /// results, which it has none of) when it is invalid.
        public enum Entry: Sendable {
            case scored(UnitScore)
            case invalid(ReportOutcome)
        }

        /// Scores one outcome.
        public func entry(_ outcome: ReportOutcome) -> Entry {
            guard !outcome.isInvalid, outcome.unit != nil, outcome.period != nil else {
                var kept = outcome
                kept.results = []
                kept.facts = nil
                return .invalid(kept)
            }
            var score = Scorecard.score(outcome, ruleSet: ruleSet, config: config)
            score.province = Scorecard.province(of: score.unit, period: score.period, usesRegister: usesRegister)
            score.row = outcome.row
            return .scored(score)
        }

        /// Keeps one entry.
        public mutating func add(_ entry: Entry) {
            switch entry {
            case .scored(let u): units.append(u)
            case .invalid(let o): invalid.append(o)
            }
        }

        /// The scorecard of `run` (its diagnostics and language) over the entries kept that
        /// `selection` admits.
        public func scorecard(_ run: CheckRun, grouping: Grouping = .parent, selection: ScorecardSelection = ScorecardSelection(),
                              heading: ScorecardHeading = ScorecardHeading()) -> Scorecard {
            let names = Scorecard.names(units, usesRegister: usesRegister)
            let selected = units.filter(selection.admits)
            var card = Scorecard(ruleSet: ruleSet, config: config, language: run.language, grouping: grouping, scored: selected,
                                 names: names, invalid: invalid, diagnostics: run.diagnostics)
            card.rollups = Scorecard.checkRollups(units, ruleSet: ruleSet).filter { selection.admits($0.parent) }
            card.excluded = units.count - selected.count
            card.selection = selection
            card.heading = heading
            card.submission = ProvinceSubmission.of(run)
            card.notSubmitted = run.notSubmitted
            return card
        }
    }

    init(ruleSet: RuleSet, config: ScoringConfig, language: Language, grouping: Grouping, scored: [UnitScore],
         names: [String: String], invalid: [ReportOutcome], diagnostics: [Diagnostic]) {
        self.ruleSet = ruleSet
        self.config = config
        self.language = language
        self.grouping = grouping
        self.diagnostics = diagnostics
        self.invalid = invalid
        self.names = names
        let (ranked, rankings) = Scorecard.rankings(scored)
        units = ranked
        self.rankings = rankings
        groups = rankings.flatMap { Scorecard.group(ranked[$0.units], of: $0, by: grouping, names: names, config: config) }
        rules = Scorecard.passRates(units, ruleSet: ruleSet)
        rollups = Scorecard.checkRollups(units, ruleSet: ruleSet)
        trends = Scorecard.trends(units, ruleSet: ruleSet)
    }

    /// The units of `ranking`.
    public func units(of ranking: Ranking) -> ArraySlice<UnitScore> { units[ranking.units] }

    /// `Tỉnh Lâm Đồng`: a province's or parent's name, by code (nil when unknown).
    public func name(of code: String) -> String? { names[code] }

    /// Names of the codes units are grouped and placed under (parents, provinces): the
    /// register's (either edition) for provinces and districts unless it is off, else the name
    /// the unit's own report gives.
    static func names(_ units: [UnitScore], usesRegister: Bool) -> [String: String] {
        var codes = Set(units.compactMap(\.province))
        for u in units { if let p = u.unit.parent { codes.insert(p) } }
        var out: [String: String] = [:]
        for u in units where codes.contains(u.unit.code) { out[u.unit.code] = out[u.unit.code] ?? u.unit.name }
        guard usesRegister else { return out }
        for c in codes {
            if let official = (Register.current[c] ?? Register.preReform[c]), official.type.level != .commune { out[c] = official.name }
        }
        return out
    }

    /// The province `unit` belongs to: itself for a province. With the register, a province,
    /// district or commune is placed by its own code, then by its parent's, in the list of its
    /// period (the pre-reform list for earlier periods); another unit (an agency, an enterprise)
    /// by its parent's code only. Without the register, a commune's or district's stated parent.
    /// Nil when none of these places it.
    static func province(of unit: UnitInfo, period: Period, usesRegister: Bool) -> String? {
        if unit.kind == .province { return unit.code }
        let listed = unit.kind == .commune || unit.kind == .district
        guard usesRegister else { return listed ? unit.parent : nil }
        let register = Register.applying(to: period) ?? .preReform
        if listed, let own = register[unit.code], own.type.level == unit.kind, let p = register.province(of: own) { return p.code }
        if let parent = unit.parent, let above = register[parent], above.type.level != .commune, let p = register.province(of: above) { return p.code }
        return nil
    }

    /// Splits units into rankings, one per period and kind (newest period first, then kinds in
    /// declaration order), ranks each, and gives the units in that order with the rankings.
    static func rankings(_ xs: [UnitScore]) -> ([UnitScore], [Ranking]) {
        struct Key: Hashable { let period: Period, kind: UnitKind }
        let kinds = Dictionary(uniqueKeysWithValues: UnitKind.allCases.enumerated().map { ($1, $0) })
        let byKey = Dictionary(grouping: xs) { Key(period: $0.period, kind: $0.unit.kind) }
        let keys = byKey.keys.sorted {
            ($1.period.end, $1.period.start, kinds[$0.kind]!) < ($0.period.end, $0.period.start, kinds[$1.kind]!)
        }
        var units: [UnitScore] = []
        var out: [Ranking] = []
        units.reserveCapacity(xs.count)
        for k in keys {
            let first = units.count
            units += placed(rank(byKey[k]!))
            out.append(Ranking(period: k.period, kind: k.kind, units: first..<units.count))
        }
        return (units, out)
    }

    /// The score as shown (to 0.1 point): what ranks compare.
    static func shown(_ score: Double) -> Double { (score * 10).rounded() }

    static func rank(_ xs: [UnitScore]) -> [UnitScore] {
        // Names in Vietnamese order first (keys computed once), then a stable sort by the score as shown.
        let byName = VietnameseCollation.sorted(xs, by: { $0.unit.name }) { a, b in
            (a.unit.code, a.period.start) < (b.unit.code, b.period.start)
        }
        let indexed = byName.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            switch (a.1.score.map(shown), b.1.score.map(shown)) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.0 < b.0
            }
        }.map(\.1)
    }

    /// Gives ranked units their places: equal scores as shown share one (`1=`), and the next
    /// place skips as many; units without a score get none.
    static func placed(_ ranked: [UnitScore]) -> [UnitScore] {
        var xs = ranked
        var i = 0
        while i < xs.count, let s = xs[i].score.map(shown) {
            var j = i + 1
            while j < xs.count, xs[j].score.map(shown) == s { j += 1 }
            for k in i..<j { xs[k].rank = Rank(position: i + 1, tied: j - i > 1) }
            i = j
        }
        return xs
    }

    /// Scores one report.
    public static func score(_ report: ReportOutcome, ruleSet: RuleSet, config: ScoringConfig) -> UnitScore {
        let scored = report.results.filter { $0.status != .notApplicable && $0.status != .waived && $0.rule.weight > 0 }
        func weight(_ r: RuleResult) -> Double { config.model == .flatUnweighted ? 1 : r.rule.weight }
        func inDenominator(_ r: RuleResult) -> Bool {
            r.status == .pass || r.status == .fail || config.missing == .fail
        }
        func flat(_ rs: [RuleResult]) -> (Double, Double, Double?) {
            let den = rs.filter(inDenominator)
            let max = den.reduce(0) { $0 + weight($1) }
            let got = den.filter { $0.status == .pass }.reduce(0) { $0 + weight($1) }
            return (got, max, max > 0 ? got / max * 100 : nil)
        }
        var categories: [String: Double?] = [:]
        for c in ruleSet.categories.keys { categories[c] = flat(scored.filter { $0.rule.category == c }).2 }
        let (earned, maximum, flatScore) = flat(scored)
        var score: Double?
        switch config.model {
        case .flat, .flatUnweighted:
            score = flatScore
        case .xccdfDefault:
            var num = 0.0, den = 0.0
            for (c, s) in categories { if let s, let w = ruleSet.categories[c]?.weight, w > 0 { num += w * s; den += w } }
            score = den > 0 ? num / den : nil
        case .absolute:
            let den = scored.filter(inDenominator)
            score = den.isEmpty ? nil : (den.allSatisfy { $0.status == .pass } ? 100 : 0)
        }
        let evaluated = scored.filter { $0.status == .pass || $0.status == .fail }.count
        var statuses = [RuleStatus?](repeating: nil, count: ruleSet.rules.count)
        for r in report.results { if let i = ruleSet.index(of: r.rule.id) { statuses[i] = r.status } }
        var rollupFacts: [String: FactValue] = [:]
        for decl in ruleSet.rollups {
            for path in [decl.parentFact] + [decl.totalFact].compactMap({ $0 }) {
                if let v = report.facts?.value(at: path) { rollupFacts[path] = v }
            }
        }
        return UnitScore(file: report.file, unit: report.unit!, period: report.period!, statuses: statuses, rollupFacts: rollupFacts,
                         score: score, coverage: scored.isEmpty ? nil : Double(evaluated) / Double(scored.count),
                         band: score.flatMap { config.band(for: $0) }, categories: categories, earned: earned, maximum: maximum,
                         failed: report.results.filter { $0.status == .fail || $0.status == .error },
                         missing: report.results.filter { $0.status == .missing }.map(\.rule.id))
    }

    static func group(_ units: ArraySlice<UnitScore>, of ranking: Ranking, by grouping: Grouping, names: [String: String],
                      config: ScoringConfig) -> [GroupSummary] {
        var byKey: [String: [UnitScore]] = [:]
        for u in units {
            let key = grouping == .kind ? u.unit.kind.rawValue : (u.province ?? u.unit.parent ?? "—")
            byKey[key, default: []].append(u)
        }
        return byKey.map { key, members in
            var dist: [String: Int] = [:]
            for m in members { if let b = m.band { dist[b.id, default: 0] += 1 } }
            let name = grouping == .kind ? key : (names[key].map { "\($0) (\(key))" } ?? key)
            return GroupSummary(key: key, name: name, period: ranking.period, kind: ranking.kind, members: members,
                                meanScore: mean(members.compactMap(\.score)), meanCoverage: mean(members.compactMap(\.coverage)),
                                distribution: dist)
        }.sortedByName()
    }

    static func passRates(_ units: [UnitScore], ruleSet: RuleSet) -> [RulePassRate] {
        // Counted by the rule's index, six counts a rule: a dictionary update per unit and rule
        // cost 80,000 instructions a unit.
        let rules = ruleSet.rules
        var counts = [Int](repeating: 0, count: rules.count * 6)
        for u in units {
            for (i, status) in u.statuses.enumerated() where i < rules.count {
                guard let status else { continue }
                let k = switch status {
                case .pass: 0
                case .fail: 1
                case .missing: 2
                case .error: 3
                case .waived: 4
                case .notApplicable: 5
                }
                counts[i * 6 + k] += 1
            }
        }
        let rates = rules.indices.filter { !rules[$0].disabled }.map { i in
            RulePassRate(rule: rules[i], pass: counts[i * 6], fail: counts[i * 6 + 1], missing: counts[i * 6 + 2],
                         error: counts[i * 6 + 3], waived: counts[i * 6 + 4], notApplicable: counts[i * 6 + 5])
        }
        return rates.filter { $0.evaluatedUnits + $0.missing > 0 }.sorted {
            ($0.passRate ?? 2, -$0.fail, $0.rule.id) < ($1.passRate ?? 2, -$1.fail, $1.rule.id)
        }
    }

    static func checkRollups(_ units: [UnitScore], ruleSet: RuleSet) -> [RollupFinding] {
        var out: [RollupFinding] = []
        let byParent = Dictionary(grouping: units.filter { $0.unit.parent != nil }, by: { $0.unit.parent! })
        for parent in units {
            for decl in ruleSet.rollups {
                guard let claimed = parent.rollupFacts[decl.parentFact], case .int(let c) = claimed.value else { continue }
                var total: Int?
                if let t = decl.totalFact, let tv = parent.rollupFacts[t], case .int(let n) = tv.value { total = Int(n) }
                let children = (byParent[parent.unit.code] ?? []).filter {
                    $0.unit.kind == decl.childKind && $0.period.start <= parent.period.end && parent.period.start <= $0.period.end
                }
                guard !children.isEmpty else { continue }
                var passing: [UnitScore] = [], failing: [(UnitScore, RuleResult)] = []
                guard let ruleIndex = ruleSet.index(of: decl.childRule) else { continue }
                for ch in children {
                    if ch.statuses[ruleIndex] == .pass {
                        passing.append(ch)
                    } else if let r = ch.failed.first(where: { $0.rule.id == decl.childRule }) {
                        failing.append((ch, r))
                    }
                }
                let claimedCount = Int(c)
                let loc = FindingLocation(file: parent.file, line: claimed.mark.line, column: claimed.mark.column, path: decl.parentFact)
                let maxPossible = (total ?? children.count + max(0, claimedCount - children.count)) - failing.count
                if claimedCount > maxPossible && !failing.isEmpty {
                    out.append(RollupFinding(declaration: decl, kind: .overclaim, parent: parent, claimed: claimedCount, total: total,
                                             childrenInRun: children.count, childrenPassing: passing.count, atMost: max(maxPossible, passing.count),
                                             contradicting: failing.map { ($0.0.unit, $0.1.location) }, location: loc))
                } else if claimedCount < passing.count {
                    out.append(RollupFinding(declaration: decl, kind: .underclaim, parent: parent, claimed: claimedCount, total: total,
                                             childrenInRun: children.count, childrenPassing: passing.count, atMost: max(maxPossible, passing.count),
                                             contradicting: [], location: loc))
                }
            }
        }
        return out.sorted { ($0.parent.unit.code, $0.declaration.id) < ($1.parent.unit.code, $1.declaration.id) }
    }

    static func trends(_ units: [UnitScore], ruleSet: RuleSet) -> [TrendStep] {
        let ids = ruleSet.rules.map(\.id)
        var out: [TrendStep] = []
        for (_, series) in Dictionary(grouping: units, by: { $0.unit.code }) where series.count > 1 {
            let sorted = series.sorted { $0.period.start < $1.period.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                var cats: [String: Double] = [:]
                for (c, v) in b.categories { if let v, let old = a.categories[c] ?? nil { cats[c] = v - old } }
                var up: [String] = [], down: [String] = []
                for (i, (old, new)) in zip(a.statuses, b.statuses).enumerated() {
                    guard let old, let new else { continue }
                    if new == .pass && [.fail, .missing, .error].contains(old) { up.append(ids[i]) }
                    if (new == .fail || new == .error) && old == .pass { down.append(ids[i]) }
                }
                out.append(TrendStep(from: a, to: b, scoreDelta: (b.score != nil && a.score != nil) ? b.score! - a.score! : nil,
                                     categoryDeltas: cats, newlyPassing: up.sorted(), newlyFailing: down.sorted()))
            }
        }
        return VietnameseCollation.sorted(out, by: { $0.to.unit.name }) { a, b in
            (a.to.unit.code, a.to.period.start) < (b.to.unit.code, b.to.period.start)
        }
    }
}

extension Array where Element == GroupSummary {
    func sortedByName() -> [GroupSummary] { VietnameseCollation.sorted(self, by: \.name) }
}
