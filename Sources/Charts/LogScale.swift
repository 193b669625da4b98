/// A base-10 logarithmic map from a strictly positive domain to a range.
///
/// Values that are zero, negative or not finite have no position (`callAsFunction` returns
/// nil); the chart layout leaves such rows out with a warning.
///
/// - Source: d3-scale `scaleLog` (ticks per decade, 1–9 × 10ᵏ for narrow domains, label
///   thinning by mantissa). Two deliberate differences are documented on `nice()` and
///   `tickFormat(count:)`.
public struct LogScale: Sendable, Equatable {
    /// Two strictly positive values; may be descending.
    public var domain: [Double]
    public var range: [Double]

    /// - Precondition: two values each; the domain strictly positive.
    public init(domain: [Double], range: [Double] = [0, 1]) {
        precondition(domain.count == 2 && range.count == 2, "a log scale maps two values to two values")
        precondition(domain.allSatisfy { $0 > 0 && $0.isFinite }, "a log scale's domain is strictly positive")
        self.domain = domain
        self.range = range
    }

    /// The position of `value`, or nil when `value` is not strictly positive and finite.
    public func callAsFunction(_ value: Double) -> Double? {
        guard value > 0, value.isFinite else { return nil }
        let l0 = log10Exact(domain[0]), l1 = log10Exact(domain[1])
        let (r0, r1) = (range[0], range[1])
        guard l1 != l0 else { return (r0 + r1) / 2 }
        return r0 + (log10Exact(value) - l0) / (l1 - l0) * (r1 - r0)
    }

    /// The data value at `position`.
    public func invert(_ position: Double) -> Double {
        let l0 = log10Exact(domain[0]), l1 = log10Exact(domain[1])
        let (r0, r1) = (range[0], range[1])
        guard r1 != r0 else { return pow10((l0 + l1) / 2) }
        return pow10(l0 + (position - r0) / (r1 - r0) * (l1 - l0))
    }

    /// Whether `ticks(count:)` falls back to linear ticks (the domain holds too few
    /// 1–9 × 10ᵏ values, as on [42, 43]).
    func usesLinearTicks(count: Int) -> Bool {
        let (u, v) = ordered
        let i = log10Exact(u), j = log10Exact(v)
        guard j - i < Double(count) else { return false }
        return mantissaTicks(u, v).count * 2 < count
    }

    private var ordered: (Double, Double) {
        domain[0] <= domain[1] ? (domain[0], domain[1]) : (domain[1], domain[0])
    }

    /// Every k × 10ⁿ (k = 1…9) inside `u…v`, ascending; each is the double nearest the
    /// decimal kEn, so 0.3 is exactly the literal 0.3 and 10²³ the literal 1e23.
    private func mantissaTicks(_ u: Double, _ v: Double) -> [Double] {
        let i = Int(log10Exact(u).rounded(.down)), j = Int(log10Exact(v).rounded(.up))
        var result: [Double] = []
        guard i <= j else { return [] }
        for exponent in i...j {
            for k in 1...9 {
                let t = decimal(k, exponent: exponent)
                if t < u { continue }
                if t > v { break }
                result.append(t)
            }
        }
        return result
    }

    /// Tick values in domain order:
    /// - when the domain spans fewer decades than `count`, every k × 10ⁿ (k = 1…9) inside it,
    ///   falling back to linear ticks when that gives fewer than `count / 2` values;
    /// - otherwise powers of ten, every decade or every few decades (1-2-5 steps on the
    ///   exponents), e.g. one per decade on [10¹⁷, 10²⁷] with `count` 10.
    ///
    /// - Source: d3-scale `log.ticks`.
    public func ticks(count: Int = 10) -> [Double] {
        guard count > 0 else { return [] }
        let (u, v) = ordered
        let reverse = domain[1] < domain[0]
        let i = log10Exact(u), j = log10Exact(v)
        var result: [Double]
        if j - i < Double(count) {
            result = mantissaTicks(u, v)
            if result.count * 2 < count {
                result = Ticks.values(from: u, to: v, count: Double(count))
            }
        } else {
            let exponents = Ticks.values(from: i, to: j, count: min(j - i, Double(count)))
            result = exponents.map { pow10($0) }
        }
        return reverse ? result.reversed() : result
    }

    /// The domain extended to powers of ten when it spans at least half a decade
    /// ([1.1, 10.9] → [1, 100], as d3); narrower domains are niced linearly instead
    /// ([42.3, 42.9] → [42.3, 42.9] stays readable rather than becoming [10, 100]). A
    /// single-value domain becomes the decade around it ([0.5, 0.5] → [0.1, 1]).
    ///
    /// - Source: d3-scale `log.nice` (the half-decade rule is Reckon's).
    public func nice(count: Int = 10) -> LogScale {
        let (u, v) = ordered
        let reverse = domain[1] < domain[0]
        var lo = u, hi = v
        let i = log10Exact(u), j = log10Exact(v)
        if u == v {
            var a = i.rounded(.down), b = i.rounded(.up)
            if a == b { a -= 1; b += 1 }
            lo = pow10(a); hi = pow10(b)
        } else if j - i >= 0.5 {
            lo = pow10(i.rounded(.down))
            hi = pow10(j.rounded(.up))
        } else {
            let (a, b) = Ticks.nice(u, v, count: Double(count))
            if a > 0 { lo = a }
            hi = b
        }
        var copy = self
        copy.domain = reverse ? [hi, lo] : [lo, hi]
        return copy
    }

    /// Labels for `ticks(count:)`; unlabelled ticks get "".
    ///
    /// - Decade ticks: every one is labelled.
    /// - 1–9 × 10ᵏ ticks: mantissas 1, 2 and 5 are labelled (1 alone when that leaves at least
    ///   two labels and 1, 2, 5 would be more than `count`).
    /// - Linear fallback ticks: all labelled, with the linear scale's fixed decimals.
    ///
    /// Numbers are written plainly ("20", "0.05", "1,000") when every tick lies within
    /// [0.001, 100,000], and as powers of ten otherwise ("10²¹", "2×10²¹").
    ///
    /// - Parameter formatter: Writes a labelled value; defaults as above.
    /// - Source: d3-scale `log.tickFormat` thins by mantissa in the same way; d3 labels
    ///   mantissas up to a threshold (1…5), Reckon labels 1, 2, 5 as Observable Plot does.
    public func tickFormat(count: Int = 10, formatter: TickFormatter? = nil) -> TickFormatter {
        let ticks = ticks(count: count)
        let (u, v) = ordered
        if usesLinearTicks(count: count) {
            return formatter ?? .fixed(step: abs(Ticks.step(from: u, to: v, count: Double(count))))
        }
        let plain = ticks.allSatisfy { $0 >= 0.001 && $0 <= 100_000 }
        let writer: TickFormatter = formatter ?? (plain
            ? TickFormatter { value in
                let text = NumberText.shortest(value)
                return v >= 10_000 ? NumberText.grouped(text) : text
              }
            : .scientific(ticks: ticks))
        let decadeTicks = !(log10Exact(v) - log10Exact(u) < Double(count))
        if decadeTicks { return writer }
        let all125 = ticks.filter { [1, 2, 5].contains(Self.mantissa($0)) }
        let ones = ticks.filter { Self.mantissa($0) == 1 }
        let labelled: Set<Int>
        if all125.count > count && ones.count >= 2 {
            labelled = [1]
        } else if all125.count >= 2 {
            labelled = [1, 2, 5]
        } else {
            labelled = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        }
        return TickFormatter { value in
            labelled.contains(Self.mantissa(value)) ? writer(value) : ""
        }
    }

    /// The leading digit k of k × 10ⁿ (rounded), 0 for non-positive values.
    static func mantissa(_ value: Double) -> Int {
        guard value > 0 else { return 0 }
        let exponent = log10Exact(value).rounded(.down)
        let m = Int((value / pow10(exponent)).rounded())
        return m == 10 ? 1 : m
    }
}
