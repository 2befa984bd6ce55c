// The catalogue: the expression language (`expression.*`) — syntax, types, and the reasons an
// evaluation could not finish.
extension Message {
    // MARK: Syntax

    static func notAValidDate(_ s: String) -> Message {
        Message("expression.syntax.date", vi: "\(s) không phải một ngày hợp lệ", en: "\(s) is not a valid date")
    }
    static func integerTooLargeLiteral(_ s: String) -> Message {
        Message("expression.syntax.integer", vi: "số nguyên \(s) quá lớn", en: "integer \(s) is too large")
    }
    static let unterminatedString = Message("expression.syntax.string", vi: "chuỗi chưa được đóng", en: "unterminated string")
    static let singleEquals = Message("expression.syntax.equals", vi: "'=' không phải phép toán; dùng '==' để so sánh",
                                      en: "'=' is not an operator; use '==' to compare")
    static func useAndOr(_ ch: Character) -> Message {
        Message("expression.syntax.and_or", vi: "dùng 'and' / 'or' thay cho '\(ch)'", en: "use 'and' / 'or' instead of '\(ch)'")
    }
    static func unexpectedCharacter(_ ch: Character) -> Message {
        Message("expression.syntax.character", vi: "ký tự '\(ch)' không được dùng ở đây", en: "unexpected character '\(ch)'")
    }
    static func unexpectedToken(_ token: TokenWords) -> Message {
        Message("expression.syntax.unexpected", vi: "\(token.vi) không hợp lệ ở đây; cần một phép toán hoặc kết thúc biểu thức",
                en: "unexpected \(token.en); expected an operator or the end")
    }
    static func nestsDeeper(_ limit: Int) -> Message {
        Message("expression.too_deep.nesting", vi: "biểu thức lồng sâu quá \(limit) cấp", en: "the expression nests deeper than \(limit) levels")
    }
    static func expectedTokens(_ tokens: [String]) -> Message {
        Message("expression.syntax.expected", vi: "thiếu \(tokens.joined(separator: " hoặc "))", en: "expected \(tokens.joined(separator: " or "))")
    }
    static func unexpectedKeyword(_ name: String) -> Message {
        Message("expression.syntax.keyword", vi: "từ khóa '\(name)' không hợp lệ ở đây", en: "unexpected keyword '\(name)'")
    }
    static let fieldAfterDot = Message("expression.syntax.field", vi: "thiếu tên trường sau dấu '.'", en: "expected a field name after '.'")
    static func oneLevelOfFields(_ src: String) -> Message {
        Message("expression.syntax.levels", vi: "bản ghi chỉ có một cấp trường: \(src)", en: "records have one level of fields: \(src)")
    }
    static let paramsName = Message("expression.syntax.params", vi: "viết tham số dạng params.TÊN", en: "write a parameter as params.NAME")
    static func expectedValue(found: TokenWords) -> Message {
        Message("expression.syntax.value", vi: "cần một giá trị, một số liệu hoặc '('; nhưng gặp \(found.vi)",
                en: "expected a value, a fact or '('; found \(found.en)")
    }
    static let listAfterIn = Message("expression.syntax.in", vi: "cần đường dẫn của một số liệu dạng danh sách sau 'in'",
                                     en: "expected the path of a list fact after 'in'")
    static func closeCall(_ name: String) -> Message {
        Message("expression.syntax.close", vi: "thiếu ')' để đóng \(name)(…)", en: "expected ')' to close \(name)(…)")
    }

    // MARK: Types

    static func expectedTypeHere(_ expected: ExprType, text: String, is actual: ExprType) -> Message {
        Message("expression.type.expected", vi: "ở đây cần \(expected.name(.vi)), nhưng '\(text)' là \(actual.name(.vi))",
                en: "expected \(expected) here, but '\(text)' is \(actual)")
    }
    static func groupNotFact(_ path: String) -> Message {
        Message("expression.type.group", vi: "'\(path)' là một nhóm số liệu, không phải một số liệu", en: "'\(path)' is a group of facts, not a fact")
    }
    static func nameOneOfItsFacts(_ example: String) -> Message {
        Message("note.name_a_fact", vi: "hãy ghi một số liệu trong nhóm, ví dụ '\(example)'", en: "name one of its facts, e.g. '\(example)'")
    }
    static func unknownFact(_ path: String) -> Message {
        Message("expression.type.unknown_fact", vi: "số liệu '\(path)' chưa được khai báo", en: "unknown fact '\(path)'")
    }
    static func unknownParameter(_ name: String) -> Message {
        Message("expression.type.unknown_parameter", vi: "tham số 'params.\(name)' chưa được khai báo", en: "unknown parameter 'params.\(name)'")
    }
    static let declareFact = Message("note.declare_fact", vi: "khai báo số liệu trong `facts:` của bộ quy tắc",
                                     en: "declare it under `facts:` in the rule set")
    static let declareParameter = Message("note.declare_parameter", vi: "khai báo tham số trong `params:` của quy tắc",
                                          en: "declare it under the rule's `params:`")
    static func unknownVariable(_ name: String) -> Message {
        Message("expression.type.unknown_variable", vi: "biến '\(name)' chưa được khai báo", en: "unknown variable '\(name)'")
    }
    static func noSuchRecordField(_ list: String, _ field: String) -> Message {
        Message("expression.type.no_field", vi: "bản ghi của '\(list)' không có trường '\(field)'", en: "records of '\(list)' have no field '\(field)'")
    }
    static func needs(_ op: String, _ what: ExprWord, text: String, is type: ExprType) -> Message {
        Message("expression.type.operand", vi: "'\(op)' cần \(what.vi); '\(text)' là \(type.name(.vi))",
                en: "'\(op)' needs \(what.en); '\(text)' is \(type)")
    }
    static func cannotApply(_ op: String, _ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.type.apply", vi: "không thể dùng '\(op)' với \(a.name(.vi)) và \(b.name(.vi))", en: "cannot apply '\(op)' to \(a) and \(b)")
    }
    static let dateArithmetic = Message("note.date_arithmetic", vi: "ngày cộng hoặc trừ một số ngày, và ngày trừ ngày cho ra số ngày",
                                        en: "dates take + or - a number of days, and date - date gives days")
    static func cannotCompare(_ a: ExprType, _ at: String, _ b: ExprType, _ bt: String) -> Message {
        Message("expression.type.compare", vi: "không thể so sánh \(a.name(.vi)) '\(at)' với \(b.name(.vi)) '\(bt)'",
                en: "cannot compare \(a) '\(at)' with \(b) '\(bt)'")
    }
    static func doesNotOrder(_ op: String, _ t: ExprType) -> Message {
        Message("expression.type.order", vi: "'\(op)' không so sánh thứ tự được \(t.name(.vi)); dùng == hoặc !=",
                en: "'\(op)' does not order \(t)s; use == or !=")
    }
    static let listsNotComparable = Message("expression.type.lists", vi: "không so sánh được danh sách; dùng count(…), len(…), any(…) hoặc all(…)",
                                            en: "lists cannot be compared; use count(…), len(…), any(…) or all(…)")
    static let inNeedsList = Message("expression.type.in", vi: "'in' cần một danh sách viết sẵn ở bên phải, ví dụ [\"plenary\", \"delegates\"]",
                                     en: "'in' needs a list literal on its right, e.g. [\"plenary\", \"delegates\"]")
    static func listItemType(_ item: String, _ it: ExprType, _ a: String, _ at: ExprType) -> Message {
        Message("expression.type.item", vi: "phần tử '\(item)' là \(it.name(.vi)), nhưng '\(a)' là \(at.name(.vi))",
                en: "list item '\(item)' is \(it), but '\(a)' is \(at)")
    }
    static func unknownListFact(_ list: String) -> Message {
        Message("expression.type.unknown_list", vi: "số liệu dạng danh sách '\(list)' chưa được khai báo", en: "unknown list fact '\(list)'")
    }
    static func notAListOfRecords(_ list: String, _ type: FactType) -> Message {
        Message("expression.type.not_records", vi: "'\(list)' là \(type.name(.vi)), không phải danh sách bản ghi",
                en: "'\(list)' is \(type.name), not a list of records")
    }
    static let countTakesNoBody = Message("expression.type.count_body", vi: "count(…) không có phần ':'; đặt điều kiện sau 'where'",
                                          en: "count(…) takes no ':' part; put the condition after 'where'")
    static func aggregateNeedsCondition(_ agg: String) -> Message {
        Message("expression.type.condition", vi: "\(agg)(…) cần một điều kiện sau ':'", en: "\(agg)(…) needs a condition after ':'")
    }
    static func aggregateNeedsBoolean(_ agg: String, text: String, is type: ExprType) -> Message {
        Message("expression.type.condition_type", vi: "\(agg)(…) cần một điều kiện đúng/sai; '\(text)' là \(type.name(.vi))",
                en: "\(agg)(…) needs a boolean condition; '\(text)' is \(type)")
    }
    static func aggregateNeedsDate(_ agg: String, example: String) -> Message {
        Message("expression.type.needs_date", vi: "\(agg)(…) cần một ngày sau ':', ví dụ \(example)", en: "\(agg)(…) needs a date after ':', e.g. \(example)")
    }
    static func aggregateNeedsValue(_ agg: String, example: String) -> Message {
        Message("expression.type.needs_value", vi: "\(agg)(…) cần một giá trị sau ':', ví dụ \(example)", en: "\(agg)(…) needs a value after ':', e.g. \(example)")
    }
    static func notAnEnumValue(_ s: String, of path: String, _ values: [String]) -> Message {
        let list = values.joined(separator: ", ")
        return Message("expression.type.enum", vi: "'\(s)' không phải một giá trị của \(path) (\(list))", en: "'\(s)' is not a value of \(path) (\(list))")
    }
    static func takesAList(_ name: String, signature: String) -> Message {
        Message("expression.type.takes_list", vi: "\(name)(…) nhận một danh sách: \(signature)", en: "\(name)(…) takes a list: \(signature)")
    }
    static func unknownFunction(_ name: String) -> Message {
        Message("expression.type.unknown_function", vi: "hàm '\(name)' không tồn tại", en: "unknown function '\(name)'")
    }
    static func argumentCount(_ name: String, _ n: Int, signature: String) -> Message {
        Message("expression.type.arguments", vi: "\(name) nhận \(n) đối số: \(signature)",
                en: "\(name) takes \(n) argument\(n == 1 ? "" : "s"): \(signature)")
    }
    static func argumentType(_ i: Int, of name: String, must t: ExprType, text: String, is type: ExprType) -> Message {
        Message("expression.type.argument", vi: "đối số thứ \(i) của \(name) phải là \(t.name(.vi)); '\(text)' là \(type.name(.vi))",
                en: "argument \(i) of \(name) must be \(t); '\(text)' is \(type)")
    }
    static func twoOrMore(_ name: String) -> Message {
        Message("expression.type.two_or_more", vi: "\(name) nhận hai giá trị trở lên, hoặc một danh sách: \(name)(x in LIST: x.field)",
                en: "\(name) takes two or more values, or a list: \(name)(x in LIST: x.field)")
    }
    static func needsNumbersOrDates(_ name: String, text: String, is type: ExprType) -> Message {
        Message("expression.type.numbers_dates", vi: "\(name) cần số hoặc ngày; '\(text)' là \(type.name(.vi))",
                en: "\(name) needs numbers or dates; '\(text)' is \(type)")
    }
    static func lenNeedsList(_ text: String, is type: ExprType) -> Message {
        Message("expression.type.len", vi: "len cần một số liệu dạng danh sách; '\(text)' là \(type.name(.vi))",
                en: "len needs a list fact; '\(text)' is \(type)")
    }
    static let existsNeedsFact = Message("expression.type.exists", vi: "exists cần đường dẫn một số liệu, ví dụ exists(staff_conference.date)",
                                         en: "exists needs a fact path, e.g. exists(staff_conference.date)")
    static func ifBranches(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.type.if", vi: "hai nhánh của if(…) phải cùng kiểu (\(a.name(.vi)) và \(b.name(.vi)))",
                en: "both branches of if(…) must have the same type (\(a) vs \(b))")
    }

    // MARK: Why an evaluation could not finish (results with status error)

    static func budgetExceeded(_ steps: Int) -> Message {
        Message("evaluation.budget", vi: "vượt giới hạn tính toán: dừng sau \(steps) bước (xem docs/limits.md)",
                en: "evaluation budget exceeded: stopped after \(steps) steps (see docs/limits.md)")
    }
    static func divisionByZero(_ a: String, _ b: String) -> Message {
        Message("evaluation.division_by_zero", vi: "chia cho 0 (\(a) / \(b))", en: "division by zero (\(a) / \(b))")
    }
    static let integerOverflow = Message("evaluation.overflow", vi: "tràn số nguyên", en: "integer overflow")
    static func integerOverflowIn(_ a: String, _ op: String, _ b: String) -> Message {
        Message("evaluation.overflow_in", vi: "tràn số nguyên khi tính \(a) \(op) \(b)", en: "integer overflow in \(a) \(op) \(b)")
    }
    static let numericOverflow = Message("evaluation.numeric_overflow", vi: "tràn số", en: "numeric overflow")
    static let dateOutOfRange = Message("evaluation.date_range", vi: "phép tính ngày vượt phạm vi", en: "date arithmetic out of range")
    static func emptyAggregate(_ agg: String, list: String) -> Message {
        Message("evaluation.empty", vi: "\(agg) của một danh sách rỗng (\(list) không có bản ghi phù hợp)",
                en: "\(agg) of an empty list (\(list) has no matching records)")
    }
    static func noWholeWeek(_ period: Period) -> Message {
        Message("evaluation.no_week", vi: "không có tuần trọn vẹn nào có ngày làm việc trong \(period)", en: "no whole week with a working day in \(period)")
    }
    static func noWholeMonth(_ period: Period) -> Message {
        Message("evaluation.no_month", vi: "không có tháng trọn vẹn nào trong \(period)", en: "no whole month in \(period)")
    }
    static func functionOutOfRange(_ name: String) -> Message {
        Message("evaluation.function_range", vi: "kết quả của \(name) nằm ngoài phạm vi ngày được hỗ trợ", en: "\(name) out of range")
    }
    static func datesTooFarApart(_ name: String) -> Message {
        Message("evaluation.dates_apart", vi: "\(name): hai ngày cách nhau hơn một thế kỷ", en: "\(name) needs dates less than a century apart")
    }
    static func traceMissing(_ paths: [String]) -> Message {
        let list = paths.joined(separator: ", ")
        return Message("trace.missing", vi: "thiếu: \(list)", en: "missing: \(list)")
    }
    static func traceFailed(_ why: Message) -> Message {
        Message("trace.failed", vi: "không tính được: \(why.vi)", en: "error: \(why.en)")
    }
    static func cannotEvaluate(_ what: String) -> Message {
        Message("evaluation.internal", vi: "không tính được: \(what)", en: "cannot evaluate: \(what)")
    }
}

/// A token of an expression, in words.
struct TokenWords: Sendable {
    let vi: String
    let en: String
}

/// What an operator needs, in words.
enum ExprWord: Sendable {
    case boolean, booleans, number, numbers

    var vi: String {
        switch self {
        case .boolean: "một giá trị đúng/sai"
        case .booleans: "các giá trị đúng/sai"
        case .number: "một số"
        case .numbers: "các số"
        }
    }
    var en: String {
        switch self {
        case .boolean: "a boolean"
        case .booleans: "booleans"
        case .number: "a number"
        case .numbers: "numbers"
        }
    }
}

extension ExprType {
    /// The type's name in a language.
    func name(_ lang: Language) -> String {
        guard lang == .vi else { return description }
        switch self {
        case .integer: return "số nguyên"
        case .number: return "số"
        case .percent: return "tỷ lệ phần trăm"
        case .boolean: return "giá trị đúng/sai"
        case .date: return "ngày"
        case .string: return "văn bản"
        case .records(let p): return "danh sách bản ghi (\(p))"
        case .record(let p): return "bản ghi của \(p)"
        case .list(let t): return "danh sách \(t.name(.vi))"
        }
    }
}

extension Value {
    /// The value in a trace, in a language: `đúng`/`sai` for booleans, `[5 bản ghi]` for a list of
    /// records, text in quotes; numbers and dates as `description` writes them.
    func traceText(_ lang: Language) -> String {
        switch self {
        case .bool(let b): lang == .vi ? (b ? "đúng" : "sai") : description
        case .records(let r): lang == .vi ? "[\(r.count) bản ghi]" : description
        case .string(let s): "“\(s)”"
        case .list(let l): "[" + l.map { $0.traceText(lang) }.joined(separator: ", ") + "]"
        default: description
        }
    }
}
