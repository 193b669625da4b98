/// The scale a positional channel uses.
public enum ScaleKind: String, Sendable, CaseIterable, Equatable {
    case linear, log, time, band

    /// Reads a `scale:` value.
    ///
    /// - Throws: `ChartSpecError` at `keyPath` (e.g. `y.scale`) listing the allowed values.
    public static func parse(_ text: String, at keyPath: String) throws(ChartSpecError) -> ScaleKind {
        guard let kind = ScaleKind(rawValue: text) else {
            throw ChartSpecError(keyPath, .unknownValue(text, allowed: allCases.map(\.rawValue)))
        }
        return kind
    }
}
