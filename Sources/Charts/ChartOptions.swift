/// Settings shared by every chart of a build: named tick formats and text sizes.
public struct ChartOptions: Sendable {
    /// Tick formats a channel may name with `format:`. The lead may replace `zh` (and the
    /// others) with formatters from Quantities.
    public var formats: [String: TickFormatterFactory]
    /// Tick and title text size, in user units.
    public var fontSize: Double
    /// Point label text size.
    public var labelFontSize: Double
    /// Radius of point marks.
    public var pointRadius: Double

    public init(formats: [String: TickFormatterFactory] = ChartOptions.standardFormats,
                fontSize: Double = 12, labelFontSize: Double = 11, pointRadius: Double = 3.5) {
        self.formats = formats
        self.fontSize = fontSize
        self.labelFontSize = labelFontSize
        self.pointRadius = pointRadius
    }

    /// `plain` (1,500), `compact` (1.5K, 2M), `power` (10²¹), `percent` (25 %), `zh` (5萬, 1.5億).
    public static let standardFormats: [String: TickFormatterFactory] = [
        "plain": { ticks in .plain(ticks: ticks) },
        "compact": { ticks in .compact(ticks: ticks) },
        "power": { ticks in .scientific(ticks: ticks) },
        "percent": { ticks in .percent(step: TickFormatter.tickSpacing(ticks)) },
        "zh": { ticks in .chinese(ticks: ticks) },
    ]
}
