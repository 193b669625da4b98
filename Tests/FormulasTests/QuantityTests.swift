import Formulas
import Quantities
import Testing

let usdPerChipHour = try! Unit.parse("USD/(chip·h)")

/// Literals with units, ranges and scale suffixes → values.
@Test(arguments: [
    ("312e12 [FLOP/s/chip]", Value.quantity(Quantity(312e12, .flopPerSecondPerChip))),
    ("2.56e24 [FLOP]", .quantity(Quantity(2.56e24, .flop))),
    ("2.56e24[FLOP]", .quantity(Quantity(2.56e24, .flop))),
    ("1.07..2.02 [USD/(chip·h)]", .quantity(Quantity(lower: 1.07, upper: 2.02, usdPerChipHour))),
    ("9e6..17e6", .quantity(Quantity(lower: 9e6, upper: 17e6, .one))),
    ("-3..5", .quantity(Quantity(lower: -3, upper: 5, .one))),        // the minus belongs to the first end
    ("-3..-1 [h]", .quantity(Quantity(lower: -3, upper: -1, .hour))),
    ("-(3..5)", .quantity(Quantity(lower: -5, upper: -3, .one))),
    ("175B", .number(175e9)),
    ("1.6T", .number(1.6e12)),
    ("4.5k", .number(4500)),
    ("1750億", .number(175e9)),
    ("1.6萬億", .number(1.6e12)),
    ("12M [USD]", .quantity(Quantity(12e6, .usd))),
    ("900..1700萬", .quantity(Quantity(lower: 900, upper: 1700e4, .one))),  // a suffix scales its own end only
    ("5 [1]", .number(5)),                                               // a plain point is a number
    ("50 [%]", .quantity(Quantity(50, .percent))),
])
func quantityLiterals(source: String, expected: Value) throws {
    #expect(try evaluate(source) == expected)
}

@Test func quantitiesAndNumbersMix() throws {
    #expect(try evaluate("1 [h] + 30 [min]") == .quantity(Quantity(1.5, .hour)))
    #expect(try evaluate("2 * 3 [h]") == .quantity(Quantity(6, .hour)))
    #expect(try evaluate("6 [USD] / 2 [USD]") == .number(3))            // a plain result is a number
    #expect(try evaluate("2 [h] == 120 [min]") == true)
    #expect(try evaluate("1 [USD] == 1") == false)
    #expect(try evaluate("50 [%] == 0.5") == true)
    #expect(try evaluate("1 [USD] < 2 [USD]") == true)
    #expect(try evaluate("1..3 [h] < 2 [h]") == false)                 // not every value is less
    #expect(try evaluate("1..3 [h] < 4 [h]") == true)
    #expect(try evaluate("(9e6..17e6 [USD]) / (2..3)") == .quantity(Quantity(lower: 3e6, upper: 8.5e6, .usd)))
    #expect(try evaluate("len(pages) > 0 and n + 1 == 4") == true)     // plain numbers stay numbers
    #expect(try evaluate("n + 1") == .number(4))
}

@Test func unitErrorsAreAtTheOperator() {
    #expect(error(of: "1 [USD] + 1 [FLOP]") == FormulaError(.quantity(.incompatible(.add, .usd, .flop)), at: column(9)))
    #expect(error(of: "1 [USD] + 1 [FLOP]")?.message == "cannot add USD and FLOP")
    #expect(error(of: "n - 1 [h]") == FormulaError(.quantity(.incompatible(.subtract, .one, .hour)), at: column(3)))
    #expect(error(of: "1 [USD] < 1 [FLOP]") == FormulaError(.quantity(.incompatible(.compare, .usd, .flop)), at: column(9)))
    #expect(error(of: "1 [USD] / (0..1)") == FormulaError(.quantity(.divisionByZero), at: column(9)))
    #expect(error(of: "2 [h] ^ 0.5") == FormulaError(.quantity(.invalidExponent), at: column(7)))
    #expect(error(of: "2 [h] % 2") == FormulaError(.invalidOperands("%", "quantity", "number"), at: column(7)))
    #expect(error(of: "'a' + 1 [h]") == FormulaError(.invalidOperands("+", "string", "quantity"), at: column(5)))
}

@Test func unitAndRangeParseErrorsPointIntoTheLiteral() {
    #expect(error(of: "1 [FLOPS]") == FormulaError(.invalidUnit(.unknownUnit("FLOPS")), at: column(4)))
    #expect(error(of: "2 [USD/(chip·hr)]") == FormulaError(.invalidUnit(.unknownUnit("hr")), at: column(14)))
    #expect(error(of: "2 [USD/(chip·hr)]")?.message.hasPrefix("unknown unit `hr`") == true)
    #expect(error(of: "1 [FLOP") == FormulaError(.unterminatedUnit, at: column(3)))
    #expect(error(of: "1 []") == FormulaError(.invalidUnit(.expectedUnit), at: column(4)))
    #expect(error(of: "17..9") == FormulaError(.reversedRange, at: column(1)))
    #expect(error(of: "n + 17..9 [h]") == FormulaError(.reversedRange, at: column(5)))
}

@Test func inConvertsToAnotherUnit() throws {
    #expect(try evaluate("48 [h] | in day") == .quantity(Quantity(2, .day)))
    #expect(try evaluate("48 [h] | in day").text() == "2 days")
    #expect(try evaluate("8404992 [chip·h] | in [chip day]").text() == "350,208 chip·day")  // a whole number below a million, in full
    #expect(try evaluate("8404992 [chip·h] | in [chip day] | round(0)") == "350,208 chip·day")
    #expect(try evaluate("1 [PF-day] | in FLOP").text() == "8.64 × 10¹⁹ FLOP")
    #expect(try evaluate("0.482 | in %").text() == "48.2%")
    #expect(try evaluate("312e12 [FLOP/s] * 2 | in PFLOP/s").text() == "0.624 PFLOP/s")  // bare units may hold `/`
    #expect(try evaluate("2.56e24 [FLOP] | in PF-day").text() == "29,600 PF-day")
    #expect(try evaluate("1 [year] | in h | round(0)") == "8,766 h")    // the Julian year
    #expect(try evaluate("page.summary | in h") == .null)
    #expect(error(of: "2 [h] | in USD") == FormulaError(.quantity(.incompatible(.convert, .hour, .usd)), at: column(9)))
    #expect(error(of: "2 [h] | in") == FormulaError(.unexpectedEnd(expected: "a unit after `in`"), at: column(11)))
    #expect(error(of: "2 [h] | in dy") == FormulaError(.invalidUnit(.unknownUnit("dy")), at: column(12)))
    #expect(error(of: "'a' | in h") == FormulaError(.invalidOperand("in", "string"), at: column(7)))
}

/// A missing value (`null`, an empty cell) propagates through arithmetic; formatters print n/a.
@Test func missingValuesPropagate() throws {
    #expect(try evaluate("page.summary * 2") == .null)
    #expect(try evaluate("1 [h] + page.summary") == .null)
    #expect(try evaluate("-page.summary") == .null)
    #expect(try evaluate("page.summary < 3") == .null)
    #expect(try evaluate("page.summary == null") == true)
    #expect(try evaluate("page.summary * 2 | compact") == "n/a")
    #expect(try evaluate("page.summary | round(2)") == "n/a")
    #expect(Value.null.formatted(language: "en") == "n/a")
}

@Test func tablesIndexByTheirKeyColumn() throws {
    #expect(try evaluate("pages['GPT-3'].words") == 800)
    #expect(try evaluate("pages['Gopher']") == .null)
}

@Test func quantitiesDisplayInTheStandardEnglishFormat() throws {
    #expect(try evaluate("2.5272e24 [FLOP]").text() == "2.53 × 10²⁴ FLOP")
    #expect(try evaluate("9e6..17e6 [USD]").text() == "$9–17 million")
    #expect(try evaluate("9e6..17e6").text() == "9–17 million")
    #expect(try evaluate("175e9").text() == "175000000000")             // plain numbers keep their text()…
    #expect(Value.number(175e9).formatted(language: "en") == "175 billion")  // …and format as figures
    #expect(Value.number(175e9).formatted(language: "zh-Hant") == "1750億")
    #expect(Value.quantity(Quantity(12e6, .usd)).formatted(language: "zh-Hans") == "1200万美元")
    #expect(try evaluate("1 [h]").typeName == "quantity")
    #expect(try evaluate("0 [h]").isTruthy == false)
    #expect(try evaluate("0..1 [h]").isTruthy == true)
}
