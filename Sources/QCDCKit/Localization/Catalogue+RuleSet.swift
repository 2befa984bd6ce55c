// The catalogue: rule sets, waiver and baseline files read through `NodeReading`, and the
// `ruleset.*` diagnostics of reading, resolving and compiling.

/// What a message is about: a key path in the file (`rules[TTND-C1].severity`), or, for the
/// whole document, the document's name in words.
struct Subject: Sendable {
    let vi: String
    let en: String

    static func path(_ p: String) -> Subject { Subject(vi: p, en: p) }

    static func document(_ kind: DocumentKind) -> Subject {
        switch kind {
        case .ruleSet: Subject(vi: "tệp bộ quy tắc", en: "the rule set")
        case .waiverFile: Subject(vi: "tệp miễn trừ", en: "the waiver file")
        case .baseline: Subject(vi: "tệp đường cơ sở", en: "the baseline")
        case .report: Subject(vi: "báo cáo", en: "the report")
        case .spreadsheet: Subject(vi: "bảng tính", en: "the spreadsheet")
        case .configuration: Subject(vi: "tệp cấu hình", en: "the configuration file")
        case .other: Subject(vi: "tệp", en: "the file")
        }
    }
}

extension Message {
    // MARK: Structure (every YAML document qcdc reads besides reports)

    static func expectedMapping(_ s: Subject, found: Message) -> Message {
        Message("structure.expected_mapping", vi: "\(s.vi): cần một ánh xạ (các dòng khóa: giá trị), nhưng đây là \(found.vi)",
                en: "\(s.en): expected a mapping, found \(found.en)")
    }
    static func unknownKey(_ key: String, in s: Subject) -> Message {
        Message("structure.unknown_key", vi: "khóa '\(key)' không hợp lệ trong \(s.vi)", en: "unknown key '\(key)' in \(s.en)")
    }
    static func missingKey(_ s: Subject, _ key: String) -> Message {
        Message("structure.missing_key", vi: "\(s.vi) thiếu `\(key)`", en: "\(s.en) needs `\(key)`")
    }
    static func expectedTextValue(_ s: Subject, found: Message) -> Message {
        Message("structure.expected_text", vi: "\(s.vi): cần một đoạn văn bản, nhưng đây là \(found.vi)", en: "\(s.en): expected text, found \(found.en)")
    }
    static func notBilingual(_ s: Subject) -> Message {
        Message("structure.not_bilingual", vi: "\(s.vi) phải có cả tiếng Việt và tiếng Anh", en: "\(s.en) must be bilingual")
    }
    static let writeBilingual = Message("note.write_bilingual", vi: "viết dạng {vi: \"…\", en: \"…\"}", en: "write it as {vi: \"…\", en: \"…\"}")
    static func expectedNumber(_ s: Subject, found: Message) -> Message {
        Message("structure.expected_number", vi: "\(s.vi): cần một số, nhưng đây là \(found.vi)", en: "\(s.en): expected a number, found \(found.en)")
    }
    static func notFinite(_ s: Subject, _ text: String) -> Message {
        Message("structure.not_finite", vi: "\(s.vi): \(text) không phải một số hữu hạn", en: "\(s.en): \(text) is not a finite number")
    }
    static func expectedDateValue(_ s: Subject) -> Message {
        Message("structure.expected_date", vi: "\(s.vi): cần một ngày dạng YYYY-MM-DD (năm-tháng-ngày)", en: "\(s.en): expected a date YYYY-MM-DD")
    }
    static func notInCalendarValue(_ s: Subject, _ text: String) -> Message {
        Message("structure.not_in_calendar", vi: "\(s.vi): \(text) không phải một ngày có thật", en: "\(s.en): \(text) is not a date in the calendar")
    }
    static func expectedList(_ s: Subject, found: Message) -> Message {
        Message("structure.expected_list", vi: "\(s.vi): cần một danh sách, nhưng đây là \(found.vi)", en: "\(s.en): expected a list, found \(found.en)")
    }
    static func expectedSingleValue(_ s: Subject) -> Message {
        Message("structure.expected_single", vi: "\(s.vi): cần một giá trị đơn", en: "\(s.en): expected a single value")
    }
    static func expectedBoolean(_ s: Subject) -> Message {
        Message("structure.expected_boolean", vi: "\(s.vi): cần true hoặc false", en: "\(s.en): expected true or false")
    }
    static func weightRange(_ s: Subject, max: Int, found: String) -> Message {
        Message("structure.weight_range", vi: "\(s.vi) phải là một số từ 0 đến \(max), nhưng đây là \(found)",
                en: "\(s.en) must be a number from 0 to \(max), found \(found)")
    }
    static let weightMeaning = Message("note.weight_meaning", vi: "0 là không tính quy tắc vào điểm; 1 là trọng số thông thường",
                                       en: "0 leaves the rule out of scores; 1 is the usual weight")
    static func mustBeOneOf(_ s: Subject, _ values: [String]) -> Message {
        let list = values.joined(separator: ", ")
        return Message("structure.one_of", vi: "\(s.vi) phải là một trong các giá trị: \(list)", en: "\(s.en) must be one of \(list)")
    }

    // MARK: Facts, categories, rules

    static func invalidFactPath(_ s: Subject) -> Message {
        Message("ruleset.invalid_fact_path", vi: "\(s.vi): đường dẫn số liệu là các tên ASCII chữ thường nối bằng dấu chấm",
                en: "\(s.en): paths are lower-case ASCII names joined by dots")
    }
    static let factPathExample = Message("note.fact_path_example", vi: "ví dụ dialogue_conferences.held", en: "e.g. dialogue_conferences.held")
    static func enumNeedsValues(_ s: Subject) -> Message {
        Message("ruleset.enum_values", vi: "\(s.vi): kiểu enum cần `values`", en: "\(s.en): an enum needs `values`")
    }
    static func listNeedsFields(_ s: Subject) -> Message {
        Message("ruleset.list_fields", vi: "\(s.vi): kiểu list cần `fields`", en: "\(s.en): a list needs `fields`")
    }
    static func nestedList(_ s: Subject) -> Message {
        Message("ruleset.nested_list", vi: "\(s.vi): không được lồng danh sách trong bản ghi của danh sách", en: "\(s.en): lists cannot be nested inside list records")
    }
    static func unknownType(_ s: Subject, _ type: String) -> Message {
        Message("ruleset.unknown_type", vi: "\(s.vi): kiểu '\(type)' không tồn tại", en: "\(s.en): unknown type '\(type)'")
    }
    static let factTypes = Message("note.fact_types", vi: "các kiểu: integer, number, percent, boolean, date, string, enum, list",
                                   en: "types: integer, number, percent, boolean, date, string, enum, list")
    static func onlyFor(_ s: Subject, key: String, type: String) -> Message {
        Message("ruleset.only_for", vi: "\(s.vi): `\(key)` chỉ dùng cho kiểu \(type)", en: "\(s.en): `\(key)` is only for \(type)s")
    }
    static func scopeValues(_ s: Subject) -> Message {
        Message("ruleset.scope", vi: "\(s.vi) phải là `period` (tổng số của kỳ báo cáo) hoặc `state` (số liệu hiện có tại thời điểm báo cáo)",
                en: "\(s.en) must be `period` (a total for the reporting period) or `state` (a standing figure)")
    }
    static func invalidRuleID(_ id: String) -> Message {
        Message("ruleset.invalid_rule_id", vi: "mã quy tắc '\(id)' chỉ được gồm chữ ASCII in hoa, chữ số, '-', '_' hoặc '.'",
                en: "rule id '\(id)' must be upper-case ASCII letters, digits, '-', '_' or '.'")
    }
    static func needsCitation(_ s: Subject) -> Message {
        Message("ruleset.needs_citation", vi: "\(s.vi) cần ít nhất một trích dẫn trong `basis`", en: "\(s.en) needs at least one citation in `basis`")
    }
    static func inForceReversed(_ s: Subject, from: Day, until: Day) -> Message {
        Message("ruleset.invalid_window", vi: "\(s.vi): in_force.from (\(from)) sau in_force.until (\(until))",
                en: "\(s.en): in_force.from (\(from)) is after in_force.until (\(until))")
    }
    static func severityValues(_ s: Subject) -> Message {
        Message("ruleset.severity", vi: "\(s.vi) phải là error (lỗi), warning (cảnh báo) hoặc info (thông tin)",
                en: "\(s.en) must be error, warning or info")
    }
    static func exampleStatusValues(_ s: Subject) -> Message {
        Message("ruleset.example_status", vi: "\(s.vi) phải là pass, fail, missing, not_applicable hoặc error",
                en: "\(s.en) must be pass, fail, missing, not_applicable or error")
    }
    static func exampleReportMapping(_ s: Subject) -> Message {
        Message("ruleset.example_report", vi: "\(s.vi) phải là một ánh xạ các số liệu", en: "\(s.en) must be a mapping of facts")
    }
    static func metricShape(_ s: Subject) -> Message {
        Message("ruleset.metric_shape", vi: "\(s.vi): một chỉ số theo dõi có `weight: 0` và `severity: info` (chỉ ghi nhận giá trị, không tính điểm)",
                en: "\(s.en): a metric has `weight: 0` and `severity: info` (it records a value, it does not score)")
    }
    static func perValues(_ s: Subject) -> Message {
        Message("ruleset.per", vi: "\(s.vi) phải là `year` (đánh giá theo từng năm dương lịch với báo cáo dài hơn) hoặc `report` (đánh giá một lần trên cả kỳ)",
                en: "\(s.en) must be `year` (judged per calendar year in longer reports) or `report` (judged once on the whole period)")
    }
    static func strengthValues(_ s: Subject) -> Message {
        Message("ruleset.strength", vi: "\(s.vi) phải là primary, secondary hoặc unverified", en: "\(s.en) must be primary, secondary or unverified")
    }
    static let strengthMeaning = Message("note.strength_meaning",
        vi: "primary: đã đọc văn bản chính thức (hoặc nguồn trích nguyên văn); secondary: diễn giải (báo chí, hỏi đáp, hướng dẫn); unverified: chưa tìm thấy",
        en: "primary: the official text read (or quoted verbatim); secondary: a paraphrase (press, Q&A, guidance); unverified: not found")
    static func basisKindValues(_ s: Subject) -> Message {
        Message("ruleset.basis_kind", vi: "\(s.vi) phải là `law` (pháp luật) hoặc `policy` (chủ trương)", en: "\(s.en) must be `law` or `policy`")
    }
    static let usePolicy = Message("note.use_policy", vi: "dùng `policy` cho nghị quyết, chỉ thị của Đảng và các chỉ tiêu không phải pháp luật",
                                   en: "use `policy` for Party resolutions, directives and targets that are not law")
    static func ruleDefinedTwice(_ id: String, firstLine: Int) -> Message {
        Message("ruleset.duplicate_rule.file", vi: "quy tắc \(id) được khai báo hai lần (lần đầu ở dòng \(firstLine))",
                en: "rule \(id) is defined twice (first at line \(firstLine))")
    }
    static func ruleAlreadyDefined(_ id: String, at location: SourceLocation) -> Message {
        Message("ruleset.duplicate_rule", vi: "quy tắc \(id) đã được khai báo ở \(location)", en: "rule \(id) is already defined at \(location)")
    }
    static let useOverrides = Message("note.use_overrides",
        vi: "mã quy tắc là duy nhất giữa các bộ quy tắc; dùng `overrides` để thay đổi một quy tắc được kế thừa",
        en: "rule ids are unique across rule sets; use `overrides` to change an inherited rule")
    static func factTypeConflict(_ path: String, here: FactType, there: FactType, at location: SourceLocation) -> Message {
        Message("ruleset.fact_conflict", vi: "số liệu '\(path)' được khai báo kiểu \(here.name(.vi)) ở đây và kiểu \(there.name(.vi)) ở \(location)",
                en: "fact '\(path)' is declared as \(here.name) here and as \(there.name) at \(location)")
    }
    static let oneTypePerFact = Message("note.one_type_per_fact", vi: "mỗi số liệu chỉ có một kiểu trong mọi bộ quy tắc",
                                        en: "a fact must have one type across all rule sets")
    static func factsOverlap(_ a: String, _ b: String) -> Message {
        Message("ruleset.fact_overlap", vi: "số liệu '\(a)' và số liệu '\(b)' chồng lên nhau: một số liệu không thể đồng thời là một nhóm",
                en: "fact '\(a)' and fact '\(b)' overlap: a fact cannot also be a group")
    }

    // MARK: Scoring, calendar, roll-ups

    static func bandMinimum(_ s: Subject) -> Message {
        Message("ruleset.band_min", vi: "\(s.vi) là tỷ lệ phần trăm từ 0 đến 100", en: "\(s.en) is a percentage from 0 to 100")
    }
    static let lowestBandAtZero = Message("ruleset.band_zero", vi: "mức xếp loại thấp nhất phải bắt đầu từ 0 để điểm nào cũng có mức",
                                          en: "the lowest band must start at 0 so that every score has a band")
    static let monthDayFormat = Message("ruleset.month_day", vi: "calendar.fixed_days_off: viết tháng và ngày dạng \"MM-DD\", ví dụ \"09-02\"",
                                        en: "calendar.fixed_days_off: write a month and day as \"MM-DD\", e.g. \"09-02\"")
    static func calendarYear(_ s: Subject) -> Message {
        Message("ruleset.calendar_year", vi: "\(s.vi): một năm từ 1990 đến 2100", en: "\(s.en): a year from 1990 to 2100")
    }
    static func notADateOf(_ s: Subject, _ text: String, year: Int) -> Message {
        Message("ruleset.not_date_of_year", vi: "\(s.vi): '\(text)' không phải một ngày của năm \(year)", en: "\(s.en): '\(text)' is not a date of \(year)")
    }
    static func rollupFactNotInteger(_ id: String, key: String, path: String) -> Message {
        Message("ruleset.unknown_fact", vi: "rollup \(id): \(key) '\(path)' không phải số liệu kiểu số nguyên đã khai báo",
                en: "rollup \(id): \(key) '\(path)' is not a declared integer fact")
    }
    static func rollupNoRule(_ id: String, rule: String) -> Message {
        Message("ruleset.unknown_rule.rollup", vi: "rollup \(id): không có quy tắc \(rule)", en: "rollup \(id): no rule \(rule)")
    }

    // MARK: extends and overrides

    static func extendsCycle(_ chain: [String]) -> Message {
        let path = chain.joined(separator: " → ")
        return Message("ruleset.extends_cycle", vi: "`extends` tạo thành vòng lặp: \(path)", en: "`extends` forms a cycle: \(path)")
    }
    static let removeOneExtends = Message("note.remove_extends", vi: "xóa một mục trong `extends`", en: "remove one of the `extends` entries")
    static func cannotReadRuleSet(_ file: String) -> Message {
        Message("ruleset.not_found", vi: "không đọc được tệp bộ quy tắc \(file)", en: "cannot read rule-set file \(file)")
    }
    static let extendsRelative = Message("note.extends_relative",
        vi: "kiểm tra đường dẫn; đường dẫn tương đối trong `extends` tính từ tệp chứa nó",
        en: "check the path; relative `extends` paths are relative to the file that names them")
    static func noRuleSetFiles(_ path: String) -> Message {
        Message("ruleset.not_found.directory", vi: "không có tệp bộ quy tắc (.yaml) nào trong \(path)", en: "no rule-set files (.yaml) in \(path)")
    }
    static func noRuleSetWithID(_ id: String) -> Message {
        Message("ruleset.unknown_extends", vi: "không có bộ quy tắc nào có mã '\(id)'", en: "no rule set with id '\(id)'")
    }
    static let extendsHow = Message("note.extends_how",
        vi: "kế thừa một tệp bằng đường dẫn tương đối (kết thúc bằng .yaml), hoặc một bộ quy tắc có sẵn bằng mã của nó",
        en: "extend a file by its relative path (ending in .yaml), or a built-in set by id")
    static func overrideUnknownRule(_ id: String) -> Message {
        Message("ruleset.unknown_rule.override", vi: "overrides nhắc tới quy tắc \(id), nhưng không bộ quy tắc được kế thừa nào có quy tắc này",
                en: "override names rule \(id), which no extended rule set defines")
    }
    static func noSuchParameter(_ rule: String, _ name: String) -> Message {
        Message("ruleset.unknown_parameter", vi: "quy tắc \(rule) không có tham số '\(name)'", en: "rule \(rule) has no parameter '\(name)'")
    }
    static func parameterType(_ name: String, rule: String, is type: ExprType, given: ExprType) -> Message {
        Message("ruleset.parameter_type", vi: "tham số '\(name)' của quy tắc \(rule) có kiểu \(type), nhưng overrides ghi giá trị kiểu \(given)",
                en: "parameter '\(name)' of rule \(rule) is \(type), but the override gives \(given)")
    }
    static func writeValueOfType(_ type: ExprType, like value: Value) -> Message {
        Message("note.value_of_type", vi: "ghi một giá trị kiểu \(type), ví dụ \(value)", en: "write a value of type \(type), like \(value)")
    }
    static func overrideNeedsBasis(_ id: String) -> Message {
        Message("ruleset.override_basis", vi: "overrides thay đổi tham số của \(id) nhưng không trích dẫn căn cứ cho giá trị mới",
                en: "override of \(id) changes its parameters but cites no basis for the new values")
    }
    static let addOverrideBasis = Message("note.add_override_basis",
        vi: "thêm `basis:` với văn bản quy định giá trị mới, ví dụ [{kind: policy, strength: secondary, document: \"…\"}]",
        en: "add `basis:` with the document that sets them, e.g. [{kind: policy, strength: secondary, document: \"…\"}]")
    static let otherwiseAttributedToLaw = Message("note.attributed_to_law",
        vi: "nếu không, kết quả sẽ quy ngưỡng mới cho văn bản pháp luật của quy tắc quốc gia",
        en: "findings would otherwise attribute the new threshold to the national rule's law")
    static func overrideBasisWithoutParams(_ id: String) -> Message {
        Message("ruleset.override_basis_unused", vi: "overrides của \(id): `basis` trích dẫn nguồn của `params` được thay đổi, nhưng mục này không thay đổi tham số nào",
                en: "override of \(id): `basis` cites the source of changed `params`, and this override changes none")
    }

    // MARK: Compiling

    static func unknownCategory(rule: String, _ category: String) -> Message {
        Message("ruleset.unknown_category", vi: "quy tắc \(rule): nhóm '\(category)' chưa được khai báo", en: "rule \(rule): unknown category '\(category)'")
    }
    static let declareCategory = Message("note.declare_category", vi: "khai báo nhóm trong `categories:`", en: "declare it under `categories:`")
    static func expectedExpression(_ s: Subject) -> Message {
        Message("ruleset.expected_expression", vi: "\(s.vi): cần một biểu thức (văn bản)", en: "\(s.en): expected an expression (text)")
    }
    static func expressionTooLong(_ s: Subject, length: Int, limit: Int) -> Message {
        Message("expression.too_large.length", vi: "\(s.vi): biểu thức dài \(length) ký tự; giới hạn là \(limit)",
                en: "\(s.en): the expression is \(length) characters long; the limit is \(limit)")
    }
    static func expressionTooDeep(_ s: Subject, depth: Int, limit: Int) -> Message {
        Message("expression.too_deep", vi: "\(s.vi): biểu thức lồng \(depth) cấp; giới hạn là \(limit)",
                en: "\(s.en): the expression is \(depth) levels deep; the limit is \(limit)")
    }
    static func expressionTooManyParts(_ s: Subject, parts: Int, limit: Int) -> Message {
        Message("expression.too_large", vi: "\(s.vi): biểu thức có \(parts) thành phần; giới hạn là \(limit)",
                en: "\(s.en): the expression has \(parts) parts; the limit is \(limit)")
    }
    static let splitRequirement = Message("note.split_requirement", vi: "tách yêu cầu thành nhiều quy tắc", en: "split the requirement into several rules")
    static let splitOrComprehension = Message("note.split_or_comprehension",
        vi: "tách yêu cầu thành nhiều quy tắc, hoặc dùng một phép gộp trên danh sách",
        en: "split the requirement into several rules, or use a comprehension over a list")
    static let splitIntoSimpler = Message("note.split_simpler", vi: "tách yêu cầu thành các quy tắc đơn giản hơn", en: "split the requirement into simpler rules")
    static func expensiveNesting(_ s: Subject, depth: Int) -> Message {
        Message("expression.expensive", vi: "\(s.vi): các phép gộp lồng nhau \(depth) cấp; với danh sách 1.000 bản ghi là khoảng 10^\(3 * depth) bước",
                en: "\(s.en): comprehensions nest \(depth) deep; on lists of 1,000 records that is about 10^\(3 * depth) steps")
    }
    static func budgetNote(_ steps: Int) -> Message {
        Message("note.budget", vi: "mỗi quy tắc dừng sau \(steps) bước trên một báo cáo và cho trạng thái không đánh giá được (docs/limits.md)",
                en: "each rule stops after \(steps) steps on a report and gives status error (docs/limits.md)")
    }
    static let seeGrammar = Message("note.see_grammar", vi: "xem ngữ pháp trong docs/expressions.md", en: "see docs/expressions.md for the grammar")
    static func unknownPlaceholder(rule: String, _ name: String) -> Message {
        Message("ruleset.unknown_placeholder", vi: "quy tắc \(rule): chỗ giữ chỗ {\(name)} trong thông báo không trỏ tới gì",
                en: "rule \(rule): message placeholder {\(name)} names nothing")
    }
    static let placeholderKinds = Message("note.placeholders",
        vi: "chỗ giữ chỗ: {actual}, {expected}, {failed}, {count_failed}, {period}, một tham số, hoặc đường dẫn một số liệu",
        en: "placeholders: {actual}, {expected}, {failed}, {count_failed}, {period}, a parameter, or a fact path")

    // MARK: Linting rule sets

    static func metricNeedsExamples(_ id: String) -> Message {
        Message("ruleset.examples_incomplete.metric", vi: "chỉ số \(id) cần ít nhất một ví dụ có giá trị và một ví dụ thiếu dữ liệu",
                en: "metric \(id) needs at least one example that records a value and one that is missing")
    }
    static let addMetricExamples = Message("note.add_metric_examples", vi: "thêm các mục `examples:` với `status: pass` và `status: missing`",
                                           en: "add `examples:` entries with `status: pass` and `status: missing`")
    static func metricFailingExample(_ id: String) -> Message {
        Message("ruleset.metric_fails", vi: "chỉ số \(id) có ví dụ không đạt, nhưng chỉ số theo dõi không bao giờ không đạt",
                en: "metric \(id) has a failing example, but a metric never fails")
    }
    static let removeMetric = Message("note.remove_metric", vi: "bỏ `metric: true` nếu quy tắc đánh giá một yêu cầu",
                                      en: "remove `metric: true` if the rule judges a requirement")
    static func ruleNeedsExamples(_ id: String) -> Message {
        Message("ruleset.examples_incomplete", vi: "quy tắc \(id) cần ít nhất một ví dụ đạt và một ví dụ không đạt",
                en: "rule \(id) needs at least one passing and one failing example")
    }
    static let addExamples = Message("note.add_examples", vi: "thêm các mục `examples:` với `status: pass` và `status: fail`",
                                     en: "add `examples:` entries with `status: pass` and `status: fail`")
    static func ruleCitesNothing(_ id: String) -> Message {
        Message("ruleset.missing_basis", vi: "quy tắc \(id) không trích dẫn căn cứ pháp luật hay chủ trương nào",
                en: "rule \(id) cites no legal or policy basis")
    }
    static func exampleGivesOther(name: LocalizedText?, rule: String, expected: RuleStatus, actual: RuleStatus) -> Message {
        Message("ruleset.example_failed",
                vi: "ví dụ\(name.map { " '\($0.vi)'" } ?? "") của quy tắc \(rule) phải cho kết quả \(expected.rawValue) nhưng cho \(actual.rawValue)",
                en: "example\(name.map { " '\($0.en)'" } ?? "") of rule \(rule) should give \(expected.rawValue) but gives \(actual.rawValue)")
    }
    static func exampleActual(_ text: String) -> Message { Message("note.example_actual", vi: "thực tế: \(text)", en: "actual: \(text)") }
    static func exampleExpected(_ text: String) -> Message { Message("note.example_expected", vi: "yêu cầu: \(text)", en: "expected: \(text)") }
    static func exampleMissing(_ facts: [String]) -> Message {
        let list = facts.joined(separator: ", ")
        return Message("note.example_missing", vi: "thiếu: \(list)", en: "missing: \(list)")
    }
}
