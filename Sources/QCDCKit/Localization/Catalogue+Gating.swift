// The catalogue: waiver files (`waiver.*`) and baselines (`baseline.*`).
extension Message {
    // MARK: Waivers

    static func waiverIdentifier(_ s: Subject, _ value: String) -> Message {
        Message("waiver.invalid_value.identifier", vi: "\(s.vi) '\(value)' để trống hoặc chứa dấu cách, ký tự ẩn hay ký tự điều khiển",
                en: "\(s.en) '\(value)' is empty or holds spaces, invisible or control characters")
    }
    static let writeIdentifierExactly = Message("note.write_identifier", vi: "viết chính xác mã quy tắc hoặc mã đơn vị",
                                                en: "write the rule id or unit code exactly")
    static func justificationTooShort(_ s: Subject, visible: Int) -> Message {
        Message("waiver.invalid_value.justification", vi: "\(s.vi) quá ngắn để làm lý do (\(visible) ký tự hiển thị)",
                en: "\(s.en) is too short to justify anything (\(visible) visible characters)")
    }
    static let sayWhy = Message("note.say_why", vi: "nêu vì sao không đáp ứng được yêu cầu và đơn vị đã làm gì thay thế",
                                en: "say why the requirement cannot be met and what is done instead")
    static func approvedByNoOne(_ s: Subject) -> Message {
        Message("waiver.invalid_value.approver", vi: "\(s.vi) không ghi người hay cơ quan phê duyệt", en: "\(s.en) names no one")
    }
    static let nameApprover = Message("note.name_approver", vi: "ghi cơ quan và văn bản đã phê duyệt ngoại lệ",
                                      en: "name the body and the document that approved the exception")
    static func waiverTooBroad(rule: String, unit: String) -> Message {
        Message("waiver.too_broad", vi: "một miễn trừ không được dùng mẫu đại diện cho cả quy tắc (\(rule)) lẫn đơn vị (\(unit))",
                en: "a waiver may not use a pattern for both the rule (\(rule)) and the unit (\(unit))")
    }
    static let nameRuleOrUnit = Message("note.name_rule_or_unit",
        vi: "ghi chính xác quy tắc hoặc đơn vị; một miễn trừ cho mọi quy tắc của mọi đơn vị sẽ tắt việc kiểm tra",
        en: "name the rule or the unit exactly; a waiver for every rule of every unit would switch the check off")
    static func expiresTooLate(_ s: Subject, _ day: Day, latest: Day) -> Message {
        Message("waiver.invalid_date.late", vi: "\(s.vi) \(day) sau \(latest)", en: "\(s.en) \(day) is after \(latest)")
    }
    static let timeLimited = Message("note.time_limited", vi: "miễn trừ là ngoại lệ có thời hạn: ghi ngày phải xem xét lại",
                                     en: "a waiver is a time-limited exception: give the date it must be reviewed")
    static func waiverUnknownRule(_ rule: String) -> Message {
        Message("waiver.unknown_rule", vi: "miễn trừ nhắc tới quy tắc \(rule), nhưng bộ quy tắc không có quy tắc này",
                en: "waiver names rule \(rule), which the rule set does not have")
    }
    static func waiverExpired(rule: String, unit: String, on day: Day) -> Message {
        Message("waiver.expired", vi: "miễn trừ \(rule) / đơn vị \(unit) đã hết hạn ngày \(day); các kết quả nó che đã trở lại là vi phạm",
                en: "waiver for \(rule) / unit \(unit) expired on \(day); the results it covered are findings again")
    }
    static let renewOrFix = Message("note.renew_or_fix", vi: "gia hạn miễn trừ bằng một phê duyệt mới, hoặc khắc phục vi phạm",
                                    en: "renew the waiver with a new approval, or fix the finding")
    static func waiverUnused(rule: String, unit: String) -> Message {
        Message("waiver.unused", vi: "miễn trừ \(rule) / đơn vị \(unit) không khớp vi phạm nào: báo cáo của đơn vị đã đạt hoặc không cần miễn trừ",
                en: "waiver for \(rule) / unit \(unit) matches no finding: the unit's report passes or does not need it")
    }
    static let removeStaleWaiver = Message("note.remove_stale", vi: "xóa miễn trừ nếu vi phạm đã được khắc phục (miễn trừ cũ che giấu vấn đề sau này)",
                                           en: "remove it if the finding is fixed (stale waivers hide future problems)")

    // MARK: Baselines

    static func baselineUnknownRule(_ rule: String) -> Message {
        Message("baseline.unknown_rule", vi: "đường cơ sở nhắc tới quy tắc \(rule), nhưng bộ quy tắc không có quy tắc này",
                en: "the baseline names rule \(rule), which the rule set does not have")
    }
    static let rewriteBaseline = Message("note.rewrite_baseline", vi: "ghi lại đường cơ sở bằng --write-baseline",
                                         en: "write the baseline again with --write-baseline")
    static func notAFindingStatus(_ status: String) -> Message {
        Message("baseline.invalid_value.status", vi: "trạng thái '\(status)' không phải trạng thái của một vi phạm (fail, error hoặc missing)",
                en: "status '\(status)' is not a finding's status (fail, error or missing)")
    }
    static func baselineUnit(_ unit: String) -> Message {
        Message("baseline.invalid_value.unit", vi: "đơn vị '\(unit)' để trống hoặc chứa ký tự ẩn hay ký tự điều khiển",
                en: "unit '\(unit)' is empty or holds invisible or control characters")
    }
    static func baselinePeriod(_ period: String) -> Message {
        Message("baseline.invalid_value.period", vi: "kỳ '\(period)' không có dạng TỪ..ĐẾN (YYYY-MM-DD..YYYY-MM-DD)",
                en: "period '\(period)' is not FROM..TO (YYYY-MM-DD..YYYY-MM-DD)")
    }
    static let baselinePeriodExample = Message("note.baseline_period", vi: "ví dụ 2026-01-01..2026-12-31", en: "e.g. 2026-01-01..2026-12-31")
}

extension Message {
    // MARK: The configuration file (.qcdc.yaml)

    static func configEmptyPath(_ key: String) -> Message {
        Message("config.invalid_value.path", vi: "\(key): đường dẫn để trống hoặc chứa ký tự NUL", en: "\(key): the path is empty or holds a NUL character")
    }
    static func configChoice(_ key: String, _ value: String, _ allowed: [String]) -> Message {
        Message("config.invalid_value.choice", vi: "\(key): '\(Neutral.visible(value))' không phải một trong \(allowed.joined(separator: ", "))",
                en: "\(key): '\(Neutral.visible(value))' is not one of \(allowed.joined(separator: ", "))")
    }
}
