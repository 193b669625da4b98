import Charts
import DOM
import Foundation
import Testing

@Suite("Layout")
struct LayoutTests {
    @Test func nonPositiveAndMissingValuesOnALogScaleAreLeftOutWithWarnings() throws {
        let data = ChartData(rows: [
            ["x": .number(1), "y": .number(10)],
            ["x": .number(2), "y": .number(0)],
            ["x": .number(3), "y": .number(-5)],
            ["x": .number(4), "y": .missing],
            ["x": .number(5), "y": .number(1000)],
        ], fields: ["x", "y"], rowKeys: ["data/t.csv:2", "data/t.csv:3", "data/t.csv:4", "data/t.csv:5", "data/t.csv:6"])
        let layout = try layoutChart(ChartSpec(mark: .point, x: ChannelSpec(field: "x"),
                                               y: ChannelSpec(field: "y", scale: .log)), data)
        #expect(layout.marks.count == 2)
        #expect(layout.warnings == [
            ChartWarning("y", .notPositiveOnLogScale, rows: ["data/t.csv:3", "data/t.csv:4"]),
            ChartWarning("y", .missingValue, rows: ["data/t.csv:5"]),
        ])
        #expect(layout.warnings[0].message
                == "2 rows left out of the log scale of `y` because the value is zero or negative: data/t.csv:3, data/t.csv:4")
        #expect(layout.table.rows.count == 2)
    }

    @Test(arguments: [[5.0, 5.0], [0.0, 0.0], [1e-300, 1e-300], [-3.0, -3.0]])
    func degenerateDomainsDrawASensibleAxis(_ values: [Double]) throws {
        let data = ChartData(rows: values.enumerated().map { ["x": .number(Double($0.offset)), "y": .number($0.element)] })
        let layout = try layoutChart(ChartSpec(mark: .point, x: ChannelSpec(field: "x"), y: ChannelSpec(field: "y")), data)
        let labels = layout.yAxis!.ticks.map(\.label).filter { !$0.isEmpty }
        #expect(labels.count >= 2, "\(values): \(labels)")
        let svg = renderStandaloneSVG(layout)
        #expect(!svg.contains("NaN") && !svg.contains("Infinity") && !svg.contains("\"-0\""))
    }

    @Test func anEmptyChartStillHasAxes() throws {
        let data = ChartData(rows: [["x": .missing, "y": .missing]], fields: ["x", "y"])
        let layout = try layoutChart(ChartSpec(mark: .line, x: ChannelSpec(field: "x"), y: ChannelSpec(field: "y", scale: .log)), data)
        #expect(layout.marks.isEmpty)
        #expect(layout.xAxis != nil && layout.yAxis != nil)
        _ = try Document.parseXML(renderStandaloneSVG(layout), file: "empty.svg")
    }

    @Test func barsStartAtZeroAndHorizontalBarsPutCategoriesOnY() throws {
        let data = ChartData(rows: [["k": .string("a"), "v": .number(3)], ["k": .string("b"), "v": .number(-1)]])
        let vertical = try layoutChart(ChartSpec(mark: .bar, x: ChannelSpec(field: "k"), y: ChannelSpec(field: "v")), data)
        guard case .linear(let y) = vertical.yScale else { Issue.record("y is not linear"); return }
        #expect(y.domain[0] <= -1 && y.domain[1] >= 3)
        #expect(vertical.marks.count == 2)
        let horizontal = try layoutChart(ChartSpec(mark: .bar, x: ChannelSpec(field: "v"), y: ChannelSpec(field: "k")), data)
        #expect(horizontal.yScale?.kind == .band && horizontal.xScale?.kind == .linear)
    }

    @Test func colourSeriesGetPaletteVariablesAndALegend() throws {
        let fixture = Fixtures.pricePerGPUHour
        let layout = try layoutChart(fixture.spec, fixture.data)
        #expect(layout.legend?.entries.map(\.name) == ["AWS A100", "Azure A100", "Lambda H100", "CoreWeave H100"])
        let document = Document()
        let svg = HTMLSerializer().serialize(renderSVG(layout, idPrefix: "chart-1-", into: document))
        #expect(svg.contains("var(--chart-4, #efb118)"))
        #expect(svg.contains("class=\"legend\""))
    }

    @Test func trendFollowsTheFitAcrossTheDataRange() throws {
        let fixture = Fixtures.costAgainstParameters
        let layout = try layoutChart(fixture.spec, fixture.data)
        let trend = try #require(layout.trend)
        #expect(trend.points.count > 50)
        // A power law is a straight line on log–log axes.
        let first = trend.points.first!, middle = trend.points[trend.points.count / 2], last = trend.points.last!
        let expectedY = first.y + (last.y - first.y) * (middle.x - first.x) / (last.x - first.x)
        #expect(abs(middle.y - expectedY) < 0.5)
        #expect(trend.annotationBox.map { layout.plot.contains($0) } == true)
    }
}
