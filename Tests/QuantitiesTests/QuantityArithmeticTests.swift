import Quantities
import Testing

let usdPerChipHour = try! Unit.parse("USD/(chip·h)")

@Test func addingKeepsTheLeftUnitAndNeedsEqualDimensions() throws {
    let sum = try Quantity(1, .hour).adding(Quantity(30 * 60, .second))
    #expect(sum.unit == .hour)
    #expect(sum.valueInUnit == 1.5...1.5)
    #expect(throws: QuantityError(.incompatible(.add, .usd, .flop))) {
        try Quantity(1, .usd).adding(Quantity(1, .flop))
    }
    #expect(QuantityError(.incompatible(.add, .usd, .flop)).message == "cannot add USD and FLOP")
    #expect(QuantityError(.incompatible(.subtract, .usd, .one)).message == "cannot subtract USD and a plain number")
    #expect(throws: QuantityError(.incompatible(.add, .usd, .currency("CNY")))) {
        try Quantity(1, .usd).adding(Quantity(1, .currency("CNY")))  // currencies never convert implicitly
    }
}

/// PaLM: 6144 TPU v4 chips × 1200 h + 3072 × 336 h = 8,404,992 chip-hours
/// (Chowdhery et al. 2022, arXiv:2204.02311; CHECKS.md claim #6), = 6144 × 1368 h.
@Test func palmChipHoursMultiplyToChipHours() throws {
    let first = try Quantity(6144, .chip).multiplied(by: Quantity(1200, .hour))
    let second = try Quantity(3072, .chip).multiplied(by: Quantity(336, .hour))
    let total = try first.adding(second)
    #expect(total.unit == .chipHour)
    #expect(total.valueInUnit == 8_404_992...8_404_992)
    #expect(try Quantity(6144, .chip).multiplied(by: Quantity(1368, .hour)) == total)
}

/// Chip-hours × peak is FLOP; FLOP ÷ (FLOP/s) is time.
@Test func unitAlgebraCancels() throws {
    let flops = try Quantity(1, .chipHour).multiplied(by: Quantity(312e12, .flopPerSecondPerChip))
    #expect(flops.unit == .flop)
    #expect(flops.lower == 3600 * 312e12)
    let time = try Quantity(3.6e18, .flop).divided(by: Quantity(1e15, .flopPerSecond))
    #expect(time.unit == .hour)
    #expect(time.valueInUnit == 1...1)
}

/// Interval arithmetic (Moore 1966): [9, 17] M ÷ [2, 3] = [3, 8.5] M.
@Test func rangesPropagateThroughArithmetic() throws {
    let cost = Quantity(lower: 9e6, upper: 17e6, .usd)
    let quotient = try cost.divided(by: Quantity(lower: 2, upper: 3, .one))
    #expect(quotient.value == 3e6...8.5e6)
    #expect(quotient.unit == .usd)
    let difference = try Quantity(lower: 1, upper: 2, .one).subtracting(Quantity(lower: 0.5, upper: 1, .one))
    #expect(difference.value == 0...1.5)
    let product = try Quantity(lower: -2, upper: 3, .one).multiplied(by: Quantity(lower: -4, upper: 1, .one))
    #expect(product.value == -12...8)
    let square = try Quantity(lower: -2, upper: 3, .one).raised(to: Quantity(2))
    #expect(square.value == 0...9)
    #expect(Quantity(lower: 1, upper: 2, .hour).negated().valueInUnit == -2 ... -1)
    // PaLM's $9–17M over 8,404,992 chip-hours is $1.07–2.02 per chip-hour (CHECKS.md #8).
    let price = try Quantity(lower: 9e6, upper: 17e6, .usd).divided(by: Quantity(8_404_992, .chipHour))
    #expect(price.unit.symbol == "USD/(chip·h)")
    #expect(abs(price.valueInUnit.lowerBound - 1.0708) < 1e-4)
    #expect(abs(price.valueInUnit.upperBound - 2.0226) < 1e-4)
}

@Test func divisionByARangeContainingZeroIsAnError() {
    #expect(throws: QuantityError(.divisionByZero)) {
        try Quantity(1).divided(by: Quantity(lower: -1, upper: 1, .one))
    }
    #expect(throws: QuantityError(.divisionByZero)) { try Quantity(1, .usd).divided(by: Quantity(0, .chip)) }
}

@Test func exponentsMustBePlainAndWholeForUnits() throws {
    #expect(try Quantity(3, .second).raised(to: Quantity(2)).unit.symbol == "s²")
    #expect(try Quantity(4).raised(to: Quantity(0.5)).value == 2...2)
    #expect(throws: QuantityError(.invalidExponent)) { try Quantity(4, .second).raised(to: Quantity(0.5)) }
    #expect(throws: QuantityError(.invalidExponent)) { try Quantity(4).raised(to: Quantity(1, .second)) }
    #expect(throws: QuantityError(.outOfRange)) { try Quantity(1e300).multiplied(by: Quantity(1e300)) }
}

/// Ranges compare only when every pair of values does.
@Test(arguments: [
    (Quantity.Comparison.less, 1.0, 2.0, 3.0, 4.0, true),
    (.less, 1, 3, 3, 4, false),
    (.lessOrEqual, 1, 3, 3, 4, true),
    (.less, 1, 3.5, 3, 4, false),          // overlapping: neither less…
    (.greaterOrEqual, 1, 3.5, 3, 4, false), // …nor greater or equal
    (.greater, 5, 6, 3, 4, true),
    (.greaterOrEqual, 4, 6, 3, 4, true),
])
func rangeComparisonsHoldForEveryValue(
    comparison: Quantity.Comparison, a: Double, b: Double, c: Double, d: Double, expected: Bool
) throws {
    #expect(try Quantity(lower: a, upper: b, .usd).compare(comparison, Quantity(lower: c, upper: d, .usd)) == expected)
}

@Test func comparingAndConvertingNeedEqualDimensions() throws {
    #expect(throws: QuantityError(.incompatible(.compare, .usd, .flop))) {
        try Quantity(1, .usd).compare(.less, Quantity(1, .flop))
    }
    let days = try Quantity(48, .hour).converted(to: .day)
    #expect(days.valueInUnit == 2...2)
    #expect(throws: QuantityError(.incompatible(.convert, .usd, .hour))) { try Quantity(1, .usd).converted(to: .hour) }
    #expect(QuantityError(.incompatible(.convert, .usd, .hour)).message == "cannot convert USD to h: USD and s differ")
}
