// The catalogue: the tools for rule authors and report writers (`rules list|lint|test`,
// `explain`, `template`, `schema`).
extension Message {
    // MARK: rules lint and rules test

    package static func ruleSetInvalid(errors: Int) -> Message {
        Message("authoring.ruleset_invalid", vi: "bộ quy tắc không hợp lệ: \(errors) lỗi", en: "rule set invalid: \(errors) error(s)")
    }
    package static func lintSummary(files: Int, rules: Int, examples: Int, passed: Int) -> Message {
        Message("authoring.lint_summary",
                vi: "\(files) tệp bộ quy tắc, \(rules) quy tắc, \(examples) ví dụ: \(passed) đúng, \(examples - passed) sai",
                en: "\(files) rule-set files, \(rules) rules, \(examples) examples: \(passed) passed, \(examples - passed) failed")
    }
    static func testExamples(passed: Int, total: Int) -> Message {
        Message("authoring.test_examples", vi: "\(passed)/\(total) ví dụ", en: "\(passed)/\(total) examples")
    }
    static let metricLacksExamples = Message("authoring.metric_lacks", vi: "(chỉ số thiếu ví dụ đạt hoặc ví dụ thiếu dữ liệu)",
                                             en: "(metric lacks a passing or a missing-evidence example)")
    static let ruleLacksExamples = Message("authoring.rule_lacks", vi: "(thiếu ví dụ đạt hoặc ví dụ không đạt)", en: "(lacks a passing or a failing example)")
    static let invalidExampleReport = Message("authoring.invalid_example", vi: "báo cáo mẫu không hợp lệ", en: "invalid example report")
    static func exampleExpectedGot(_ expected: String, _ got: String) -> Message {
        Message("authoring.expected_got", vi: "mong đợi \(expected), nhận được \(got)", en: "expected \(expected), got \(got)")
    }
    static func examplesTotal(passed: Int, failed: Int) -> Message {
        Message("authoring.examples_total", vi: "Ví dụ: \(passed) đúng, \(failed) sai", en: "Examples: \(passed) passed, \(failed) failed")
    }
    static func coverage(_ covered: Int, of total: Int, percent: String) -> Message {
        Message("authoring.coverage",
                vi: "Độ phủ: \(covered)/\(total) quy tắc có cả ví dụ đạt và không đạt, hoặc với chỉ số, đạt và thiếu dữ liệu (\(percent)%)",
                en: "Coverage: \(covered)/\(total) rules have both a passing and a failing example, or for metrics a passing and a missing-evidence one (\(percent)%)")
    }
    /// `ĐẠT`/`PASS` and `SAI`/`FAIL` in front of each rule in `rules test`.
    static let testPass = Message("authoring.test_pass", vi: "ĐÚNG", en: "PASS")
    static let testFail = Message("authoring.test_fail", vi: "SAI ", en: "FAIL")

    // MARK: rules list

    static let listHeaderID = Message("authoring.list.id", vi: "MÃ", en: "ID")
    static let listHeaderSeverity = Message("authoring.list.severity", vi: "MỨC ĐỘ", en: "SEVERITY")
    static let listHeaderKind = Message("authoring.list.kind", vi: "LOẠI", en: "KIND")
    static let listHeaderStrength = Message("authoring.list.strength", vi: "CĂN CỨ", en: "STRENGTH")
    static let listHeaderCategory = Message("authoring.list.category", vi: "NHÓM", en: "CATEGORY")
    static let listHeaderInForce = Message("authoring.list.in_force", vi: "HIỆU LỰC", en: "IN FORCE")
    static let listHeaderTitle = Message("authoring.list.title", vi: "TÊN", en: "TITLE")
    static func ruleCount(_ n: Int) -> Message { Message("authoring.rule_count", vi: "\(n) quy tắc", en: "\(n) rules") }
}
