import Quantities
import Testing

let en = QuantityFormat()
let hant = QuantityFormat(language: .traditionalChinese)
let hans = QuantityFormat(language: .simplifiedChinese)

/// Formatting rules of issue 3 and DESIGN.md §4 (3 significant digits, round before choosing
/// the scale word, never -0, binary noise, or beyond the last scale word).
@Test(arguments: [
    // English standard: long scale words from a million, full digits below.
    (en, Quantity(175e9), "175 billion"),
    (en, Quantity(2.527e12), "2.53 trillion"),
    (en, Quantity(999_995_000), "1 billion"),                // never "1000 million"
    (en, Quantity(999_499_999), "999 million"),
    (en, Quantity(0.1 + 0.2), "0.3"),                        // never 0.30000000000000004
    (en, Quantity(-0.0), "0"),                               // never -0
    (en, Quantity(-5e6), "-5 million"),
    (en, Quantity(37_000), "37,000"),
    (en, Quantity(6.3356), "6.34"),
    (en, Quantity(0.000123), "0.000123"),
    (en, Quantity(2.53e-7), "2.53 × 10⁻⁷"),
    (en, Quantity(1e30), "1 × 10³⁰"),                        // never "1000Y" or "1e+30"
    (en, Quantity(999.9e12), "1 × 10¹⁵"),                    // past "trillion": scientific
    (en, Quantity(lower: 9e6, upper: 17e6, .one), "9–17 million"),
    (en, Quantity(lower: 1.0708, upper: 2.0226, .one), "1.07–2.02"),
    // Compact.
    (QuantityFormat(.compact), Quantity(175e9), "175B"),
    (QuantityFormat(.compact), Quantity(37_000), "37K"),
    (QuantityFormat(.compact), Quantity(1e30), "1 × 10³⁰"),
    // Scientific.
    (QuantityFormat(.scientific), Quantity(2.56e24), "2.56 × 10²⁴"),
    (QuantityFormat(.scientific), Quantity(2.5272e24, .flop), "2.53 × 10²⁴ FLOP"),
    (QuantityFormat(.scientific), Quantity(7.2553e5), "7.26 × 10⁵"),
    // Percent.
    (QuantityFormat(.percent), Quantity(0.48), "48%"),
    (QuantityFormat(.percent), Quantity(0.47695), "47.7%"),
    (en, Quantity(0.482, .percent), "0.482%"),
    (en, Quantity(48.2, .percent), "48.2%"),
    // Fixed decimals, grouped.
    (QuantityFormat(.fixed(decimals: 0)), Quantity(8_404_992, .chipHour), "8,404,992 chip·h"),
    (QuantityFormat(.fixed(decimals: 2)), Quantity(-0.001), "0.00"),
    (QuantityFormat(.fixed(decimals: -2)), Quantity(1234), "1,200"),
    // Chinese.
    (hant, Quantity(175e9), "1750億"),
    (hans, Quantity(175e9), "1750亿"),
    (hant, Quantity(99_995_000), "1億"),                     // never "10000萬"
    (hant, Quantity(1.6e12), "1.6兆"),
    (hans, Quantity(1.6e12), "1.6万亿"),
    (hant, Quantity(6.02e14), "602兆"),                      // 86e9 × 7000 (CHECKS.md #25)
    (hans, Quantity(6e15), "6000万亿"),
    (hant, Quantity(1.2e16), "1.2 × 10¹⁶"),
    (hant, Quantity(lower: 9e6, upper: 17e6, .one), "900–1700萬"),
    (hant, Quantity(8_404_992, .chipHour), "840萬晶片小時"),
    (hant, Quantity(9990), "9990"),
    (hant, Quantity(9999), "9999"),                         // a count below 萬, in full
    (hant, Quantity(99_995), "10萬"),                        // 3 s.f. first, then the scale
])
func formatting(format: QuantityFormat, quantity: Quantity, expected: String) {
    #expect(format.string(for: quantity) == expected)
}

/// Units after the number; money before it in English and after it in Chinese.
@Test(arguments: [
    (en, Quantity(12e6, .usd), "$12 million"),
    (QuantityFormat(.compact), Quantity(12e6, .usd), "$12M"),
    (QuantityFormat(keepsTrailingZeros: true), Quantity(12e6, .usd), "$12.0 million"),
    (QuantityFormat(.compact), Quantity(lower: 9e6, upper: 17e6, .usd), "$9–17M"),
    (QuantityFormat(.compact), Quantity(-5e6, .usd), "-$5M"),
    (en, Quantity(lower: 1.0708, upper: 2.0226, usdPerChipHour), "$1.07–2.02/(chip·h)"),
    (hant, Quantity(12e6, .usd), "1200萬美元"),
    (hans, Quantity(12e6, .usd), "1200万美元"),
    (en, Quantity(5, .currency("CHF")), "5 CHF"),
    (en, Quantity(2.5272e24, .flop), "2.53 × 10²⁴ FLOP"),
    (en, Quantity(8_404_992, .chipHour), "8.4 million chip·h"),
    (en, Quantity(312e12, .flopPerSecondPerChip), "312 TFLOP/s/chip"),
    (en, Quantity(312, try! Unit.parse("TFLOP/s")), "312 TFLOP/s"),
    (en, Quantity(0.624, try! Unit.parse("PFLOP/s")), "0.624 PFLOP/s"),
    (en, Quantity(1e6, .watt), "1 MW"),                      // 50,000 × 20 W (CHECKS.md #27)
    (en, Quantity(1.29e9, .wattHour), "1.29 GWh"),
    (en, Quantity(1290, .megawattHour), "1,290 MWh"),        // a prefix as written is kept
    (en, Quantity(1e30, .watt), "1 × 10³⁰ W"),               // past yotta: scientific
    (en, Quantity(6, .month), "6 months"),
    (en, Quantity(1, .day), "1 day"),
    (en, Quantity(175e9, .parameter), "175 billion params"),
    (hant, Quantity(6, .month), "6個月"),
    (hans, Quantity(6, .month), "6个月"),
    (en, Quantity(3, .hour), "3 h"),
])
func unitsFollowTheNumber(format: QuantityFormat, quantity: Quantity, expected: String) {
    #expect(format.string(for: quantity) == expected)
}

@Test func languagesComeFromTags() {
    #expect(QuantityFormat.Language(tag: "en") == .english)
    #expect(QuantityFormat.Language(tag: "zh-Hant") == .traditionalChinese)
    #expect(QuantityFormat.Language(tag: "zh-TW") == .traditionalChinese)
    #expect(QuantityFormat.Language(tag: "zh-Hans") == .simplifiedChinese)
    #expect(QuantityFormat.Language(tag: "zh-CN") == .simplifiedChinese)
    #expect(QuantityFormat.Language(tag: "fr") == .english)
}

@Test func descriptionIsTheStandardEnglishFormat() {
    #expect(Quantity(lower: 9e6, upper: 17e6, .usd).description == "$9–17 million")
}

@Suite struct RoundingTests {
    /// A tie rounds away from zero, as readers of reports expect; the scale word is chosen
    /// after rounding.
    @Test func tiesRoundAwayFromZero() {
        #expect(QuantityFormat().string(for: Quantity(2048, .chip)) == "2,048 chips")  // a count, in full
        #expect(QuantityFormat(language: .traditionalChinese).string(for: Quantity(2048, .chip)) == "2048顆晶片")
        #expect(QuantityFormat().string(for: Quantity(46.25e6, .usd)) == "$46.3 million")
        #expect(QuantityFormat(significantDigits: 2).string(for: 0.125) == "0.13")
        #expect(QuantityFormat().string(for: 9_995_000) == "10 million")
        #expect(QuantityFormat().string(for: 0.1 + 0.2) == "0.3")
    }
}
