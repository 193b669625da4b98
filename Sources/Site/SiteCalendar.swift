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

    /// The instant `day` begins in the site's time zone.
    func start(of day: Day) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The site-local day that contains `instant`.
    func day(containing instant: Date) -> Day {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// RFC 3339 (Atom): `2026-10-12T00:00:00+08:00`, `Z` for UTC.
    func rfc3339(_ day: Day) -> String {
        "\(day)T00:00:00" + offset(at: start(of: day), separator: ":", utcAsZ: true)
    }

    /// RFC 822 as RSS 2.0 writes it, with English names: `Mon, 12 Oct 2026 00:00:00 +0800`.
    func rfc822(_ day: Day) -> String {
        let weekday = calendar.component(.weekday, from: start(of: day))  // 1 = Sunday
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
