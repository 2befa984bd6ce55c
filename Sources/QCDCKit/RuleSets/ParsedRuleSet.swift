/// One rule-set file as read, before `extends` and `overrides` are resolved.
struct ParsedRuleSet {
    /// The file's identity in a run (`builtin:` prefixed for built-in files).
    var key: String
    var file: String
    var sha256: String
    var id: String
    var version: String
    var title: LocalizedText
    var location: SourceLocation
    /// Rule-set ids or relative paths, with where each is written.
    var extends: [(target: String, mark: Mark)] = []
    var facts: [FactDeclaration] = []
    var categories: [Category] = []
    var rules: [RawRule] = []
    /// Applied by the resolver once the extended sets are merged in.
    var overrides: [Node] = []
    var scoring: ScoringConfig?
    var rollups: [(RollupDeclaration, Node)] = []
    var calendar: WorkCalendar?
}

/// A rule as read: its definition, and its conditions still as YAML text for the compiler.
struct RawRule {
    var rule: RuleDefinition
    var when: Node?
    var expect: Node?
    /// Where `message:` is written (unknown placeholders point there).
    var messageMarks: Mark
}
