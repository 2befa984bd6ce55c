/// The built-in functions of the expression language (aggregates over lists are ``Aggregate``).
///
/// Each function is declared once, here: its signature, its type rule, how it evaluates, how
/// `qcdc explain` says it in words, and its line in `docs/expressions.md` (a test checks that
/// the documentation lists every case). The type checker and the evaluator switch over this
/// enum exhaustively, so a new function cannot be half-added.
enum Builtin: String, CaseIterable, Sendable {
    case min, max, abs, floor, ceil, len, exists
    case `if`
    case daysBetween = "days_between", workdaysBetween = "workdays_between"
    case addDays = "add_days", addMonths = "add_months"
    case deadline, isWorkingDay = "is_working_day"
    case periodStart = "period_start", periodEnd = "period_end", periodDays = "period_days"
    case periodWeeks = "period_weeks", periodMonths = "period_months", requiredWeeks = "required_weeks"
    case reportStart = "report_start", reportEnd = "report_end", inPeriod = "in_period"

    /// How the function is called, for messages and documentation.
    var signature: String {
        switch self {
        case .min, .max: "\(rawValue)(a, b, …)"
        case .abs, .floor, .ceil: "\(rawValue)(x)"
        case .len: "len(LIST)"
        case .exists: "exists(FACT)"
        case .if: "if(COND, A, B)"
        case .daysBetween, .workdaysBetween: "\(rawValue)(a, b)"
        case .addDays, .addMonths: "\(rawValue)(d, n)"
        case .deadline: "deadline(d, n)"
        case .isWorkingDay: "is_working_day(d)"
        case .inPeriod: "in_period(d)"
        default: "\(rawValue)()"
        }
    }

    /// What it gives, in the words of `docs/expressions.md`.
    var documentation: String {
        switch self {
        case .min, .max: "the smallest or largest of numbers or dates"
        case .abs: "the absolute value"
        case .floor, .ceil: "rounded down or up to an integer"
        case .len: "integer: the number of records in a list fact"
        case .exists: "boolean: the fact is reported (never `missing`)"
        case .if: "A when COND holds, else B (only the branch taken is evaluated)"
        case .daysBetween: "integer days from a to b"
        case .workdaysBetween: "working days after a up to and including b, by the rule set's calendar (weekends, public holidays and Tết off; make-up Saturdays worked)"
        case .addDays: "date: d plus n days"
        case .addMonths: "date: d plus n months (clamped to the month's end)"
        case .deadline: "date: the last day of a time limit of n days counted from d, moved to the next working day when it falls on a weekend or day off (Civil Code 2015, Art 147–148)"
        case .isWorkingDay: "boolean: d is a working day by the calendar"
        case .periodStart, .periodEnd: "the judged window's first or last day"
        case .periodDays: "days in the window"
        case .periodWeeks: "whole weeks in the window (days ÷ 7, rounded down)"
        case .periodMonths: "calendar months the window covers entirely"
        case .requiredWeeks: "ISO weeks wholly inside the window that hold a working day (a Tết week does not)"
        case .reportStart, .reportEnd: "the report period's first or last day (not cut by the rule's dates in force): the day pending cases are judged at"
        case .inPeriod: "whether a date falls in the window"
        }
    }

    /// Fixed argument types and result, for the functions whose typing is that simple.
    var fixedSignature: (arguments: [ExprType], result: ExprType)? {
        switch self {
        case .floor, .ceil: ([.number], .integer)
        case .daysBetween, .workdaysBetween: ([.date, .date], .integer)
        case .addDays, .addMonths, .deadline: ([.date, .integer], .date)
        case .isWorkingDay, .inPeriod: ([.date], .boolean)
        case .periodStart, .periodEnd, .reportStart, .reportEnd: ([], .date)
        case .periodDays, .periodWeeks, .periodMonths, .requiredWeeks: ([], .integer)
        case .min, .max, .abs, .len, .exists, .if: nil
        }
    }

    /// The function in plain words, given its arguments already described.
    func describe(_ a: [String], _ lang: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { lang.pick(vi, en) }
        switch self {
        case .periodWeeks: return t("số tuần của kỳ được đánh giá", "the weeks in the period judged")
        case .periodMonths: return t("số tháng của kỳ được đánh giá", "the months in the period judged")
        case .periodDays: return t("số ngày của kỳ được đánh giá", "the days in the period judged")
        case .requiredWeeks: return t("số tuần trọn vẹn có ngày làm việc trong kỳ", "the whole weeks with a working day in the period")
        case .periodStart: return t("ngày đầu kỳ", "the first day of the period")
        case .periodEnd: return t("ngày cuối kỳ", "the last day of the period")
        case .reportStart: return t("ngày đầu kỳ báo cáo", "the first day of the report period")
        case .reportEnd: return t("ngày cuối kỳ báo cáo", "the last day of the report period")
        case .inPeriod: return "\(a[0]) \(t("nằm trong kỳ", "falls in the period"))"
        case .exists: return "\(a[0]) \(t("được báo cáo", "is reported"))"
        case .len: return t("số mục của \(a[0])", "the number of entries in \(a[0])")
        case .if: return "(\(a[1]) \(t("nếu", "if")) \(a[0]), \(t("ngược lại", "otherwise")) \(a[2]))"
        case .addMonths: return "\(a[0]) + \(a[1]) \(t("tháng", "months"))"
        case .addDays: return "\(a[0]) + \(a[1]) \(t("ngày", "days"))"
        case .deadline: return t("hạn chót \(a[1]) ngày kể từ \(a[0]) (lùi sang ngày làm việc kế tiếp nếu rơi vào ngày nghỉ)",
                                 "the deadline \(a[1]) days after \(a[0]) (moved to the next working day if it falls on a day off)")
        case .isWorkingDay: return t("\(a[0]) là ngày làm việc", "\(a[0]) is a working day")
        case .daysBetween: return t("số ngày từ \(a[0]) đến \(a[1])", "the days from \(a[0]) to \(a[1])")
        case .workdaysBetween: return t("số ngày làm việc từ \(a[0]) đến \(a[1])", "the working days from \(a[0]) to \(a[1])")
        case .min: return t("giá trị nhỏ nhất của \(a.joined(separator: ", "))", "the smallest of \(a.joined(separator: ", "))")
        case .max: return t("giá trị lớn nhất của \(a.joined(separator: ", "))", "the largest of \(a.joined(separator: ", "))")
        case .abs, .floor, .ceil: return "\(rawValue)(\(a.joined(separator: ", ")))"
        }
    }

    /// Evaluates the function on argument values (not `exists` and `if`, which the evaluator
    /// handles because they look at their arguments unevaluated).
    func evaluate(_ values: [Value], origin: Origin?, _ context: EvaluationContext) -> Outcome {
        let period = context.period
        let calendar = context.calendar
        func date(_ i: Int) -> Day? { if case .date(let d) = values[i] { return d }; return nil }
        switch self {
        case .periodStart: return .value(.date(period.start), origin: nil)
        case .periodEnd: return .value(.date(period.end), origin: nil)
        case .reportStart: return .value(.date(context.reportPeriod.start), origin: nil)
        case .reportEnd: return .value(.date(context.reportPeriod.end), origin: nil)
        case .periodDays: return .value(.int(Int64(period.days)), origin: nil)
        case .periodWeeks: return .value(.int(Int64(period.weeks)), origin: nil)
        case .periodMonths: return .value(.int(Int64(period.months)), origin: nil)
        case .requiredWeeks: return .value(.int(Int64(calendar.requiredWeeks(in: period).count)), origin: nil)
        case .min, .max:
            var best = values[0]
            for v in values.dropFirst() where Evaluator.compare(self == .min ? .less : .greater, v, best) { best = v }
            return .value(best, origin: origin)
        case .abs:
            switch values[0] {
            case .int(let i): return i == .min ? .failure(.integerOverflow) : .value(.int(Swift.abs(i)), origin: origin)
            case .percent(let d): return .value(.percent(Swift.abs(d)), origin: origin)
            default: return .value(.number(Swift.abs(values[0].asDouble ?? 0)), origin: origin)
            }
        case .floor, .ceil:
            let d = values[0].asDouble ?? 0
            let r = self == .floor ? d.rounded(.down) : d.rounded(.up)
            guard Swift.abs(r) < 9e18 else { return .failure(.integerOverflow) }
            return .value(.int(Int64(r)), origin: origin)
        case .len:
            if case .records(let r) = values[0] { return .value(.int(Int64(r.count)), origin: origin) }
            return .failure(.cannotEvaluate("len needs a list"))
        case .daysBetween:
            guard let a = date(0), let b = date(1) else { return .failure(.cannotEvaluate("days_between needs dates")) }
            return .value(.int(Int64(a.distance(to: b))), origin: origin)
        case .workdaysBetween:
            guard let a = date(0), let b = date(1), Swift.abs(a.distance(to: b)) <= 40_000 else {
                return .failure(.datesTooFarApart("workdays_between"))
            }
            return .value(.int(Int64(calendar.workdays(after: a, through: b))), origin: origin)
        case .addDays:
            return Evaluator.arithmetic(.add, values[0], values[1], origin: origin)
        case .addMonths:
            guard let d = date(0), case .int(let n) = values[1], Swift.abs(n) < 100_000, let r = d.addingMonths(checked: Int(n)) else {
                return .failure(.functionOutOfRange("add_months"))
            }
            return .value(.date(r), origin: origin)
        case .deadline:
            guard let d = date(0), case .int(let n) = values[1], Swift.abs(n) < 100_000 else { return .failure(.functionOutOfRange("deadline")) }
            return .value(.date(calendar.deadline(from: d, days: Int(n))), origin: origin)
        case .isWorkingDay:
            guard let d = date(0) else { return .failure(.cannotEvaluate("is_working_day needs a date")) }
            return .value(.bool(calendar.isWorkingDay(d)), origin: origin)
        case .inPeriod:
            guard let d = date(0) else { return .failure(.cannotEvaluate("in_period needs a date")) }
            return .value(.bool(period.contains(d)), origin: origin)
        case .exists, .if:
            return .failure(.cannotEvaluate("\(rawValue) is evaluated by the evaluator"))
        }
    }
}

extension Aggregate {
    /// How the aggregate is called, for documentation.
    var signature: String {
        switch self {
        case .count: "count(x in LIST where COND)"
        case .sum, .min, .max: "\(rawValue)(x in LIST where COND: EXPR)"
        case .any, .all: "\(rawValue)(x in LIST where COND: COND)"
        case .perWeek, .perMonth: "\(rawValue)(x in LIST where COND: DATE)"
        }
    }

    var documentation: String {
        switch self {
        case .count: "integer: the records (that meet COND)"
        case .sum: "the type of EXPR"
        case .min, .max: "numbers or dates; `error` on an empty list"
        case .any, .all: "boolean; `all` flags the records that fail"
        case .perWeek: "integer: the fewest dates falling in one required week (`required_weeks()`); the weeks below the expected count are named in the result"
        case .perMonth: "integer: the fewest dates falling in one calendar month wholly inside the window; the months below the expected count are named"
        }
    }
}

/// The "Functions" table of `docs/expressions.md`, generated from the declarations above (a
/// test fails, printing this, when the documentation and the code disagree).
enum ExpressionDocumentation {
    static var functionsTable: String {
        var rows = ["| Function | Result |", "|---|---|"]
        for a in Aggregate.allCases { rows.append("| `\(a.signature)` | \(a.documentation) |") }
        for f in Builtin.allCases { rows.append("| `\(f.signature)` | \(f.documentation) |") }
        return rows.joined(separator: "\n")
    }
}
