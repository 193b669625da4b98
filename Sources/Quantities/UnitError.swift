/// Why a unit expression (the text in `312e12 [FLOP/s/chip]`'s brackets) could not be read.
///
/// `offset` counts characters from the start of the unit text, so a caller that knows where
/// the text starts can point at the bad part.
public struct UnitError: Error, Equatable, Sendable {
    /// Characters from the start of the unit text to the offending part.
    public var offset: Int
    public var reason: Reason

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public enum Reason: Equatable, Sendable {
        /// A name that is no known unit, currency or SI-prefixed unit (`flops`, `kchip`).
        case unknownUnit(String)
        /// A character that is not part of a unit expression (`$`, `+`).
        case unexpectedCharacter(Character)
        /// A unit was needed: the text is empty, or ends after `/`, `·` or `(`.
        case expectedUnit
        /// A `(` without its `)`; at the `(`.
        case unclosedParenthesis
        /// `^` not followed by a whole number.
        case expectedExponent
    }

    /// One sentence, lower case, no trailing period.
    public var message: String {
        switch reason {
        case .unknownUnit(let name):
            return "unknown unit `\(name)`: known units include FLOP, FLOP/s, s, h, day, month, year, "
                + "J, W, kWh, PF-day, param, token, chip, byte, GB, a currency code (USD) and SI prefixes (TFLOP/s)"
        case .unexpectedCharacter(let character):
            return "unexpected character `\(character)` in a unit: combine units with `/`, `·` or `*`"
        case .expectedUnit:
            return "expected a unit"
        case .unclosedParenthesis:
            return "unclosed `(` in a unit: add the `)`"
        case .expectedExponent:
            return "expected a whole-number exponent after `^`"
        }
    }
}
