import Foundation  // pow

/// Interval arithmetic on quantities. For ranges `[a, b]` and `[c, d]`:
///
/// | operation | result |
/// |---|---|
/// | `+` | `[a + c, b + d]` |
/// | `-` | `[a − d, b − c]` |
/// | `×` | `[min, max]` of the four products `ac, ad, bc, bd` |
/// | `÷` | `[a, b] × [1/d, 1/c]`; an error when `[c, d]` contains 0 |
/// | `^n` | each bound to the power `n`; an even power of a range across 0 starts at 0 |
///
/// Source: R. E. Moore, *Interval Analysis* (1966), ch. 2 (the standard interval operations).
/// Every result is checked to be finite, so no NaN or infinity ever reaches a report.
extension Quantity {
    /// `self + other`, in `self`'s unit.
    ///
    /// - Throws: `.incompatible(.add, …)` when the dimensions differ; `.outOfRange` on overflow.
    public func adding(_ other: Quantity) throws(QuantityError) -> Quantity {
        guard dimension == other.dimension else { throw QuantityError(.incompatible(.add, unit, other.unit)) }
        return try Quantity.checked(lower + other.lower, upper + other.upper, unit)
    }

    /// `self − other`, in `self`'s unit.
    ///
    /// - Throws: `.incompatible(.subtract, …)` when the dimensions differ; `.outOfRange` on overflow.
    public func subtracting(_ other: Quantity) throws(QuantityError) -> Quantity {
        guard dimension == other.dimension else {
            throw QuantityError(.incompatible(.subtract, unit, other.unit))
        }
        return try Quantity.checked(lower - other.upper, upper - other.lower, unit)
    }

    /// `self × other`, in the unit `unit.multiplied(by: other.unit)`.
    ///
    /// - Throws: `.outOfRange` on overflow.
    public func multiplied(by other: Quantity) throws(QuantityError) -> Quantity {
        let products = [lower * other.lower, lower * other.upper, upper * other.lower, upper * other.upper]
        return try Quantity.checked(products.min()!, products.max()!, unit.multiplied(by: other.unit))
    }

    /// `self ÷ other`, in the unit `unit.divided(by: other.unit)`.
    ///
    /// - Throws: `.divisionByZero` when `other` is or contains 0; `.outOfRange` on overflow.
    public func divided(by other: Quantity) throws(QuantityError) -> Quantity {
        guard other.lower > 0 || other.upper < 0 else { throw QuantityError(.divisionByZero) }
        let quotients = [lower / other.lower, lower / other.upper, upper / other.lower, upper / other.upper]
        return try Quantity.checked(quotients.min()!, quotients.max()!, unit.divided(by: other.unit))
    }

    /// `−self`: `[−b, −a]`, same unit.
    public func negated() -> Quantity {
        Quantity(baseLower: -upper, baseUpper: -lower, unit: unit)
    }

    /// `self ^ exponent`, where `exponent` is a dimensionless point.
    ///
    /// A whole exponent works on any quantity (the unit is raised too: `(2 [h])^2` is in h²,
    /// written in base units `s²`); a fractional one only on a dimensionless, non-negative value.
    ///
    /// - Throws: `.invalidExponent`; `.divisionByZero` for a negative power of a range holding 0;
    ///   `.outOfRange` on overflow.
    public func raised(to exponent: Quantity) throws(QuantityError) -> Quantity {
        guard exponent.dimension.isDimensionless, !exponent.isRange else { throw QuantityError(.invalidExponent) }
        let p = exponent.lower
        if p == p.rounded(), abs(p) <= 1024 {
            return try raised(toInteger: Int(p))
        }
        guard dimension.isDimensionless, lower >= 0 else { throw QuantityError(.invalidExponent) }
        let a = pow(lower, p), b = pow(upper, p)
        return try Quantity.checked(Swift.min(a, b), Swift.max(a, b), .one)
    }

    private func raised(toInteger n: Int) throws(QuantityError) -> Quantity {
        if n < 0 {
            return try Quantity(1).divided(by: try raised(toInteger: -n))
        }
        let a = Double.integerPower(lower, n), b = Double.integerPower(upper, n)
        var low = Swift.min(a, b), high = Swift.max(a, b)
        if n % 2 == 0 && lower < 0 && upper > 0 { low = 0; high = Swift.max(a, b) }
        return try Quantity.checked(low, high, unit.raised(to: n))
    }

    /// Orders two quantities of the same dimension. For ranges, a comparison holds only when it
    /// holds for every pair of values: `[a, b] < [c, d]` when `b < c`, `<=` when `b <= c`,
    /// `>` when `a > d`, `>=` when `a >= d`. (So two overlapping ranges are neither `<` nor
    /// `>=` each other.) Points compare as numbers.
    ///
    /// - Throws: `.incompatible(.compare, …)` when the dimensions differ.
    public func compare(_ comparison: Comparison, _ other: Quantity) throws(QuantityError) -> Bool {
        guard dimension == other.dimension else {
            throw QuantityError(.incompatible(.compare, unit, other.unit))
        }
        switch comparison {
        case .less: return upper < other.lower
        case .lessOrEqual: return upper <= other.lower
        case .greater: return lower > other.upper
        case .greaterOrEqual: return lower >= other.upper
        }
    }

    /// An ordering comparison.
    public enum Comparison: Sendable {
        case less, lessOrEqual, greater, greaterOrEqual
    }

    /// A quantity from base bounds, or `.outOfRange` when one is not finite.
    static func checked(_ lower: Double, _ upper: Double, _ unit: Unit) throws(QuantityError) -> Quantity {
        guard lower.isFinite, upper.isFinite else { throw QuantityError(.outOfRange) }
        return Quantity(baseLower: lower, baseUpper: upper, unit: unit)
    }
}
