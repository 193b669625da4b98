import Foundation  // pow
import Quantities

extension FunctionTable {
    /// The functions every scope has unless told otherwise:
    ///
    /// | call | result |
    /// |---|---|
    /// | `len(x)` | characters of a string, items of a list, fields of a record |
    /// | `join(list, sep)` | the items' display texts joined by `sep` |
    /// | `upper(s)`, `lower(s)` | the string in upper or lower case |
    /// | `default(x, fallback)` | `fallback` when `x` is `null` or `""`, else `x` |
    /// | `first(list)`, `last(list)` | the first or last item, `null` when empty |
    /// | `slice(x, start, end?)` | items (or characters) `start..<end`; negative counts from the end; clamped |
    /// | `contains(x, item)` | list holds item, string holds substring, record has key |
    /// | `string(x)` | the display text (`Value.text()`) |
    /// | `round(x, digits?)` | a number rounded half away from zero to `digits` decimals (default 0; negative rounds to tens…); a quantity written with exactly `digits` decimals in its unit (`8,404,992 chip·h`); `null` → "n/a" |
    ///
    /// and the formatters (`FunctionTable+Formatters.swift`), the domain functions
    /// (`FunctionTable+Domain.swift`), the fits (`FunctionTable+Fits.swift`) and the table
    /// functions (`FunctionTable+Tables.swift`).
    ///
    /// Arguments of the wrong type fail with a message naming the expected and actual types.
    public static let standard = core
        .adding(formatters)
        .adding(domainFunctions)
        .adding(fitFunctions)
        .adding(tableFunctions)

    /// A copy with all of `functions` added (later ones replace earlier ones of the same name).
    public func adding(_ functions: [Function]) -> FunctionTable {
        functions.reduce(self) { $0.adding($1) }
    }

    /// The general-purpose functions, for strings, lists and records.
    static let core = FunctionTable()
        .adding(Function(name: "len", arity: 1...1) { arguments throws(FunctionFailure) in
            switch arguments[0] {
            case .string(let text): return .number(Double(text.count))
            case .list(let items): return .number(Double(items.count))
            case .record(let record): return .number(Double(record.count))
            case let other: throw .expected("a string, list or record", got: other)
            }
        })
        .adding(Function(name: "join", arity: 2...2) { arguments throws(FunctionFailure) in
            let items = try list(arguments[0])
            let separator = try string(arguments[1])
            return .string(items.map { $0.text() }.joined(separator: separator))
        })
        .adding(Function(name: "upper", arity: 1...1) { arguments throws(FunctionFailure) in
            .string(try string(arguments[0]).uppercased())
        })
        .adding(Function(name: "lower", arity: 1...1) { arguments throws(FunctionFailure) in
            .string(try string(arguments[0]).lowercased())
        })
        .adding(Function(name: "default", arity: 2...2) { arguments in
            switch arguments[0] {
            case .null, .string(""): arguments[1]
            default: arguments[0]
            }
        })
        .adding(Function(name: "first", arity: 1...1) { arguments throws(FunctionFailure) in
            try list(arguments[0]).first ?? .null
        })
        .adding(Function(name: "last", arity: 1...1) { arguments throws(FunctionFailure) in
            try list(arguments[0]).last ?? .null
        })
        .adding(Function(name: "slice", arity: 2...3) { arguments throws(FunctionFailure) in
            func bounds(count: Int) throws(FunctionFailure) -> Range<Int> {
                func clamp(_ value: Value) throws(FunctionFailure) -> Int {
                    let i = try integer(value)
                    return Swift.min(Swift.max(i < 0 ? count + i : i, 0), count)
                }
                let start = try clamp(arguments[1])
                let end = arguments.count == 3 ? try clamp(arguments[2]) : count
                return start..<Swift.max(start, end)
            }
            switch arguments[0] {
            case .list(let items):
                return .list(Array(items[try bounds(count: items.count)]))
            case .string(let text):
                return .string(String(Array(text)[try bounds(count: text.count)]))
            case let other:
                throw .expected("a list or string", got: other)
            }
        })
        .adding(Function(name: "contains", arity: 2...2) { arguments throws(FunctionFailure) in
            switch (arguments[0], arguments[1]) {
            case (.list(let items), let item): return .bool(items.contains(item))
            case (.string(let text), .string(let part)): return .bool(part.isEmpty || text.contains(part))
            case (.string, let other): throw .expected("a string to look for", got: other)
            case (.record(let record), .string(let key)): return .bool(record[key] != nil)
            case (.record, let other): throw .expected("a string key to look for", got: other)
            case (let other, _): throw .expected("a list, string or record", got: other)
            }
        })
        .adding(Function(name: "string", arity: 1...1) { arguments in
            .string(arguments[0].text())
        })
        /// `range(lo, hi)`: the range lo..hi of two numbers or quantities of one dimension,
        /// for ranges computed from other figures (`range(cost_low, cost_high)`).
        .adding(Function(name: "range", arity: 2...2) { arguments throws(FunctionFailure) in
            if case .null = arguments[0] { return .null }
            if case .null = arguments[1] { return .null }
            guard let lo = arguments[0].asQuantity, let hi = arguments[1].asQuantity else {
                throw FunctionFailure("range needs two numbers or quantities")
            }
            guard lo.dimension == hi.dimension else {
                throw FunctionFailure("the ends of a range must have one dimension, not \(lo.unit.symbol) and \(hi.unit.symbol)")
            }
            guard lo.lower <= hi.upper else { throw FunctionFailure("the low end is above the high end") }
            return Value(Quantity(baseLower: lo.lower, baseUpper: hi.upper, unit: lo.unit))
        })
        /// `log10(x)` and `ln(x)` of a positive dimensionless number: orders of magnitude,
        /// numbers of doublings (`ln(ratio) / ln(2)`).
        .adding(Function(name: "log10", arity: 1...1) { arguments throws(FunctionFailure) in
            try logarithm(arguments[0], base10: true)
        })
        .adding(Function(name: "ln", arity: 1...1) { arguments throws(FunctionFailure) in
            try logarithm(arguments[0], base10: false)
        })
        .adding(Function(name: "round", arity: 1...2) { arguments, context throws(FunctionFailure) in
            let digits = arguments.count == 2 ? try integer(arguments[1]) : 0
            guard (-308...308).contains(digits) else { throw FunctionFailure("digits must be between -308 and 308") }
            switch arguments[0] {
            case .null:
                return .string(notAvailable)
            case .quantity(let quantity):
                guard digits <= 20 else { throw FunctionFailure("digits must be at most 20 for a quantity") }
                let format = QuantityFormat(.fixed(decimals: digits), language: context.numberLanguage)
                return .string(format.string(for: quantity))
            default:
                break
            }
            let value = try number(arguments[0])
            let scale = pow(10, Double(digits))
            let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            return .number(rounded.isFinite ? rounded : value)
        })
}

/// The logarithm of a positive dimensionless value (a unit that is a pure factor, like %,
/// counts); a range gives the range of its ends' logarithms.
private func logarithm(_ value: Value, base10: Bool) throws(FunctionFailure) -> Value {
    if case .null = value { return .null }
    guard let quantity = value.asQuantity, quantity.dimension.isDimensionless else {
        throw FunctionFailure("a logarithm needs a number without a unit, got \(value.typeName)")
    }
    guard quantity.lower > 0 else { throw FunctionFailure("a logarithm needs a positive number") }
    let lower = base10 ? Foundation.log10(quantity.lower) : Foundation.log(quantity.lower)
    let upper = base10 ? Foundation.log10(quantity.upper) : Foundation.log(quantity.upper)
    return Value(Quantity(lower: lower, upper: upper, .one))
}

// Argument checks shared by the standard functions.

/// What formatters print for a missing value.
let notAvailable = "n/a"

func list(_ value: Value) throws(FunctionFailure) -> [Value] {
    guard case .list(let items) = value else { throw .expected("a list", got: value) }
    return items
}

func string(_ value: Value) throws(FunctionFailure) -> String {
    guard case .string(let text) = value else { throw .expected("a string", got: value) }
    return text
}

func number(_ value: Value) throws(FunctionFailure) -> Double {
    guard case .number(let number) = value else { throw .expected("a number", got: value) }
    return number
}

func integer(_ value: Value) throws(FunctionFailure) -> Int {
    let number = try number(value)
    guard number == number.rounded(), abs(number) < 1e15 else {
        throw FunctionFailure("expected a whole number, got \(Value.text(of: number))")
    }
    return Int(number)
}

extension FunctionFailure {
    /// "expected a list, got a number".
    static func expected(_ description: String, got value: Value) -> FunctionFailure {
        FunctionFailure("expected \(description), got \(value.typeName)")
    }
}
