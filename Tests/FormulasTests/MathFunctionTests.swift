import Formulas
import Quantities
import Testing

@Suite struct MathFunctionTests {
    @Test func rangeJoinsTwoComputedEnds() throws {
        #expect(try evaluate("range(9M [USD], 17M [USD])") == .quantity(Quantity(lower: 9e6, upper: 17e6, .usd)))
        // Claim #8: PaLM's $9–17M over its 8,404,992 chip-hours (CHECKS.md: $1.07–2.02).
        let price = try evaluate("range(9M [USD], 17M [USD]) / 8404992 [chip·h]").formatted(language: "en")
        #expect(price == "$1.07–2.02/(chip·h)")
    }

    @Test func logarithmsOfDimensionlessNumbers() throws {
        #expect(try evaluate("log10(1000)") == .number(3))
        #expect(try evaluate("ln(1)") == .number(0))
        // Doublings from AlexNet to AlphaGo Zero: ln(3.41e23 / 4.7e17) / ln(2) ≈ 19.47.
        guard case .number(let doublings) = try evaluate("ln(3.41e23 [FLOP] / 4.7e17 [FLOP]) / ln(2)") else {
            Issue.record("not a number")
            return
        }
        #expect(abs(doublings - 19.468) < 0.001)
    }

    @Test func aLogarithmOfAQuantityWithAUnitIsAnError() {
        #expect(throws: FormulaError.self) { try evaluate("log10(3 [FLOP])") }
    }
}
