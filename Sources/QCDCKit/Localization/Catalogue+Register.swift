// The catalogue: checking a report's unit against the official register, and `qcdc units`.
extension Message {
    static func unknownUnit(_ code: String, level: UnitKind) -> Message {
        Message("report.unknown_unit", vi: "không có \(level.name(.vi)) nào mang mã '\(code)' trong danh mục đơn vị hành chính",
                en: "no \(level.rawValue) has the code '\(code)' in the register of administrative units")
    }
    static func codeWithZeros(_ padded: String, _ unit: String) -> Message {
        Message("note.code_with_zeros", vi: "có phải là '\(padded)' (\(unit))? Mã giữ các số 0 ở đầu; hãy viết mã trong dấu ngoặc kép",
                en: "did you mean '\(padded)' (\(unit))? Codes keep their leading zeros; quote the code")
    }
    static func codeOfOtherLevel(_ code: String, _ unit: AdministrativeUnit) -> Message {
        Message("note.code_other_level", vi: "'\(code)' là mã của \(unit.name) (\(unit.type.name(.vi)))",
                en: "'\(code)' is the code of \(unit.name) (a \(unit.type.name(.en)))")
    }
    static func unitNamed(_ unit: AdministrativeUnit, province: String?) -> Message {
        let vi = province.map { ", \($0)" } ?? "", en = province.map { ", \($0)" } ?? ""
        return Message("note.unit_named", vi: "có phải là '\(unit.code)': \(unit.name)\(vi)?",
                       en: "did you mean '\(unit.code)': \(unit.name)\(en)?")
    }
    static func registerEdition(_ edition: Register.Edition) -> Message {
        switch edition {
        case .from2025:
            Message("note.register_2025", vi: "danh mục từ 1/7/2025 (Quyết định 19/2025/QĐ-TTg); `qcdc units` liệt kê danh mục; --no-register tắt việc kiểm tra (dữ liệu thử)",
                    en: "the register in force from 1 July 2025 (Decision 19/2025/QĐ-TTg); `qcdc units` lists it; --no-register turns the check off (test data)")
        case .preReform:
            Message("note.register_pre_2025", vi: "danh mục trước 1/7/2025, bản ngày 4/1/2025: đơn vị thay đổi sau ngày đó không có trong danh mục; `qcdc units --pre-reform` liệt kê danh mục",
                    en: "the register before 1 July 2025, as of 4 January 2025: units changed after that day are not in it; `qcdc units --pre-reform` lists it")
        }
    }
    static func unitNameMismatch(_ written: String, code: String, official: String) -> Message {
        Message("report.unit_name_mismatch", vi: "tên '\(written)' không phải tên chính thức của mã '\(code)': \(official)",
                en: "'\(written)' is not the official name of code '\(code)': \(official)")
    }
    static func writeOfficialName(_ official: String) -> Message {
        Message("note.official_name", vi: "viết tên chính thức: `name: \(official)`, hoặc kiểm tra lại mã",
                en: "write the official name, `name: \(official)`, or check the code")
    }
    static func unitSubtypeMismatch(_ subtype: String, _ unit: AdministrativeUnit) -> Message {
        Message("report.unit_subtype_mismatch", vi: "unit.subtype là `\(subtype)` nhưng \(unit.name) là \(unit.type.name(.vi)) (`\(unit.type.rawValue)`)",
                en: "unit.subtype is `\(subtype)` but \(unit.name) is a \(unit.type.name(.en)) (`\(unit.type.rawValue)`)")
    }
    static func unitParentMismatch(_ parent: String, _ unit: AdministrativeUnit, above: AdministrativeUnit) -> Message {
        Message("report.unit_parent_mismatch", vi: "unit.parent là '\(parent)' nhưng \(unit.name) thuộc \(above.name) (mã '\(above.code)')",
                en: "unit.parent is '\(parent)' but \(unit.name) belongs to \(above.name) (code '\(above.code)')")
    }
    static func writeParent(_ code: String) -> Message {
        Message("note.write_parent", vi: "viết `parent: \"\(code)\"`, hoặc bỏ trường này: qcdc lấy nó từ danh mục",
                en: "write `parent: \"\(code)\"`, or leave it out: qcdc takes it from the register")
    }
}

extension Message {
    static func registerTitle(_ edition: Register.Edition) -> Message {
        switch edition {
        case .from2025:
            Message("units.title_2025", vi: "Danh mục đơn vị hành chính từ ngày 1/7/2025 (Quyết định 19/2025/QĐ-TTg)",
                    en: "Administrative units in force from 1 July 2025 (Decision 19/2025/QĐ-TTg)")
        case .preReform:
            Message("units.title_pre_2025", vi: "Danh mục đơn vị hành chính trước ngày 1/7/2025 (Quyết định 124/2004/QĐ-TTg, bản ngày 4/1/2025)",
                    en: "Administrative units before 1 July 2025 (Decision 124/2004/QĐ-TTg, as of 4 January 2025)")
        }
    }
    static func registerCount(_ n: String, level: UnitKind) -> Message {
        switch level {
        case .province: Message("units.count_provinces", vi: "\(n) đơn vị cấp tỉnh", en: "\(n) provincial units")
        case .district: Message("units.count_districts", vi: "\(n) đơn vị cấp huyện", en: "\(n) district-level units")
        default: Message("units.count_communes", vi: "\(n) đơn vị cấp xã", en: "\(n) commune-level units")
        }
    }
    static let registerColumns: [Message] = [
        Message("units.column.code", vi: "ma", en: "code"),
        Message("units.column.name", vi: "ten", en: "name"),
        Message("units.column.type", vi: "loai", en: "type"),
        Message("units.column.parent", vi: "ma_cap_tren", en: "parent"),
        Message("units.column.province", vi: "ma_tinh", en: "province"),
    ]
    static func noSuchProvince(_ code: String) -> Message {
        Message("units.no_province", vi: "không có tỉnh nào mang mã '\(code)'", en: "no province has the code '\(code)'")
    }
}

// `--expect` and the units that did not report.
extension Message {
    static func expectNoProvince(_ code: String) -> Message {
        Message("input.invalid_expect.province", vi: "--expect province:\(code): không có tỉnh nào mang mã '\(code)'",
                en: "--expect province:\(code): no province has the code '\(code)'")
    }
    static func expectNotUTF8(_ file: String) -> Message {
        Message("input.invalid_expect.encoding", vi: "danh sách đơn vị \(file) không phải văn bản UTF-8",
                en: "the list of units \(file) is not UTF-8 text")
    }
    static func expectBadCode(_ code: String) -> Message {
        Message("input.invalid_expect.code", vi: "mã đơn vị không hợp lệ trong danh sách: '\(code)' (có dấu cách hoặc ký tự ẩn)",
                en: "invalid unit code in the list: '\(code)' (a space or an invisible character)")
    }
    static let expectForms = Message("note.expect_forms",
        vi: "--expect all (mọi tỉnh và xã), --expect province:68 (mọi xã của một tỉnh), hoặc --expect TỆP: mỗi dòng một mã, có thể kèm dấu phẩy và tên (ví dụ tệp của `qcdc units --province 68 --format csv`)",
        en: "--expect all (every province and commune), --expect province:68 (every commune of a province), or --expect FILE: a code per line, optionally a comma and a name (e.g. the file of `qcdc units --province 68 --format csv`)")
    static func notSubmitted(_ unit: ExpectedUnit) -> Message {
        let name = unit.name.map { "\($0) " } ?? ""
        let vi = unit.provinceName.flatMap { unit.province == unit.code ? nil : ", \($0)" } ?? ""
        return Message("check.not_submitted", vi: "\(name)(mã \(unit.code)\(vi)) chưa nộp báo cáo",
                       en: "\(name)(code \(unit.code)\(vi)) has not submitted a report")
    }
    static func notSubmittedTitle(_ n: Int, of expected: Int) -> Message {
        Message("check.not_submitted.title", vi: "Chưa nộp báo cáo: \(n)/\(expected) đơn vị", en: "Not submitted: \(n) of \(expected) units")
    }
}

extension Message {
    static func notSubmittedCount(_ n: Int) -> Message {
        Message("check.not_submitted.count", vi: "\(n) đơn vị chưa nộp", en: "\(n) \(n == 1 ? "unit" : "units") not submitted")
    }
    static let notSubmittedRule = Message("check.not_submitted.rule", vi: "Đơn vị được yêu cầu (--expect) đã nộp báo cáo",
                                          en: "An expected unit (--expect) has submitted its report")
}

/// The id `--expect` findings go by in every output (`not_submitted`), and their words.
enum NotSubmitted {
    static let id = "not_submitted"

    /// `Xã A (mã 00001, Tỉnh B) chưa nộp báo cáo`.
    static func text(_ u: ExpectedUnit, _ lang: Language) -> String {
        Neutral.visible(Message.notSubmitted(u).text(lang))
    }

    /// The unit as JSON: `{code, name, province, province_name}`.
    static func json(_ u: ExpectedUnit) -> JSON {
        .object([("code", .string(u.code)), ("name", .optional(u.name)), ("province", .optional(u.province)),
                 ("province_name", .optional(u.provinceName))])
    }
}

// The scorecard's submission table (`--expect`).
extension Message {
    static let submissionTitle = Message("scorecard.submission", vi: "Tình hình nộp báo cáo", en: "Submissions")
    static let submissionColumns: [Message] = [
        Message("scorecard.submission.province", vi: "Tỉnh, thành phố", en: "Province"),
        Message("scorecard.submission.reported", vi: "Đã nộp", en: "Reported"),
        Message("scorecard.submission.expected", vi: "Phải nộp", en: "Expected"),
        Message("scorecard.submission.share", vi: "Tỷ lệ", en: "Share"),
        Message("scorecard.submission.missing", vi: "Chưa nộp", en: "Not submitted"),
    ]
}

extension Scorecard.ProvinceSubmission {
    /// `Tỉnh Lâm Đồng (68)`, or the code alone.
    var label: String { name.map { "\($0) (\(province))" } ?? province }
    /// The share reported, in per cent with one decimal.
    var share: String { expected == 0 ? "—" : Value.format(Double(reported) * 100 / Double(expected), digits: 1) + "%" }
    /// The missing units' names (or codes), comma-separated.
    func missingNames() -> String { missing.map { u in u.name.map { "\($0) (\(u.code))" } ?? u.code }.joined(separator: ", ") }
}
