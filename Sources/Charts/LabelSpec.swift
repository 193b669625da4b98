/// The `label:` channel: text placed next to each point without overlapping other labels or
/// marks; rows whose label is missing get none, labels that do not fit are dropped and counted.
public struct LabelSpec: Sendable, Equatable {
    public static let keys = ["field"]

    public var field: String

    public init(field: String) {
        self.field = field
    }
}
