/// Something the layout left out or could not do, naming the rows concerned. The chart is
/// still drawn; the caller reports these as build warnings.
public struct ChartWarning: Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Rows whose value is zero or negative on a log scale.
        case notPositiveOnLogScale
        /// Rows whose value is missing, not a number/date, or not in a band's categories.
        case missingValue
        /// Point labels that found no free place.
        case labelsDropped
        /// More colour categories than the palette's six colours (colours repeat).
        case paletteExhausted(categories: Int)
        /// Axis labels that were thinned out because they did not fit.
        case tickLabelsThinned
    }

    /// The spec field concerned (`y`, `label`, `color`).
    public var keyPath: String
    public var reason: Reason
    /// The row keys concerned (from `ChartData.rowKeys`).
    public var rows: [String]

    public init(_ keyPath: String, _ reason: Reason, rows: [String] = []) {
        self.keyPath = keyPath
        self.reason = reason
        self.rows = rows
    }

    public var message: String {
        let list = rows.prefix(10).joined(separator: ", ") + (rows.count > 10 ? " and \(rows.count - 10) more" : "")
        let count = rows.count == 1 ? "1 row" : "\(rows.count) rows"
        switch reason {
        case .notPositiveOnLogScale:
            return "\(count) left out of the log scale of `\(keyPath)` because the value is zero or negative: \(list)"
        case .missingValue:
            return "\(count) left out because `\(keyPath)` has no usable value: \(list)"
        case .labelsDropped:
            return "\(rows.count == 1 ? "1 label" : "\(rows.count) labels") dropped for lack of room: \(list)"
        case .paletteExhausted(let categories):
            return "`\(keyPath)` has \(categories) categories but the palette has 6 colours: colours repeat"
        case .tickLabelsThinned:
            return "some `\(keyPath)` axis labels were left out because they did not fit"
        }
    }

    public var description: String { message }
}
