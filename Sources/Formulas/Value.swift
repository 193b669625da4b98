/// A value that formulas compute with and templates display.
///
/// Values are immutable and `Sendable`; lists and records are Swift value types.
///
/// - Note: Quantities (a number or `lo..hi` range with a unit) will be a further case here,
///   `case quantity(Quantity)`. Adding it means: a `typeName` ("quantity"), `isTruthy`, `text()`
///   (through the `Quantities` formatter), `==` in `Value+Equatable.swift`, and the arithmetic
///   and comparison dispatch in `Evaluator.swift`. Nothing else switches over `Value`.
public indirect enum Value: Sendable {
    /// Nothing: a missing field or index, or the literal `null`.
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([Value])
    /// String-keyed fields in their given order.
    case record(Record)
    /// Markup passed through untouched (see `Fragment`).
    case fragment(any Fragment)

    /// Whether `r:if` keeps an element for this value: `null`, `false`, `0` (and NaN), `""`,
    /// `[]` and the empty record are false; everything else, including any fragment, is true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .number(let value): value != 0 && !value.isNaN
        case .string(let value): !value.isEmpty
        case .list(let items): !items.isEmpty
        case .record(let record): !record.isEmpty
        case .fragment: true
        }
    }

    /// The name users see in error messages: `null`, `boolean`, `number`, `string`, `list`,
    /// `record` or `markup`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
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
    ///   `true`/`false`; `""` for `null` and for markup; a list's items' texts joined by `", "`;
    ///   a record's fields as `key: text` joined by `", "`; a string as itself.
    public func text() -> String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let value): Value.text(of: value)
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
