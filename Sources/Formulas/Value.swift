import Quantities

/// A value that formulas compute with and templates display.
///
/// Values are immutable and `Sendable`; lists and records are Swift value types.
///
/// Numbers: a plain number (no unit, not a range) is always `.number`, so templates keep
/// computing `len(pages) > 0` and `loop.index + 1` with Doubles; anything with a unit (`%`
/// included) or a `lo..hi` range is `.quantity`. `Value(_ quantity:)` keeps this invariant, and
/// arithmetic mixing the two promotes the number to a dimensionless quantity.
///
/// Tables are `.list` of `.record` rows, one field per column (the first field is the row's
/// key, so `models["PaLM"]` finds the row whose first field is "PaLM"); a missing cell is
/// `.null`. Dates are ISO strings (`"2022-04-05"`); the fitting functions read them.
public indirect enum Value: Sendable {
    /// Nothing: a missing field or index, or the literal `null`.
    case null
    case bool(Bool)
    case number(Double)
    /// A number or range with a unit (never a plain dimensionless point: that is `.number`).
    case quantity(Quantity)
    case string(String)
    case list([Value])
    /// String-keyed fields in their given order.
    case record(Record)
    /// Markup passed through untouched (see `Fragment`).
    case fragment(any Fragment)

    /// A quantity, or `.number` when it is a plain point (unit `1`, not a range).
    public init(_ quantity: Quantity) {
        self = quantity.unit == .one && !quantity.isRange ? .number(quantity.lower) : .quantity(quantity)
    }

    /// Whether `r:if` keeps an element for this value: `null`, `false`, `0` (and NaN), a
    /// quantity of exactly zero, `""`, `[]` and the empty record are false; everything else,
    /// including any fragment, is true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .number(let value): value != 0 && !value.isNaN
        case .quantity(let quantity): quantity.lower != 0 || quantity.upper != 0
        case .string(let value): !value.isEmpty
        case .list(let items): !items.isEmpty
        case .record(let record): !record.isEmpty
        case .fragment: true
        }
    }

    /// The name users see in error messages: `null`, `boolean`, `number`, `quantity`,
    /// `string`, `list`, `record` or `markup`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .quantity: "quantity"
        case .string: "string"
        case .list: "list"
        case .record: "record"
        case .fragment: "markup"
        }
    }

    /// The text `r:text` writes for this value.
    ///
    /// - Returns: For a number, the shortest text that reads back as the same `Double`, with no
    ///   `.0` on whole numbers below 10¹⁵ in magnitude and `0` for `-0` (`1e+20` beyond);
    ///   a quantity in the standard English format (`2.53 × 10²⁴ FLOP`, `$9–17 million`; see
    ///   `QuantityFormat`, and `formatted(language:)` for other languages);
    ///   `true`/`false`; `""` for `null` and for markup; a list's items' texts joined by `", "`;
    ///   a record's fields as `key: text` joined by `", "`; a string as itself.
    public func text() -> String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let value): Value.text(of: value)
        case .quantity(let quantity): QuantityFormat().string(for: quantity)
        case .string(let value): value
        case .list(let items): items.map { $0.text() }.joined(separator: ", ")
        case .record(let record):
            record.fields.map { "\($0.0): \($0.1.text())" }.joined(separator: ", ")
        case .fragment: ""
        }
    }

    static func text(of number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))  // also turns -0.0 into "0"
        }
        return "\(number)"
    }
}
