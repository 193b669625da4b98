import Foundation

/// Dates as the site's time zone reads them (DESIGN.md §8): a date-only front matter date is
/// midnight in `site.yaml`'s `timezone`, not in UTC, and never in the machine's zone.
struct SiteCalendar: Sendable {
    let timeZone: TimeZone

    init(timezone: String) {
        timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The instant `day` begins in the site's time zone: local midnight, found from the zone's
    /// offset in two steps (the offset at midnight read as UTC, then at the instant that gives).
    /// Foundation's calendar decides a midnight that a clock change skips, and days before
    /// 1583 (Julian there). `SiteCalendarTests` compares every day from 1970 to 2045 in twelve
    /// zones, midnight clock changes among them, with Foundation's answer.
    func start(of day: Day) -> Date {
        if day.year > 1582 {
            let local = Self.daysSinceEpoch(day) * 86_400
            func offset(_ seconds: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) }
            let instant = local - offset(local - offset(local))
            if instant + offset(instant) == local { return Date(timeIntervalSince1970: Double(instant)) }
        }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The site-local day that contains `instant` (its zone's offset there, then the civil
    /// date; Foundation's calendar before 1583). `Calendar(identifier:)` alone cost about a
    /// million instructions, 1% of a one-edit rebuild of 1,000 pages.
    func day(containing instant: Date) -> Day {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)  // rounded down
        let day = Self.day(daysSinceEpoch: days)
        if day.year > 1582 { return day }
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Days from 1970-01-01 to `day` in the proleptic Gregorian calendar (Howard Hinnant,
    /// "chrono-Compatible Low-Level Date Algorithms", 2013: `days_from_civil`).
    static func daysSinceEpoch(_ day: Day) -> Int {
        let year = day.month <= 2 ? day.year - 1 : day.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400                                             // [0, 399]
        let dayOfYear = (153 * (day.month > 2 ? day.month - 3 : day.month + 9) + 2) / 5 + day.day - 1  // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear    // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Hinnant 2013: `civil_from_days`).
    static func day(daysSinceEpoch days: Int) -> Day {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097                                                   // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // [0, 399]
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)            // [0, 365]
        let monthIndex = (5 * dayOfYear + 2) / 153                                               // [0, 11], March first
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// RFC 3339 (Atom): `2026-10-12T00:00:00+08:00`, `Z` for UTC.
    func rfc3339(_ day: Day) -> String {
        "\(day)T00:00:00" + offset(at: start(of: day), separator: ":", utcAsZ: true)
    }

    /// RFC 822 as RSS 2.0 writes it, with English names: `Mon, 12 Oct 2026 00:00:00 +0800`.
    func rfc822(_ day: Day) -> String {
        let weekday = day.year > 1582  // 1 = Sunday; 1970-01-01 was a Thursday
            ? ((Self.daysSinceEpoch(day) % 7 + 7) % 7 + 4) % 7 + 1
            : calendar.component(.weekday, from: start(of: day))
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let dayText = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        return "\(days[weekday - 1]), \(dayText) \(months[day.month - 1]) \(day.year) 00:00:00 "
            + offset(at: start(of: day), separator: "", utcAsZ: false)
    }

    private func offset(at instant: Date, separator: String, utcAsZ: Bool) -> String {
        let seconds = timeZone.secondsFromGMT(for: instant)
        if seconds == 0 && utcAsZ { return "Z" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return sign + pad(minutes / 60) + separator + pad(minutes % 60)
    }
}
