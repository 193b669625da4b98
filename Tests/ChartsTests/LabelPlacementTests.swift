import Charts
import DOM
import Foundation
import Testing

@Suite("Point label placement")
struct LabelPlacementTests {
    static func scatter(count: Int) -> (ChartSpec, ChartData) {
        var random = LCG(seed: 2024)
        var rows: [[String: ChartValue]] = []
        for i in 0..<count {
            // Clustered points: half on a diagonal band, half uniform, to stress crowding.
            let x = random.uniform(0, 100)
            let y = i % 2 == 0 ? x + random.uniform(-15, 15) : random.uniform(-20, 120)
            rows.append(["x": .number(x), "y": .number(y), "name": .string("P\(i)")])
        }
        let spec = ChartSpec(mark: .point, x: ChannelSpec(field: "x"), y: ChannelSpec(field: "y"),
                             label: LabelSpec(field: "name"), title: "1,000 labelled points", width: 800, height: 500)
        return (spec, ChartData(rows: rows, fields: ["name", "x", "y"]))
    }

    @Test func aThousandLabelsNeverOverlapEachOtherOrThePoints() throws {
        let (spec, data) = Self.scatter(count: 1000)
        let layout = try layoutChart(spec, data)
        #expect(layout.labels.count + layout.droppedLabels.count == 1000)
        #expect(layout.labels.count > 50)
        let boxes = layout.labels.map(\.box)
        // Recompute each box from the label's text and origin, independently of the placer.
        for label in layout.labels {
            let width = TextMetrics.width(label.text, fontSize: layout.labelFontSize)
            #expect(abs(label.box.width - width) < 1e-9)
            #expect(layout.plot.contains(label.box))
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                #expect(!boxes[i].intersects(boxes[j]), "labels \(i) and \(j) overlap")
            }
        }
        for mark in layout.marks {
            guard case .circle(let center, let radius) = mark.shape else { continue }
            for box in boxes {
                #expect(!box.intersects(circle: center, radius: radius))
            }
        }
        // RECKON_CHART_PREVIEW=/some/folder writes the chart there for looking at.
        if let folder = ProcessInfo.processInfo.environment["RECKON_CHART_PREVIEW"] {
            try renderStandaloneSVG(layout).write(toFile: folder + "/scatter-1000.svg", atomically: true, encoding: .utf8)
        }
        if !layout.droppedLabels.isEmpty {
            #expect(layout.warnings.contains(ChartWarning("label", .labelsDropped, rows: layout.droppedLabels)))
        }
    }

    @Test func labelsPreferTheRightOfTheirPoint() throws {
        let data = ChartData(rows: [["x": .number(1), "y": .number(1), "n": .string("only")],
                                    ["x": .number(2), "y": .number(2), "n": .missing]])
        let layout = try layoutChart(ChartSpec(mark: .point, x: ChannelSpec(field: "x"), y: ChannelSpec(field: "y"),
                                               label: LabelSpec(field: "n")), data)
        let label = try #require(layout.labels.first)
        guard case .circle(let center, let radius) = layout.marks[0].shape else { Issue.record("no circle"); return }
        #expect(label.box.minX == center.x + radius + 2)
        #expect(abs(label.box.minY + label.box.height / 2 - center.y) < 1e-9)
        #expect(label.leader == nil)
        #expect(layout.labels.count == 1 && layout.droppedLabels.isEmpty)
    }
}
