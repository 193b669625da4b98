import Charts
import DOM
import Foundation
import Testing

@Suite("Golden SVGs")
struct GoldenTests {
    @Test(arguments: Fixtures.all.map(\.name))
    func eachFixtureMatchesItsGoldenStandaloneSVG(_ name: String) throws {
        let fixture = Fixtures.all.first { $0.name == name }!
        let layout = try layoutChart(fixture.spec, fixture.data)
        let svg = renderStandaloneSVG(layout, idPrefix: "\(name)-")
        _ = try Document.parseXML(svg, file: "\(name).svg")
        try expectGolden(svg, named: "\(name).svg")
    }

    @Test func aChartRendersTheSameTwice() throws {
        let fixture = Fixtures.computeOverTime
        let a = renderStandaloneSVG(try layoutChart(fixture.spec, fixture.data))
        let b = renderStandaloneSVG(try layoutChart(fixture.spec, fixture.data))
        #expect(a == b)
    }
}
