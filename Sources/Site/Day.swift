/// A calendar date without time or zone, as front matter writes it (`2026-10-12`).
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A day from its parts, which must name a real day (a programmer error otherwise).
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month) && day >= 1 && day <= Day.daysIn(month: month, year: year), "not a day")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a time part after `T` or a space is ignored, as are a `T` or spaces
    /// before it); nil when the text is not a real day of the Gregorian calendar, written with
    /// ASCII digits. Reads bytes: the page cache parses a date per article on every rebuild.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Day.parse($0) }) else { return nil }
        self = parsed
    }

    /// `init?(_:)` on the text's bytes, in place (no array is made).
    private static func parse(_ all: UnsafeBufferPointer<UInt8>) -> Day? {
        func separator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "T") || byte == UInt8(ascii: " ") }
        var start = 0
        while start < all.count, separator(all[start]) { start += 1 }
        var end = start
        while end < all.count, !separator(all[end]) { end += 1 }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in all[(start + from)..<(start + from + count)] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard end - start == 10, all[start + 4] == UInt8(ascii: "-"), all[start + 7] == UInt8(ascii: "-"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601: `2026-10-12`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// The date as readers of `language` write it: `12 October 2026` (English and the
    /// default), `2026年10月12日` (Chinese and Japanese).
    public func text(language: String) -> String {
        if language.hasPrefix("zh") || language.hasPrefix("ja") {
            return "\(year)年\(month)月\(day)日"
        }
        return "\(day) \(Day.englishMonths[month - 1]) \(year)"
    }
}
