import Foundation

/// A fitted curve drawn through the x range of the data, with its annotation (exponent, R²,
/// doubling time). Charts draws the curve; the fit itself is computed by the caller
/// (Formulas), which also writes the annotation.
///
/// x is measured in the x channel's units: numbers as they are; for time scales, **years**
/// (decimal years, 365.2425 days each, 1970.0 = 1970-01-01T00:00Z) so that rates read as
/// "per year".
public struct Trend: Sendable, Equatable {
    public static let keys = ["kind", "fit", "annotation"]

    public enum Kind: String, Sendable, CaseIterable, Equatable {
        /// y = a + b·(x − x₀)
        case linear
        /// y = a·(x − x₀)^b
        case power
        /// y = a·e^(b·(x − x₀))
        case exponential

        public static func parse(_ text: String, at keyPath: String = "trend.kind") throws(ChartSpecError) -> Kind {
            guard let kind = Kind(rawValue: text) else {
                throw ChartSpecError(keyPath, .unknownValue(text, allowed: allCases.map(\.rawValue)))
            }
            return kind
        }
    }

    public var kind: Kind
    public var a: Double
    public var b: Double
    /// x₀, the origin the fit was made about (0 by default).
    public var origin: Double
    /// Text drawn at the end of the line, e.g. "doubling every 6.0 months, R² = 0.91".
    public var annotation: String?

    public init(kind: Kind, a: Double, b: Double, origin: Double = 0, annotation: String? = nil) {
        self.kind = kind
        self.a = a
        self.b = b
        self.origin = origin
        self.annotation = annotation
    }

    /// The fitted y at `x` (in trend units), or nil when undefined or not finite.
    public func value(at x: Double) -> Double? {
        let t = x - origin
        let y: Double
        switch kind {
        case .linear: y = a + b * t
        case .power:
            guard t > 0 else { return nil }
            y = a * pow(t, b)
        case .exponential: y = a * exp(b * t)
        }
        return y.isFinite ? y : nil
    }

    /// Seconds in the year used for time-scale trends (the mean Gregorian year).
    public static let secondsPerYear = 365.2425 * 86_400

    /// Decimal years (1970.0 at the epoch) for an instant in seconds.
    public static func years(fromSeconds seconds: Double) -> Double {
        1970 + seconds / secondsPerYear
    }
}
