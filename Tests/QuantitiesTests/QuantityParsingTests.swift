import Quantities
import Testing

/// Numbers as written in tables and prose (DESIGN.md §4, issue 3) → lower, upper, unit.
@Test(arguments: [
    ("1.2e9", 1.2e9, 1.2e9, Unit.one),
    ("1,200", 1200, 1200, .one),
    ("1,234,567.5", 1_234_567.5, 1_234_567.5, .one),
    ("-3.5", -3.5, -3.5, .one),
    ("175B", 175e9, 175e9, .one),
    ("1.6T", 1.6e12, 1.6e12, .one),
    ("12M", 12e6, 12e6, .one),
    ("4.5k", 4500, 4500, .one),
    ("2.5 billion", 2.5e9, 2.5e9, .one),
    ("1750億", 1750e8, 1750e8, .one),
    ("1.6萬億", 1.6e12, 1.6e12, .one),
    ("6000萬億", 6e15, 6e15, .one),            // CHECKS.md #25, the stated brain connections
    ("1.6兆", 1.6e12, 1.6e12, .one),           // 兆 = 10¹² (zh-Hant)
    ("12万", 12e4, 12e4, .one),
    ("900~1700萬", 900e4, 1700e4, .one),       // the suffix applies to both ends
    ("9e6..17e6", 9e6, 17e6, .one),
    ("9–17 million", 9e6, 17e6, .one),
    ("9 to 17", 9, 17, .one),
    ("$12M", 12e6, 12e6, .usd),
    ("$9–17M", 9e6, 17e6, .usd),
    ("12萬美元", 12e4, 12e4, .usd),
    ("1200萬美元", 12e6, 12e6, .usd),
    ("5 USD", 5, 5, .usd),
    ("48%", 0.48, 0.48, .percent),
    ("  7  ", 7, 7, .one),
] as [(String, Double, Double, Unit)])
func numbersParseAsWritten(text: String, lower: Double, upper: Double, unit: Unit) throws {
    let quantity = try Quantity.parse(text)
    #expect(abs(quantity.lower - lower) <= 1e-9 * abs(lower))
    #expect(abs(quantity.upper - upper) <= 1e-9 * abs(upper))
    #expect(quantity.unit == unit)
}

@Test func aDeclaredUnitScalesTheNumberAndMustAgreeWithAWrittenCurrency() throws {
    #expect(try Quantity.parse("730", unit: .hour) == Quantity(730, .hour))
    #expect(try Quantity.parse("$1.50", unit: usdPerChipHour).valueInUnit == 1.5...1.5)
    #expect(try Quantity.parse("1.2", unit: .usd) == Quantity(1.2, .usd))
    #expect(throws: QuantityParseError(.conflictingUnit(written: .usd, declared: .flop), at: 0)) {
        try Quantity.parse("$5", unit: .flop)
    }
    #expect(throws: QuantityParseError(.conflictingUnit(written: .currency("CNY"), declared: .usd), at: 3)) {
        try Quantity.parse("12萬元", unit: .usd)
    }
}

@Test(arguments: [
    ("", QuantityParseError(.empty, at: 0)),
    ("abc", QuantityParseError(.unexpectedCharacter("a"), at: 0)),
    ("12x", QuantityParseError(.unexpectedCharacter("x"), at: 2)),
    ("1.2.3", QuantityParseError(.unexpectedCharacter("."), at: 3)),
    ("1,20", QuantityParseError(.misplacedComma, at: 1)),
    ("12,3456", QuantityParseError(.misplacedComma, at: 2)),
    ("17..9", QuantityParseError(.reversedRange, at: 2)),
    ("9..", QuantityParseError(.expectedDigit, at: 3)),
    ("1e999", QuantityParseError(.outOfRange, at: 5)),
])
func badNumbersAreErrorsAtTheCharacter(text: String, expected: QuantityParseError) {
    #expect(throws: expected) { try Quantity.parse(text) }
}
