/// A continuous linear map from a domain (data units) to a range (pixels).
///
/// - Source: d3-scale `scaleLinear` (ticks, nice and tick format follow d3).
public struct LinearScale: Sendable, Equatable {
    /// Two values in data units; may be descending.
    public var domain: [Double]
    /// Two values in output units (pixels); may be descending (y axes run bottom to top).
    public var range: [Double]

    /// - Precondition: `domain` and `range` hold two values each.
    public init(domain: [Double], range: [Double] = [0, 1]) {
        precondition(domain.count == 2 && range.count == 2, "a linear scale maps two values to two values")
        self.domain = domain
        self.range = range
    }

    /// The position of `value`; the middle of the range when the domain is a single value.
    public func callAsFunction(_ value: Double) -> Double {
        let (d0, d1) = (domain[0], domain[1])
        let (r0, r1) = (range[0], range[1])
        guard d1 != d0 else { return (r0 + r1) / 2 }
        return r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The data value at position `position` (the inverse map).
    public func invert(_ position: Double) -> Double {
        let (d0, d1) = (domain[0], domain[1])
        let (r0, r1) = (range[0], range[1])
        guard r1 != r0 else { return (d0 + d1) / 2 }
        return d0 + (position - r0) / (r1 - r0) * (d1 - d0)
    }

    /// About `count + 1` tick values, 1-2-5 steps, in domain order.
    ///
    /// - Returns: `[]` for `count <= 0`; the single value for a degenerate domain.
    /// - Source: d3-array `ticks`.
    public func ticks(count: Int = 10) -> [Double] {
        Ticks.values(from: domain[0], to: domain[1], count: Double(count))
    }

    /// The domain extended to round numbers (repeated until the tick step is stable).
    /// A degenerate domain is unchanged; see `padded()`.
    ///
    /// - Source: d3-scale `linear.nice`.
    public func nice(count: Int = 10) -> LinearScale {
        var copy = self
        let (a, b) = Ticks.nice(domain[0], domain[1], count: Double(count))
        copy.domain = [a, b]
        return copy
    }

    /// A single-value domain widened so that an axis can be drawn: [0, 0] → [0, 1],
    /// [5, 5] → [4, 6], [300, 300] → [200, 400] (one unit of the value's power of ten on
    /// each side). Other domains are returned unchanged.
    public func padded() -> LinearScale {
        guard domain[0] == domain[1] else { return self }
        let value = domain[0]
        var copy = self
        guard value != 0 else {
            copy.domain = [0, 1]
            return copy
        }
        let unit = pow10Floor(abs(value))
        copy.domain = [value - unit, value + unit]
        return copy
    }

    /// The default label format for `ticks(count:)`: fixed decimals from the step ("0.3"),
    /// thousands grouping once a tick reaches 10,000 ("20,000" but "2019"), or K/M/B/T
    /// suffixes when ticks reach a million ("1M", "1.5M").
    public func tickFormat(count: Int = 10) -> TickFormatter {
        let ticks = ticks(count: count)
        if let largest = ticks.map(abs).max(), largest >= 1e6 {
            return .compact(ticks: ticks)
        }
        let step = abs(Ticks.step(from: domain[0], to: domain[1], count: Double(count)))
        let largest = ticks.map(abs).max() ?? 0
        return .fixed(decimals: Ticks.decimals(forStep: step), grouping: largest >= 10_000)
    }
}

/// The largest power of ten not above `value` (> 0).
func pow10Floor(_ value: Double) -> Double {
    pow10(log10Exact(value).rounded(.down))
}
