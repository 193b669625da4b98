/// Maps categories to equal bands of a range, with inner and outer padding.
///
/// - Source: d3-scale `scaleBand` (step, bandwidth, paddingInner/Outer, align).
public struct BandScale: Sendable, Equatable {
    /// Categories in display order, without duplicates.
    public var domain: [String]
    /// Two values; may be descending.
    public var range: [Double]
    /// Fraction of the step left blank between bands, 0…1.
    public var paddingInner: Double
    /// Blank space before the first and after the last band, in steps.
    public var paddingOuter: Double
    /// Where the outer space goes: 0 all after, 0.5 centred, 1 all before.
    public var align: Double

    public init(domain: [String], range: [Double] = [0, 1],
                paddingInner: Double = 0, paddingOuter: Double = 0, align: Double = 0.5) {
        precondition(range.count == 2, "a band scale maps onto two values")
        var seen = Set<String>()
        self.domain = domain.filter { seen.insert($0).inserted }
        self.range = range
        self.paddingInner = min(1, max(0, paddingInner))
        self.paddingOuter = max(0, paddingOuter)
        self.align = min(1, max(0, align))
    }

    /// Sets both paddings (d3 `band.padding`).
    public init(domain: [String], range: [Double] = [0, 1], padding: Double) {
        self.init(domain: domain, range: range, paddingInner: padding, paddingOuter: padding)
    }

    private var layout: (start: Double, step: Double, reverse: Bool) {
        let reverse = range[1] < range[0]
        let (r0, r1) = reverse ? (range[1], range[0]) : (range[0], range[1])
        let n = Double(domain.count)
        let step = (r1 - r0) / max(1, n - paddingInner + paddingOuter * 2)
        let start = r0 + (r1 - r0 - step * (n - paddingInner)) * align
        return (start, step, reverse)
    }

    /// The distance between the starts of adjacent bands.
    public var step: Double { layout.step }

    /// The width of each band.
    public var bandwidth: Double { layout.step * (1 - paddingInner) }

    /// The start of the band for `category`, or nil when it is not in the domain.
    public func callAsFunction(_ category: String) -> Double? {
        guard let index = domain.firstIndex(of: category) else { return nil }
        let (start, step, reverse) = layout
        let i = reverse ? domain.count - 1 - index : index
        return start + step * Double(i)
    }

    /// The centre of the band for `category`.
    public func center(_ category: String) -> Double? {
        self(category).map { $0 + bandwidth / 2 }
    }

    /// Bands need no ticks beyond their categories.
    public func ticks() -> [String] { domain }

    /// Bands are already "nice".
    public func nice() -> BandScale { self }

    /// Category labels are their own text.
    public func tickFormat() -> @Sendable (String) -> String { { $0 } }
}
