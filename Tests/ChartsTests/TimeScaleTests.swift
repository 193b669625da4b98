import Charts
import Testing

@Suite("Time scale and calendar")
struct TimeScaleTests {
    @Test func calendarDaysRoundTripThroughDaysSinceEpoch() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CalendarDate(daysSinceEpoch: -1) == CalendarDate(year: 1969, month: 12, day: 31))
        #expect(CalendarDate(year: 2024, month: 2, day: 29).weekday == 4)  // a Thursday
        #expect(CalendarDate(year: 2023, month: 13, day: 1) == CalendarDate(year: 2023, month: 13, day: 1))
        #expect(CalendarDate(daysSinceEpoch: CalendarDate(year: 2023, month: 13, day: 1).daysSinceEpoch)
                == CalendarDate(year: 2024, month: 1, day: 1))
        var random = LCG(seed: 5)
        for _ in 0..<1000 {
            let days = Int(random.uniform(-200_000, 200_000))
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
    }

    func labels(_ from: String, _ to: String, count: Int) -> [String] {
        let scale = TimeScale(dates: [CalendarDate(iso: from)!, CalendarDate(iso: to)!])
        return TimeScale.labels(for: scale.ticks(count: count))
    }

    @Test func quarterTicksShowTheYearWhereItChanges() {
        #expect(labels("2023-01-01", "2024-12-31", count: 8)
                == ["2023", "Apr", "Jul", "Oct", "2024", "Apr", "Jul", "Oct"])
        #expect(labels("2023-02-15", "2024-03-31", count: 5)
                == ["Apr\n2023", "Jul", "Oct", "2024"])
    }

    @Test func longSpansTickOnYears() {
        #expect(labels("2012-09-30", "2024-07-23", count: 6) == ["2014", "2016", "2018", "2020", "2022", "2024"])
        #expect(labels("1900-01-01", "2000-01-01", count: 5) == ["1900", "1920", "1940", "1960", "1980", "2000"])
    }

    @Test func shortSpansTickOnMonthsWeeksAndDays() {
        #expect(labels("2024-01-01", "2024-06-30", count: 6) == ["2024", "Feb", "Mar", "Apr", "May", "Jun"])
        // Weeks start on Sunday (d3's utcWeek); the year appears where it changes.
        #expect(labels("2023-12-10", "2024-01-20", count: 6)
                == ["Dec 10\n2023", "Dec 17", "Dec 24", "Dec 31", "Jan 7\n2024", "Jan 14"])
        #expect(labels("2024-03-01", "2024-03-08", count: 7)
                == ["Mar\n2024", "Mar 2", "Mar 3", "Mar 4", "Mar 5", "Mar 6", "Mar 7", "Mar 8"])
    }

    @Test func degenerateAndEmptyDomains() {
        let day = CalendarDate(year: 2024, month: 5, day: 1)
        #expect(TimeScale(dates: [day, day]).ticks(count: 5) == [day.secondsSinceEpoch])
        #expect(TimeScale(dates: [day, day]).padded().ticks(count: 5).count >= 2)
        #expect(TimeScale(dates: [day, day]).ticks(count: 0) == [])
    }
}
