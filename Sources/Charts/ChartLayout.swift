/// A chart laid out in user units: everything `renderSVG` draws and `renderDataTable` lists,
/// as plain Sendable values (no DOM), so layouts can be computed in parallel and tested.
public struct ChartLayout: Sendable {
    public var spec: ChartSpec
    public var width: Double
    public var height: Double
    /// The plot area (inside the axes).
    public var plot: ChartRect
    public var xScale: ChartScale?
    public var yScale: ChartScale?
    public var xAxis: AxisLayout?
    public var yAxis: AxisLayout?
    public var marks: [MarkGeometry]
    public var trend: TrendLayout?
    /// Labels placed without overlap, in placement order.
    public var labels: [PlacedLabel]
    /// Row keys of labels that found no place.
    public var droppedLabels: [String]
    public var legend: LegendLayout?
    public var warnings: [ChartWarning]
    /// The plotted rows, as the `<details>` data table shows them.
    public var table: DataTableContent
    /// The generated or given accessible description.
    public var description: String
    /// Point-label text size used for `labels`.
    public var labelFontSize: Double
    /// Tick and title text size.
    public var fontSize: Double
}

/// One axis: tick positions and labels along the plot's bottom or left edge.
public struct AxisLayout: Sendable, Equatable {
    public enum Edge: String, Sendable { case bottom, left }

    public var edge: Edge
    public var ticks: [AxisTick]
    /// The axis title with an arrow for continuous scales ("↑ Compute (FLOP)").
    public var title: String?
    /// Where the title's text anchor sits, and its anchor.
    public var titlePosition: ChartPoint
    public var titleAnchor: TextAnchor
    /// Whether gridlines are drawn across the plot at labelled ticks.
    public var grid: Bool
}

/// A tick: its position along the axis, its label ("" for unlabelled minor ticks; lines
/// separated by "\n"), and whether it gets a gridline.
public struct AxisTick: Sendable, Equatable {
    public var position: Double
    public var label: String
    public var major: Bool
}

public enum TextAnchor: String, Sendable { case start, middle, end }

/// One drawn mark. `series` picks the palette colour (`--chart-(series mod 6 + 1)`).
public struct MarkGeometry: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        case circle(center: ChartPoint, radius: Double)
        case rect(ChartRect)
        /// An open polyline (line marks).
        case polyline([ChartPoint])
        /// A closed polygon (area marks): the top edge left to right, then the baseline back.
        case polygon([ChartPoint])
        case segment(ChartPoint, ChartPoint)
    }

    public var shape: Shape
    public var series: Int
    /// The data row drawn, for single-row shapes.
    public var row: Int?
}

/// The trend curve in user units and its annotation.
public struct TrendLayout: Sendable, Equatable {
    public var points: [ChartPoint]
    public var annotation: String?
    public var annotationPosition: ChartPoint
    public var annotationAnchor: TextAnchor
    /// The annotation's estimated box (an obstacle for point labels).
    public var annotationBox: ChartRect?
}

/// A point label that found a place.
public struct PlacedLabel: Sendable, Equatable {
    public var text: String
    public var row: Int
    /// The box the text occupies (estimated from `TextMetrics`).
    public var box: ChartRect
    /// The text's start on its baseline.
    public var origin: ChartPoint
    /// A line from the point's edge to the box when the label sits away from its point.
    public var leader: (ChartPoint, ChartPoint)?

    public static func == (a: PlacedLabel, b: PlacedLabel) -> Bool {
        a.text == b.text && a.row == b.row && a.box == b.box && a.origin == b.origin
            && a.leader?.0 == b.leader?.0 && a.leader?.1 == b.leader?.1
    }
}

/// The colour legend: swatches and names laid out in rows above the plot.
public struct LegendLayout: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var series: Int
        /// The swatch's top left corner; the name starts after it.
        public var origin: ChartPoint
    }

    public var title: String?
    public var entries: [Entry]
    public var swatchSize: Double
}

/// The rows of the data table beside a chart.
public struct DataTableContent: Sendable, Equatable {
    public var caption: String
    public var columns: [String]
    /// Whether each column holds numbers (right-aligned).
    public var numeric: [Bool]
    public var rows: [[String]]
}
