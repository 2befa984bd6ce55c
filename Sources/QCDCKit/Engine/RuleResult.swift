/// The outcome of one rule on one report.
public enum RuleStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The requirement is met.
    case pass
    /// The requirement is not met: non-compliance.
    case fail
    /// A fact the rule needs is absent: insufficient evidence, not non-compliance.
    case missing
    /// The rule does not apply: unit kind, dates in force, or its `when` condition.
    case notApplicable = "not_applicable"
    /// The rule cannot be evaluated on this data (division by zero, overflow).
    case error
    /// A waiver covers the result; kept, never dropped.
    case waived

    var rank: Int {
        switch self {
        case .fail: 0
        case .error: 1
        case .missing: 2
        case .waived: 3
        case .pass: 4
        case .notApplicable: 5
        }
    }
    /// Worst first: `fail`, `error`, `missing`, `waived`, `pass`, `not_applicable`.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Where a finding points: the value it is about, or for `missing`, where the fact should be —
/// a source location plus the fact's path. `file`, `line` and `column` read through.
@dynamicMemberLookup
public struct FindingLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, and the 1-based line and column.
    public var source: SourceLocation
    /// The fact path (`dialogue_conferences.held`, `complaints.cases[2].decided`).
    public var path: String

    /// A location at `source`, about the fact at `path`.
    public init(_ source: SourceLocation, path: String) {
        self.source = source
        self.path = path
    }

    /// A location in `file` at a 1-based `line` and `column`, about the fact at `path`.
    public init(file: String, line: Int, column: Int, path: String) {
        self.init(SourceLocation(file: file, line: line, column: column), path: path)
    }

    /// Where `mark` is in `file`, about `path`.
    init(file: String, mark: Mark, path: String) {
        self.init(mark.located(in: file), path: path)
    }

    /// A property of ``source`` (`file`, `line`, `column`), read through.
    public subscript<T>(dynamicMember keyPath: KeyPath<SourceLocation, T>) -> T { source[keyPath: keyPath] }

    // The four read directly: through the key path, each read copied the location and went
    // through a generic projection (reporters and sorts read them for every result).
    /// The file (``SourceLocation/file``).
    public var file: String { source.file }
    /// The 1-based line (``SourceLocation/line``).
    public var line: Int { source.line }
    /// The 1-based column (``SourceLocation/column``).
    public var column: Int { source.column }
    /// The worksheet, for a spreadsheet row (``SourceLocation/sheet``).
    public var sheet: String? { source.sheet }

    /// `file:line:column`.
    public var description: String { source.description }
}

/// A record flagged by a per-case rule (e.g. a complaint decided late).
public struct FlaggedRecord: Sendable, Hashable {
    /// The record's path (`complaints.cases[2]`).
    public var path: String
    /// The record's `id` field, if it has one.
    public var id: String?
    /// Where the record is written in the report.
    public var location: FindingLocation
}

/// A value put into a failure message: text (numbers, dates, lists, as the report gives them),
/// or a yes/no that is spoken in the reader's language.
public enum MessageValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)

    /// `true`/`false` become a flag; anything else stays text.
    init(_ text: String) {
        switch text {
        case "true": self = .flag(true)
        case "false": self = .flag(false)
        default: self = .text(text)
        }
    }
}

/// Why a result has its status, in no language yet: what ``Localizer`` turns into the
/// result's message and reason.
public enum Explanation: Sendable {
    /// The requirement is met: the message is the rule's title.
    case passed
    /// Not met: the rule's failure message with its placeholders' values; `slice` is the
    /// calendar year of a longer report that failed.
    case failed(values: [String: MessageValue], slice: Period?)
    /// Facts the rule needs are absent: their labels.
    case missing([FactName])
    /// A report of several years gives only totals for the whole period.
    case yearlyFiguresMissing(window: Period, facts: [FactName])
    /// The rule does not apply.
    case notApplicable(NotApplicable)
    // Boxed (`indirect`): a message inline made every explanation, and so every result, 40 bytes
    // larger, for a rare case.
    /// The rule could not be evaluated.
    indirect case unevaluable(Message, slice: Period?)
}

/// Why a rule does not apply to a report.
public enum NotApplicable: Sendable {
    /// Not for this kind of unit.
    case kind(UnitKind)
    /// Not in force during the period.
    case notInForce(DateWindow)
    /// Its `when` condition is false.
    case condition(String)
}

/// A fact named in a message: its label in both languages (when declared) and its path.
public struct FactName: Sendable, Hashable {
    /// The fact's label; nil when the rule set declares none for it.
    public var label: LocalizedText?
    /// The fact's path (`dialogue_conferences.held`).
    public var path: String
}

/// The result of one rule on one report. Language-neutral: ``message(_:)`` and
/// ``reason(_:)`` render it in a language.
public struct RuleResult: Sendable {
    /// The rule evaluated.
    public var rule: Rule
    /// The outcome.
    public var status: RuleStatus
    /// Why it has its status.
    public var explanation: Explanation
    /// What the rule requires, e.g. `>= 1`.
    public var expected: String?
    /// What the report shows, e.g. `0`.
    public var actual: String?
    /// Where the finding points: the value that decided it, or for `missing`, where the first
    /// missing fact should be written.
    public var location: FindingLocation
    /// The part of the report period the rule was judged on.
    public var window: Period?
    /// The records a per-case rule flagged (e.g. complaints decided late), in the order they are
    /// written; empty unless the rule failed.
    public var flagged: [FlaggedRecord]
    /// For `missing`: the paths of the facts the rule needs that the report does not give (or gives
    /// only as totals for a period of several years); empty otherwise.
    public var missingFacts: [String]
    /// For weekly or monthly duties: the weeks (`2026-W06`) or months (`2026-03`) below the minimum.
    public var shortfall: [String] = []
    /// Set when a waiver turned the result into `waived`.
    public var waiver: AppliedWaiver? {
        get { waiverBox?.value }
        set { waiverBox = newValue.map(Box.init) }
    }
    /// The waiver, boxed: held inline it was 150 of a result's 390 bytes, in every result of
    /// every report, where few results are waived.
    private var waiverBox: Box<AppliedWaiver>?
    /// Set when a baseline was given: whether the finding is new or already known.
    public var baselineState: BaselineState? = nil

    /// A result with the given status and explanation, and nothing else yet: no expected or actual
    /// value, window, flagged records or missing facts.
    public init(rule: Rule, status: RuleStatus, explanation: Explanation, location: FindingLocation) {
        self.rule = rule
        self.status = status
        self.explanation = explanation
        self.location = location
        flagged = []
        missingFacts = []
    }

    /// The rule's severity.
    public var severity: Severity { rule.severity }

    /// The sentence for people: the failure message, the title when passed, what is missing.
    public func message(_ lang: Language) -> String { Localizer(lang).message(self) }

    /// Why the rule did not apply or could not be evaluated; nil otherwise.
    public func reason(_ lang: Language) -> String? { reasonMessage?.text(lang) }

    /// ``reason(_:)`` before a language is chosen.
    public var reasonMessage: Message? { Localizer.reason(self) }
}
