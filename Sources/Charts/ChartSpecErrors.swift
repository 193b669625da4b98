/// Every problem `layoutChart` found in a spec, thrown together (never only the first).
public struct ChartSpecErrors: Error, Equatable, Sendable {
    public var errors: [ChartSpecError]

    public init(_ errors: [ChartSpecError]) {
        self.errors = errors
    }
}
