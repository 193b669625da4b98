import Charts
import DOM
import Foundation
import Testing

@Suite("SVG output")
struct SVGTests {
    func layout() throws -> ChartLayout {
        let fixture = Fixtures.computeOverTime
        return try layoutChart(fixture.spec, fixture.data)
    }

    @Test func theSVGIsAnAccessibleImageWithPrefixedIds() throws {
        let document = Document()
        let svg = renderSVG(try layout(), idPrefix: "chart-3-", into: document)
        #expect(svg.name == "svg")
        #expect(svg.attribute("role") == "img")
        #expect(svg.attribute("aria-labelledby") == "chart-3-title chart-3-desc")
        #expect(svg.attribute("viewBox") == "0 0 640 400")
        let children = svg.children
        #expect(children[0].name == "title" && children[0].attribute("id") == "chart-3-title")
        #expect(children[0].text == "Training compute of notable models")
        #expect(children[1].name == "desc" && children[1].attribute("id") == "chart-3-desc")
        #expect(children[1].text.hasPrefix("Scatter plot of Training compute (FLOP) (log scale, 10¹⁷ to 10²⁶) against Publication date"))
        let classes = children.dropFirst(2).compactMap { $0.attribute("class") }
        #expect(classes == ["grid", "axis axis-x", "axis axis-y", "mark mark-point", "trend", "label", "legend"])
    }

    @Test func coordinatesHaveAtMostTwoDecimalsAndNoNegativeZero() throws {
        let document = Document()
        let text = XMLSerializer().serialize(renderSVG(try layout(), idPrefix: "c-", into: document))
        let numbers = text.split(whereSeparator: { !"0123456789.-".contains($0) }).filter { $0.contains(where: \.isNumber) }
        for number in numbers {
            let parts = number.split(separator: ".")
            #expect(parts.count <= 2)
            if parts.count == 2 { #expect(parts[1].count <= 2 || number.hasPrefix("."), "\(number)") }
        }
        #expect(!text.contains("\"-0\"") && !text.contains("NaN") && !text.contains("Infinity"))
    }

    @Test func textIsEscapedByTheDOM() throws {
        let data = ChartData(rows: [["k": .string("R&D <core>"), "v": .number(1)]])
        let layout = try layoutChart(ChartSpec(mark: .bar, x: ChannelSpec(field: "k"), y: ChannelSpec(field: "v"),
                                               title: "Spend & \"growth\""), data)
        let svg = renderStandaloneSVG(layout)
        #expect(svg.contains("R&amp;D &lt;core&gt;"))
        let parsed = try Document.parseXML(svg, file: "t.svg")
        #expect(parsed.root?.name == "svg")
    }

    @Test func theStandaloneSVGHasItsNamespaceStyleAndBackground() throws {
        let svg = renderStandaloneSVG(try layout(), idPrefix: "c-")
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<svg "))
        #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(svg.contains("--chart-1: #4269d0;"))
        let document = try Document.parseXML(svg, file: "c.svg")
        #expect(document.root?.children.map(\.name).prefix(4) == ["title", "desc", "style", "rect"])
    }

    @Test func theFigureHoldsCaptionChartAndDataTable() throws {
        let document = Document()
        let figure = renderFigure(try layout(), idPrefix: "chart-3-", into: document)
        let html = HTMLSerializer().serialize(figure)
        #expect(figure.attribute("id") == "chart-3")
        #expect(figure.children.map(\.name) == ["figcaption", "svg", "details"])
        #expect(html.contains("<caption>Data: Training compute of notable models</caption>"))
        #expect(html.contains("<th scope=\"col\">model</th><th scope=\"col\">domain</th><th scope=\"col\">Publication date</th><th scope=\"col\" class=\"num\">Training compute (FLOP)</th>"))
        #expect(html.contains("<td>AlexNet</td><td>Vision</td><td>2012-09-30</td><td class=\"num\">4.7×10¹⁷</td>"))
    }
}
