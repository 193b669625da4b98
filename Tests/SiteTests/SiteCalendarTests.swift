import Foundation
import Testing
@testable import Site

/// SiteCalendar's own date arithmetic against Foundation's Gregorian calendar, which it
/// replaces on the build's path (`day(containing:)`, `start(of:)`, the RSS weekday).
@Suite struct SiteCalendarTests {
    /// Zones with whole, half- and three-quarter-hour offsets, daylight saving time, clocks
    /// changed at midnight (America/Havana, America/Santiago, Asia/Beirut), and a day skipped
    /// (Pacific/Apia lost 2011-12-30).
    static let zones = ["UTC", "Asia/Taipei", "America/New_York", "Europe/London", "Australia/Lord_Howe",
                        "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "America/Havana", "America/Santiago",
                        "Asia/Beirut", "Pacific/Apia"]

    static func foundation(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    @Test func daysSinceEpochRoundTripsAndMatchesKnownDates() {
        #expect(SiteCalendar.daysSinceEpoch(Day(year: 1970, month: 1, day: 1)) == 0)
        #expect(SiteCalendar.daysSinceEpoch(Day(year: 2000, month: 3, day: 1)) == 11_017)
        #expect(SiteCalendar.daysSinceEpoch(Day(year: 1969, month: 12, day: 31)) == -1)
        #expect(SiteCalendar.day(daysSinceEpoch: 20_513) == Day(year: 2026, month: 3, day: 1))
        for days in stride(from: -200_000, through: 200_000, by: 37) {
            #expect(SiteCalendar.daysSinceEpoch(SiteCalendar.day(daysSinceEpoch: days)) == days)
        }
    }

    /// Every day from 1970 to 2045 in every zone: the same midnight as Foundation, the same
    /// day for that midnight and for the last second before the next, the same weekday.
    @Test(arguments: zones)
    func agreesWithFoundation(zone: String) {
        let ours = SiteCalendar(timezone: zone)
        let theirs = Self.foundation(zone)
        var mismatches: [String] = []
        for days in 0..<(76 * 365) {
            let day = SiteCalendar.day(daysSinceEpoch: days)
            guard let midnight = theirs.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
                continue
            }
            let start = ours.start(of: day)
            if start != midnight { mismatches.append("\(day) starts \(start), Foundation \(midnight)") }
            for instant in [midnight, midnight.addingTimeInterval(43_200)] {
                let parts = theirs.dateComponents([.year, .month, .day], from: instant)
                let expected = Day(year: parts.year!, month: parts.month!, day: parts.day!)
                if ours.day(containing: instant) != expected {
                    mismatches.append("\(instant) is \(ours.day(containing: instant)), Foundation \(expected)")
                }
            }
            if days % 7 == 0 {
                let weekday = theirs.component(.weekday, from: midnight) - 1
                let name = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][weekday]
                if !ours.rfc822(day).hasPrefix(name + ",") { mismatches.append("\(day): \(ours.rfc822(day)), Foundation \(name)") }
            }
            if mismatches.count > 5 { break }
        }
        #expect(mismatches.isEmpty, "\(zone): \(mismatches.prefix(5))")
    }

    @Test func formatsFeedDates() {
        let taipei = SiteCalendar(timezone: "Asia/Taipei")
        #expect(taipei.rfc3339(Day(year: 2026, month: 10, day: 12)) == "2026-10-12T00:00:00+08:00")
        #expect(taipei.rfc822(Day(year: 2026, month: 10, day: 12)) == "Mon, 12 Oct 2026 00:00:00 +0800")
        let utc = SiteCalendar(timezone: "UTC")
        #expect(utc.rfc3339(Day(year: 2024, month: 2, day: 29)) == "2024-02-29T00:00:00Z")
        #expect(utc.rfc822(Day(year: 2024, month: 2, day: 29)) == "Thu, 29 Feb 2024 00:00:00 +0000")
        #expect(utc.day(containing: Date(timeIntervalSince1970: -1)) == Day(year: 1969, month: 12, day: 31))
    }
}
