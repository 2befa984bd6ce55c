/// The stable identifier of a diagnostic: a namespace for the kind of input and a name,
/// `report.type_mismatch`. Every code is in ``all`` and documented in `docs/diagnostics.md`
/// (a test checks both ways); codes never change meaning.
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// What the problem is in.
    public enum Namespace: String, Sendable, CaseIterable {
        case input, report, ruleset, waiver, baseline, config, expression, output
    }

    /// The kind of input the problem is in.
    public let namespace: Namespace
    /// The name within the namespace (`type_mismatch`).
    public let name: String

    init(_ namespace: Namespace, _ name: String) {
        self.namespace = namespace
        self.name = name
        assert(Self.all.contains(where: { $0.namespace == namespace && $0.name == name }), "undocumented diagnostic code \(namespace).\(name)")
    }

    private init(unchecked namespace: Namespace, _ name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// A code written out: `"report.type_mismatch"` (it must be one of ``all``).
    public init(stringLiteral text: String) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let ns = Namespace(rawValue: parts[0]) else { preconditionFailure("malformed diagnostic code \(text)") }
        self.init(ns, parts[1])
    }

    /// `report.type_mismatch`.
    public var rawValue: String { "\(namespace.rawValue).\(name)" }
    /// The raw value, `report.type_mismatch`.
    public var description: String { rawValue }

    /// By raw value.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Every code qcdc can give.
    public static let all: [DiagnosticCode] = {
        var out: [DiagnosticCode] = []
        func add(_ ns: Namespace, _ names: String) {
            for n in names.split(separator: " ") { out.append(DiagnosticCode(unchecked: ns, String(n))) }
        }
        add(.input, """
            not_found unreadable not_a_file empty no_reports empty_directory skipped too_large encoding invalid_utf8 \
            control_character yaml_syntax merge_key json_syntax duplicate_key complex_key multiple_documents unknown_alias \
            alias_limit too_deep internal invalid_expect csv_syntax not_a_template spreadsheet_layout xlsx_invalid
            """)
        add(.report, """
            not_mapping missing_unit invalid_unit_kind invalid_period invalid_unit_code unknown_unit unit_name_mismatch unit_subtype_mismatch unit_parent_mismatch invisible_character duplicate_report \
            overlapping_period duplicate_fact no_rules_apply diagnostics_capped district_after_reform type_mismatch \
            out_of_range invalid_date unknown_field
            """)
        add(.ruleset, """
            unknown_key missing_key type_mismatch not_bilingual invalid_value invalid_date invalid_window invalid_fact_path \
            unknown_type fact_conflict duplicate_rule invalid_rule_id unknown_category unknown_extends extends_cycle not_found \
            unknown_rule unknown_parameter parameter_type unknown_placeholder examples_incomplete example_failed missing_basis \
            unknown_fact invalid_period unknown_field
            """)
        add(.waiver, """
            unknown_key missing_key type_mismatch not_bilingual invalid_value too_broad invalid_date invalid_period unknown_rule \
            unknown_field expired unused
            """)
        add(.baseline, "unknown_key missing_key type_mismatch not_bilingual invalid_value invalid_date unknown_rule")
        add(.config, "unknown_key missing_key type_mismatch invalid_value")
        add(.expression, "syntax type too_deep too_large expensive")
        add(.output, "is_directory is_input symlink no_directory not_a_file write_failed")
        return out
    }()
}
