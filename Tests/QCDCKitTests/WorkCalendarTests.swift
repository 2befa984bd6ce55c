import Testing
@testable import QCDCKit

private func day(_ s: String) -> Day { Day(iso: s)! }
private var cal: WorkCalendar { builtin.calendar }

@Suite("The working calendar: days off, deadlines, weeks")
struct WorkCalendarTests {
    @Test func officialScheduleOf2026() {
        // Tết Bính Ngọ: 14–22 February; Lunar New Year's Day is Tuesday 17 February.
        for d in ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] { #expect(!cal.isWorkingDay(day(d)), "\(d)") }
        #expect(cal.isWorkingDay(day("2026-02-23")))
        // New Year: Friday 2 January off, made up on Saturday 10 January.
        #expect(!cal.isWorkingDay(day("2026-01-02")))
        #expect(cal.isWorkingDay(day("2026-01-10")))
        #expect(!cal.isWorkingDay(day("2026-01-17")))   // an ordinary Saturday
        // National Day: 1 and 2 September.
        #expect(!cal.isWorkingDay(day("2026-09-01")) && !cal.isWorkingDay(day("2026-09-02")))
        #expect(cal.dayOffName(day("2026-02-17"))?.contains("Tết") == true)
    }

    @Test func yearsWithoutASchedule() {
        // 2027 has no official schedule: fixed holidays, and the span around Lunar New Year's
        // Day (Saturday 6 February 2027) from two days before to four after.
        #expect(!cal.isWorkingDay(day("2027-01-01")))
        #expect(!cal.isWorkingDay(day("2027-04-30")))
        #expect(!cal.isWorkingDay(day("2027-02-04")) && !cal.isWorkingDay(day("2027-02-10")))
        #expect(cal.isWorkingDay(day("2027-02-03")) && cal.isWorkingDay(day("2027-02-11")))
        // 2020 likewise: Lunar New Year's Day was Saturday 25 January 2020.
        #expect(!cal.isWorkingDay(day("2020-01-27")))
        #expect(cal.isWorkingDay(day("2020-01-22")))
    }

    @Test func deadlinesRollOverToTheNextWorkingDay() {
        // Civil Code Art 147–148: the first day is not counted; a limit ending on a day off ends
        // on the next working day.
        #expect(cal.deadline(from: day("2026-03-02"), days: 10) == day("2026-03-12"))   // a Thursday
        #expect(cal.deadline(from: day("2026-03-04"), days: 10) == day("2026-03-16"))   // Saturday 14 → Monday 16
        #expect(cal.deadline(from: day("2026-01-15"), days: 30) == day("2026-02-23"))   // 14 Feb, inside Tết → 23 Feb
        #expect(cal.deadline(from: day("2026-08-02"), days: 30) == day("2026-09-03"))   // 1 Sep off, 2 Sep off → 3 Sep
    }

    @Test func workingDaysBetween() {
        #expect(cal.workdays(after: day("2026-03-02"), through: day("2026-03-09")) == 5)
        #expect(cal.workdays(after: day("2026-02-13"), through: day("2026-02-24")) == 2)   // Tết in between
        #expect(cal.workdays(after: day("2026-03-09"), through: day("2026-03-02")) == -5)
        #expect(cal.workdays(after: day("2026-03-02"), through: day("2026-03-02")) == 0)
    }

    @Test func requiredWeeksAreWholeWeeksWithAWorkingDay() {
        // January–June 2026: week 1 starts in 2025 and week 27 ends in July, so weeks 2–26
        // lie inside; week 8 (16–22 February) has no working day.
        let weeks = cal.requiredWeeks(in: Period(start: day("2026-01-01"), end: day("2026-06-30")))
        let labels = weeks.map(\.label)
        #expect(labels.first == "2026-W02" && labels.last == "2026-W26")
        #expect(!labels.contains("2026-W08"))
        #expect(weeks.count == 24)
        // A window of less than a whole week requires none.
        #expect(cal.requiredWeeks(in: Period(start: day("2026-03-04"), end: day("2026-03-09"))).isEmpty)
        // In a year without a schedule the week of Lunar New Year's Day is exempt.
        let w2027 = cal.requiredWeeks(in: Period(start: day("2027-02-01"), end: day("2027-02-14"))).map(\.label)
        #expect(w2027 == ["2027-W06"])   // W05 (1–7 February) holds Lunar New Year's Day
    }

    /// The weeks are remembered per window; a calendar changed afterwards (an overlay's days
    /// off) answers for itself, and the copy made before it keeps the old answer.
    @Test func rememberedWeeksFollowChangesToTheCalendar() {
        let march = Period(start: day("2026-03-01"), end: day("2026-03-31"))
        let before = cal
        var changed = cal
        #expect(before.requiredWeeks(in: march).count == 4)
        for d in ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"] { changed.daysOff[day(d)] = "local" }
        #expect(changed.requiredWeeks(in: march).map(\.label) == ["2026-W10", "2026-W12", "2026-W13"])
        #expect(before.requiredWeeks(in: march).count == 4)
        var merged = before
        merged.merge(changed)
        #expect(merged.requiredWeeks(in: march).count == 3)
    }

    @Test func isoWeekLabelsAcrossTheYearEnd() {
        #expect(Period(start: day("2026-12-28"), end: day("2027-01-03")).label == "2026-W53")
        #expect(Period(start: day("2025-12-29"), end: day("2026-01-04")).label == "2026-W01")
        #expect(Period(start: day("2026-03-01"), end: day("2026-03-31")).label == "2026-03")
    }

    @Test func wholeMonths() {
        let months = cal.wholeMonths(in: Period(start: day("2026-07-15"), end: day("2026-12-31"))).map(\.label)
        #expect(months == ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
        #expect(cal.wholeMonths(in: Period(start: day("2026-02-01"), end: day("2026-02-27"))).isEmpty)
    }
}
