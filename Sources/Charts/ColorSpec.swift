/// The `color:` channel: a categorical field drawn with the palette `--chart-1` … `--chart-6`
/// and explained by a legend.
public struct ColorSpec: Sendable, Equatable {
    public static let keys = ["field", "title", "domain"]

    public var field: String
    /// The legend title; none by default (the categories speak for themselves).
    public var title: String?
    /// Category order; defaults to first appearance in the data.
    public var domain: [String]?

    public init(field: String, title: String? = nil, domain: [String]? = nil) {
        self.field = field
        self.title = title
        self.domain = domain
    }
}
