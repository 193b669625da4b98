/// The scale of one positional channel, whichever kind it is.
public enum ChartScale: Sendable, Equatable {
    case linear(LinearScale)
    case log(LogScale)
    case time(TimeScale)
    case band(BandScale)

    public var kind: ScaleKind {
        switch self {
        case .linear: return .linear
        case .log: return .log
        case .time: return .time
        case .band: return .band
        }
    }

    /// The position of a value: numbers on linear and log scales, dates (or numbers as seconds)
    /// on time scales, categories at the centre of their band. Nil when the value has no
    /// position (missing, text on a continuous scale, non-positive on a log scale).
    public func position(_ value: ChartValue) -> Double? {
        switch self {
        case .linear(let scale):
            return value.continuousValue.map { scale($0) }
        case .log(let scale):
            return value.continuousValue.flatMap { scale($0) }
        case .time(let scale):
            return value.continuousValue.map { scale($0) }
        case .band(let scale):
            return value.categoryName.flatMap { scale.center($0) }
        }
    }

    /// The position of a continuous value (nil on band scales or when undefined).
    public func position(_ value: Double) -> Double? {
        switch self {
        case .linear(let scale): return scale(value)
        case .log(let scale): return scale(value)
        case .time(let scale): return scale(value)
        case .band: return nil
        }
    }

    /// The output range.
    public var range: [Double] {
        switch self {
        case .linear(let scale): return scale.range
        case .log(let scale): return scale.range
        case .time(let scale): return scale.range
        case .band(let scale): return scale.range
        }
    }

    /// The continuous domain (nil for band scales).
    public var continuousDomain: [Double]? {
        switch self {
        case .linear(let scale): return scale.domain
        case .log(let scale): return scale.domain
        case .time(let scale): return scale.domain
        case .band: return nil
        }
    }

    /// Where bars and areas start: 0 on a linear scale whose domain holds it, otherwise the
    /// lower end of the domain; nil on band scales.
    public var baseline: Double? {
        switch self {
        case .linear(let scale):
            let lo = min(scale.domain[0], scale.domain[1]), hi = max(scale.domain[0], scale.domain[1])
            return scale(min(max(0, lo), hi))
        case .log(let scale):
            return scale(min(scale.domain[0], scale.domain[1]))
        case .time(let scale):
            return scale(min(scale.domain[0], scale.domain[1]))
        case .band:
            return nil
        }
    }
}
