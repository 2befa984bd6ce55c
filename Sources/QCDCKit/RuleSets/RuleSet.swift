#if canImport(Glibc)
import Glibc
#endif

/// The kinds of unit that report.
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case province, commune, district, agency
    case publicServiceUnit = "public_service_unit"
    case stateEnterprise = "state_enterprise"
    case enterprise

    /// Orders kinds by raw value (alphabetically), for stable listings.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The kind as one bit of a byte (seven kinds), for a set of kinds held as a byte.
    var bit: UInt8 {
        switch self {
        case .province: 1
        case .commune: 2
        case .district: 4
        case .agency: 8
        case .publicServiceUnit: 16
        case .stateEnterprise: 32
        case .enterprise: 64
        }
    }

    /// District-level units stopped operating on 1 July 2025 (two-tier reform).
    public static let districtAbolished = Day(year: 2025, month: 7, day: 1)!
}

/// The severity a rule's failure carries.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, warning, error
    var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    /// `info` < `warning` < `error`.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// What a fact may hold, as declared in a rule set.
public indirect enum FactType: Sendable, Hashable {
    case integer, number, percent, boolean, date, string
    case enumeration([String])
    /// A list of records with their own declared fields.
    case list([FactDeclaration])

    /// The type as a rule set writes it: `integer`, `number`, `percent`, `boolean`, `date`, `string`,
    /// `enum` or `list`.
    public var name: String {
        switch self {
        case .integer: "integer"
        case .number: "number"
        case .percent: "percent"
        case .boolean: "boolean"
        case .date: "date"
        case .string: "string"
        case .enumeration: "enum"
        case .list: "list"
        }
    }
}

/// Whether a fact's value is a total for the reporting period (a count of meetings held) or a
/// standing state (the number of board members, whether a centre exists).
///
/// A report longer than a year is judged per calendar year; a rule that reads a period total
/// cannot be, and gives missing evidence ("report each year").
public enum FactScope: String, Sendable, Hashable {
    case period, state
}

/// One report field that rules read.
public struct FactDeclaration: Sendable, Hashable {
    /// Dotted path in the report (`dialogue_conferences.held`), or a field name inside a list record.
    public var path: String
    /// What the fact may hold.
    public var type: FactType
    /// The unit of measure written with values (`người`/`members`); nil when none is declared.
    public var unit: LocalizedText?
    /// The fact's name for people, in both languages.
    public var label: LocalizedText
    /// A longer explanation, when the rule set gives one.
    public var description: LocalizedText?
    /// Lowest value accepted, inclusive (`min`); for percentages in points (`90` is 90%). Nil when
    /// not declared (an integer is still checked against 0).
    public var minimum: Double?
    /// Highest value accepted, inclusive (`max`); for percentages in points. Nil when not declared.
    public var maximum: Double?
    /// The rule set file and position that declared it.
    public var location: SourceLocation
    /// A period total (the default) or a standing state.
    public var scope: FactScope = .period

    package var exprType: ExprType {
        switch type {
        case .integer: .integer
        case .number: .number
        case .percent: .percent
        case .boolean: .boolean
        case .date: .date
        case .string, .enumeration: .string
        case .list: .records(path)
        }
    }
    /// The fields of a list fact's records; empty for any other type.
    public var fields: [FactDeclaration] {
        if case .list(let f) = type { return f }
        return []
    }
}

/// A scorecard dimension.
public struct Category: Sendable, Hashable {
    /// The category's id, as rules name it in `category`.
    public var id: String
    /// Display name, in both languages.
    public var name: LocalizedText
    /// Weight of the category in the XCCDF `default` scoring model (default 1).
    public var weight: Double
    /// Where the category is declared.
    public var location: SourceLocation
    /// Position in declaration order (for stable display).
    public var order: Int = 0
}

/// Whether a citation is binding law or a Party/government policy target.
public enum BasisKind: String, Sendable, Hashable {
    case law, policy
}

/// How firmly a citation was established, shown beside every rule so a reader knows what to
/// trust: `primary` (read in the official text, or a source quoting it verbatim), `secondary`
/// (a paraphrase: press, Q&A, guidance), `unverified` (not found; stated from memory or left open).
public enum BasisStrength: String, Sendable, Hashable, CaseIterable, Comparable {
    case primary, secondary, unverified
    private var rank: Int { self == .primary ? 2 : self == .secondary ? 1 : 0 }
    /// `unverified` < `secondary` < `primary`.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A citation of the legal (or policy) basis of a rule.
public struct Citation: Sendable, Hashable {
    /// Binding law or a policy target.
    public var kind: BasisKind
    /// How firmly the provision was read.
    public var strength: BasisStrength = .unverified
    /// Document number, e.g. `10/2022/QH15`.
    public var document: String
    /// The document's title (`Luật Thực hiện dân chủ ở cơ sở`), when given.
    public var name: LocalizedText?
    /// The article (`Điều`), as written; nil when the whole document is cited.
    public var article: String?
    /// The clause (`khoản`) of the article, when given.
    public var clause: String?
    /// The point (`điểm`) of the clause, when given.
    public var point: String?
    /// A link to the text, when given.
    public var url: String?
    /// The text of the provision, quoted.
    public var quote: String?
    /// A caveat, e.g. that the source read was secondary.
    public var note: LocalizedText?

    /// `Luật 10/2022/QH15, Điều 51 khoản 1` / `Law 10/2022/QH15, Art. 51(1)`.
    public func short(_ lang: Language) -> String {
        var s = document
        if let n = name?.text(lang), n.count <= 48 { s = n.contains(document) ? n : "\(n) \(document)" }
        switch lang {
        case .vi:
            if let article { s += ", Điều \(article)" }
            if let clause { s += " khoản \(clause)" }
            if let point { s += " điểm \(point)" }
        case .en:
            if let article { s += ", Art. \(article)" }
            if let clause { s += "(\(clause))" }
            if let point { s += "(\(point))" }
        }
        return s
    }

    /// A rule's basis as a finding cites it: each citation's short form, policy ones marked,
    /// joined by `; ` (kept here, with the code the compiled rules' digest covers, because the
    /// compiled rules record it).
    static func cited(_ basis: [Citation], _ lang: Language) -> String {
        basis.map { c in
            c.kind == .policy ? c.short(lang) + (lang == .vi ? " — chủ trương" : " — policy") : c.short(lang)
        }.joined(separator: "; ")
    }
}

/// A worked example carried by a rule; the test suite and `qcdc rules lint` run it.
public struct RuleExample: Sendable {
    /// The status the example must give.
    public var expected: RuleStatus
    /// The example's name (e.g. `boundary`), when given.
    public var name: LocalizedText?
    /// The unit kind the example reports as; nil for the first of the rule's `applies_to`.
    public var kind: UnitKind?
    /// The period the example is judged on; nil for the calendar year in which the rule comes into
    /// force (or ends; 2026 when it has no dates).
    public var period: Period?
    /// The facts of the example report (a mapping).
    package var facts: Node
    /// Where the example is written.
    public var location: SourceLocation
}

/// A parameter value a rule declares and an overlay may change.
public struct RuleParameter: Sendable {
    /// The parameter's name (`min_members`).
    public var name: String
    /// The parameter's value.
    public var value: Value
    /// The value's type, as its literal is written.
    public var type: ExprType
    /// Where the value is written: the rule's `params`, or the overlay that overrides it.
    public var location: SourceLocation
}

/// What a rule says, as its `rules:` entry is read: everything but its compiled conditions.
public struct RuleDefinition: Sendable {
    /// The rule's stable id, e.g. `TTND-C1`.
    public var id: String
    /// The requirement in a short title, in both languages (the message of a passed result).
    public var title: LocalizedText
    /// The citations of the rule's legal or policy basis, including any an overlay gave for
    /// parameter values it changed.
    public var basis: [Citation]
    /// The unit kinds the rule applies to (`applies_to`).
    public var appliesTo: [UnitKind]
    /// When the rule is in force (`in_force`); ``DateWindow/always`` when not given.
    public var inForce: DateWindow
    /// The severity a failure carries.
    public var severity: Severity
    /// The id of the scorecard category the rule counts in.
    public var category: String
    /// The rule's weight in scores (default 1; 0 for a metric).
    public var weight: Double
    /// The parameters in effect, by name, after any overlay's overrides.
    public var parameters: [String: RuleParameter]
    /// The failure message with its `{placeholder}`s, in both languages.
    public var message: LocalizedText
    /// The worked examples: the rule's tests.
    public var examples: [RuleExample]
    /// Where the rule is written (its `id`), and which rule set it belongs to.
    public var location: SourceLocation
    /// The id of the rule set whose file declares the rule.
    public var ruleSet: String
    /// Switched off by an overlay (`disabled: true`): the rule gives no result.
    public var disabled = false
    /// The parameters as the rule's own file declares them; its examples are written for these,
    /// and run with them even when an overlay overrides `parameters`.
    public var declaredParameters: [String: RuleParameter] = [:]
    /// The requirement in plain words, when the author wrote one.
    public var description: LocalizedText? = nil
    /// How a report longer than a year is judged: per calendar year (`per: year`, the default,
    /// for duties that recur yearly) or once on the whole period (`per: report`, for consistency
    /// checks between a report's own totals).
    public var perYear = true
    /// A tracked metric (`metric: true`): the rule records a value (its `actual`) and never
    /// fails; it carries weight 0 and severity info. Missing evidence is still reported.
    public var isMetric = false
    /// The citations an overlay gave for parameter values it changed (also in `basis`).
    public var parameterBasis: [Citation] = []

    /// A definition with the given properties; ``declaredParameters`` starts as `parameters`, and
    /// the other properties take their defaults.
    public init(id: String, title: LocalizedText, basis: [Citation], appliesTo: [UnitKind], inForce: DateWindow,
                severity: Severity, category: String, weight: Double, parameters: [String: RuleParameter],
                message: LocalizedText, examples: [RuleExample], location: SourceLocation, ruleSet: String) {
        self.id = id
        self.title = title
        self.basis = basis
        self.appliesTo = appliesTo
        self.inForce = inForce
        self.severity = severity
        self.category = category
        self.weight = weight
        self.parameters = parameters
        self.message = message
        self.examples = examples
        self.location = location
        self.ruleSet = ruleSet
        declaredParameters = parameters
    }

    /// `law` when any citation is law, else `policy`; a rule whose parameters an overlay changed
    /// takes the kind of the overlay's citations (a provincial target on a legal duty is policy).
    public var kind: BasisKind {
        let decisive = parameterBasis.isEmpty ? basis : parameterBasis
        return decisive.contains { $0.kind == .law } ? .law : .policy
    }
    /// The strongest basis among the citations of the rule's kind (a law rule's strength is its
    /// best law citation's).
    public var strength: BasisStrength {
        basis.filter { $0.kind == kind }.map(\.strength).max() ?? .unverified
    }
}

/// One executable requirement: its definition with its conditions type-checked and its message
/// templates parsed, once, when the rule set is compiled. Every property of the definition reads
/// through (`rule.id`, `rule.severity`).
@dynamicMemberLookup
public struct Rule: Sendable {
    /// The rule's parts live in one shared, copy-on-write box: every result refers to its rule,
    /// and copying a rule (into each of 10^5 reports' results) is one reference count, not one
    /// per field.
    private final class Storage: @unchecked Sendable {
        var definition: RuleDefinition { didSet { derive() } }
        /// The basis as findings cite it, per language (``Citation/cited(_:_:)``).
        var citations: (vi: String, en: String) = ("", "")
        /// The parameters' values by name, as expressions read them.
        var parameterValues: [String: Value] = [:]
        var when: Expression? { didSet { derive() } }
        var expect: Expression { didSet { derive() } }
        var template: MessageTemplate
        /// Every fact path `when` and `expect` read, in order.
        var factsRead: [String] = []
        /// Copies of the definition's most read properties: reading one through `definition`
        /// copies the whole definition (it has observers), and through a key path costs more.
        var id = "", severity = Severity.error, category = "", weight = 1.0, isMetric = false
        var location = SourceLocation(file: "", line: 1, column: 1), inForce = DateWindow.always
        /// How many nodes `expect` has (its evaluation record is sized to it).
        var expectNodes = 0

        init(definition: RuleDefinition, when: Expression?, expect: Expression, template: MessageTemplate,
             citations: (vi: String, en: String)? = nil) {
            self.definition = definition
            self.when = when
            self.expect = expect
            self.template = template
            derive(citations: citations)
        }

        /// What is worked out once from the definition and the conditions, not per report (the
        /// citations are given when a compiled rule set recorded them).
        func derive(citations known: (vi: String, en: String)? = nil) {
            id = definition.id
            severity = definition.severity
            category = definition.category
            weight = definition.weight
            isMetric = definition.isMetric
            location = definition.location
            inForce = definition.inForce
            expectNodes = expect.shape.nodes
            citations = known ?? (Citation.cited(definition.basis, .vi), Citation.cited(definition.basis, .en))
            parameterValues = definition.parameters.mapValues(\.value)
            var seen = Set<String>()
            factsRead = []
            for e in [when, expect].compactMap({ $0 }) {
                for p in e.factPaths where seen.insert(p).inserted { factsRead.append(p) }
            }
        }

        func copy() -> Storage { Storage(definition: definition, when: when, expect: expect, template: template) }
    }

    private var storage: Storage

    /// Whether `other` is this rule, unchanged (the same box).
    func isSame(as other: Rule) -> Bool { storage === other.storage }

    /// Gives this value its own box before a write (copy-on-write), so no other copy changes.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// What the rule says, as read from its rule set and overlays.
    public var definition: RuleDefinition {
        get { storage.definition }
        set { unique(); storage.definition = newValue }
    }
    /// The precondition: false makes the rule not applicable.
    package var when: Expression? {
        get { storage.when }
        set { unique(); storage.when = newValue }
    }
    /// The requirement.
    package var expect: Expression {
        get { storage.expect }
        set { unique(); storage.expect = newValue }
    }
    /// The failure message, parsed.
    public var template: MessageTemplate {
        get { storage.template }
        set { unique(); storage.template = newValue }
    }

    /// The basis as a finding cites it, in `lang`.
    package func basisText(_ lang: Language) -> String { lang == .vi ? storage.citations.vi : storage.citations.en }

    package init(_ definition: RuleDefinition, when: Expression?, expect: Expression) {
        storage = Storage(definition: definition, when: when, expect: expect, template: MessageTemplate(definition.message))
    }

    /// A rule read from a compiled rule set, with the template and citations it recorded.
    package init(_ definition: RuleDefinition, when: Expression?, expect: Expression, template: MessageTemplate,
                 citations: (vi: String, en: String)) {
        storage = Storage(definition: definition, when: when, expect: expect, template: template, citations: citations)
    }

    /// A property of the definition, read and written through (`rule.severity`); reading does
    /// not copy the definition.
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<RuleDefinition, T>) -> T {
        get { storage.definition[keyPath: keyPath] }
        set { unique(); storage.definition[keyPath: keyPath] = newValue }
    }

    /// A computed property of the definition, read through (`rule.kind`).
    public subscript<T>(dynamicMember keyPath: KeyPath<RuleDefinition, T>) -> T { storage.definition[keyPath: keyPath] }

    // The properties every report reads, as plain accessors (read only; write them through
    // `definition`): through the key-path subscript above, each read of `rule.id` cost about
    // 3,500 instructions (a key path projection).

    /// The rule's stable id (``RuleDefinition/id``).
    public var id: String { storage.id }
    /// The severity a failure carries (``RuleDefinition/severity``).
    public var severity: Severity { storage.severity }
    /// The scorecard category (``RuleDefinition/category``).
    public var category: String { storage.category }
    /// The rule's weight in scores (``RuleDefinition/weight``).
    public var weight: Double { storage.weight }
    /// Where the rule is written (``RuleDefinition/location``).
    public var location: SourceLocation { storage.location }
    /// When the rule is in force (``RuleDefinition/inForce``).
    public var inForce: DateWindow { storage.inForce }
    /// A tracked metric (``RuleDefinition/isMetric``).
    public var isMetric: Bool { storage.isMetric }
    /// How many nodes the requirement's expression has.
    var expectNodes: Int { storage.expectNodes }
    /// The precondition and the requirement compiled for evaluation, with the parameters'
    /// values, reading the facts declared in `slots` by slot.
    func programs(slots: FactSlots) -> (when: Program?, expect: Program) {
        (when.map { Program($0, parameters: parameterValues, slots: slots) },
         Program(expect, parameters: parameterValues, slots: slots, nodes: expectNodes, recorded: .culprit))
    }

    /// Every fact path the rule reads (for `explain`, templates and missing-evidence messages),
    /// worked out once.
    public var factsRead: [String] { storage.factsRead }

    /// The parameters' values by name, worked out once (expressions read them).
    package var parameterValues: [String: Value] { storage.parameterValues }
}

/// A loaded, validated set of rules, facts and categories, with every rule set
/// it extends already merged in.
public struct RuleSet: Sendable {
    /// The rule set's id (`vn.national`); several top-level files loaded together give their ids
    /// joined with `+`.
    public var id: String
    /// The rule set's version (of the last top-level file).
    public var version: String
    /// The title, in both languages (of the last top-level file).
    public var title: LocalizedText
    /// Declared facts by path.
    public var facts: [String: FactDeclaration] {
        didSet {
            factIndex = FactIndex(facts)
            programs = RulePrograms(rules, slots: factIndex.slots)
        }
    }
    /// Groups and children of the declared facts, worked out once (report validation uses it).
    package private(set) var factIndex: FactIndex
    /// Scorecard categories, by id.
    public var categories: [String: Category]
    /// Rules in id order.
    public var rules: [Rule] {
        didSet {
            ruleIndex = Self.index(rules)
            programs = RulePrograms(rules, slots: factIndex.slots)
        }
    }
    /// Each rule's conditions compiled against the declared facts' slots, by position in ``rules``.
    package private(set) var programs: RulePrograms
    /// Each rule's position in `rules`, by id.
    private var ruleIndex: [String: Int]
    /// The rule-set files that make it up (id, version, SHA-256), itself last.
    public var sources: [RuleSetSource]
    /// The start of the (last) top-level rule-set file.
    public var location: SourceLocation
    /// The scoring model (the last rule set in the `extends` chain that declares one wins).
    public var scoring = ScoringConfig()
    /// Figures parents report about their children, checked in scorecards.
    public var rollups: [RollupDeclaration] = []
    /// Working days, public holidays and Tết (every rule set in the `extends` chain adds to it).
    package var calendar = WorkCalendar()

    init(id: String, version: String, title: LocalizedText, facts: [String: FactDeclaration],
         categories: [String: Category], rules: [Rule], sources: [RuleSetSource], location: SourceLocation) {
        self.id = id
        self.version = version
        self.title = title
        self.facts = facts
        self.factIndex = FactIndex(facts)
        self.categories = categories
        self.rules = rules
        ruleIndex = Self.index(rules)
        programs = RulePrograms(rules, slots: factIndex.slots)
        self.sources = sources
        self.location = location
    }

    private static func index(_ rules: [Rule]) -> [String: Int] {
        Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The declaration for a path, or nil.
    public func fact(_ path: String) -> FactDeclaration? { facts[path] }
    /// The rule with exactly this id, or nil.
    public func rule(_ id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }
    /// The position in ``rules`` of the rule with this id, or nil.
    public func index(of id: String) -> Int? { ruleIndex[id] }
    /// The rule with this id, ignoring case.
    public func rule(caseInsensitive id: String) -> Rule? { rule(id) ?? rules.first { $0.id.lowercased() == id.lowercased() } }
    /// The closest rule id, for "did you mean".
    public func closestRuleID(to id: String) -> String? { Suggest.closest(to: id, in: rules.map(\.id)) }
}

/// The rules' conditions compiled for evaluation (``Program``), reading their rule set's facts
/// by slot: once per rule set, not for every report.
package final class RulePrograms: Sendable {
    let when: [Program?]
    let expect: [Program]
    /// The rules they were compiled from, to tell a rule of the set from another with its id.
    private let rules: [Rule]
    /// Per rule: the kinds of unit it applies to, as bits (``UnitKind/bit``), and whether it is
    /// disabled. Read for every rule of every report: through the rule, each was a read of its
    /// definition by key path, and the kinds a list searched.
    let kinds: [UInt8]
    let disabled: [Bool]
    /// The most nodes of any rule's requirement: an evaluation record this large serves every
    /// rule of a report, made once.
    let maxNodes: Int

    init(_ rules: [Rule], slots: FactSlots) {
        self.rules = rules
        let compiled = rules.map { $0.programs(slots: slots) }
        when = compiled.map(\.when)
        expect = compiled.map(\.expect)
        kinds = rules.map { $0.appliesTo.reduce(0) { $0 | $1.bit } }
        disabled = rules.map(\.disabled)
        maxNodes = rules.lazy.map(\.expectNodes).max() ?? 0
    }

    /// Rule `i`'s programs, if `rule` is the rule they were compiled from.
    func programs(_ i: Int, for rule: Rule) -> (when: Program?, expect: Program)? {
        guard i < rules.count, rules[i].isSame(as: rule) else { return nil }
        return (when[i], expect[i])
    }
}

/// Identity of one rule-set file used in a run, for audit trails.
public struct RuleSetSource: Sendable, Hashable {
    /// The rule-set id the file declares.
    public var id: String
    /// The version the file declares.
    public var version: String
    /// The path the file was read from (for the built-in set, e.g. `rules/national.yaml`).
    public var file: String
    /// Hex SHA-256 of the file's bytes.
    public var sha256: String
}

extension RuleSet {
    /// A rule set with nothing in it (used to report when loading failed).
    public static let empty = RuleSet(id: "", version: "", title: LocalizedText(vi: "", en: ""), facts: [:], categories: [:],
                                      rules: [], sources: [], location: Mark.start.located(in: ""))
}

/// Each declared fact's slot: its place among the declared paths in sorted order. A report's
/// facts are held by slot (``ReportFacts``), and a rule's program, compiled against its rule
/// set's slots (``RulePrograms``), reads them by slot: finding each by its path in a dictionary
/// was a hash of the path for every fact a report gives and every fact a rule reads. Groups are
/// numbered too, with the names under each, so that a report is read a group at a time.
package final class FactSlots: Sendable {
    /// The declared paths, sorted: slot `i` is `paths[i]`.
    let paths: [String]
    /// The declarations, by slot.
    let declarations: [FactDeclaration]
    private let slotByPath: [String: Int]

    /// What a name written in a mapping is: a declared fact, or a group of them.
    enum Member: Sendable { case fact(Int), group(Int) }
    /// The groups' paths, by number: 0 is the report's top level (`""`).
    let groupPaths: [String]
    private let groupByPath: [String: Int]
    /// The names under each group, by group number: a report's nested keys are looked up here
    /// one level at a time, with no path made for each (only a dotted key needs its path).
    private let members: [[String: Member]]
    /// The same names as bytes, by group, for a reader that has a key's bytes and no string:
    /// a group's names are a dozen or so, found by length and then bytes, with nothing hashed.
    private let memberBytes: [(names: ByteNames, members: [Member])]
    /// Each list fact's field names as bytes, by slot (none for other facts): `n` is the field
    /// `fields[n]` of its declaration.
    private let fieldBytes: [ByteNames]
    /// The group each fact is directly in, by slot, and the group each group is in, by number
    /// (the top level, 0, is in itself): where a missing fact should be written is found by
    /// number.
    let parentGroup: [Int]
    let groupParent: [Int]
    /// What a result missing only the fact in a slot cites, by slot: its path, and its name
    /// (label and path). Made once: most missing results miss one declared fact, and each made
    /// these two one-element arrays again.
    let missingPath: [[String]]
    let missingName: [[FactName]]

    /// `sorted` is `facts`' paths in order. `visit` is told each part of each path, with the
    /// path of the group it is in (`""` at the top) and whether it is the fact itself, for
    /// ``FactIndex`` to gather the names under each group in the same pass.
    init(_ facts: [String: FactDeclaration], sorted: [String],
         visit: (_ group: String, _ name: Substring, _ isFact: Bool) -> Void = { _, _, _ in }) {
        paths = sorted
        declarations = paths.map { facts[$0]! }
        var slotByPath: [String: Int] = [:]
        slotByPath.reserveCapacity(sorted.count)
        var groupPaths = [""], groupByPath = ["": 0], members: [[String: Member]] = [[:]]
        var parentGroup: [Int] = [], groupParent = [0]
        parentGroup.reserveCapacity(sorted.count)
        for (slot, path) in sorted.enumerated() {
            slotByPath[path] = slot
            // Split at each dot by hand: the generic `split` cost a few thousand instructions a
            // path, at start-up.
            var group = 0, start = path.startIndex
            let utf8 = path.utf8
            var i = utf8.startIndex
            while i != utf8.endIndex {
                if utf8[i] == UInt8(ascii: ".") {
                    let part = path[start..<i]
                    visit(groupPaths[group], part, false)
                    let name = String(part)
                    let groupPath = group == 0 ? name : groupPaths[group] + "." + name
                    let next: Int
                    if let known = groupByPath[groupPath] {
                        next = known
                    } else {
                        next = groupPaths.count
                        groupPaths.append(groupPath)
                        groupByPath[groupPath] = next
                        groupParent.append(group)
                        members.append([:])
                    }
                    // A declared fact wins over a group of the same name (as a report is read).
                    if case .fact? = members[group][name] {} else { members[group][name] = .group(next) }
                    group = next
                    start = utf8.index(after: i)
                }
                i = utf8.index(after: i)
            }
            let leaf = path[start...]
            visit(groupPaths[group], leaf, true)
            members[group][String(leaf)] = .fact(slot)
            parentGroup.append(group)
        }
        self.parentGroup = parentGroup
        self.groupParent = groupParent
        self.slotByPath = slotByPath
        self.groupPaths = groupPaths
        self.groupByPath = groupByPath
        self.members = members
        memberBytes = members.map { group in
            let sorted = group.sorted { $0.key < $1.key }
            return (ByteNames(sorted.map(\.key)), sorted.map(\.value))
        }
        fieldBytes = declarations.map { declaration in
            if case .list(let fields) = declaration.type { ByteNames(fields.map(\.path)) } else { ByteNames([]) }
        }
        missingPath = paths.map { [$0] }
        missingName = zip(paths, declarations).map { [FactName(label: $1.label, path: $0)] }
    }

    /// No facts declared (a report's facts before they are read).
    static let none = FactSlots([:], sorted: [])

    /// The slot of the fact declared at `path`.
    func slot(_ path: String) -> Int? { slotByPath[path] }
    /// The number of the group at `path` (`""` is 0).
    func group(_ path: String) -> Int? { groupByPath[path] }
    /// What `name` is directly under group `group`.
    func member(_ name: String, in group: Int) -> Member? { members[group][name] }
    /// What the name whose UTF-8 bytes are `name` is directly under group `group`.
    func member(_ name: UnsafeBufferPointer<UInt8>, in group: Int) -> Member? {
        memberBytes[group].names.index(of: name).map { memberBytes[group].members[$0] }
    }
    /// The number of the field whose name's UTF-8 bytes are `name`, in the declaration of the
    /// list fact in `slot`.
    func field(_ name: UnsafeBufferPointer<UInt8>, of slot: Int) -> Int? { fieldBytes[slot].index(of: name) }
}

/// A few names as UTF-8, one after another, found by their bytes: for a reader that has a
/// key's bytes and no string. The dozen or so names of a group are compared by length and then
/// bytes, with nothing hashed.
struct ByteNames: Sendable {
    private var bytes: [UInt8] = []
    private var names: [(start: Int, count: Int)] = []

    init(_ names: [String]) {
        for name in names {
            self.names.append((bytes.count, name.utf8.count))
            bytes.append(contentsOf: name.utf8)
        }
    }

    /// The index of `name` among the names.
    func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let key = name.baseAddress else { return names.firstIndex { $0.count == 0 } }
        return bytes.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            for (i, entry) in names.enumerated() where entry.count == name.count && memcmp(base + entry.start, key, name.count) == 0 {
                return i
            }
            return nil
        }
    }
}

/// The shape of the declared facts: the names directly under each group, and which full path a
/// leaf name belongs to (for "did you mean"); the facts' slots and groups (``FactSlots``).
package struct FactIndex: Sendable {
    /// The names at a report's top level (`complaints`, `one_stop`…).
    let topLevel: Set<String>
    private let childrenByGroup: [String: [String]]
    private let pathByLeaf: [String: String]
    /// Each declared fact's slot.
    let slots: FactSlots

    init(_ facts: [String: FactDeclaration]) {
        var children: [String: Set<String>] = [:]
        var leaves: [String: String] = [:]
        slots = FactSlots(facts, sorted: facts.keys.sorted()) { group, name, isFact in
            let name = String(name)
            children[group, default: []].insert(name)
            if isFact, leaves[name] == nil { leaves[name] = group.isEmpty ? name : group + "." + name }
        }
        self.childrenByGroup = children.mapValues { $0.sorted() }
        self.topLevel = children[""] ?? []
        self.pathByLeaf = leaves
    }

    /// The names directly under `group` (`""` is the report's top level), sorted.
    func children(of group: String) -> [String] { childrenByGroup[group] ?? [] }

    /// The first declared path (in sorted order) ending in `.leaf`.
    func declared(leaf: String) -> String? {
        guard let p = pathByLeaf[leaf], p != leaf else { return nil }
        return p
    }
}
