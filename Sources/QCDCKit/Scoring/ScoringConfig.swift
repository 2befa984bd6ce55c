/// How scores are computed, declared in a rule set's `scoring:` section (an overlay may
/// replace it) and overridable from the command line.
public struct ScoringConfig: Sendable {
    /// XCCDF scoring models (NISTIR 7275), by their XCCDF names.
    public enum Model: String, Sendable, CaseIterable {
        /// `urn:xccdf:scoring:flat` — points of passed rules ÷ points of all scored rules (qcdc's default).
        case flat
        /// `urn:xccdf:scoring:flat-unweighted` — as flat, every rule weighing 1.
        case flatUnweighted = "flat-unweighted"
        /// `urn:xccdf:scoring:default` — the weighted mean of category scores (category weights).
        case xccdfDefault = "default"
        /// `urn:xccdf:scoring:absolute` — 100 when every scored rule passes, else 0.
        case absolute

        /// The model's XCCDF URN, e.g. `urn:xccdf:scoring:flat`.
        public var urn: String { "urn:xccdf:scoring:\(rawValue)" }
    }

    /// What missing evidence does to a score.
    public enum MissingPolicy: String, Sendable, CaseIterable {
        /// Counts as failed (default): a unit cannot score by not reporting.
        case fail
        /// Left out of the denominator: the score covers what could be evaluated.
        case exclude
    }

    /// A named score range, e.g. PAPI-like groups.
    public struct Band: Sendable, Hashable {
        /// The band's id (`high`).
        public var id: String
        /// Display name, in both languages.
        public var name: LocalizedText
        /// Lowest score (per cent) in the band.
        public var minimum: Double
    }

    /// How a unit's score is computed.
    public var model: Model
    /// What missing evidence does to a score.
    public var missing: MissingPolicy
    /// Highest band first.
    public var bands: [Band]

    /// A configuration; the bands are sorted highest minimum first.
    public init(model: Model = .flat, missing: MissingPolicy = .fail, bands: [Band] = ScoringConfig.defaultBands) {
        self.model = model
        self.missing = missing
        self.bands = bands.sorted { $0.minimum > $1.minimum }
    }

    /// The bands used when a rule set declares none: high (≥ 90), upper middle (≥ 75),
    /// lower middle (≥ 50), low (≥ 0).
    public static let defaultBands: [Band] = [
        Band(id: "high", name: LocalizedText(vi: "Nhóm cao", en: "High"), minimum: 90),
        Band(id: "upper_middle", name: LocalizedText(vi: "Nhóm trung bình cao", en: "Upper middle"), minimum: 75),
        Band(id: "lower_middle", name: LocalizedText(vi: "Nhóm trung bình thấp", en: "Lower middle"), minimum: 50),
        Band(id: "low", name: LocalizedText(vi: "Nhóm thấp", en: "Low"), minimum: 0),
    ]

    /// The highest band whose minimum the score (per cent) reaches; nil when it reaches none.
    public func band(for score: Double) -> Band? { bands.first { score >= $0.minimum - 1e-9 } }
}

/// A parent's figure about its children that the children's own reports can confirm or
/// contradict, e.g. "129 of 129 communes run one-stop service" against each commune's MC-01.
public struct RollupDeclaration: Sendable {
    /// The roll-up's id (`RU-ONE-STOP`).
    public var id: String
    /// Title, in both languages.
    public var title: LocalizedText
    /// The parent's fact: how many children meet the requirement.
    public var parentFact: String
    /// The parent's fact: how many children there are (optional).
    public var totalFact: String?
    /// The kind of the children counted.
    public var childKind: UnitKind
    /// The rule whose result in each child's report says whether it meets the requirement.
    public var childRule: String
    /// Where the roll-up is declared.
    public var location: SourceLocation
}
