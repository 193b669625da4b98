/// A UTC calendar interval used for time ticks: every n seconds, minutes, hours, days,
/// Sunday-starting weeks, months or years, aligned to calendar boundaries.
///
/// - Source: d3-time `utcSecond` … `utcYear` and `interval.every` (a month interval with
///   step 3 keeps months whose index is a multiple of 3: Jan, Apr, Jul, Oct).
public struct CalendarInterval: Hashable, Sendable {
    public enum Unit: String, Sendable, Hashable {
        case second, minute, hour, day, week, month, year
    }

    public var unit: Unit
    public var step: Int

    public init(_ unit: Unit, step: Int = 1) {
        precondition(step >= 1, "an interval step is at least 1")
        self.unit = unit
        self.step = step
    }

    /// A typical length in seconds (months as 30 days and years as 365), for choosing an
    /// interval by the spacing the ticks should have.
    public var approximateSeconds: Double {
        let base: Double
        switch unit {
        case .second: base = 1
        case .minute: base = 60
        case .hour: base = 3600
        case .day: base = 86_400
        case .week: base = 604_800
        case .month: base = 2_592_000
        case .year: base = 31_536_000
        }
        return base * Double(step)
    }

    /// The latest boundary of this interval at or before `seconds`.
    public func floor(_ seconds: Double) -> Double {
        switch unit {
        case .second, .minute, .hour:
            let size = approximateSeconds
            return (seconds / size).rounded(.down) * size
        case .day:
            let date = CalendarDate(secondsSinceEpoch: seconds)
            let day = date.day - 1 - (date.day - 1) % step
            return CalendarDate(year: date.year, month: date.month, day: day + 1).secondsSinceEpoch
        case .week:
            let days = Int((seconds / 86_400).rounded(.down))
            let weekday = CalendarDate(daysSinceEpoch: days).weekday
            return Double(days - weekday) * 86_400
        case .month:
            let date = CalendarDate(secondsSinceEpoch: seconds)
            let month = date.month - 1 - (date.month - 1) % step
            return CalendarDate(year: date.year, month: month + 1, day: 1).secondsSinceEpoch
        case .year:
            let date = CalendarDate(secondsSinceEpoch: seconds)
            var year = date.year - ((date.year % step) + step) % step
            if year > date.year { year -= step }
            return CalendarDate(year: year, month: 1, day: 1).secondsSinceEpoch
        }
    }

    /// The boundary after the boundary `seconds` (which must be one).
    func next(after seconds: Double) -> Double {
        switch unit {
        case .second, .minute, .hour:
            return seconds + approximateSeconds
        case .day:
            let date = CalendarDate(secondsSinceEpoch: seconds)
            let following = CalendarDate(year: date.year, month: date.month, day: date.day + step)
            let normalized = CalendarDate(daysSinceEpoch: following.daysSinceEpoch)
            // Day steps restart on the 1st of each month (d3's `utcDay.every`).
            if normalized.month != date.month || normalized.year != date.year {
                return CalendarDate(year: normalized.year, month: normalized.month, day: 1).secondsSinceEpoch
            }
            return normalized.secondsSinceEpoch
        case .week:
            return seconds + 604_800 * Double(step)
        case .month:
            let date = CalendarDate(secondsSinceEpoch: seconds)
            return CalendarDate(year: date.year, month: date.month + step, day: 1).secondsSinceEpoch
        case .year:
            let date = CalendarDate(secondsSinceEpoch: seconds)
            return CalendarDate(year: date.year + step, month: 1, day: 1).secondsSinceEpoch
        }
    }

    /// Every boundary in `start…stop` (inclusive), ascending; at most `limit` values.
    public func boundaries(from start: Double, to stop: Double, limit: Int = 10_000) -> [Double] {
        guard start.isFinite, stop.isFinite, start <= stop else { return [] }
        var t = floor(start)
        if t < start { t = next(after: t) }
        var result: [Double] = []
        while t <= stop && result.count < limit {
            result.append(t)
            t = next(after: t)
        }
        return result
    }

    /// The candidate tick intervals, shortest first.
    ///
    /// - Source: d3-scale `time.ticks` (`tickIntervals`: 1, 5, 15, 30 s; 1, 5, 15, 30 min;
    ///   1, 3, 6, 12 h; 1, 2 d; 1 week; 1, 3 months; 1 year).
    static let tickIntervals: [CalendarInterval] = [
        .init(.second, step: 1), .init(.second, step: 5), .init(.second, step: 15), .init(.second, step: 30),
        .init(.minute, step: 1), .init(.minute, step: 5), .init(.minute, step: 15), .init(.minute, step: 30),
        .init(.hour, step: 1), .init(.hour, step: 3), .init(.hour, step: 6), .init(.hour, step: 12),
        .init(.day, step: 1), .init(.day, step: 2), .init(.week, step: 1),
        .init(.month, step: 1), .init(.month, step: 3), .init(.year, step: 1),
    ]

    /// The interval whose length is closest (by ratio) to `(stop − start) / count`; beyond a
    /// year, every 1, 2 or 5 × 10ᵏ years.
    ///
    /// - Source: d3-scale `time.ticks` (`tickInterval`).
    public static func forTicks(from start: Double, to stop: Double, count: Int) -> CalendarInterval {
        let target = abs(stop - start) / Double(max(1, count))
        guard let index = tickIntervals.firstIndex(where: { $0.approximateSeconds > target }) else {
            let yearSeconds = CalendarInterval(.year).approximateSeconds
            let step = Ticks.step(from: start / yearSeconds, to: stop / yearSeconds, count: Double(count))
            return CalendarInterval(.year, step: max(1, Int(abs(step).rounded())))
        }
        if index == 0 { return tickIntervals[0] }
        let below = tickIntervals[index - 1], above = tickIntervals[index]
        return target / below.approximateSeconds < above.approximateSeconds / target ? below : above
    }
}
