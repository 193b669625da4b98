/// Everything a chart block says, as values: the input of `layoutChart`.
///
/// Filled by the caller from the block's YAML (`mark`, `x`, `y`, `color`, `label`, `trend`,
/// `title`, `caption`, `width`, `height`; `data` and `where` are resolved by the caller into
/// `ChartData`). Errors found by `validate(against:options:)` carry the key path of the field
/// at fault (`y.scale`), which the caller maps back to a line and column of the block.
public struct ChartSpec: Sendable, Equatable {
    /// The top-level keys of a chart block (the caller handles `data` and `where`).
    public static let keys = ["data", "where", "mark", "x", "y", "color", "label", "trend",
                              "title", "caption", "description", "width", "height"]

    public var mark: MarkKind
    /// Required for every mark except `rule`, which needs at least one of `x` and `y`.
    public var x: ChannelSpec?
    public var y: ChannelSpec?
    public var color: ColorSpec?
    public var label: LabelSpec?
    public var trend: Trend?
    /// The accessible name (`<title>`) and the figure's heading.
    public var title: String?
    /// The figure caption (source, notes).
    public var caption: String?
    /// The accessible description (`<desc>`); generated from the data when nil.
    public var description: String?
    /// The SVG's size in user units (CSS pixels at 100 %); it scales with its container.
    public var width: Double
    public var height: Double

    public init(mark: MarkKind, x: ChannelSpec? = nil, y: ChannelSpec? = nil,
                color: ColorSpec? = nil, label: LabelSpec? = nil, trend: Trend? = nil,
                title: String? = nil, caption: String? = nil, description: String? = nil,
                width: Double = 640, height: Double = 400) {
        self.mark = mark
        self.x = x
        self.y = y
        self.color = color
        self.label = label
        self.trend = trend
        self.title = title
        self.caption = caption
        self.description = description
        self.width = width
        self.height = height
    }
}
