/// A positional channel (`x:` or `y:` in a chart block): which field, on which scale, titled
/// and formatted how.
public struct ChannelSpec: Sendable, Equatable {
    /// The keys a channel mapping may hold; anything else is an unknown-key error.
    public static let keys = ["field", "scale", "title", "format", "domain"]

    /// The data field plotted on this channel.
    public var field: String
    /// The scale; nil infers it from the data (dates → time, text → band, numbers → linear).
    public var scale: ScaleKind?
    /// The axis title; defaults to the field name.
    public var title: String?
    /// A named tick format from `ChartOptions.formats` ("plain", "compact", "power",
    /// "percent", "zh"); nil uses the scale's default.
    public var format: String?
    /// Fixed domain: two numbers or dates for continuous scales (no nicing then), or the
    /// category order for band scales.
    public var domain: [ChartValue]?

    public init(field: String, scale: ScaleKind? = nil, title: String? = nil,
                format: String? = nil, domain: [ChartValue]? = nil) {
        self.field = field
        self.scale = scale
        self.title = title
        self.format = format
        self.domain = domain
    }
}
