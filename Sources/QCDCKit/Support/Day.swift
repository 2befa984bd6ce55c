/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01 (negative before it).
    public var ordinal: Int
    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A valid date, or nil (2025-02-30 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD` strictly.
    /// Read in place (copying the text into an array first was most of the cost: a report has
    /// thousands of dates).
    public init?(iso text: String) {
        guard let (y, m, d) = Day.isoParts(text) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The year, month and day of a `YYYY-MM-DD` text (not checked against the calendar).
    private static func isoParts(_ text: String) -> (Int, Int, Int)? {
        guard text.utf8.count == 10 else { return nil }
        var text = text
        return text.withUTF8 { u -> (Int, Int, Int)? in
            guard u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
            func num(_ r: Range<Int>) -> Int? {
                var v = 0
                for k in r { guard u[k] >= 48 && u[k] <= 57 else { return nil }; v = v * 10 + Int(u[k] - 48) }
                return v
            }
            guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
            return (y, m, d)
        }
    }

    /// True when the text has the shape `YYYY-MM-DD` (valid or not).
    public static func looksLikeDate(_ text: String) -> Bool { isoParts(text) != nil }

    /// The year, the month (1–12) and the day of the month (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
    /// The year.
    public var year: Int { components.year }

    /// Whether `y` is a leap year in the Gregorian calendar.
    public static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
    /// The number of days in `month` (1–12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The same day `n` months later, clamped to the month's last day; nil outside years 1–9999.
    public func addingMonths(checked n: Int) -> Day? {
        let c = components
        let (total, overflow) = (c.year * 12 + (c.month - 1)).addingReportingOverflow(n)
        guard !overflow, total >= 12 else { return nil }
        let y = total / 12, m = total % 12 + 1
        guard (1...9999).contains(y) else { return nil }
        return Day(year: y, month: m, day: min(c.day, Day.daysIn(month: m, year: y)))
    }

    /// The same day `n` months later, clamped to the month's last day (and to years 1–9999).
    public func addingMonths(_ n: Int) -> Day {
        addingMonths(checked: n) ?? (n < 0 ? Day(year: 1, month: 1, day: 1)! : Day(year: 9999, month: 12, day: 31)!)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        guard (0...9999).contains(c.year) else { return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))" }
        // Written digit by digit into the string's own storage: made by interpolation and
        // padding, a date cost about 5,000 instructions, and findings' fingerprints and
        // messages write several per result.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var i = 0
            func digits(_ v: Int, _ width: Int) {
                var p = 1
                for _ in 1..<width { p *= 10 }
                while p > 0 {
                    buffer[i] = UInt8(ascii: "0") + UInt8(v / p % 10)
                    i += 1
                    p /= 10
                }
            }
            digits(c.year, 4)
            buffer[i] = UInt8(ascii: "-")
            i += 1
            digits(c.month, 2)
            buffer[i] = UInt8(ascii: "-")
            i += 1
            digits(c.day, 2)
            return i
        }
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((ordinal + 3) % 7 + 7) % 7 }

    /// Monday-to-Friday days after `a` up to and including `b` (negative when b < a).
    /// Public holidays are not known to qcdc and count as working days.
    public static func workdays(after a: Day, through b: Day) -> Int {
        if b < a { return -workdays(after: b, through: a) }
        let days = a.distance(to: b)
        var n = days / 7 * 5
        var d = a.advanced(by: days / 7 * 7)
        while d < b {
            d = d.advanced(by: 1)
            if d.weekday < 5 { n += 1 }
        }
        return n
    }

    /// Earlier days first.
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    /// Days from this day to `other` (negative when `other` is earlier).
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    /// The day `n` days later (earlier for a negative `n`).
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }
}

/// An inclusive range of days: a reporting period, a rule's `in_force`
/// window, or their intersection.
public struct DateWindow: Sendable, Hashable, CustomStringConvertible {
    /// First day, or nil for "since always".
    public var from: Day?
    /// Last day (inclusive), or nil for "until further notice".
    public var until: Day?

    /// The days from `from` through `until`; nil leaves that end open.
    public init(from: Day?, until: Day?) {
        self.from = from
        self.until = until
    }
    /// The window without bounds.
    public static let always = DateWindow(from: nil, until: nil)

    /// Whether `d` is in the window (both ends inclusive).
    public func contains(_ d: Day) -> Bool {
        (from.map { d >= $0 } ?? true) && (until.map { d <= $0 } ?? true)
    }
    /// `from..until`, with `…` for an open end.
    public var description: String {
        "\(from?.description ?? "…")..\(until?.description ?? "…")"
    }
}

/// A closed period with both ends known, such as a report's period.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    /// The first day.
    public var start: Day
    /// The last day (inclusive).
    public var end: Day
    /// The days from `start` through `end`, both inclusive (not checked: `start` should not be
    /// after `end`).
    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }
    /// The calendar year `y`, 1 January through 31 December (`y` in 1–9999).
    public static func year(_ y: Int) -> Period {
        Period(start: Day(year: y, month: 1, day: 1)!, end: Day(year: y, month: 12, day: 31)!)
    }
    /// The number of days, both ends included.
    public var days: Int { start.distance(to: end) + 1 }
    /// Whole weeks in the period (days / 7, rounded down).
    public var weeks: Int { days / 7 }
    /// Calendar months the period covers entirely: from the month of `start` (the next, unless
    /// it starts on the 1st) to the month of `end` (the one before, unless it ends on the
    /// month's last day). Counted, not walked month by month (`period_months()` is asked for
    /// every report).
    public var months: Int {
        let s = start.components, e = end.components
        let first = s.year * 12 + (s.month - 1) + (s.day == 1 ? 0 : 1)
        let last = e.year * 12 + (e.month - 1) - (e.day == Day.daysIn(month: e.month, year: e.year) ? 0 : 1)
        return max(0, last - first + 1)
    }
    /// True when the period runs past the day before its first anniversary (more than 12 months).
    /// That day is 364 or 365 days after `start`, so only a period of 365 or 366 days is
    /// worked out by the calendar (every rule asks, for every report).
    public var isLongerThanAYear: Bool {
        let d = start.distance(to: end)
        if d < 364 { return false }
        if d > 365 { return true }
        return end > start.addingMonths(12).advanced(by: -1)
    }

    /// The period cut at each new calendar year (one element for a period within one year).
    public var calendarYears: [Period] {
        var out: [Period] = []
        var s = start
        while s <= end {
            let yearEnd = Day(year: s.year, month: 12, day: 31)!
            out.append(Period(start: s, end: min(yearEnd, end)))
            s = yearEnd.advanced(by: 1)
        }
        return out
    }

    /// The days of the period that are in `w`, or nil when there are none.
    public func intersect(_ w: DateWindow) -> Period? {
        let s = max(start, w.from ?? start)
        let e = min(end, w.until ?? end)
        return s <= e ? Period(start: s, end: e) : nil
    }
    /// Whether `d` is in the period (both ends inclusive).
    public func contains(_ d: Day) -> Bool { d >= start && d <= end }
    /// Whether the two periods share at least one day.
    public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }
    /// `2026` for a calendar year, else `2026-01-01..2026-06-30`.
    public var description: String {
        let s = start.components, e = end.components
        if s.month == 1 && s.day == 1 && e.month == 12 && e.day == 31 && s.year == e.year { return String(s.year) }
        return "\(start)..\(end)"
    }
}
