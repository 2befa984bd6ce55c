/// The kinds of unit that report.
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case province, commune, district, agency
    case publicServiceUnit = "public_service_unit"
    case stateEnterprise = "state_enterprise"
    case enterprise

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// District-level units stopped operating on 1 July 2025 (two-tier reform).
    public static let districtAbolished = Day(year: 2025, month: 7, day: 1)!
}

/// The severity a rule's failure carries.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, warning, error
    var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// What a fact may hold, as declared in a rule set.
public indirect enum FactType: Sendable, Hashable {
    case integer, number, percent, boolean, date, string
    case enumeration([String])
    /// A list of records with their own declared fields.
    case list([FactDeclaration])

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
    public var type: FactType
    public var unit: LocalizedText?
    public var label: LocalizedText
    public var description: LocalizedText?
    public var minimum: Double?
    public var maximum: Double?
    /// The rule set file and position that declared it.
    public var location: SourceLocation
    /// A period total (the default) or a standing state.
    public var scope: FactScope = .period

    public var exprType: ExprType {
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
    public var fields: [FactDeclaration] {
        if case .list(let f) = type { return f }
        return []
    }
}

/// A scorecard dimension.
public struct Category: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var weight: Double
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
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A citation of the legal (or policy) basis of a rule.
public struct Citation: Sendable, Hashable {
    public var kind: BasisKind
    /// How firmly the provision was read.
    public var strength: BasisStrength = .unverified
    /// Document number, e.g. `10/2022/QH15`.
    public var document: String
    public var name: LocalizedText?
    public var article: String?
    public var clause: String?
    public var point: String?
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
}

/// A worked example carried by a rule; the test suite and `qcdc rules lint` run it.
public struct RuleExample: Sendable {
    public var expected: RuleStatus
    public var name: LocalizedText?
    public var kind: UnitKind?
    public var period: Period?
    /// The facts of the example report (a mapping).
    package var facts: Node
    public var location: SourceLocation
}

/// A parameter value a rule declares and an overlay may change.
public struct RuleParameter: Sendable {
    public var name: String
    public var value: Value
    public var type: ExprType
    public var location: SourceLocation
}

/// What a rule says, as its `rules:` entry is read: everything but its compiled conditions.
public struct RuleDefinition: Sendable {
    public var id: String
    public var title: LocalizedText
    public var basis: [Citation]
    public var appliesTo: [UnitKind]
    public var inForce: DateWindow
    public var severity: Severity
    public var category: String
    public var weight: Double
    public var parameters: [String: RuleParameter]
    public var message: LocalizedText
    public var examples: [RuleExample]
    /// Where the rule is written (its `id`), and which rule set it belongs to.
    public var location: SourceLocation
    public var ruleSet: String
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
    public var definition: RuleDefinition
    /// The precondition: false makes the rule not applicable.
    package var when: Expression?
    /// The requirement.
    package var expect: Expression
    /// The failure message, parsed.
    public var template: MessageTemplate

    package init(_ definition: RuleDefinition, when: Expression?, expect: Expression) {
        self.definition = definition
        self.when = when
        self.expect = expect
        template = MessageTemplate(definition.message)
    }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<RuleDefinition, T>) -> T {
        get { definition[keyPath: keyPath] }
        set { definition[keyPath: keyPath] = newValue }
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<RuleDefinition, T>) -> T { definition[keyPath: keyPath] }

    /// Every fact path the rule reads (for `explain`, templates and missing-evidence messages).
    public var factsRead: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for e in [when, expect].compactMap({ $0 }) {
            for p in e.factPaths where seen.insert(p).inserted { out.append(p) }
        }
        return out
    }
}

/// A loaded, validated set of rules, facts and categories, with every rule set
/// it extends already merged in.
public struct RuleSet: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    /// Declared facts by path.
    public var facts: [String: FactDeclaration] { didSet { factIndex = FactIndex(facts) } }
    /// Groups and children of the declared facts, worked out once (report validation uses it).
    public private(set) var factIndex: FactIndex
    public var categories: [String: Category]
    /// Rules in id order.
    public var rules: [Rule] { didSet { ruleIndex = Self.index(rules) } }
    /// Each rule's position in `rules`, by id.
    private var ruleIndex: [String: Int]
    /// The rule-set files that make it up (id, version, SHA-256), itself last.
    public var sources: [RuleSetSource]
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
        self.sources = sources
        self.location = location
    }

    private static func index(_ rules: [Rule]) -> [String: Int] {
        Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The declaration for a path, or nil.
    public func fact(_ path: String) -> FactDeclaration? { facts[path] }
    public func rule(_ id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }
    /// The rule with this id, ignoring case.
    public func rule(caseInsensitive id: String) -> Rule? { rule(id) ?? rules.first { $0.id.lowercased() == id.lowercased() } }
    /// The closest rule id, for "did you mean".
    public func closestRuleID(to id: String) -> String? { Suggest.closest(to: id, in: rules.map(\.id)) }
}

/// Identity of one rule-set file used in a run, for audit trails.
public struct RuleSetSource: Sendable, Hashable {
    public var id: String
    public var version: String
    public var file: String
    /// Hex SHA-256 of the file's bytes.
    public var sha256: String
}

extension RuleSet {
    /// A rule set with nothing in it (used to report when loading failed).
    public static let empty = RuleSet(id: "", version: "", title: LocalizedText(vi: "", en: ""), facts: [:], categories: [:],
                                      rules: [], sources: [], location: Mark.start.located(in: ""))
}

/// The shape of the declared facts: which dotted paths are groups, the names directly under
/// each group, and which full path a leaf name belongs to (for "did you mean").
public struct FactIndex: Sendable {
    /// Group paths (`complaints`) that hold declared facts (`complaints.cases`).
    let groups: Set<String>
    private let childrenByGroup: [String: [String]]
    private let pathByLeaf: [String: String]

    init(_ facts: [String: FactDeclaration]) {
        var groups = Set<String>()
        var children: [String: Set<String>] = [:]
        var leaves: [String: String] = [:]
        for path in facts.keys.sorted() {
            let parts = path.split(separator: ".").map(String.init)
            for i in 0..<parts.count {
                let group = parts[0..<i].joined(separator: ".")
                if i > 0 { groups.insert(group) }
                children[group, default: []].insert(parts[i])
            }
            if let leaf = parts.last, leaves[leaf] == nil { leaves[leaf] = path }
        }
        self.groups = groups
        self.childrenByGroup = children.mapValues { $0.sorted() }
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
