/// A problem with a chart spec, located by the key path of the field at fault (`y.scale`,
/// `color.field`, `width`) so that the caller can point at its line and column in the block.
public struct ChartSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// A value outside a fixed set (`mark: pie`, `scale: sqrt`, `format: fancy`).
        case unknownValue(String, allowed: [String])
        /// A field the data does not have.
        case unknownField(String, available: [String])
        /// A channel the mark needs is absent (`x` for a point mark).
        case missingChannel(MarkKind)
        /// A scale that cannot show the field's values (a log scale over text).
        case scaleMismatch(ScaleKind, valueKind: String)
        /// A `domain:` of the wrong shape (e.g. one value, text on a linear scale, a
        /// non-positive bound on a log scale).
        case invalidDomain(String)
        /// A width or height outside 100…4000.
        case invalidSize(Double)
        /// Labels on a mark that cannot carry them (only point and line marks do).
        case labelsUnsupported(MarkKind)
        /// A `format:` on a time or band scale (their labels are dates and categories).
        case formatUnsupported(ScaleKind)
        /// A trend on a band scale, or a power trend on a non-positive x range.
        case trendUnsupported(String)
    }

    /// Dotted path of the spec field: `mark`, `x.field`, `y.scale`, `trend.kind`.
    public var keyPath: String
    public var reason: Reason

    public init(_ keyPath: String, _ reason: Reason) {
        self.keyPath = keyPath
        self.reason = reason
    }

    /// One sentence, lower case, saying what to do.
    public var message: String {
        switch reason {
        case .unknownValue(let value, let allowed):
            return "`\(keyPath)` cannot be `\(value)`: use one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
        case .unknownField(let field, let available):
            let list = available.isEmpty ? "the data has no fields"
                : "the data has \(available.map { "`\($0)`" }.joined(separator: ", "))"
            return "`\(keyPath)` names the field `\(field)`, which the data does not have: \(list)"
        case .missingChannel(let mark):
            return "a \(mark.rawValue) chart needs `\(keyPath)`: add `\(keyPath): {field: …}`"
        case .scaleMismatch(let scale, let kind):
            return "`\(keyPath)` is a \(scale.rawValue) scale but the field holds \(kind) values: "
                + (kind == "text" ? "use `scale: band`" : "use `scale: linear` or `scale: time`")
        case .invalidDomain(let why):
            return "`\(keyPath)` is not a usable domain: \(why)"
        case .invalidSize(let size):
            return "`\(keyPath)` is \(NumberText.shortest(size)): use a size from 100 to 4000"
        case .labelsUnsupported(let mark):
            return "labels are placed on point and line marks, not on a \(mark.rawValue) mark: remove `\(keyPath)`"
        case .formatUnsupported(let scale):
            return "`\(keyPath)` applies to linear and log scales, not to a \(scale.rawValue) scale: remove it"
        case .trendUnsupported(let why):
            return "`\(keyPath)` cannot be drawn: \(why)"
        }
    }

    public var description: String { "\(keyPath): \(message)" }
}
