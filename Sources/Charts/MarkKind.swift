/// The geometric mark a chart draws for its rows.
public enum MarkKind: String, Sendable, CaseIterable, Equatable {
    case point, line, bar, area, rule

    /// Reads the `mark:` value of a chart block.
    ///
    /// - Throws: `ChartSpecError` at `keyPath` listing the allowed values.
    public static func parse(_ text: String, at keyPath: String = "mark") throws(ChartSpecError) -> MarkKind {
        guard let kind = MarkKind(rawValue: text) else {
            throw ChartSpecError(keyPath, .unknownValue(text, allowed: allCases.map(\.rawValue)))
        }
        return kind
    }
}
