/// Why arithmetic, comparison or conversion on quantities failed.
///
/// Carries no position: the formula evaluator puts it at the operator or call at fault.
public struct QuantityError: Error, Equatable, Sendable {
    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// The operations that require equal dimensions.
    public enum Operation: String, Equatable, Sendable {
        case add, subtract, compare, convert
    }

    public enum Reason: Equatable, Sendable {
        /// The two units have different dimensions (`USD + FLOP`, `FLOP in h`).
        case incompatible(Operation, Unit, Unit)
        /// Division by zero, or by a range that contains zero.
        case divisionByZero
        /// An exponent that is not a dimensionless point, or not a whole number when the base
        /// has a unit (`2 [h] ^ 0.5`).
        case invalidExponent
        /// A result too large for a Double, or undefined (`0 ^ -1`).
        case outOfRange
        /// A formatter that needs a dimensionless value or a currency got `unit`.
        case unsupportedUnit(Unit, expected: String)
    }

    /// One sentence, lower case, no trailing period: "cannot add USD and FLOP".
    public var message: String {
        switch reason {
        case .incompatible(.convert, let from, let to):
            return "cannot convert \(QuantityError.name(from)) to \(QuantityError.name(to)): "
                + "\(from.dimension) and \(to.dimension) differ"
        case .incompatible(let operation, let a, let b):
            return "cannot \(operation.rawValue) \(QuantityError.name(a)) and \(QuantityError.name(b))"
        case .divisionByZero:
            return "division by zero (or by a range that contains zero)"
        case .invalidExponent:
            return "exponents must be plain numbers, and whole numbers when the base has a unit"
        case .outOfRange:
            return "the result is too large or undefined"
        case .unsupportedUnit(let unit, let expected):
            return "expected \(expected), got a quantity in \(unit.symbol)"
        }
    }

    /// A unit as messages name it: its symbol, or "a plain number" for `1`.
    static func name(_ unit: Unit) -> String {
        unit == .one ? "a plain number" : unit.symbol
    }
}
