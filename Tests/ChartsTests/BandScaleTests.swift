import Charts
import Testing

/// Values follow d3-scale's band-test.js arithmetic: step = (r1 − r0) / (n − inner + 2·outer).
@Suite("Band scale")
struct BandScaleTests {
    @Test func bandsDivideTheRangeEvenly() {
        let scale = BandScale(domain: ["foo", "bar"], range: [0, 960])
        #expect(scale("foo") == 0)
        #expect(scale("bar") == 480)
        #expect(scale.bandwidth == 480)
        #expect(scale("baz") == nil)
    }

    @Test func paddingShrinksBandsAndAddsOuterSpace() {
        let scale = BandScale(domain: ["a", "b", "c"], range: [120, 0], padding: 0.2)
        #expect(abs(scale.step - 37.5) < 1e-9)
        #expect(abs(scale.bandwidth - 30) < 1e-9)
        #expect(abs(scale("a")! - 82.5) < 1e-9)
        #expect(abs(scale("c")! - 7.5) < 1e-9)
        let inner = BandScale(domain: ["a", "b", "c"], range: [0, 100], paddingInner: 0.5, paddingOuter: 0, align: 0)
        #expect(abs(inner.step - 40) < 1e-9 && abs(inner.bandwidth - 20) < 1e-9)
    }

    @Test func duplicatesAreDroppedAndEmptyDomainsAreHarmless() {
        #expect(BandScale(domain: ["a", "b", "a"]).domain == ["a", "b"])
        #expect(BandScale(domain: [], range: [0, 100]).bandwidth == 100)
    }
}
