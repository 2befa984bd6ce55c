import Foundation

/// The official working calendar of state agencies: which days are days off (public holidays,
/// Tết, swapped days) and which Saturdays are worked instead. Declared in rule sets under
/// `calendar:` (the national set's is `rules/national/calendar.yaml`, with its sources), merged
/// across `extends`.
///
/// For a year without an official schedule, the fixed-date statutory holidays (`fixed_days_off`)
/// are days off, as is every day from two days before to four days after Lunar New Year's Day
/// (`lunar_new_year`), and the ISO week holding Lunar New Year's Day is the Tết week: weekly
/// duties do not apply to it. Unknown swapped days and the Hùng Kings' day are not guessed.
package struct WorkCalendar: Sendable, Hashable {
    /// Weekdays that are days off, by date.
    package var daysOff: [Day: String] = [:] { didSet { weeks = WeekCache() } }
    /// Weekend days worked instead of a day off (make-up Saturdays).
    package var workingDays: Set<Day> = [] { didSet { weeks = WeekCache() } }
    /// Years whose days off are listed in full (an official schedule was published).
    package var scheduledYears: Set<Int> = [] { didSet { weeks = WeekCache() } }
    /// Month-day pairs off every year without a schedule (Labour Code Art 112: 1/1, 30/4, 1/5, 2/9).
    package var fixedDaysOff: [(month: Int, day: Int)] = [] { didSet { weeks = WeekCache() } }
    /// Lunar New Year's Day (Mùng 1 Tết) by solar year.
    package var lunarNewYear: [Int: Day] = [:] { didSet { weeks = WeekCache() } }
    /// ``requiredWeeks(in:)`` and ``wholeMonths(in:)`` by window: every report of a year asks
    /// for the same weeks and months. A change to the calendar gives it a new, empty cache
    /// (copies made before keep theirs).
    private var weeks = WeekCache()

    /// Results shared by the copies of one calendar, across threads: the weeks
    /// (``requiredWeeks(in:)``) or the months (``wholeMonths(in:)``) of a window.
    private final class WeekCache: @unchecked Sendable {
        private struct Key: Hashable {
            var window: Period
            var months: Bool
        }
        private let lock = NSLock()
        private var periods: [Key: [Period]] = [:]

        func get(_ window: Period, months: Bool = false, _ make: () -> [Period]) -> [Period] {
            let key = Key(window: window, months: months)
            if let hit = lock.withLock({ periods[key] }) { return hit }
            let value = make()
            lock.withLock { if periods.count < 256 { periods[key] = value } }
            return value
        }
    }

    package init() {}

    package static func == (a: WorkCalendar, b: WorkCalendar) -> Bool {
        a.daysOff == b.daysOff && a.workingDays == b.workingDays && a.scheduledYears == b.scheduledYears
            && a.fixedDaysOff.map { [$0.month, $0.day] } == b.fixedDaysOff.map { [$0.month, $0.day] } && a.lunarNewYear == b.lunarNewYear
    }
    package func hash(into h: inout Hasher) { h.combine(daysOff.count); h.combine(workingDays.count); h.combine(scheduledYears) }

    /// Adds another calendar's days (overlays may add local days off).
    mutating func merge(_ other: WorkCalendar) {
        daysOff.merge(other.daysOff) { a, _ in a }
        workingDays.formUnion(other.workingDays)
        scheduledYears.formUnion(other.scheduledYears)
        for f in other.fixedDaysOff where !fixedDaysOff.contains(where: { $0 == f }) { fixedDaysOff.append(f) }
        lunarNewYear.merge(other.lunarNewYear) { a, _ in a }
    }

    /// Whether state agencies work on `d`.
    package func isWorkingDay(_ d: Day) -> Bool {
        if workingDays.contains(d) { return true }
        if d.weekday >= 5 { return false }
        if daysOff[d] != nil { return false }
        if !scheduledYears.contains(d.year) {
            let c = d.components
            if fixedDaysOff.contains(where: { $0.month == c.month && $0.day == c.day }) { return false }
            if inEstimatedTet(d) { return false }
        }
        return true
    }

    /// In a year without an official schedule, the five statutory Tết days (Labour Code
    /// Art 112(1)(b)) are placed by the Prime Minister each year; 2024–2026 put them between
    /// two days before and four days after Lunar New Year's Day. Every day of that span counts
    /// as off, so a deadline near Tết is never judged earlier than the real schedule would.
    func inEstimatedTet(_ d: Day) -> Bool {
        guard let lny = lunarNewYear[d.year] ?? lunarNewYear[d.year + 1] ?? lunarNewYear[d.year - 1] else { return false }
        guard !scheduledYears.contains(lny.year) else { return false }
        return d >= lny.advanced(by: -2) && d <= lny.advanced(by: 4)
    }

    /// The name of the day off, if `d` is one.
    package func dayOffName(_ d: Day) -> String? { daysOff[d] }

    /// The last day of a time limit of `days` days counted from `start` (the first day not
    /// counted), moved to the next working day when it falls on a weekend or a day off
    /// (Civil Code 2015, Art 147–148).
    package func deadline(from start: Day, days: Int) -> Day {
        var d = start.advanced(by: days)
        var guardSteps = 0
        while !isWorkingDay(d) && guardSteps < 60 {
            d = d.advanced(by: 1)
            guardSteps += 1
        }
        return d
    }

    /// Working days after `a` up to and including `b` (negative when b < a).
    package func workdays(after a: Day, through b: Day) -> Int {
        if b < a { return -workdays(after: b, through: a) }
        var n = 0
        var d = a.advanced(by: 1)
        while d <= b {
            if isWorkingDay(d) { n += 1 }
            d = d.advanced(by: 1)
        }
        return n
    }

    /// The ISO weeks (Monday–Sunday) that lie wholly inside `window` and in which a weekly
    /// duty applies: weeks with no working day (a Tết week) are exempt, as is the week of
    /// Lunar New Year in a year without an official schedule.
    package func requiredWeeks(in window: Period) -> [Period] {
        self.weeks.get(window) { computeRequiredWeeks(in: window) }
    }

    private func computeRequiredWeeks(in window: Period) -> [Period] {
        var weeks: [Period] = []
        var monday = window.start.advanced(by: (7 - window.start.weekday) % 7)
        while monday.advanced(by: 6) <= window.end {
            let week = Period(start: monday, end: monday.advanced(by: 6))
            let works = (0..<5).contains { isWorkingDay(monday.advanced(by: $0)) }
            let tet = lunarNewYear[monday.year].map { week.contains($0) && !scheduledYears.contains($0.year) } ?? false
                || lunarNewYear[monday.advanced(by: 6).year].map { week.contains($0) && !scheduledYears.contains($0.year) } ?? false
            if works && !tet { weeks.append(week) }
            monday = monday.advanced(by: 7)
        }
        return weeks
    }

    /// The calendar months that lie wholly inside `window` (worked out once per window, like
    /// the weeks).
    package func wholeMonths(in window: Period) -> [Period] {
        weeks.get(window, months: true) { Self.computeWholeMonths(in: window) }
    }

    private static func computeWholeMonths(in window: Period) -> [Period] {
        var months: [Period] = []
        let c = window.start.components
        var first = Day(year: c.year, month: c.month, day: 1)!
        if first < window.start { first = first.addingMonths(1) }
        while true {
            let last = first.addingMonths(1).advanced(by: -1)
            guard last <= window.end else { break }
            months.append(Period(start: first, end: last))
            first = first.addingMonths(1)
        }
        return months
    }
}

extension Period {
    /// `2026-W06` for an ISO week, `2026-03` for a calendar month, else the period itself.
    var label: String {
        if days == 7 && start.weekday == 0 {
            // ISO week-numbering year: the year of the week's Thursday.
            let thursday = start.advanced(by: 3)
            let jan4 = Day(year: thursday.year, month: 1, day: 4)!
            let week1Monday = jan4.advanced(by: -jan4.weekday)
            let n = week1Monday.distance(to: start) / 7 + 1
            return "\(thursday.year)-W\(n < 10 ? "0" : "")\(n)"
        }
        let s = start.components, e = end.components
        if s.day == 1 && s.year == e.year && s.month == e.month && e.day == Day.daysIn(month: e.month, year: e.year) {
            return "\(s.year)-\(s.month < 10 ? "0" : "")\(s.month)"
        }
        return description
    }
}
