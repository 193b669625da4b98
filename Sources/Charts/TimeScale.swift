/// A linear map from UTC time (seconds since 1970-01-01T00:00:00Z) to a range, with ticks on
/// calendar boundaries (years, quarters, months, weeks, days, hours…).
///
/// - Source: d3-scale `scaleUtc` (tick interval choice, multi-scale tick format).
public struct TimeScale: Sendable, Equatable {
    /// Two instants in seconds since the epoch; may be descending.
    public var domain: [Double]
    public var range: [Double]

    public init(domain: [Double], range: [Double] = [0, 1]) {
        precondition(domain.count == 2 && range.count == 2, "a time scale maps two instants to two values")
        self.domain = domain
        self.range = range
    }

    /// A scale over whole days.
    public init(dates: [CalendarDate], range: [Double] = [0, 1]) {
        precondition(dates.count == 2, "a time scale maps two instants to two values")
        self.init(domain: dates.map(\.secondsSinceEpoch), range: range)
    }

    public func callAsFunction(_ seconds: Double) -> Double {
        LinearScale(domain: domain, range: range)(seconds)
    }

    public func callAsFunction(_ date: CalendarDate) -> Double {
        self(date.secondsSinceEpoch)
    }

    /// The calendar interval `ticks(count:)` uses.
    public func tickInterval(count: Int = 10) -> CalendarInterval {
        let (a, b) = (min(domain[0], domain[1]), max(domain[0], domain[1]))
        return CalendarInterval.forTicks(from: a, to: b, count: count)
    }

    /// Instants on calendar boundaries inside the domain, in domain order.
    ///
    /// - Returns: `[]` for `count <= 0`; the single instant for a degenerate domain.
    public func ticks(count: Int = 10) -> [Double] {
        guard count > 0 else { return [] }
        let (a, b) = (min(domain[0], domain[1]), max(domain[0], domain[1]))
        if a == b { return [a] }
        let result = tickInterval(count: count).boundaries(from: a, to: b)
        return domain[1] < domain[0] ? result.reversed() : result
    }

    /// The domain extended outwards to boundaries of the tick interval.
    public func nice(count: Int = 10) -> TimeScale {
        let (a, b) = (min(domain[0], domain[1]), max(domain[0], domain[1]))
        guard a < b else { return self }
        let interval = tickInterval(count: count)
        let lo = interval.floor(a)
        var hi = interval.floor(b)
        if hi < b { hi = interval.next(after: hi) }
        var copy = self
        copy.domain = domain[1] < domain[0] ? [hi, lo] : [lo, hi]
        return copy
    }

    /// A single-instant domain widened by one day on each side.
    public func padded() -> TimeScale {
        guard domain[0] == domain[1] else { return self }
        var copy = self
        copy.domain = [domain[0] - 86_400, domain[0] + 86_400]
        return copy
    }

    /// The label of one instant, by the coarsest boundary it lies on: "2023" (1 January),
    /// "Apr" (first of a month), "Apr 5" (midnight), "14:00" (whole minute), ":30" (seconds).
    ///
    /// - Source: d3-scale `time.tickFormat` (multi-scale format), with Observable Plot's
    ///   short month names.
    public static func label(_ seconds: Double) -> String {
        let date = CalendarDate(secondsSinceEpoch: seconds)
        let secondOfDay = Int(seconds - date.secondsSinceEpoch)
        if secondOfDay == 0 {
            if date.month == 1 && date.day == 1 { return String(date.year) }
            let month = CalendarDate.monthAbbreviations[date.month - 1]
            if date.day == 1 { return month }
            return "\(month) \(date.day)"
        }
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if second == 0 { return "\(two(hour)):\(two(minute))" }
        return ":\(two(second))"
    }

    /// The multi-scale format as a `TickFormatter` (each value on its own).
    public func tickFormat(count: Int = 10) -> TickFormatter {
        TickFormatter { TimeScale.label($0) }
    }

    /// Labels for a run of ticks, with the year shown where it changes: a tick whose label
    /// does not already name the year gets a second line with it when it is the first tick or
    /// the first in a new year ("Apr\n2023", "Jul", "Oct", "2024", "Apr").
    public static func labels(for ticks: [Double]) -> [String] {
        var previousYear: Int? = nil
        return ticks.map { tick in
            let year = CalendarDate(secondsSinceEpoch: tick).year
            var text = label(tick)
            if year != previousYear && text != String(year) {
                text += "\n\(year)"
            }
            previousYear = year
            return text
        }
    }
}
