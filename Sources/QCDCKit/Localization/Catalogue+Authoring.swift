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
    static let schemaUnitCode = Message("authoring.schema_unit_code", vi: "Mã đơn vị (đặt trong ngoặc kép)", en: "Unit code (quoted)")
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

// MARK: explain
extension Message {
    static let explainRuleSet = Message("explain.rule_set", vi: "Bộ quy tắc", en: "Rule set")
    static let explainAppliesTo = Message("explain.applies_to", vi: "Áp dụng cho", en: "Applies to")
    static let explainInForce = Message("explain.in_force", vi: "Hiệu lực", en: "In force")
    static let explainSeverity = Message("explain.severity", vi: "Mức độ", en: "Severity")
    static let explainCategory = Message("explain.category", vi: "Nhóm", en: "Category")
    static let explainWeight = Message("explain.weight", vi: "Trọng số", en: "Weight")
    static let explainDisabled = Message("explain.disabled", vi: "ĐÃ TẮT bởi bộ quy tắc bổ sung", en: "DISABLED by an overlay")
    static func explainBasis(kind: String, strength: String) -> Message {
        Message("explain.basis", vi: "Căn cứ (\(kind), độ tin cậy: \(strength))", en: "Basis (\(kind), strength: \(strength))")
    }
    static let explainNote = Message("explain.note", vi: "Ghi chú", en: "Note")
    static let explainFactsRead = Message("explain.facts_read", vi: "Số liệu sử dụng", en: "Facts read")
    static let explainOnlyWhen = Message("explain.only_when", vi: "Chỉ áp dụng khi", en: "Only when")
    static let explainInWords = Message("explain.in_words", vi: "bằng lời", en: "in words")
    static let explainAsWritten = Message("explain.as_written", vi: "như viết", en: "as written")
    static let explainRequirement = Message("explain.requirement", vi: "Yêu cầu", en: "Requirement")
    static let explainParameters = Message("explain.parameters", vi: "Tham số", en: "Parameters")
    static func explainOverridden(own: Value, at location: SourceLocation) -> Message {
        Message("explain.overridden", vi: "bộ quy tắc bổ sung thay cho \(own), tại \(location)", en: "set by an overlay instead of \(own), at \(location)")
    }
    static let explainExamples = Message("explain.examples", vi: "Ví dụ", en: "Examples")
    static let explainOn = Message("explain.on", vi: "trên", en: "on")
    static let explainPeriodJudged = Message("explain.period_judged", vi: "Kỳ được đánh giá", en: "Period judged")
    static let explainReason = Message("explain.reason", vi: "Lý do", en: "Reason")
    static let explainExpected = Message("explain.expected", vi: "Yêu cầu", en: "Expected")
    static let explainActual = Message("explain.actual", vi: "Thực tế", en: "Actual")
    static func explainFlagged(_ what: String, at location: FindingLocation) -> Message {
        Message("explain.flagged", vi: "Vụ việc: \(what) tại \(location)", en: "Flagged: \(what) at \(location)")
    }
    static let explainSubExpressions = Message("explain.sub_expressions", vi: "Giá trị từng biểu thức con", en: "Each sub-expression's value")

    // MARK: expressions in words

    static func inWordsNot(_ a: String) -> Message { Message("words.not", vi: "không phải (\(a))", en: "not (\(a))") }
    static func inWords(_ l: String, _ op: BinaryOperator, _ r: String) -> Message {
        switch op {
        case .and: Message("words.and", vi: "\(l) và \(r)", en: "\(l) and \(r)")
        case .or: Message("words.or", vi: "\(l) hoặc \(r)", en: "\(l) or \(r)")
        case .in: Message("words.in", vi: "\(l) thuộc \(r)", en: "\(l) is one of \(r)")
        default: Message("words.not_in", vi: "\(l) không thuộc \(r)", en: "\(l) is not one of \(r)")
        }
    }
    static func inWords(_ agg: Aggregate, list l: String, filter f: String?, body b: String) -> Message {
        let wvi = f.map { " có \($0)" } ?? "", wen = f.map { " where \($0)" } ?? ""
        switch agg {
        case .count: return Message("words.count", vi: "số mục trong \(l)\(wvi)", en: "the number of entries in \(l)\(wen)")
        case .sum: return Message("words.sum", vi: "tổng \(b) trên \(l)\(wvi)", en: "the sum of \(b) over \(l)\(wen)")
        case .min: return Message("words.min", vi: "giá trị nhỏ nhất của \(b) trên \(l)\(wvi)", en: "the smallest \(b) over \(l)\(wen)")
        case .max: return Message("words.max", vi: "giá trị lớn nhất của \(b) trên \(l)\(wvi)", en: "the largest \(b) over \(l)\(wen)")
        case .all: return Message("words.all", vi: "mọi mục trong \(l)\(wvi) đều thỏa: \(b)", en: "every entry in \(l)\(wen) satisfies: \(b)")
        case .any: return Message("words.any", vi: "có ít nhất một mục trong \(l)\(wvi) thỏa: \(b)", en: "at least one entry in \(l)\(wen) satisfies: \(b)")
        case .perWeek:
            return Message("words.per_week", vi: "số ngày ít nhất trong một tuần (theo \(b) của \(l)\(wvi))", en: "the fewest days in any week (by \(b) of \(l)\(wen))")
        case .perMonth:
            return Message("words.per_month", vi: "số ngày ít nhất trong một tháng (theo \(b) của \(l)\(wvi))", en: "the fewest days in any month (by \(b) of \(l)\(wen))")
        }
    }

    // MARK: template

    static func templateTitle(kind: UnitKind, year: Int) -> Message {
        Message("template.title", vi: "Báo cáo thực hiện dân chủ ở cơ sở — \(kind.name(.vi)) (`\(kind.rawValue)`), \(year)",
                en: "Grassroots-democracy report — \(kind.rawValue), \(year)")
    }
    static func templateMadeBy(version: String, ruleSet: String, ruleSetVersion: String) -> Message {
        Message("template.made_by", vi: "Tạo bởi qcdc \(version) từ bộ quy tắc \(ruleSet) \(ruleSetVersion).",
                en: "Made by qcdc \(version) from rule set \(ruleSet) \(ruleSetVersion).")
    }
    static let templateFillIn = Message("template.fill_in",
        vi: "Điền số liệu vào sau dấu hai chấm. Để trống mục chưa có số liệu: qcdc sẽ báo \"thiếu dữ liệu\", không coi là vi phạm.",
        en: "Fill in the values after the colons. Leave blank what you do not know: qcdc reports it as missing evidence, not as a violation.")
    static let templateWriteZero = Message("template.write_zero", vi: "Ghi 0 (hoặc [] với danh sách) khi thực tế là không có.",
                                           en: "Write 0 (or [] for a list) when the true answer is none.")
    static let templateYesNo = Message("template.yes_no", vi: "Câu hỏi có/không: ghi `true` (có) hoặc `false` (không).",
                                       en: "Yes/no questions: write true or false.")
    static let templateCheckIt = Message("template.check_it", vi: "Kiểm tra: `qcdc check <tệp này>`", en: "Check it: qcdc check <this file>")
    static let templateUnitCode = Message("template.unit_code", vi: "mã đơn vị (đặt trong ngoặc kép, ví dụ \"00123\")", en: "unit code (quoted, e.g. \"00123\")")
    static let templateUnitCodeColumn = Message("template.unit_code_column", vi: "mã đơn vị (giữ số 0 ở đầu)", en: "unit code (keep leading zeros)")
    static let templateKindColumn = Message("template.kind_column", vi: "loại đơn vị", en: "unit kind")
    static let templateSubtypeColumn = Message("template.subtype_column", vi: "xã / phường / đặc khu (xa, phuong, dac_khu)", en: "commune type (xa, phuong, dac_khu)")
    static let templateYearColumn = Message("template.year_column", vi: "năm báo cáo", en: "reporting year")
    static let templateUnitSheetName = Message("template.unit_sheet_name", vi: "Đơn vị", en: "Unit")
    static let templateKeyColumn = Message("template.key_column", vi: "Mã số liệu (không sửa)", en: "Key (do not change)")
    static let templateValueColumn = Message("template.value_column", vi: "Giá trị (điền vào đây)", en: "Value (fill in here)")
    static let templateSheetName = Message("template.sheet_name", vi: "Báo cáo", en: "Report")
    static let templateBasisSheetName = Message("template.basis_sheet_name", vi: "Căn cứ", en: "Basis")
    static let templateBasisKey = Message("template.basis_key", vi: "Mã cột (dòng 2, ẩn)", en: "Column key (row 2, hidden)")
    static let templateBasisLabel = Message("template.basis_label", vi: "Số liệu", en: "Fact")
    static let templateBasisType = Message("template.basis_type", vi: "Kiểu", en: "Type")
    static let templateCellRejected = Message("template.cell_rejected", vi: "Giá trị không hợp lệ cho cột này: xem dòng 3 (kiểu, giới hạn) và trang Căn cứ. Để trống nếu chưa có số liệu.",
                                              en: "Not a valid value for this column: see row 3 (type, bounds) and the Basis sheet. Leave it blank when there is no figure.")
    static let templateUnitName = Message("template.unit_name", vi: "tên đơn vị", en: "unit name")
    static let templateParent = Message("template.parent", vi: "mã đơn vị cấp trên", en: "code of the unit above")
    static let templateBasis = Message("template.basis", vi: "Căn cứ", en: "Basis")
    static let templateExample = Message("template.example", vi: "Ví dụ", en: "e.g.")
    static func templateType(_ t: FactType) -> Message {
        switch t {
        case .integer: Message("template.type.integer", vi: "số nguyên", en: "integer")
        case .number: Message("template.type.number", vi: "số", en: "number")
        case .percent: Message("template.type.percent", vi: "tỷ lệ phần trăm, ví dụ 95%", en: "percentage, e.g. 95%")
        case .boolean: Message("template.type.boolean", vi: "`true` (có) / `false` (không)", en: "true / false")
        case .date: Message("template.type.date", vi: "ngày YYYY-MM-DD (năm-tháng-ngày)", en: "date YYYY-MM-DD")
        case .string: Message("template.type.string", vi: "văn bản", en: "text")
        case .enumeration(let v): .verbatim(v.map { "`\($0)`" }.joined(separator: " | "))
        case .list: Message("template.type.list", vi: "danh sách, mỗi mục:", en: "a list; each entry:")
        }
    }
}
