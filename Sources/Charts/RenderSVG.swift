import DOM

/// The font stack whose widths `TextMetrics` models.
let chartFontFamily = "Helvetica, Arial, \"Liberation Sans\", \"Noto Sans CJK TC\", \"Noto Sans CJK SC\", sans-serif"

/// Draws a laid-out chart as an `<svg>` element of `document` (not attached anywhere).
///
/// The element is `<svg viewBox="0 0 W H" role="img" aria-labelledby="Ptitle Pdesc">` with
/// `<title id="Ptitle">` and `<desc id="Pdesc">` first, then one `<g>` per layer: `grid`,
/// `axis axis-x`, `axis axis-y`, `mark mark-KIND`, `trend`, `label`, `legend`. Colours are
/// CSS custom properties with fallbacks (`ChartTheme`); coordinates have at most 2 decimals;
/// all text goes in as text nodes.
///
/// - Parameters:
///   - layout: From `layoutChart`.
///   - idPrefix: Prepended to every id, unique per chart on a page (e.g. `chart-3-`).
///   - document: Owns the new nodes; the caller inserts the returned element.
/// - Returns: The `svg` element.
public func renderSVG(_ layout: ChartLayout, idPrefix: String, into document: Document) -> Node {
    SVGWriter(layout: layout, document: document, idPrefix: idPrefix).svg()
}

/// Builds the SVG tree; one method per layer.
struct SVGWriter {
    let layout: ChartLayout
    let document: Document
    let idPrefix: String

    var fontSize: Double { layout.fontSize }
    var plot: ChartRect { layout.plot }

    @discardableResult
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], in parent: Node? = nil) -> Node {
        let node = document.createElement(name)
        for (key, value) in attributes { node.setAttribute(key, value) }
        parent?.append(node)
        return node
    }

    func number(_ value: Double) -> String { NumberText.coordinate(value) }

    @discardableResult
    func text(_ content: String, x: Double, y: Double, anchor: TextAnchor, in parent: Node,
              lineHeight: Double? = nil, attributes: KeyValuePairs<String, String> = [:]) -> Node {
        let node = element("text", ["x": number(x), "y": number(y)], in: parent)
        if anchor != .start { node.setAttribute("text-anchor", anchor.rawValue) }
        for (key, value) in attributes { node.setAttribute(key, value) }
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count == 1 {
            node.append(document.createText(content))
        } else {
            for (index, line) in lines.enumerated() {
                let span = element("tspan", ["x": number(x), "y": number(y + Double(index) * (lineHeight ?? fontSize * 1.15))], in: node)
                span.append(document.createText(String(line)))
            }
        }
        return node
    }

    func svg() -> Node {
        let svg = element("svg", [
            "class": "chart",
            "viewBox": "0 0 \(number(layout.width)) \(number(layout.height))",
            "role": "img",
            "aria-labelledby": "\(idPrefix)title \(idPrefix)desc",
            "font-family": chartFontFamily,
            "font-size": number(fontSize),
        ])
        let title = element("title", ["id": "\(idPrefix)title"], in: svg)
        title.append(document.createText(layout.spec.title ?? "Chart"))
        let desc = element("desc", ["id": "\(idPrefix)desc"], in: svg)
        desc.append(document.createText(layout.description))
        grid(in: svg)
        if let axis = layout.xAxis { xAxis(axis, in: svg) }
        if let axis = layout.yAxis { yAxis(axis, in: svg) }
        marks(in: svg)
        trend(in: svg)
        labels(in: svg)
        legend(in: svg)
        return svg
    }

    func grid(in svg: Node) {
        let xLines = layout.xAxis.map { $0.grid ? $0.ticks.filter(\.major) : [] } ?? []
        let yLines = layout.yAxis.map { $0.grid ? $0.ticks.filter(\.major) : [] } ?? []
        guard !xLines.isEmpty || !yLines.isEmpty else { return }
        let g = element("g", ["class": "grid", "stroke": ChartTheme.color("grid"), "stroke-width": "1"], in: svg)
        for tick in xLines {
            element("line", ["x1": number(tick.position), "x2": number(tick.position),
                             "y1": number(plot.minY), "y2": number(plot.maxY)], in: g)
        }
        for tick in yLines {
            element("line", ["x1": number(plot.minX), "x2": number(plot.maxX),
                             "y1": number(tick.position), "y2": number(tick.position)], in: g)
        }
    }

    func xAxis(_ axis: AxisLayout, in svg: Node) {
        let g = element("g", ["class": "axis axis-x", "fill": ChartTheme.color("text")], in: svg)
        let lines = element("g", ["stroke": ChartTheme.color("axis")], in: g)
        element("line", ["x1": number(plot.minX), "x2": number(plot.maxX),
                         "y1": number(plot.maxY), "y2": number(plot.maxY)], in: lines)
        for tick in axis.ticks {
            let length = tick.major || !tick.label.isEmpty ? 6.0 : 3.0
            element("line", ["x1": number(tick.position), "x2": number(tick.position),
                             "y1": number(plot.maxY), "y2": number(plot.maxY + length)], in: lines)
        }
        let labels = element("g", ["text-anchor": "middle"], in: g)
        for tick in axis.ticks where !tick.label.isEmpty {
            text(tick.label, x: tick.position, y: plot.maxY + 9 + fontSize * 0.78, anchor: .start, in: labels)
        }
        if let title = axis.title {
            text(title, x: axis.titlePosition.x, y: axis.titlePosition.y, anchor: axis.titleAnchor, in: g,
                 attributes: ["class": "axis-title"])
        }
    }

    func yAxis(_ axis: AxisLayout, in svg: Node) {
        let g = element("g", ["class": "axis axis-y", "fill": ChartTheme.color("text")], in: svg)
        let lines = element("g", ["stroke": ChartTheme.color("axis")], in: g)
        for tick in axis.ticks {
            let length = tick.major || !tick.label.isEmpty ? 6.0 : 3.0
            element("line", ["x1": number(plot.minX - length), "x2": number(plot.minX),
                             "y1": number(tick.position), "y2": number(tick.position)], in: lines)
        }
        let labels = element("g", ["text-anchor": "end"], in: g)
        for tick in axis.ticks where !tick.label.isEmpty {
            let lineCount = Double(tick.label.split(separator: "\n").count)
            let top = tick.position - (lineCount - 1) * fontSize * 1.15 / 2
            text(tick.label, x: plot.minX - 9, y: top + fontSize * 0.35, anchor: .start, in: labels)
        }
        if let title = axis.title {
            text(title, x: axis.titlePosition.x, y: axis.titlePosition.y, anchor: axis.titleAnchor, in: g,
                 attributes: ["class": "axis-title"])
        }
    }

    func path(_ points: [ChartPoint], closed: Bool = false) -> String {
        var d = ""
        for (index, point) in points.enumerated() {
            d += (index == 0 ? "M" : "L") + number(point.x) + "," + number(point.y)
        }
        return closed ? d + "Z" : d
    }

    func marks(in svg: Node) {
        let kind = layout.spec.mark.rawValue
        let g = element("g", ["class": "mark mark-\(kind)"], in: svg)
        switch layout.spec.mark {
        case .point: g.setAttribute("fill-opacity", "0.85")
        case .line: g.setAttribute("fill", "none"); g.setAttribute("stroke-width", "2")
            g.setAttribute("stroke-linejoin", "round"); g.setAttribute("stroke-linecap", "round")
        case .area: g.setAttribute("fill-opacity", "0.3")
        case .rule: g.setAttribute("stroke-width", "1.5")
        case .bar: break
        }
        for mark in layout.marks {
            let color = ChartTheme.seriesColor(mark.series)
            switch mark.shape {
            case .circle(let center, let radius):
                element("circle", ["cx": number(center.x), "cy": number(center.y), "r": number(radius), "fill": color], in: g)
            case .rect(let rect):
                element("rect", ["x": number(rect.x), "y": number(rect.y), "width": number(rect.width),
                                 "height": number(rect.height), "fill": color], in: g)
            case .polyline(let points):
                element("path", ["d": path(points), "stroke": color], in: g)
            case .polygon(let points):
                element("path", ["d": path(points, closed: true), "fill": color], in: g)
                let top = Array(points.dropLast(2))
                element("path", ["d": path(top), "fill": "none", "stroke": color, "stroke-width": "1.5",
                                 "stroke-opacity": "1"], in: g)
            case .segment(let a, let b):
                element("line", ["x1": number(a.x), "y1": number(a.y), "x2": number(b.x), "y2": number(b.y),
                                 "stroke": color], in: g)
            }
        }
    }

    func trend(in svg: Node) {
        guard let trend = layout.trend, trend.points.count > 1 else { return }
        let g = element("g", ["class": "trend"], in: svg)
        element("path", ["d": path(trend.points), "fill": "none", "stroke": ChartTheme.color("trend"),
                         "stroke-width": "1.5", "stroke-dasharray": "6 4"], in: g)
        if let annotation = trend.annotation {
            text(annotation, x: trend.annotationPosition.x, y: trend.annotationPosition.y,
                 anchor: trend.annotationAnchor, in: g,
                 attributes: ["fill": ChartTheme.color("text"), "font-size": number(layout.labelFontSize),
                              "font-style": "italic"])
        }
    }

    func labels(in svg: Node) {
        guard !layout.labels.isEmpty else { return }
        let g = element("g", ["class": "label", "font-size": number(layout.labelFontSize),
                              "fill": ChartTheme.color("text")], in: svg)
        let leaders = layout.labels.compactMap(\.leader)
        if !leaders.isEmpty {
            let lines = element("g", ["class": "leader", "stroke": ChartTheme.color("axis"), "stroke-width": "0.75"], in: g)
            for (a, b) in leaders {
                element("line", ["x1": number(a.x), "y1": number(a.y), "x2": number(b.x), "y2": number(b.y)], in: lines)
            }
        }
        for label in layout.labels {
            text(label.text, x: label.origin.x, y: label.origin.y, anchor: .start, in: g)
        }
    }

    func legend(in svg: Node) {
        guard let legend = layout.legend, !legend.entries.isEmpty else { return }
        let g = element("g", ["class": "legend", "fill": ChartTheme.color("text")], in: svg)
        if let title = legend.title, let first = legend.entries.first {
            text(title, x: 8, y: first.origin.y + legend.swatchSize * 0.9, anchor: .start, in: g,
                 attributes: ["font-weight": "bold"])
        }
        for entry in legend.entries {
            element("rect", ["x": number(entry.origin.x), "y": number(entry.origin.y),
                             "width": number(legend.swatchSize), "height": number(legend.swatchSize),
                             "fill": ChartTheme.seriesColor(entry.series)], in: g)
            text(entry.name, x: entry.origin.x + legend.swatchSize + 4,
                 y: entry.origin.y + legend.swatchSize * 0.9, anchor: .start, in: g)
        }
    }
}
