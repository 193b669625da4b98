import Diagnostics
import Quantities

/// Why a formula could not be read or computed, and exactly where.
///
/// Every error points at the token at fault: the unexpected character or token, the operator
/// whose operands do not fit, the name that is unknown, the function whose call failed.
/// Columns count characters (a CJK ideograph is one column), offset from the location the
/// formula's source starts at.
public struct FormulaError: Error, Equatable, Sendable {
    /// The file, line and column of the offending token.
    public var location: SourceLocation
    /// What went wrong; `message` turns it into a sentence.
    public var reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// What went wrong. Types are given by `Value.typeName`; operators and tokens as written.
    public enum Reason: Equatable, Sendable {
        // Reading characters.
        /// A character that starts no token, such as `@`.
        case unexpectedCharacter(Character)
        /// A string with no closing quote; the location is its opening quote.
        case unterminatedString
        /// A backslash escape other than `\'`, `\"`, `\\`, `\n`, `\t`; the location is the backslash.
        case unknownEscape(Character)
        /// A unit's `[` with no `]`; the location is the `[`.
        case unterminatedUnit
        /// A unit that cannot be read (`[FLOPS]`); the location is the bad part inside it.
        case invalidUnit(UnitError.Reason)
        /// A range literal whose first end is the larger (`17..9`); at its first character.
        case reversedRange

        // Reading structure.
        /// A token where another was needed: `found` is the token as written, `expected`
        /// a description such as "`)`" or "an expression".
        case unexpectedToken(String, expected: String)
        /// The formula ended where `expected` was needed.
        case unexpectedEnd(expected: String)
        /// A second comparison in a row (`a < b < c`); carries the second operator.
        case chainedComparison(String)
        /// A call of something that is not a function name (`page.title(1)`); at the `(`.
        case notCallable
        /// Nesting deeper than `limit` levels.
        case tooDeeplyNested(limit: Int)

        // Computing.
        /// A top-level name that is not in scope, with the closest name in scope if any.
        case unknownName(String, suggestion: String?)
        /// A call of a function that is not in the function table, with the closest one if any.
        case unknownFunction(String, suggestion: String?)
        /// `.field` on a value of type `type` that has no fields (`1.foo`); at the field name.
        case noFields(String, type: String)
        /// `[index]` with an index of type `index` on a value of type `type`; at the `[`.
        case invalidIndex(type: String, index: String)
        /// A list or string index that is not a whole number; at the `[`.
        case fractionalIndex(Double)
        /// A binary operator applied to types it does not take; at the operator.
        case invalidOperands(String, String, String)
        /// A unary operator applied to a type it does not take; at the operator.
        case invalidOperand(String, String)
        /// `/` or `%` by zero; at the operator.
        case divisionByZero
        /// Units that do not fit the operator (`cannot add USD and FLOP`), a division by a range
        /// containing zero, a bad exponent; at the operator (or `in` for a conversion).
        case quantity(QuantityError.Reason)
        /// A call with `found` arguments of a function taking `expected`; at the function name.
        case wrongArgumentCount(String, expected: ClosedRange<Int>, found: Int)
        /// A function reported a failure (`FunctionFailure`); at the function name.
        case functionFailed(String, message: String)
        /// `table["key"]` on a data table (rows with an origin) with no such row; at the `[`.
        case unknownRow(String, table: String, suggestion: String?)
    }

    /// One sentence, lower case, no trailing period, saying what to do where it can.
    public var message: String {
        switch reason {
        case .unexpectedCharacter(let character):
            return "unexpected character `\(character)`"
        case .unterminatedString:
            return "unterminated string: add the closing quote"
        case .unknownEscape(let character):
            return "unknown escape `\\\(character)`: use \\', \\\", \\\\, \\n or \\t"
        case .unterminatedUnit:
            return "unterminated unit: add the closing `]`"
        case .invalidUnit(let reason):
            return UnitError(reason, at: 0).message
        case .reversedRange:
            return "a range must go from the smaller to the larger value: write `lo..hi`"
        case .quantity(let reason):
            return QuantityError(reason).message
        case .unexpectedToken(let found, let expected):
            let hint = found == "=" ? ": did you mean `==`?" : ""
            return "expected \(expected), found `\(found)`\(hint)"
        case .unexpectedEnd(let expected):
            return "unexpected end of expression: expected \(expected)"
        case .chainedComparison(let comparison):
            return "comparisons cannot be chained (second `\(comparison)`): write `a < b and b < c`"
        case .notCallable:
            return "only functions can be called, by name, as in `len(x)` or `x | len`"
        case .tooDeeplyNested(let limit):
            return "expression nested deeper than \(limit) levels: split it with `r:let`"
        case .unknownName(let name, let suggestion):
            return "unknown name `\(name)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .unknownFunction(let name, let suggestion):
            return "unknown function `\(name)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .noFields(let field, let type):
            return "cannot read `.\(field)` of a \(type) value: only records have fields"
        case .invalidIndex(let type, let index):
            return "cannot index a \(type) value with a \(index): "
                + "lists and strings take a whole number, records a string"
        case .fractionalIndex(let index):
            return "index \(Value.text(of: index)) is not a whole number"
        case .invalidOperands(let symbol, let left, let right):
            let hint = (left == "string") != (right == "string") && symbol == "+"
                ? ": convert with `string(x)` first" : ""
            return "cannot apply `\(symbol)` to \(left) and \(right)\(hint)"
        case .invalidOperand(let symbol, let type):
            return "cannot apply `\(symbol)` to \(type)"
        case .divisionByZero:
            return "division by zero"
        case .wrongArgumentCount(let name, let expected, let found):
            let count = expected.lowerBound == expected.upperBound
                ? "\(expected.lowerBound)"
                : expected.count == 2 ? "\(expected.lowerBound) or \(expected.upperBound)"
                : "\(expected.lowerBound) to \(expected.upperBound)"
            let noun = expected == 1...1 ? "argument" : "arguments"
            return "`\(name)` takes \(count) \(noun), got \(found)"
        case .functionFailed(let name, let message):
            return "`\(name)`: \(message)"
        case .unknownRow(let key, let table, let suggestion):
            return "no row `\(key)` in the table `\(table)`" + (suggestion.map { ": did you mean `\($0)`?" } ?? "")
        }
    }

    /// The error as a diagnostic for the build report.
    public var diagnostic: Diagnostic { .error(message, at: location) }
}
