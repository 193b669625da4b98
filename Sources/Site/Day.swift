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
        var utf8 = text.utf8[...]
        while let first = utf8.first, first == UInt8(ascii: "T") || first == UInt8(ascii: " ") { utf8 = utf8.dropFirst() }
        let end = utf8.firstIndex { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") } ?? utf8.endIndex
        let bytes = Array(utf8[..<end])
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
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
