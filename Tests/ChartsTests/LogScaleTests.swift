import Charts
import Testing

/// Spec tables from d3-scale's `test/log-test.js`, plus the narrow domains.
@Suite("Log scale")
struct LogScaleTests {
    @Test func mapsDecadesEvenly() {
        let scale = LogScale(domain: [1, 10], range: [0, 1])
        #expect(abs(scale(5)! - 0.69897) < 1e-5)
        #expect(scale(10) == 1)
        #expect(scale(0) == nil)
        #expect(scale(-3) == nil)
    }

    /// "log.ticks() generates the expected power-of-ten for ascending ticks".
    @Test func ticksAreOneToNineTimesEachPowerOfTenOnNarrowDomains() {
        #expect(LogScale(domain: [1e-1, 1e1]).ticks() == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(LogScale(domain: [1e-1, 1e0]).ticks() == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        #expect(LogScale(domain: [1e0, 1e-1]).ticks() == [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1])
        #expect(LogScale(domain: [1, 5]).ticks() == [1, 2, 3, 4, 5])
        #expect(LogScale(domain: [5, 1]).ticks() == [5, 4, 3, 2, 1])
    }

    /// "log.ticks(count) filters powers-of-ten ticks for huge domains".
    @Test func hugeDomainsGetPowersOfTen() {
        #expect(LogScale(domain: [1e10, 1]).ticks() == [1e10, 1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1])
        #expect(LogScale(domain: [1e-29, 1e-1]).ticks()
                == [1e-28, 1e-26, 1e-24, 1e-22, 1e-20, 1e-18, 1e-16, 1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2])
    }

    /// The table: one tick per decade over [10¹⁷, 10²⁷], labelled with superscripts.
    @Test func trainingComputeDomainHasOneLabelledTickPerDecade() {
        let scale = LogScale(domain: [1e17, 1e27])
        let ticks = scale.ticks(count: 10)
        #expect(ticks == [1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27])
        let format = scale.tickFormat(count: 10)
        #expect(ticks.map { format($0) } == ["10¹⁷", "10¹⁸", "10¹⁹", "10²⁰", "10²¹", "10²²", "10²³", "10²⁴", "10²⁵", "10²⁶", "10²⁷"])
    }

    @Test func narrowDomainsStillHaveAtLeastTwoLabelledTicks() {
        for domain in [[42.0, 43.0], [1.5, 1.9], [0.021, 0.029], [6.0, 9.0], [2e21, 9e21], [9.0, 11.0]] {
            let scale = LogScale(domain: domain).nice(count: 5)
            let ticks = scale.ticks(count: 5)
            let format = scale.tickFormat(count: 5)
            let labelled = ticks.map { format($0) }.filter { !$0.isEmpty }
            #expect(labelled.count >= 2, "\(domain): \(labelled)")
            #expect(ticks.allSatisfy { $0.isFinite })
        }
        let scale = LogScale(domain: [42, 43])
        #expect(scale.ticks(count: 5) == [42, 42.2, 42.4, 42.6, 42.8, 43])
        #expect(scale.ticks(count: 5).map { scale.tickFormat(count: 5)($0) } == ["42.0", "42.2", "42.4", "42.6", "42.8", "43.0"])
    }

    @Test func labelsAreOnOneTwoAndFiveWhenThereIsRoom() {
        let scale = LogScale(domain: [1, 100])
        let ticks = scale.ticks(count: 10)
        let labels = ticks.map { scale.tickFormat(count: 10)($0) }
        #expect(labels == ["1", "2", "", "", "5", "", "", "", "", "10", "20", "", "", "50", "", "", "", "", "100"])
        let sparse = LogScale(domain: [1e-2, 1e4])
        let sparseLabels = sparse.ticks(count: 10).map { sparse.tickFormat(count: 10)($0) }.filter { !$0.isEmpty }
        #expect(sparseLabels == ["0.01", "0.1", "1", "10", "100", "1,000", "10,000"])
    }

    @Test func largeValuesUseSuperscriptPowersOfTen() {
        let scale = LogScale(domain: [1e21, 1e23])
        let labels = scale.ticks(count: 10).map { scale.tickFormat(count: 10)($0) }.filter { !$0.isEmpty }
        #expect(labels == ["10²¹", "2×10²¹", "5×10²¹", "10²²", "2×10²²", "5×10²²", "10²³"])
        let small = LogScale(domain: [1e-9, 1e-3])
        #expect(small.ticks(count: 10).map { small.tickFormat(count: 10)($0) }.first == "10⁻⁹")
    }

    /// "log.nice() nices the domain, extending it to powers of ten" and degenerate domains.
    @Test func niceExtendsToPowersOfTen() {
        #expect(LogScale(domain: [1.1, 10.9]).nice().domain == [1, 100])
        #expect(LogScale(domain: [10.9, 1.1]).nice().domain == [100, 1])
        #expect(LogScale(domain: [0.7, 11.001]).nice().domain == [0.1, 100])
        #expect(LogScale(domain: [123.1, 6.7]).nice().domain == [1000, 1])
        #expect(LogScale(domain: [0.01, 0.49]).nice().domain == [0.01, 1])
        #expect(LogScale(domain: [1.5, 50]).nice().domain == [1, 100])
        #expect(LogScale(domain: [0.5, 0.5]).nice().domain == [0.1, 1])
        #expect(LogScale(domain: [100, 100]).nice().domain == [10, 1000])
    }

    @Test func narrowDomainsAreNicedLinearly() {
        #expect(LogScale(domain: [42.33, 42.87]).nice(count: 5).domain == [42.3, 42.9])
    }
}
