import Quantities
import Testing

/// Unit expressions as written in brackets → dimension, factor to base units, symbol.
/// Expected factors come from the definitions documented on each `Unit` constant.
@Test(arguments: [
    ("FLOP", Dimension.flop, 1.0, "FLOP"),
    ("FLOP/s", Dimension.flop / .time, 1, "FLOP/s"),
    ("FLOP/s/chip", Dimension.flop / .time / .chip, 1, "FLOP/s/chip"),
    ("TFLOP/s", Dimension.flop / .time, 1e12, "TFLOP/s"),
    ("PFLOP/s", Dimension.flop / .time, 1e15, "PFLOP/s"),
    ("USD/(chip·h)", Dimension.currency("USD") / .chip / .time, 1.0 / 3600, "USD/(chip·h)"),
    ("USD/(chip*h)", Dimension.currency("USD") / .chip / .time, 1.0 / 3600, "USD/(chip·h)"),
    ("USD / (chip h)", Dimension.currency("USD") / .chip / .time, 1.0 / 3600, "USD/(chip·h)"),
    ("chip·h", Dimension.chip * .time, 3600, "chip·h"),
    ("chip h", Dimension.chip * .time, 3600, "chip·h"),
    ("h", Dimension.time, 3600, "h"),
    ("day", Dimension.time, 86_400, "day"),
    ("month", Dimension.time, 2_628_000, "month"),       // 730 h (issue 3)
    ("year", Dimension.time, 31_557_600, "year"),        // 8766 h, Julian year
    ("W", Dimension.energy / .time, 1, "W"),
    ("kW", Dimension.energy / .time, 1e3, "kW"),
    ("GW", Dimension.energy / .time, 1e9, "GW"),
    ("kWh", Dimension.energy, 3.6e6, "kWh"),
    ("MWh", Dimension.energy, 3.6e9, "MWh"),
    ("GWh", Dimension.energy, 3.6e12, "GWh"),
    ("PF-day", Dimension.flop, 8.64e19, "PF-day"),       // OpenAI "AI and Compute" (2018)
    ("param", Dimension.parameter, 1, "param"),
    ("token", Dimension.token, 1, "token"),
    ("byte", Dimension.byte, 1, "byte"),
    ("GB", Dimension.byte, 1e9, "GB"),
    ("TB", Dimension.byte, 1e12, "TB"),
    ("byte/s", Dimension.byte / .time, 1, "byte/s"),
    ("1", Dimension.dimensionless, 1, "1"),
    ("%", Dimension.dimensionless, 0.01, "%"),
    ("CNY", Dimension.currency("CNY"), 1, "CNY"),
    ("s^2", Dimension.time.raised(to: 2), 1, "s²"),
    ("1/s", Dimension.time.raised(to: -1), 1, "1/s"),
    ("s⁻¹", Dimension.time.raised(to: -1), 1, "s⁻¹"),
] as [(String, Dimension, Double, String)])
func unitExpressionsParse(text: String, dimension: Dimension, factor: Double, symbol: String) throws {
    let unit = try Unit.parse(text)
    #expect(unit.dimension == dimension)
    #expect(abs(unit.factor - factor) <= 1e-12 * factor)
    #expect(unit.symbol == symbol)
}

@Test(arguments: [
    ("FLOPS", UnitError(.unknownUnit("FLOPS"), at: 0)),
    ("FLOP/sec", UnitError(.unknownUnit("sec"), at: 5)),
    ("USD/(chip·hr)", UnitError(.unknownUnit("hr"), at: 10)),
    ("kchip", UnitError(.unknownUnit("kchip"), at: 0)),
    ("", UnitError(.expectedUnit, at: 0)),
    ("FLOP/", UnitError(.expectedUnit, at: 5)),
    ("USD/(chip·h", UnitError(.unclosedParenthesis, at: 4)),
    ("FLOP + s", UnitError(.unexpectedCharacter("+"), at: 5)),
    ("$", UnitError(.unexpectedCharacter("$"), at: 0)),
    ("s^x", UnitError(.expectedExponent, at: 1)),
])
func badUnitsAreErrorsAtTheBadPart(text: String, expected: UnitError) {
    #expect(throws: expected) { try Unit.parse(text) }
}

@Test func unitErrorsReadAsSentences() {
    #expect(UnitError(.unclosedParenthesis, at: 0).message == "unclosed `(` in a unit: add the `)`")
}

@Test func derivedUnitsCancelAndUsePreferredSymbols() throws {
    // Chip-hours × peak per chip is FLOP (DESIGN.md §4).
    #expect(Unit.chipHour.multiplied(by: .flopPerSecondPerChip) == .flop)
    // FLOP ÷ (FLOP/s) is time, shown in hours.
    #expect(Unit.flop.divided(by: .flopPerSecond) == .hour)
    // Chip-hours × price per chip-hour is money.
    #expect(Unit.chipHour.multiplied(by: try Unit.parse("USD/(chip·h)")) == .usd)
    // Equal dimensions divide to a plain number; a plain factor keeps the unit.
    #expect(Unit.usd.divided(by: .usd) == .one)
    #expect(Unit.hour.multiplied(by: .one) == .hour)
    #expect(Unit.one.multiplied(by: .percent) == .one)
    // Anything else is written in base units.
    #expect(Unit.flop.multiplied(by: .token).symbol == "FLOP·token")
    #expect(Unit.usd.divided(by: .flop).symbol == "USD/FLOP")
    #expect(Unit.parameter.divided(by: Unit.chip.multiplied(by: .token)).symbol == "param/(token·chip)")
}
