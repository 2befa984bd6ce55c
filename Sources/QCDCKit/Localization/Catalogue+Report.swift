// The catalogue: reading reports (the `report.*` diagnostics) and the words they share.
extension Message {
    // MARK: Shared notes

    static func didYouMean(_ word: String) -> Message {
        Message("note.did_you_mean", vi: "có phải ý bạn là '\(word)'?", en: "did you mean '\(word)'?")
    }
    static func declaredAs(_ leaf: String, _ full: String) -> Message {
        Message("note.declared_as", vi: "'\(leaf)' được khai báo là '\(full)'", en: "'\(leaf)' is declared as '\(full)'")
    }
    static func allowedKeys(_ keys: [String]) -> Message {
        let list = keys.joined(separator: ", ")
        return Message("note.allowed_keys", vi: "các khóa được phép: \(list)", en: "allowed: \(list)")
    }
    static func recordFields(_ fields: [String]) -> Message {
        let list = fields.joined(separator: ", ")
        return Message("note.record_fields", vi: "các trường: \(list)", en: "fields: \(list)")
    }
    static func groupFacts(_ facts: [String]) -> Message {
        let list = facts.joined(separator: ", ")
        return Message("note.group_facts", vi: "các số liệu trong nhóm: \(list)", en: "its facts: \(list)")
    }
    static func unitKinds(_ kinds: [UnitKind]) -> Message {
        Message("note.unit_kinds", vi: "các loại đơn vị: " + kinds.map { "`\($0.rawValue)` (\($0.name(.vi)))" }.joined(separator: ", "),
                en: "kinds: " + kinds.map(\.rawValue).joined(separator: ", "))
    }
    static let removeTheQuotes = Message("note.remove_quotes", vi: "bỏ dấu ngoặc kép", en: "remove the quotes")
    static let checkDayAndMonth = Message("note.check_day_month", vi: "kiểm tra lại ngày và tháng", en: "check the day and the month")
    static func writeDate(_ day: Day) -> Message {
        Message("note.write_date", vi: "hãy viết \(day) (năm-tháng-ngày)", en: "write \(day) (year-month-day)")
    }
    static let exampleDate = Message("note.example_date", vi: "ví dụ 2026-03-31 (năm-tháng-ngày)", en: "e.g. 2026-03-31")
    static let fieldIgnored = Message("note.field_ignored", vi: "trường này bị bỏ qua; không quy tắc nào đọc nó",
                                      en: "the field is ignored; no rule reads it")
    static let quoteTextWithComma = Message("note.quote_text_with_comma",
        vi: "nếu đây là một phần của văn bản, hãy đặt văn bản trong dấu ngoặc kép: dấu phẩy trong {…} mở đầu một khóa mới",
        en: "if this is part of a text, quote the text: a comma inside {…} starts a new key")

    // MARK: What a value is

    /// How a value from the input is described in a message: `'bốn'`, an empty value, a list.
    static func found(_ node: Node) -> Message {
        switch node.kind {
        case .scalar(let t, let style):
            let shown = Neutral.visible(t.count > 80 ? String(t.prefix(77)) + "…" : t)
            if let tag = node.tag, tag.hasPrefix("tag:yaml.org,2002:") {
                let name = tag.dropFirst(18)
                return Message("value.tagged_text", vi: "văn bản '\(shown)' (gắn thẻ !!\(name); hãy bỏ thẻ)",
                               en: "the text '\(shown)' (tagged !!\(name); remove the tag)")
            }
            if node.tag != nil {
                return Message("value.tagged", vi: "giá trị gắn thẻ '\(shown)' (hãy bỏ thẻ)", en: "the tagged value '\(shown)' (remove the tag)")
            }
            if style.isPlain && t.isEmpty { return Message("value.empty", vi: "một giá trị rỗng", en: "an empty value") }
            return style.isPlain ? .verbatim("'\(shown)'")
                                 : Message("value.quoted", vi: "văn bản trong ngoặc kép \"\(shown)\"", en: "the quoted text \"\(shown)\"")
        case .mapping:
            return Message("value.mapping", vi: "một ánh xạ (một nhóm các dòng khóa: giá trị)", en: "a mapping (a group of key: value lines)")
        case .sequence:
            return Message("value.list", vi: "một danh sách", en: "a list")
        }
    }

    // MARK: Reports

    static func reportNotMapping(found: Message) -> Message {
        Message("report.not_mapping", vi: "báo cáo phải là một ánh xạ gồm `unit`, `period` và các số liệu, nhưng đây là \(found.vi)",
                en: "a report must be a mapping with `unit`, `period` and facts, found \(found.en)")
    }
    static let seeReportFormat = Message("note.see_report_format",
        vi: "xem docs/report-format.md, hoặc chạy `qcdc template` để có mẫu báo cáo",
        en: "see docs/report-format.md, or run `qcdc template` for a report to fill in")
    static func districtAfterReform(periodEnd: Day) -> Message {
        Message("report.district_after_reform",
                vi: "cấp huyện đã kết thúc hoạt động từ 2025-07-01, nhưng kỳ báo cáo này kết thúc ngày \(periodEnd)",
                en: "district-level units stopped operating on 2025-07-01, but this period ends \(periodEnd)")
    }
    static let reportDistrictUntilReform = Message("note.district_until_reform",
        vi: "báo cáo của huyện chỉ tính đến 2025-06-30; hoặc báo cáo với tư cách tỉnh hay xã",
        en: "report the district's period up to 2025-06-30, or report as a province or commune")
    static func givenTwice(_ path: String, line: Int, column: Int) -> Message {
        Message("report.duplicate_fact", vi: "\(path) được ghi hai lần: ở đây và ở dòng \(line), cột \(column)",
                en: "\(path) is given twice: here and at line \(line), column \(column)")
    }
    static func nestedOrDotted(_ path: String) -> Message {
        let group = path.split(separator: ".").first.map(String.init) ?? path
        return Message("note.nested_or_dotted",
                       vi: "một số liệu có thể viết lồng trong nhóm (\(group): {…}) hoặc bằng khóa có dấu chấm, không được cả hai; hãy giữ một",
                       en: "a fact may be written nested (\(group): {…}) or as a dotted key, not both; keep one")
    }
    static func expectedGroup(_ path: String, found: Message) -> Message {
        Message("report.type_mismatch.group", vi: "\(path): cần một nhóm số liệu (một ánh xạ), nhưng đây là \(found.vi)",
                en: "\(path): expected a group of facts (a mapping), found \(found.en)")
    }
    static func moreUnknownFields(_ more: Int, total: Int) -> Message {
        Message("report.diagnostics_capped.unknown", vi: "còn \(more) trường không xác định khác không được liệt kê (tổng cộng \(total))",
                en: "\(more) more unknown fields are not listed (\(total) in all)")
    }
    static let isThisAReport = Message("note.is_this_a_report", vi: "tệp này có phải báo cáo không? hãy so với `qcdc template`",
                                       en: "is this file a report? compare it with `qcdc template`")
    static func unknownField(_ path: String) -> Message {
        Message("report.unknown_field", vi: "trường '\(path)' không có trong bộ quy tắc", en: "unknown field '\(path)'")
    }
    static func unknownRecordField(_ key: String, record: String) -> Message {
        Message("report.unknown_field.record", vi: "trường '\(key)' trong \(record) không có trong bộ quy tắc",
                en: "unknown field '\(key)' in \(record)")
    }
    static let noUnit = Message("report.missing_unit", vi: "báo cáo không có `unit`", en: "the report has no `unit`")
    static let addUnit = Message("note.add_unit", vi: "thêm `unit: {code: …, name: …, kind: commune}`", en: "add `unit: {code: …, name: …, kind: commune}`")
    static let unitNotMapping = Message("report.type_mismatch.unit", vi: "unit: cần một ánh xạ gồm code, name và kind",
                                        en: "unit: expected a mapping with code, name and kind")
    static func unitFieldRequired(_ key: String) -> Message {
        Message("report.missing_unit.field", vi: "unit.\(key) là bắt buộc", en: "unit.\(key) is required")
    }
    static func unitFieldEmpty(_ key: String) -> Message {
        Message("report.missing_unit.empty", vi: "unit.\(key) đang để trống", en: "unit.\(key) is empty")
    }
    static func expectedText(_ path: String, found: Message) -> Message {
        Message("value.expected_text", vi: "\(path): cần một đoạn văn bản, nhưng đây là \(found.vi)", en: "\(path): expected text, found \(found.en)")
    }
    static func invisibleCharacters(_ path: String, shown: String) -> Message {
        Message("report.invisible_character", vi: "\(path) chứa ký tự ẩn hoặc ký tự điều khiển: \(shown)",
                en: "\(path) holds invisible or control characters: \(shown)")
    }
    static let retypeName = Message("note.retype_name", vi: "các ký tự này được hiển thị dạng <U+…>; hãy gõ lại tên không có chúng",
                                    en: "they are shown as <U+…>; retype the name without them")
    static let retypeCode = Message("note.retype_code", vi: "mã đơn vị chỉ gồm chữ số và chữ cái; hãy gõ lại mã",
                                    en: "unit codes are digits and letters only; retype the code")
    static func codeHasSpace(_ code: String) -> Message {
        Message("report.invalid_unit_code", vi: "unit.code có dấu cách: '\(code)'", en: "unit.code contains a space: '\(code)'")
    }
    static let writeCodeWithoutSpaces = Message("note.code_without_spaces", vi: "viết mã chính thức, không có dấu cách",
                                                en: "write the official code without spaces")
    static func unknownUnitKind(_ kind: String) -> Message {
        Message("value.unknown_unit_kind", vi: "loại đơn vị '\(kind)' không tồn tại", en: "unknown unit kind '\(kind)'")
    }
    static func writeKindCommune(_ kind: String, alias: String) -> Message {
        Message("note.write_kind", vi: "hãy viết `kind: \(kind)` (và `subtype: \(alias)` với xã, phường, đặc khu)",
                en: "write kind: \(kind) (and subtype: \(alias) for a commune)")
    }
    static func unknownSubtype(_ subtype: String) -> Message {
        Message("report.invalid_unit_kind.subtype", vi: "loại xã '\(subtype)' không tồn tại", en: "unknown commune subtype '\(subtype)'")
    }
    static let subtypes = Message("note.subtypes", vi: "các loại: `xa` (xã), `phuong` (phường), `dac_khu` (đặc khu); `thi_tran` (thị trấn) cho kỳ trước 2025-07-01",
                                  en: "subtypes: xa, phuong, dac_khu (thi_tran for periods before 2025-07-01)")
    static let noPeriod = Message("report.invalid_period.missing", vi: "báo cáo không có `period` (kỳ báo cáo)", en: "the report has no `period`")
    static let addPeriod = Message("note.add_period", vi: "thêm `period: {year: 2026}` hoặc `period: {from: 2026-01-01, to: 2026-06-30}`",
                                   en: "add `period: {year: 2026}` or `period: {from: 2026-01-01, to: 2026-06-30}`")
    static func noRulesApply(kind: UnitKind, period: Period) -> Message {
        Message("report.no_rules_apply", vi: "không quy tắc nào áp dụng cho \(kind.name(.vi)) (`\(kind.rawValue)`) trong kỳ \(period)",
                en: "no rule applies to a \(kind.rawValue) for \(period)")
    }
    static let checkKindAndPeriod = Message("note.check_kind_period",
        vi: "kiểm tra unit.kind và period: không nội dung nào trong báo cáo này được đánh giá",
        en: "check unit.kind and the period: nothing in this report was judged")
    static let errorBecauseStrict = Message("note.strict", vi: "là lỗi vì dùng --strict", en: "an error because of --strict")
    static func moreProblems(_ more: Int) -> Message {
        Message("report.diagnostics_capped", vi: "còn \(more) vấn đề khác trong tệp này không được liệt kê",
                en: "\(more) more problems in this file are not listed")
    }
    static let fixAndRunAgain = Message("note.fix_run_again", vi: "sửa các lỗi ở trên rồi chạy lại", en: "fix the ones above and run again")
    static func secondReport(kind: UnitKind, code: String, period: Period, first: String) -> Message {
        Message("report.duplicate_report",
                vi: "báo cáo thứ hai của \(kind.name(.vi)) \(code), kỳ \(period): \(first) đã báo cáo cùng kỳ",
                en: "a second report for \(kind.rawValue) \(code), period \(period): \(first) reports the same")
    }
    static let keepOneReport = Message("note.keep_one_report", vi: "mỗi đơn vị và kỳ chỉ giữ một báo cáo; xóa hoặc gộp tệp còn lại",
                                       en: "keep one report per unit and period; remove or merge the other file")
    static func overlappingPeriod(_ period: Period, other: Period, file: String, kind: UnitKind, code: String) -> Message {
        Message("report.overlapping_period",
                vi: "kỳ \(period) trùng một phần với kỳ \(other) trong \(file), một báo cáo khác của \(kind.name(.vi)) \(code)",
                en: "the period \(period) overlaps \(other) of \(file), another report of \(kind.rawValue) \(code)")
    }
    static let overlapCountedTwice = Message("note.overlap_twice", vi: "bảng điểm và xu hướng sẽ tính phần trùng hai lần",
                                             en: "scorecards and trends count the overlap twice")

    // MARK: Values of declared facts

    static func expected(_ path: String, _ what: Expected, found: Message) -> Message {
        Message("report.type_mismatch", vi: "\(path): cần \(what.words.vi), nhưng đây là \(found.vi)",
                en: "\(path): expected \(what.words.en), found \(found.en)")
    }
    static func expectedRecord(_ path: String, found: Message) -> Message {
        Message("report.type_mismatch.record", vi: "\(path): cần một bản ghi (một ánh xạ), nhưng đây là \(found.vi)",
                en: "\(path): expected a record (a mapping), found \(found.en)")
    }
    static let oneRecordPerEntry = Message("note.one_record", vi: "viết mỗi bản ghi thành một mục `- trường: giá trị`",
                                           en: "write one `- field: value` entry per record")
    static func integerTooLarge(_ text: String) -> Message {
        Message("note.integer_too_large", vi: "\(text) quá lớn: số nguyên lớn nhất qcdc đọc được là \(Int64.max)",
                en: "\(text) is too large: the largest integer qcdc reads is \(Int64.max)")
    }
    static func thousandsSeparator(_ text: String, plain: String) -> Message {
        Message("note.thousands_separator", vi: "nếu \(text) nghĩa là \(plain), hãy viết \(plain), không dùng dấu phân cách hàng nghìn",
                en: "if \(text) means \(plain), write \(plain) without a thousands separator")
    }
    static func numberOnly(_ number: String) -> Message {
        Message("note.number_only", vi: "chỉ viết con số, không kèm đơn vị: \(number)", en: "write the number only, without the unit: \(number)")
    }
    static func writeBoolean(_ guess: Bool, text: String) -> Message {
        Message("note.write_boolean", vi: "hãy viết `\(guess)` (qcdc theo YAML 1.2: '\(text)' không phải giá trị đúng/sai; `true` là có, `false` là không)",
                en: "write \(guess) (qcdc follows YAML 1.2: '\(text)' is not a boolean)")
    }
    static func notInCalendar(_ path: String, _ text: String) -> Message {
        Message("value.not_in_calendar", vi: "\(path): \(text) không phải một ngày có thật", en: "\(path): \(text) is not a date in the calendar")
    }
    static func belowMinimum(_ path: String, _ text: String, minimum: String) -> Message {
        Message("report.out_of_range.below", vi: "\(path): \(text) nhỏ hơn giá trị tối thiểu \(minimum)",
                en: "\(path): \(text) is below the minimum \(minimum)")
    }
    static func aboveMaximum(_ path: String, _ text: String, maximum: String) -> Message {
        Message("report.out_of_range.above", vi: "\(path): \(text) lớn hơn giá trị tối đa \(maximum)",
                en: "\(path): \(text) is above the maximum \(maximum)")
    }
    static let countsNotNegative = Message("note.counts_not_negative", vi: "số đếm không thể âm", en: "counts cannot be negative")

    // MARK: Periods (reports, waivers, rule examples)

    static func yearOutOfRange(_ year: Int64) -> Message {
        Message("value.year_out_of_range", vi: "năm \(year) nằm ngoài phạm vi", en: "year \(year) is out of range")
    }
    static func periodRange(_ first: Int, _ last: Int) -> Message {
        Message("note.period_range", vi: "kỳ báo cáo nằm trong khoảng \(first)–\(last)", en: "periods run from \(first) to \(last)")
    }
    static func periodShape(found: Message) -> Message {
        Message("value.period_shape", vi: "`period`: cần `{year: …}` hoặc `{from: …, to: …}`, nhưng đây là \(found.vi)",
                en: "period: expected {year: …} or {from: …, to: …}, found \(found.en)")
    }
    static let periodExample = Message("note.period_example",
        vi: "ví dụ period: {year: 2026} hoặc period: {from: 2026-01-01, to: 2026-06-30}",
        en: "e.g. period: {year: 2026} or period: {from: 2026-01-01, to: 2026-06-30}")
    static let periodForms = Message("note.period_forms", vi: "kỳ báo cáo viết là {year: 2026} hoặc {from: 2026-01-01, to: 2026-06-30}",
                                     en: "a period is {year: 2026} or {from: 2026-01-01, to: 2026-06-30}")
    static func periodYear(found: Message) -> Message {
        Message("value.period_year", vi: "period.year: cần một năm như 2026, nhưng đây là \(found.vi)",
                en: "period.year: expected a year such as 2026, found \(found.en)")
    }
    static let yearOrRange = Message("value.period_both", vi: "chỉ ghi `period.year` hoặc `period.from` và `period.to`, không ghi cả hai",
                                     en: "give either period.year or period.from and period.to, not both")
    static let periodNeeds = Message("value.period_needs", vi: "`period` cần `year`, hoặc cả `from` và `to`",
                                     en: "period needs `year`, or both `from` and `to`")
    static func misspelling(_ wrong: String, _ right: String) -> Message {
        Message("note.misspelling", vi: "'\(wrong)' có vẻ là viết nhầm của '\(right)'", en: "'\(wrong)' looks like a misspelling of '\(right)'")
    }
    static func expectedDate(_ path: String, found: Message) -> Message {
        Message("value.expected_date", vi: "\(path): cần một ngày dạng YYYY-MM-DD (năm-tháng-ngày), nhưng đây là \(found.vi)",
                en: "\(path): expected a date YYYY-MM-DD, found \(found.en)")
    }
    static func outsideRange(_ path: String, _ day: Day) -> Message {
        Message("value.date_out_of_range", vi: "\(path): \(day) nằm ngoài phạm vi được hỗ trợ", en: "\(path): \(day) is outside the supported range")
    }
    static func fromAfterTo(_ from: Day, _ to: Day) -> Message {
        Message("value.from_after_to", vi: "period.from (\(from)) sau period.to (\(to))", en: "period.from (\(from)) is after period.to (\(to))")
    }
}

/// What a value should have been, in words.
enum Expected: Sendable {
    case integer, number, percentage, boolean, date, records, singleValue(FactType), oneOf([String])

    var words: (vi: String, en: String) {
        switch self {
        case .integer: ("một số nguyên", "an integer")
        case .number: ("một số", "a number")
        case .percentage: ("một tỷ lệ phần trăm như 95% hoặc 95", "a percentage such as 95% or 95")
        case .boolean: ("`true` (có) hoặc `false` (không)", "true or false")
        case .date: ("một ngày dạng YYYY-MM-DD (năm-tháng-ngày)", "a date YYYY-MM-DD")
        case .records: ("một danh sách các bản ghi", "a list of records")
        case .singleValue(let t): ("một giá trị đơn (\(t.name(.vi)))", "a single value (\(t.name))")
        case .oneOf(let values):
            ("một trong các giá trị " + values.joined(separator: ", "), "one of " + values.joined(separator: ", "))
        }
    }
}

extension UnitKind {
    /// The kind's Vietnamese or English name: `xã`, `commune`.
    public func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.province, .vi): "tỉnh"
        case (.district, .vi): "huyện"
        case (.commune, .vi): "xã"
        case (.agency, .vi): "cơ quan"
        case (.publicServiceUnit, .vi): "đơn vị sự nghiệp công lập"
        case (.stateEnterprise, .vi): "doanh nghiệp nhà nước"
        case (.enterprise, .vi): "doanh nghiệp"
        case (.province, .en): "province"
        case (.district, .en): "district"
        case (.commune, .en): "commune"
        case (.agency, .en): "agency"
        case (.publicServiceUnit, .en): "public service unit"
        case (.stateEnterprise, .en): "state-owned enterprise"
        case (.enterprise, .en): "enterprise"
        }
    }
}

extension FactType {
    /// The type's name in a language: `số nguyên`, `integer`.
    func name(_ lang: Language) -> String {
        guard lang == .vi else { return name }
        switch self {
        case .integer: return "số nguyên"
        case .number: return "số"
        case .percent: return "tỷ lệ phần trăm"
        case .boolean: return "đúng/sai"
        case .date: return "ngày"
        case .string: return "văn bản"
        case .enumeration: return "một trong các giá trị cho trước"
        case .list: return "danh sách"
        }
    }
}
