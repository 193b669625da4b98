import Quantities

extension FunctionTable {
    /// The formatters: each takes a number or quantity and gives the string a report shows,
    /// in the scope's language (`Scope.language`) unless it says otherwise; `null` (a missing
    /// value) gives "n/a". Three significant digits unless stated. See `QuantityFormat` for the
    /// rules (round before choosing the scale word, no `-0`, scientific beyond the last word).
    ///
    /// | call | en | zh-Hant page |
    /// |---|---|---|
    /// | `x \| compact` | `175B`, `$12M`, `312 TFLOP/s/chip` | `1750億` |
    /// | `x \| usd` | `$12M` (a plain number is taken as USD) | `1200萬美元` |
    /// | `x \| usd_long` | `$12.0 million` (keeps the third significant digit) | `1200萬美元` |
    /// | `x \| sci` | `2.53 × 10²⁴ FLOP` | same |
    /// | `x \| zh`, `x \| zh('zh-Hans')` | `1750億` (zh-Hant unless the page or the argument says zh-Hans) | `1750億` |
    /// | `x \| percent`, `x \| percent(2)` | `48.2%`; the argument sets significant digits | same |
    /// | `x \| round(2)` | a quantity with 2 decimals: `6.34 USD/(chip·h)` → `$6.34/(chip·h)` | same |
    ///
    /// The standard format itself (`175 billion`) needs no formatter: it is how a quantity
    /// displays (`Value.text()`, `Value.formatted(language:)`). Conversion is syntax, not a
    /// function: `x | in h` (see `Parser.parsePipe`).
    static let formatters: [Function] = [
        formatter("compact") { _, language in QuantityFormat(.compact, language: language) },
        Function(name: "usd", arity: 1...1) { arguments, context throws(FunctionFailure) in
            try formatMoney(arguments[0], QuantityFormat(.compact, language: context.numberLanguage))
        },
        Function(name: "usd_long", arity: 1...1) { arguments, context throws(FunctionFailure) in
            let format = QuantityFormat(.standard, language: context.numberLanguage, keepsTrailingZeros: true)
            return try formatMoney(arguments[0], format)
        },
        formatter("sci") { _, language in QuantityFormat(.scientific, language: language) },
        Function(name: "zh", arity: 1...2) { arguments, context throws(FunctionFailure) in
            var language = context.numberLanguage == .simplifiedChinese ? QuantityFormat.Language.simplifiedChinese
                : .traditionalChinese
            if arguments.count == 2 {
                let tag = try string(arguments[1])
                language = QuantityFormat.Language(tag: tag)
                guard language.isChinese else { throw FunctionFailure("expected `zh-Hant` or `zh-Hans`, got `\(tag)`") }
            }
            return try formatted(arguments[0], QuantityFormat(.standard, language: language))
        },
        Function(name: "percent", arity: 1...2) { arguments, context throws(FunctionFailure) in
            let digits = arguments.count == 2 ? try integer(arguments[1]) : 3
            guard (1...17).contains(digits) else { throw FunctionFailure("significant digits must be between 1 and 17") }
            if case .quantity(let quantity) = arguments[0], !quantity.dimension.isDimensionless {
                throw FunctionFailure(QuantityError(.unsupportedUnit(quantity.unit, expected: "a plain number or a percentage")).message)
            }
            let format = QuantityFormat(.percent, language: context.numberLanguage, significantDigits: digits)
            return try formatted(arguments[0], format)
        },
    ]

    /// A one-argument formatter whose format depends only on the page language.
    private static func formatter(
        _ name: String, _ makeFormat: @escaping @Sendable (Value, QuantityFormat.Language) -> QuantityFormat
    ) -> Function {
        Function(name: name, arity: 1...1) { arguments, context throws(FunctionFailure) in
            try formatted(arguments[0], makeFormat(arguments[0], context.numberLanguage))
        }
    }
}

/// `value` (a number or quantity) in `format`, or "n/a" for `null`.
private func formatted(_ value: Value, _ format: QuantityFormat) throws(FunctionFailure) -> Value {
    switch value {
    case .null: return .string(notAvailable)
    case .number(let number): return .string(format.string(for: number))
    case .quantity(let quantity): return .string(format.string(for: quantity))
    default: throw .expected("a number or quantity", got: value)
    }
}

/// A money amount in USD: a plain number is taken as USD; a quantity must be in USD (or
/// USD per something, such as `USD/(chip·h)`).
private func formatMoney(_ value: Value, _ format: QuantityFormat) throws(FunctionFailure) -> Value {
    switch value {
    case .number(let number):
        return .string(format.string(for: Quantity(number, .usd)))
    case .quantity(let quantity) where quantity.dimension.isDimensionless && quantity.unit == .one:
        return .string(format.string(for: Quantity(baseLower: quantity.lower, baseUpper: quantity.upper, unit: .usd)))
    case .quantity(let quantity) where quantity.dimension.currency != "USD":
        throw FunctionFailure(QuantityError(.unsupportedUnit(quantity.unit, expected: "an amount in USD")).message)
    default:
        return try formatted(value, format)
    }
}
