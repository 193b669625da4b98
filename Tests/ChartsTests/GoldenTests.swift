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

    /// The page's already drawn `<svg>`, copied into the file, gives the same file as drawing
    /// it again (what the site does, for every fixture).
    @Test(arguments: Fixtures.all.map(\.name))
    func aCopiedDrawingGivesTheSameFile(_ name: String) throws {
        let fixture = Fixtures.all.first { $0.name == name }!
        let layout = try layoutChart(fixture.spec, fixture.data)
        let page = Document()
        let figure = renderFigure(layout, idPrefix: "\(name)-", into: page)
        page.root = figure
        let drawn = try #require(figure.children.first { $0.kind == .element && $0.name == "svg" })
        let copied = standaloneSVGBytes(layout, idPrefix: "\(name)-", drawn: drawn)
        #expect(String(decoding: copied, as: UTF8.self) == renderStandaloneSVG(layout, idPrefix: "\(name)-"))
        // The page keeps its own chart.
        #expect(figure.children.contains { $0.kind == .element && $0.name == "svg" })
    }
}
