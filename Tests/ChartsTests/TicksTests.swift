import Charts
import Testing

/// Spec tables from d3-array's test suite (`test/ticks-test.js`, `tickIncrement-test.js`) and
/// d3-scale's (`test/linear-test.js`, "linear.nice(count)").
@Suite("Linear ticks and nice domains (d3-array, d3-scale)")
struct TicksTests {
    /// d3-array ticks-test.js: "returns approximately count + 1 ticks when start < stop".
    static let table: [(Double, Double, Double, [Double])] = [
        (0, 1, 10, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0, 1, 9, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0, 1, 8, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0, 1, 7, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 6, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 4, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 3, [0.0, 0.5, 1.0]),
        (0, 1, 2, [0.0, 0.5, 1.0]),
        (0, 1, 1, [0.0, 1.0]),
        (0, 10, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        (0, 10, 7, [0, 2, 4, 6, 8, 10]),
        (0, 10, 3, [0, 5, 10]),
        (0, 10, 1, [0, 10]),
        (-10, 10, 10, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        (-10, 10, 7, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        (-10, 10, 6, [-10, -5, 0, 5, 10]),
        (-10, 10, 3, [-10, -5, 0, 5, 10]),
        (-10, 10, 2, [-10, 0, 10]),
        (-10, 10, 1, [0]),
        // d3-array docs: ticks(1, 9, 5) and ticks(1, 9, 20).
        (1, 9, 5, [2, 4, 6, 8]),
        (1, 9, 20, [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9]),
    ]

    @Test func ticksMatchD3sTable() {
        for (start, stop, count, expected) in Self.table {
            #expect(Ticks.values(from: start, to: stop, count: count) == expected, "ticks(\(start), \(stop), \(count))")
        }
    }

    @Test func reversedDomainsGiveReversedTicks() {
        for (start, stop, count, _) in Self.table {
            #expect(Ticks.values(from: stop, to: start, count: count)
                    == Ticks.values(from: start, to: stop, count: count).reversed())
        }
    }

    @Test func ticksBelowOneAreComputedWithoutFloatingPointResidue() {
        let ticks = Ticks.values(from: 0, to: 1, count: 10)
        #expect(ticks[3] == 0.3)
        #expect("\(ticks[3])" == "0.3")
        #expect(LinearScale(domain: [0, 1]).tickFormat(count: 10)(ticks[3]) == "0.3")
    }

    /// d3-array ticks-test.js: NaN, non-positive and infinite counts, degenerate domains.
    @Test func degenerateInputsGiveNoTicksOrOneTick() {
        #expect(Ticks.values(from: 0, to: 1, count: 0) == [])
        #expect(Ticks.values(from: 0, to: 1, count: -1) == [])
        #expect(Ticks.values(from: 0, to: 1, count: .nan) == [])
        #expect(Ticks.values(from: 0, to: 1, count: .infinity) == [])
        #expect(Ticks.values(from: .nan, to: 1, count: 10) == [])
        #expect(Ticks.values(from: 0, to: .infinity, count: 10) == [])
        #expect(Ticks.values(from: 1, to: 1, count: 10) == [1])
        #expect(Ticks.values(from: 1, to: 1, count: 0) == [])
        #expect(LinearScale(domain: [5, 5]).ticks(count: 10) == [5])
    }

    /// d3-array tickIncrement-test.js and docs.
    @Test func incrementIsAnIntegerNegativeForStepsBelowOne() {
        #expect(Ticks.increment(from: 1, to: 9, count: 5) == 2)
        #expect(Ticks.increment(from: 1, to: 9, count: 20) == -2)
        #expect(Ticks.increment(from: 0, to: 1, count: 10) == -10)
        #expect(Ticks.increment(from: 0, to: 10, count: 10) == 1)
        #expect(Ticks.increment(from: 0, to: 100, count: 10) == 10)
        #expect(Ticks.step(from: 9, to: 1, count: 5) == -2)
        #expect(Ticks.step(from: 0, to: 1, count: 10) == 0.1)
    }

    /// d3-scale linear-test.js, "linear.nice(count) nices the domain, extending it to round
    /// numbers" and "accepts a tick count to control nicing step"; the issue's [0.2015, 0.9967].
    static let niceTable: [([Double], Int, [Double])] = [
        ([0.2015, 0.9967], 10, [0.2, 1]),
        ([1.1, 10.9], 10, [1, 11]),
        ([10.9, 1.1], 10, [11, 1]),
        ([0.7, 11.001], 10, [0, 12]),
        ([123.1, 6.7], 10, [130, 0]),
        ([0, 0.49], 10, [0, 0.5]),
        ([0, 14.1], 5, [0, 20]),
        ([0, 15], 5, [0, 20]),
        ([12, 87], 5, [0, 100]),
        ([12, 87], 10, [10, 90]),
        ([12, 87], 100, [12, 87]),
        ([-0.1, 51.1], 8, [-10, 60]),
        ([96, 0], 10, [100, 0]),
        ([0, -0.96], 10, [0, -1]),
        ([0, 0], 10, [0, 0]),
        ([0.5, 0.5], 10, [0.5, 0.5]),
    ]

    @Test func niceMatchesD3sTable() {
        for (domain, count, expected) in Self.niceTable {
            #expect(LinearScale(domain: domain).nice(count: count).domain == expected, "nice(\(domain), \(count))")
        }
    }

    @Test func degenerateDomainsArePaddedToDrawAnAxis() {
        #expect(LinearScale(domain: [5, 5]).padded().domain == [4, 6])
        #expect(LinearScale(domain: [0, 0]).padded().domain == [0, 1])
        #expect(LinearScale(domain: [300, 300]).padded().domain == [200, 400])
        #expect(LinearScale(domain: [5, 5]).padded().nice().ticks(count: 5).count >= 3)
    }

    /// d3's invariants: ticks lie inside the niced domain, are strictly monotonic, are finite,
    /// and number between count / 2 and 2 · count (+1 for the fencepost).
    @Test func ticksHoldTheirInvariantsOverRandomDomains() {
        var random = LCG(seed: 42)
        for _ in 0..<2000 {
            let magnitude = pow10(Int(random.uniform(-8, 12)))
            var a = random.uniform(-1, 1) * magnitude, b = random.uniform(-1, 1) * magnitude
            if random.unit() < 0.3 { a = abs(a); b = abs(b) }
            guard a != b else { continue }
            let count = Int(random.uniform(2, 20))
            let scale = LinearScale(domain: [a, b]).nice(count: count)
            let ticks = scale.ticks(count: count)
            let lo = min(scale.domain[0], scale.domain[1]), hi = max(scale.domain[0], scale.domain[1])
            #expect(ticks.allSatisfy { $0.isFinite && $0 >= lo && $0 <= hi })
            let ascending = scale.domain[0] < scale.domain[1]
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { ascending ? $0 < $1 : $0 > $1 })
            #expect(ticks.count >= count / 2 && ticks.count <= 2 * count + 1, "\(ticks.count) ticks for count \(count) on \(scale.domain)")
            // Niced bounds are ticks themselves.
            #expect(ticks.first == scale.domain[0] && ticks.last == scale.domain[1], "\(scale.domain) → \(ticks)")
        }
    }

    func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(n) { value = n < 0 ? value / 10 : value * 10 }
        return value
    }
}
