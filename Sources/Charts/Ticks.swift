import Foundation

/// Nicely rounded tick values and steps for continuous domains: the arithmetic behind
/// `LinearScale`, `LogScale` (narrow domains) and `TimeScale` (multi-year steps).
///
/// - Source: d3-array `ticks`, `tickIncrement` and `tickStep` (Mike Bostock, ISC licence),
///   re-derived from its documentation and tests: a step of 1, 2 or 5 × 10ᵏ chosen with the
///   cut-offs √50, √10 and √2 on the ratio of the raw step to its power of ten.
public enum Ticks {
    /// The cut-offs on `rawStep / 10ᵏ` above which the step becomes 10, 5 or 2 × 10ᵏ.
    static let cutOff10 = 50.0.squareRoot()
    static let cutOff5 = 10.0.squareRoot()
    static let cutOff2 = 2.0.squareRoot()

    /// The integer span `i1…i2` and increment of the ticks over `start ≤ stop`.
    ///
    /// A positive `increment` means ticks `i × increment`; a negative one means ticks
    /// `i / −increment` (so that 0.3 is computed as 3 / 10 and prints as 0.3).
    static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (i1: Double, i2: Double, increment: Double) {
        let rawStep = (stop - start) / max(0, count)
        let power = (log10(rawStep)).rounded(.down)
        let error = rawStep / pow(10, power)
        let factor: Double = error >= cutOff10 ? 10 : error >= cutOff5 ? 5 : error >= cutOff2 ? 2 : 1
        var i1: Double, i2: Double, increment: Double
        if power < 0 {
            increment = pow(10, -power) / factor
            i1 = (start * increment).rounded()
            i2 = (stop * increment).rounded()
            if i1 / increment < start { i1 += 1 }
            if i2 / increment > stop { i2 -= 1 }
            increment = -increment
        } else {
            increment = pow(10, power) * factor
            i1 = (start / increment).rounded()
            i2 = (stop / increment).rounded()
            if i1 * increment < start { i1 += 1 }
            if i2 * increment > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 {
            return spec(start, stop, count * 2)
        }
        return (i1, i2, increment)
    }

    /// Returns evenly spaced, human-friendly tick values covering `start…stop`.
    ///
    /// - Parameters:
    ///   - start: One end of the domain, in data units; may be greater than `stop`.
    ///   - stop: The other end.
    ///   - count: A hint; the result holds about `count + 1` values.
    /// - Returns: Ticks in domain order (descending when `start > stop`); `[start]` when
    ///   `start == stop` and `count > 0`; `[]` when `count <= 0` or any input is not finite.
    /// - Source: d3-array `ticks`.
    public static func values(from start: Double, to stop: Double, count: Double) -> [Double] {
        guard count > 0, count.isFinite, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, increment) = reverse ? spec(stop, start, count) : spec(start, stop, count)
        guard i2 >= i1, increment.isFinite, increment != 0 else { return [] }
        let n = Int(i2 - i1) + 1
        var result: [Double] = []
        result.reserveCapacity(n)
        for i in 0..<n {
            let k = reverse ? i2 - Double(i) : i1 + Double(i)
            result.append(increment < 0 ? k / -increment : k * increment)
        }
        return result
    }

    /// The step `values(from:to:count:)` would use over `start ≤ stop`, as an integer: positive
    /// for steps of 1 or more, and minus the inverse step (−10 for 0.1) for steps below 1.
    ///
    /// - Returns: 0 or a non-finite value when no step exists (empty or infinite domains).
    /// - Source: d3-array `tickIncrement`.
    public static func increment(from start: Double, to stop: Double, count: Double) -> Double {
        spec(start, stop, count).increment
    }

    /// The difference between adjacent ticks of `values(from:to:count:)`; negative when
    /// `stop < start`.
    ///
    /// - Source: d3-array `tickStep`.
    public static func step(from start: Double, to stop: Double, count: Double) -> Double {
        let reverse = stop < start
        let increment = reverse ? Self.increment(from: stop, to: start, count: count)
                                : Self.increment(from: start, to: stop, count: count)
        let step = increment < 0 ? 1 / -increment : increment
        return reverse ? -step : step
    }

    /// Extends `start…stop` outwards to multiples of the tick step, repeating until the step
    /// no longer changes (at most 10 rounds).
    ///
    /// - Returns: The niced bounds in the same order as given; the input unchanged when it is
    ///   degenerate (`start == stop`) or not finite.
    /// - Source: d3-scale `linear.nice`.
    public static func nice(_ start: Double, _ stop: Double, count: Double) -> (Double, Double) {
        guard start.isFinite, stop.isFinite, count > 0 else { return (start, stop) }
        let reversed = stop < start
        var lo = reversed ? stop : start
        var hi = reversed ? start : stop
        var previous: Double? = nil
        for _ in 0..<10 {
            let step = increment(from: lo, to: hi, count: count)
            guard step.isFinite, step != 0 else { break }
            if step == previous { break }
            if step > 0 {
                lo = (lo / step).rounded(.down) * step
                hi = (hi / step).rounded(.up) * step
            } else {
                lo = (lo * step).rounded(.up) / step
                hi = (hi * step).rounded(.down) / step
            }
            previous = step
        }
        return reversed ? (hi, lo) : (lo, hi)
    }

    /// The number of decimals needed to write ticks spaced `step` apart (0 for steps ≥ 1).
    ///
    /// - Source: d3-format `precisionFixed`.
    public static func decimals(forStep step: Double) -> Int {
        let step = abs(step)
        guard step.isFinite, step > 0 else { return 0 }
        // Round the exponent so that 0.1 (≈ 10^−1.0000000000000002) counts as one decimal.
        let exponent = (log10(step) + 1e-9).rounded(.down)
        return max(0, Int(-exponent))
    }
}
