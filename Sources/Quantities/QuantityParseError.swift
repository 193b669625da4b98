/// Why a number as written in a table cell or in prose (`175B`, `900~1700萬`, `$12M`) could
/// not be read.
///
/// `offset` counts characters from the start of the text, so a table reader can name the
/// exact column of a bad cell.
public struct QuantityParseError: Error, Equatable, Sendable {
    /// Characters from the start of the text to the offending character.
    public var offset: Int
    public var reason: Reason

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public enum Reason: Equatable, Sendable {
        /// Nothing but spaces (a caller treats an empty cell as missing before parsing).
        case empty
        /// A digit was needed here.
        case expectedDigit
        /// A character that cannot follow what came before (`12x`, `1.2.3`).
        case unexpectedCharacter(Character)
        /// A thousands separator not followed by exactly three digits (`1,20`).
        case misplacedComma
        /// A range whose first end is larger than its second (`17..9`); at the separator.
        case reversedRange
        /// Too large for a Double (`1e999`).
        case outOfRange
        /// The text names a currency (or `%`) that does not fit the declared unit; at the mark.
        case conflictingUnit(written: Unit, declared: Unit)
    }

    /// One sentence, lower case, no trailing period.
    public var message: String {
        switch reason {
        case .empty:
            return "expected a number, found nothing"
        case .expectedDigit:
            return "expected a digit"
        case .unexpectedCharacter(let character):
            return "unexpected `\(character)` in a number: write numbers as 1.2e9, 1,200, 175B, 1750億 or 9e6..17e6"
        case .misplacedComma:
            return "a thousands separator must be followed by three digits (1,200)"
        case .reversedRange:
            return "a range must go from the smaller to the larger value"
        case .outOfRange:
            return "number too large"
        case .conflictingUnit(let written, let declared):
            return "the value is written in \(written.symbol) but declared in \(declared.symbol)"
        }
    }
}
