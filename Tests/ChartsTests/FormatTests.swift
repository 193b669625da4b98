@testable import Charts
import Testing

@Suite("Tick label formats")
struct FormatTests {
    @Test func linearDefaultsUseStepDecimalsGroupingAndSuffixes() {
        let small = LinearScale(domain: [0, 2])
        #expect(small.ticks(count: 5).map { small.tickFormat(count: 5)($0) } == ["0.0", "0.5", "1.0", "1.5", "2.0"])
        let thousands = LinearScale(domain: [0, 20_000])
        #expect(thousands.ticks(count: 4).map { thousands.tickFormat(count: 4)($0) } == ["0", "5,000", "10,000", "15,000", "20,000"])
        let millions = LinearScale(domain: [0, 2_000_000])
        #expect(millions.ticks(count: 4).map { millions.tickFormat(count: 4)($0) } == ["0", "0.5M", "1M", "1.5M", "2M"])
        let negative = LinearScale(domain: [-1, 1])
        #expect(negative.tickFormat(count: 2)(-1) == "−1")
        #expect(LinearScale(domain: [2019, 2023]).tickFormat(count: 4)(2019) == "2019")
    }

    @Test func compactUsesOneUnitPerAxis() {
        let format = TickFormatter.compact(ticks: [0, 5e8, 1e9, 1.5e9])
        #expect([0, 5e8, 1e9, 1.5e9].map { format($0) } == ["0", "0.5B", "1B", "1.5B"])
        #expect(TickFormatter.compact(ticks: [0, 2000])(2000) == "2K")
    }

    @Test func chineseUsesMyriadUnits() {
        let format = TickFormatter.chinese(ticks: [0, 5e4, 1e5])
        #expect(format(5e4) == "5萬")
        let large = TickFormatter.chinese(ticks: [0, 5e7, 1e8, 1.5e8, 2e8])
        #expect([0, 5e7, 1e8, 1.5e8, 2e8].map { large($0) } == ["0", "5000萬", "1億", "1.5億", "2億"])
        #expect(TickFormatter.chinese(ticks: [1e12, 1.5e12, 2e12])(1.5e12) == "1.5兆")
        #expect(TickFormatter.chinese(ticks: [1e8, 2e8], simplified: true)(1e8) == "1亿")
        #expect(TickFormatter.chinese(ticks: [0, 500, 1000])(500) == "500")
    }

    @Test func scientificUsesSuperscripts() {
        let format = TickFormatter.scientific()
        #expect(format(1e21) == "10²¹")
        #expect(format(2e21) == "2×10²¹")
        #expect(format(1e-3) == "10⁻³")
        #expect(format(-1e5) == "−10⁵")
        #expect(format(1) == "10⁰")
    }

    @Test func percentAndNonFiniteValues() {
        #expect(TickFormatter.percent(step: 0.1)(0.3) == "30%")
        #expect(TickFormatter.percent(step: 0.005)(0.125) == "12.5%")
        #expect(TickFormatter.fixed(decimals: 1)(.nan) == "")
        #expect(TickFormatter.fixed(decimals: 1)(.infinity) == "")
    }

    @Test func textWidthsComeFromTheTable() {
        #expect(abs(TextMetrics.width("0", fontSize: 10) - 5.56) < 1e-9)
        #expect(TextMetrics.width("億", fontSize: 12) == 12)
        #expect(TextMetrics.width("Wi", fontSize: 1000) == 944 + 222)
    }
}

@Suite struct CoordinateTextTests {
    /// Coordinates keep at most 2 decimals, no trailing zeros, never "-0".
    @Test(arguments: [
        (0.0, "0"), (-0.004, "0"), (1.5, "1.5"), (1.05, "1.05"), (-2.1, "-2.1"), (100, "100"),
        (12.345, "12.35"), (-12.344, "-12.34"), (0.1 + 0.2, "0.3"), (999.999, "1000"),
    ])
    func coordinatesAreShortAndExact(value: Double, text: String) {
        #expect(NumberText.coordinate(value) == text)
    }
}
