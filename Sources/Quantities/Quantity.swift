/// A number or a `lo…hi` range with a unit: `2.56e24 FLOP`, `$9–17M`, `312 TFLOP/s/chip`.
///
/// The value is stored in base units (FLOP, s, J, …, one unit of currency), so arithmetic
/// never converts; `unit` is how the quantity was written (kept through `+` and `-`, derived
/// through `*` and `/`, see `Unit.multiplied(by:)`) and how it is displayed.
///
/// A point value has `lower == upper`. Ranges follow interval arithmetic (see
/// `Quantity+Arithmetic.swift`). Both bounds are always finite and `lower <= upper`:
/// operations that would break this throw `QuantityError` instead.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    /// The smallest value, in base units.
    public let lower: Double
    /// The largest value, in base units; equal to `lower` for a point.
    public let upper: Double
    /// The unit the quantity is shown in.
    public let unit: Unit

    /// A point quantity of `value` `unit`s: `Quantity(730, .hour)` is 2,628,000 s shown in h.
    ///
    /// - Precondition: `value` is finite (bad user input is caught by the parsers first).
    public init(_ value: Double, _ unit: Unit = .one) {
        self.init(lower: value, upper: value, unit)
    }

    /// A range from `lower` to `upper`, both in `unit`s.
    ///
    /// - Precondition: both finite and `lower <= upper`.
    public init(lower: Double, upper: Double, _ unit: Unit) {
        self.init(baseLower: lower * unit.factor, baseUpper: upper * unit.factor, unit: unit)
    }

    /// A quantity from bounds already in base units.
    ///
    /// - Precondition: both finite and `baseLower <= baseUpper`.
    public init(baseLower: Double, baseUpper: Double, unit: Unit) {
        precondition(baseLower.isFinite && baseUpper.isFinite && baseLower <= baseUpper,
                     "a quantity's bounds must be finite and ordered")
        lower = baseLower == 0 ? 0 : baseLower  // never keep -0
        upper = baseUpper == 0 ? 0 : baseUpper
        self.unit = unit
    }

    /// `lower...upper` in base units.
    public var value: ClosedRange<Double> { lower...upper }

    /// True when `lower < upper`.
    public var isRange: Bool { lower < upper }

    /// The unit's dimension.
    public var dimension: Dimension { unit.dimension }

    /// The bounds in `unit`s (what is displayed).
    public var valueInUnit: ClosedRange<Double> { (lower / unit.factor)...(upper / unit.factor) }

    /// The same value shown in another unit of the same dimension.
    ///
    /// - Throws: `QuantityError` `.incompatible(.convert, …)` when the dimensions differ.
    public func converted(to unit: Unit) throws(QuantityError) -> Quantity {
        guard unit.dimension == dimension else {
            throw QuantityError(.incompatible(.convert, self.unit, unit))
        }
        return Quantity(baseLower: lower, baseUpper: upper, unit: unit)
    }

    /// The quantity in the standard English format: `2.53 × 10²⁴ FLOP`, `$9–17 million`.
    public var description: String { QuantityFormat().string(for: self) }
}
