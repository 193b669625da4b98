import Formulas
import Quantities
import Testing

/// Formatters in an English page (issue 3's examples).
@Test(arguments: [
    ("175e9 | compact", "175B"),
    ("175e9 [param] | compact", "175B params"),
    ("12e6 | usd", "$12M"),
    ("12e6 [USD] | usd", "$12M"),
    ("12e6 | usd_long", "$12.0 million"),
    ("9e6..17e6 [USD] | usd", "$9–17M"),
    ("37000 [USD] / (8 [chip] * 730 [h]) | usd", "$6.34/(chip·h)"),   // DGX Cloud (CHECKS.md #22)
    ("2.56e24 | sci", "2.56 × 10²⁴"),
    ("training_flops(540e9, 780e9) | sci", "2.53 × 10²⁴ FLOP"),
    ("175e9 | zh", "1750億"),
    ("12e6 [USD] | zh", "1200萬美元"),
    ("1.6e12 | zh", "1.6兆"),
    ("1.6e12 | zh('zh-Hans')", "1.6万亿"),
    ("99995000 | zh", "1億"),
    ("0.482 | percent", "48.2%"),
    ("0.48 | percent", "48%"),
    ("0.48213 | percent(4)", "48.21%"),
    ("1234.5678 [USD] | round(2)", "$1,234.57"),
    ("8404992 [chip·h] | round(0)", "8,404,992 chip·h"),
    ("0.1 + 0.2 | compact", "0.3"),
    ("-0.0 | compact", "0"),
    ("1e30 | compact", "1 × 10³⁰"),
    ("1e30 [W] | compact", "1 × 10³⁰ W"),
])
func formattersInEnglish(source: String, expected: String) throws {
    #expect(try evaluate(source) == .string(expected))
}

@Test func formattersFollowThePageLanguage() throws {
    let hant = scope.with(language: "zh-Hant")
    let hans = Scope(variables: [:], language: "zh-Hans")
    #expect(try evaluate("175e9 | compact", in: hant) == "1750億")
    #expect(try evaluate("12e6 | usd", in: hant) == "1200萬美元")
    #expect(try evaluate("175e9 | zh", in: hans) == "1750亿")
    #expect(try evaluate("6.02e14 | zh", in: hans) == "602万亿")
    #expect(try evaluate("175e9 | zh('zh-Hant')", in: hans) == "1750億")
    #expect(hant.binding("x", to: 1).language == "zh-Hant")
}

@Test func formattersRejectWhatTheyCannotWrite() {
    #expect(error(of: "'a' | compact") == FormulaError(.functionFailed("compact", message: "expected a number or quantity, got string"), at: column(7)))
    #expect(error(of: "1 [h] | usd") == FormulaError(.functionFailed("usd", message: "expected an amount in USD, got a quantity in h"), at: column(9)))
    #expect(error(of: "1 [h] | percent") == FormulaError(.functionFailed("percent", message: "expected a plain number or a percentage, got a quantity in h"), at: column(9)))
    #expect(error(of: "1 | zh('fr')") == FormulaError(.functionFailed("zh", message: "expected `zh-Hant` or `zh-Hans`, got `fr`"), at: column(5)))
}
