/// Lays out a chart: resolves scales from the data (domains from the union of the channels,
/// niced), picks ticks and labels that fit, computes mark geometry, draws the trend, places
/// point labels, and collects warnings for rows left out. Deterministic: the same spec and
/// data give the same layout on every machine.
///
/// - Parameters:
///   - spec: What to draw; validated first (see `ChartSpec.validate(against:options:)`).
///   - data: The rows; fields named by the spec must exist.
///   - options: Named formats and text sizes.
/// - Returns: The layout, with `warnings` for rows left out (missing values, zero or negative
///   values on a log scale) and dropped labels.
/// - Throws: `ChartSpecErrors` with every problem in the spec, each at its key path.
public func layoutChart(_ spec: ChartSpec, _ data: ChartData,
                        options: ChartOptions = ChartOptions()) throws(ChartSpecErrors) -> ChartLayout {
    let errors = spec.validate(against: data, options: options)
    guard errors.isEmpty else { throw ChartSpecErrors(errors) }
    var builder = ChartLayoutBuilder(spec: spec, data: data, options: options)
    return builder.build()
}

/// The steps of `layoutChart`, in order; each reads what the previous ones computed.
struct ChartLayoutBuilder {
    let spec: ChartSpec
    let data: ChartData
    let options: ChartOptions
    let xKind: ScaleKind?
    let yKind: ScaleKind?

    var warnings: [ChartWarning] = []
    /// Rows with a position on every channel, in data order.
    var plotted: [Int] = []
    var seriesNames: [String] = []
    var seriesOfRow: [Int: Int] = [:]
    /// Trend samples in data units (x as the x channel holds it, y).
    var trendSamples: [(x: Double, y: Double)] = []

    var fontSize: Double { options.fontSize }

    init(spec: ChartSpec, data: ChartData, options: ChartOptions) {
        self.spec = spec
        self.data = data
        self.options = options
        xKind = spec.x.map { _ in spec.resolvedScale(for: "x", data: data) }
        yKind = spec.y.map { _ in spec.resolvedScale(for: "y", data: data) }
    }

    // MARK: - Rows

    mutating func selectRows() {
        var missing: [String: [String]] = [:]
        var notPositive: [String: [String]] = [:]
        let bandDomains: [String: Set<String>] = [("x", spec.x), ("y", spec.y)].reduce(into: [:]) { result, entry in
            if let domain = entry.1?.domain, (entry.0 == "x" ? xKind : yKind) == .band {
                result[entry.0] = Set(domain.compactMap(\.categoryName))
            }
        }
        for row in data.rows.indices {
            var ok = true
            for (name, channel, kind) in [("x", spec.x, xKind), ("y", spec.y, yKind)] {
                guard let channel, let kind else { continue }
                let value = data.value(channel.field, row: row)
                switch kind {
                case .band:
                    if let category = value.categoryName, bandDomains[name].map({ $0.contains(category) }) ?? true {
                        continue
                    }
                    missing[name, default: []].append(data.rowKeys[row])
                case .linear, .time:
                    if value.continuousValue != nil { continue }
                    missing[name, default: []].append(data.rowKeys[row])
                case .log:
                    guard let number = value.continuousValue else {
                        missing[name, default: []].append(data.rowKeys[row])
                        ok = false
                        continue
                    }
                    if number > 0 { continue }
                    notPositive[name, default: []].append(data.rowKeys[row])
                }
                ok = false
            }
            if ok { plotted.append(row) }
        }
        for name in ["x", "y"] {
            if let rows = notPositive[name] { warnings.append(ChartWarning(name, .notPositiveOnLogScale, rows: rows)) }
            if let rows = missing[name] { warnings.append(ChartWarning(name, .missingValue, rows: rows)) }
        }
    }

    mutating func assignSeries() {
        guard let color = spec.color else { return }
        var names = color.domain ?? []
        for row in plotted {
            let name = data.value(color.field, row: row).categoryName ?? "—"
            if !names.contains(name) { names.append(name) }
            seriesOfRow[row] = names.firstIndex(of: name)!
        }
        seriesNames = names
        if names.count > ChartTheme.paletteSize {
            warnings.append(ChartWarning("color", .paletteExhausted(categories: names.count)))
        }
    }

    func series(of row: Int) -> Int { seriesOfRow[row] ?? 0 }

    // MARK: - Domains

    func continuousValues(_ channel: ChannelSpec?) -> [Double] {
        guard let channel else { return [] }
        return plotted.compactMap { data.value(channel.field, row: $0).continuousValue }
    }

    func categories(_ channel: ChannelSpec) -> [String] {
        if let domain = channel.domain { return domain.compactMap(\.categoryName) }
        let values = plotted.map { data.value(channel.field, row: $0) }
        // Numbers and dates on a band scale are listed in order; text in order of appearance.
        let ordered: [ChartValue]
        if values.allSatisfy({ $0.continuousValue != nil }) {
            ordered = values.sorted { $0.continuousValue! < $1.continuousValue! }
        } else {
            ordered = values
        }
        var seen = Set<String>()
        return ordered.compactMap(\.categoryName).filter { seen.insert($0).inserted }
    }

    /// The trend's x in trend units (decimal years on time scales).
    func trendX(_ x: Double) -> Double {
        xKind == .time ? Trend.years(fromSeconds: x) : x
    }

    mutating func sampleTrend() {
        guard let trend = spec.trend else { return }
        let xs = continuousValues(spec.x)
        guard let lo = xs.min(), let hi = xs.max() else { return }
        let n = 96
        for i in 0...n {
            let t = Double(i) / Double(n)
            let x: Double
            if xKind == .log {
                let l0 = log10Exact(lo), l1 = log10Exact(hi)
                x = pow10(l0 + (l1 - l0) * t)
            } else {
                x = lo + (hi - lo) * t
            }
            guard let y = trend.value(at: trendX(x)) else { continue }
            if yKind == .log && y <= 0 { continue }
            trendSamples.append((x, y))
        }
    }

    /// A continuous scale for `values` (or the channel's fixed domain), niced for `count`
    /// ticks, mapped onto `range`.
    func continuousScale(_ kind: ScaleKind, channel: ChannelSpec, values: [Double],
                         count: Int, range: [Double]) -> ChartScale {
        if let domain = channel.domain?.compactMap(\.continuousValue), domain.count == 2 {
            switch kind {
            case .log: return .log(LogScale(domain: domain, range: range))
            case .time: return .time(TimeScale(domain: domain, range: range))
            default: return .linear(LinearScale(domain: domain, range: range))
            }
        }
        let lo = values.min(), hi = values.max()
        switch kind {
        case .log:
            guard let lo, let hi else { return .log(LogScale(domain: [1, 10], range: range)) }
            return .log(LogScale(domain: [lo, hi], range: range).nice(count: count))
        case .time:
            guard let lo, let hi else {
                let start = CalendarDate(year: 2000, month: 1, day: 1).secondsSinceEpoch
                return .time(TimeScale(domain: [start, start + 366 * 86_400], range: range))
            }
            return .time(TimeScale(domain: [lo, hi], range: range).padded())
        default:
            guard let lo, let hi else { return .linear(LinearScale(domain: [0, 1], range: range)) }
            return .linear(LinearScale(domain: [lo, hi], range: range).padded().nice(count: count))
        }
    }

    func bandScale(_ channel: ChannelSpec, range: [Double]) -> ChartScale {
        let isBar = spec.mark == .bar
        return .band(BandScale(domain: categories(channel), range: range,
                               paddingInner: isBar ? 0.15 : 1, paddingOuter: isBar ? 0.1 : 0.5))
    }

    func yDomainValues() -> [Double] {
        var values = continuousValues(spec.y)
        values += trendSamples.map(\.y)
        if (spec.mark == .bar || spec.mark == .area || (spec.mark == .rule && spec.x != nil)) && yKind == .linear {
            values.append(0)
        }
        return values
    }

    func xDomainValues() -> [Double] {
        var values = continuousValues(spec.x)
        if spec.mark == .bar && xKind == .linear && yKind == .band { values.append(0) }
        return values
    }

    // MARK: - Ticks

    /// Tick labels for a continuous scale: the channel's named format or the scale's default;
    /// log scales keep their label thinning either way.
    func tickLabels(_ scale: ChartScale, channel: ChannelSpec, count: Int) -> [AxisTick] {
        let factory = channel.format.flatMap { options.formats[$0] }
        switch scale {
        case .linear(let s):
            let ticks = s.ticks(count: count)
            let format = factory.map { $0(ticks) } ?? s.tickFormat(count: count)
            return ticks.map { AxisTick(position: s($0), label: format($0), major: true) }
        case .log(let s):
            let ticks = s.ticks(count: count)
            let format = s.tickFormat(count: count, formatter: factory.map { $0(ticks) })
            return ticks.compactMap { tick in
                guard let position = s(tick) else { return nil }
                let label = format(tick)
                return AxisTick(position: position, label: label, major: !label.isEmpty)
            }
        case .time(let s):
            let ticks = s.ticks(count: count)
            let labels = TimeScale.labels(for: ticks)
            return zip(ticks, labels).map { AxisTick(position: s($0), label: $1, major: true) }
        case .band(let s):
            return s.domain.compactMap { category in
                s.center(category).map { AxisTick(position: $0, label: category, major: false) }
            }
        }
    }

    /// Whether neighbouring labels along the axis overlap (with a small gap).
    func labelsCollide(_ ticks: [AxisTick], horizontal: Bool) -> Bool {
        let labelled = ticks.filter { !$0.label.isEmpty }.sorted { $0.position < $1.position }
        for (a, b) in zip(labelled, labelled.dropFirst()) {
            if horizontal {
                let wa = TextMetrics.blockWidth(a.label, fontSize: fontSize)
                let wb = TextMetrics.blockWidth(b.label, fontSize: fontSize)
                if b.position - a.position < (wa + wb) / 2 + fontSize * 0.6 { return true }
            } else if b.position - a.position < fontSize * 1.15 {
                return true
            }
        }
        return false
    }

    /// Ticks that fit: fewer ticks on continuous scales, every k-th label on band scales.
    func fittingTicks(_ makeScale: (Int) -> ChartScale, channel: ChannelSpec,
                      count initial: Int, horizontal: Bool) -> (ChartScale, [AxisTick], thinned: Bool) {
        var count = max(1, initial)
        var scale = makeScale(count)
        var ticks = tickLabels(scale, channel: channel, count: count)
        if case .band = scale {
            var k = 1
            var thinned = ticks
            while labelsCollide(thinned, horizontal: horizontal) && k < ticks.count {
                k += 1
                thinned = ticks.enumerated().map { i, tick in
                    AxisTick(position: tick.position, label: i % k == 0 ? tick.label : "", major: tick.major)
                }
            }
            return (scale, thinned, k > 1)
        }
        while labelsCollide(ticks, horizontal: horizontal) && count > 1 {
            count = max(1, count * 2 / 3)
            scale = makeScale(count)
            ticks = tickLabels(scale, channel: channel, count: count)
        }
        return (scale, ticks, false)
    }

    // MARK: - Legend

    func legend(width: Double) -> LegendLayout? {
        guard let color = spec.color, seriesNames.count > 0 else { return nil }
        let swatch = fontSize * 0.8
        var entries: [LegendLayout.Entry] = []
        var x = 8.0, y = 8.0
        var titleWidth = 0.0
        if let title = color.title {
            titleWidth = TextMetrics.width(title, fontSize: fontSize) + 10
            x += titleWidth
        }
        for (index, name) in seriesNames.enumerated() {
            let entryWidth = swatch + 4 + TextMetrics.width(name, fontSize: fontSize) + 14
            if x + entryWidth > width - 8 && !entries.isEmpty {
                x = 8 + titleWidth
                y += fontSize + 6
            }
            entries.append(.init(name: name, series: index, origin: ChartPoint(x: x, y: y + (fontSize - swatch) / 2)))
            x += entryWidth
        }
        return LegendLayout(title: color.title, entries: entries, swatchSize: swatch)
    }

    func legendHeight(_ legend: LegendLayout?) -> Double {
        guard let legend, let last = legend.entries.last else { return 0 }
        return last.origin.y - (fontSize - legend.swatchSize) / 2 + fontSize + 8
    }

    // MARK: - Build

    mutating func build() -> ChartLayout {
        selectRows()
        assignSeries()
        sampleTrend()

        let width = spec.width, height = spec.height
        let legend = legend(width: width)
        let top = 10 + legendHeight(legend) + (spec.y != nil ? fontSize * 1.5 + 8 : fontSize / 2)
        let tickSpace = 6.0 + 3.0
        let lineHeight = fontSize * 1.15
        let xTitleHeight = spec.x != nil ? fontSize + 8 : 0

        var xLines = xKind == .time ? 2 : 1
        var right = 14.0
        var thinnedAxes: [String] = []
        var result: (x: ChartScale?, y: ChartScale?, xTicks: [AxisTick], yTicks: [AxisTick], plot: ChartRect)!
        for _ in 0..<2 {
            let bottom = spec.x != nil ? tickSpace + lineHeight * Double(xLines) + 4 + xTitleHeight : 10
            let plotTop = top, plotBottom = height - bottom
            // Points and rules keep clear of the plot's edges (Observable Plot's `inset`).
            let inset = spec.mark == .point ? options.pointRadius + 3 : spec.mark == .rule ? 6 : 0

            // y first: its labels set the left margin.
            var yScale: ChartScale? = nil
            var yThinned = false, xThinned = false
            var yTicks: [AxisTick] = []
            if let channel = spec.y, let kind = yKind {
                let count = max(2, Int((plotBottom - plotTop) / 40))
                if kind == .band {
                    (yScale, yTicks, yThinned) = fittingTicks({ _ in bandScale(channel, range: [plotTop, plotBottom]) },
                                                    channel: channel, count: count, horizontal: false)
                } else {
                    let values = yDomainValues()
                    (yScale, yTicks, yThinned) = fittingTicks({ count in
                        continuousScale(kind, channel: channel, values: values, count: count, range: [plotBottom - inset, plotTop + inset])
                    }, channel: channel, count: count, horizontal: false)
                }
            }
            let labelWidth = yTicks.map { TextMetrics.blockWidth($0.label, fontSize: fontSize) }.max() ?? 0
            let left = spec.y != nil ? max(28, labelWidth + tickSpace + 6) : 14

            var xScale: ChartScale? = nil
            var xTicks: [AxisTick] = []
            if let channel = spec.x, let kind = xKind {
                let plotLeft = left, plotRight = width - right
                let count = max(2, Int((plotRight - plotLeft) / 80))
                if kind == .band {
                    (xScale, xTicks, xThinned) = fittingTicks({ _ in bandScale(channel, range: [plotLeft, plotRight]) },
                                                    channel: channel, count: count, horizontal: true)
                } else {
                    let values = xDomainValues()
                    (xScale, xTicks, xThinned) = fittingTicks({ count in
                        continuousScale(kind, channel: channel, values: values, count: count, range: [plotLeft + inset, plotRight - inset])
                    }, channel: channel, count: count, horizontal: true)
                }
            }
            thinnedAxes = (xThinned ? ["x"] : []) + (yThinned ? ["y"] : [])
            result = (xScale, yScale, xTicks, yTicks,
                      ChartRect(x: left, y: plotTop, width: width - right - left, height: plotBottom - plotTop))
            // Second pass: room for the last x label and the number of label lines actually used.
            let lastOverhang = xTicks.filter { !$0.label.isEmpty }.map {
                $0.position + TextMetrics.blockWidth($0.label, fontSize: fontSize) / 2 - (width - right)
            }.max() ?? 0
            right = max(14, right + lastOverhang + 4)
            xLines = xTicks.map { $0.label.split(separator: "\n").count }.max() ?? 1
        }
        let (xScale, yScale, xTicks, yTicks, plot) = result!
        for name in thinnedAxes { warnings.append(ChartWarning(name, .tickLabelsThinned)) }

        var layout = ChartLayout(
            spec: spec, width: width, height: height, plot: plot, xScale: xScale, yScale: yScale,
            xAxis: nil, yAxis: nil, marks: [], trend: nil, labels: [], droppedLabels: [],
            legend: legend, warnings: [], table: DataTableContent(caption: "", columns: [], numeric: [], rows: []),
            description: "", labelFontSize: options.labelFontSize, fontSize: fontSize)

        if let channel = spec.x, let xScale {
            let title = channel.title ?? channel.field
            let lines = Double(xTicks.map { $0.label.split(separator: "\n").count }.max() ?? 1)
            layout.xAxis = AxisLayout(
                edge: .bottom, ticks: xTicks,
                title: xScale.kind == .band ? title : title + " →",
                titlePosition: ChartPoint(x: plot.maxX, y: plot.maxY + tickSpace + lineHeight * lines + fontSize + 4),
                titleAnchor: .end, grid: xScale.kind != .band)
        }
        if let channel = spec.y, let yScale {
            let title = channel.title ?? channel.field
            let labelWidth = yTicks.map { TextMetrics.blockWidth($0.label, fontSize: fontSize) }.max() ?? 0
            layout.yAxis = AxisLayout(
                edge: .left, ticks: yTicks,
                title: yScale.kind == .band ? title : "↑ " + title,
                titlePosition: ChartPoint(x: max(4, plot.minX - tickSpace - labelWidth), y: plot.minY - fontSize * 0.7 - 6),
                titleAnchor: .start, grid: yScale.kind != .band)
        }

        layout.marks = marks(xScale: xScale, yScale: yScale, plot: plot)
        layout.trend = trendLayout(xScale: xScale, yScale: yScale, plot: plot, marks: layout.marks)
        placeLabels(into: &layout)
        layout.warnings = warnings
        layout.table = table()
        layout.description = spec.description ?? describe(layout)
        return layout
    }

    // MARK: - Marks

    func position(_ scale: ChartScale?, _ channel: ChannelSpec?, row: Int) -> Double? {
        guard let scale, let channel else { return nil }
        return scale.position(data.value(channel.field, row: row))
    }

    func marks(xScale: ChartScale?, yScale: ChartScale?, plot: ChartRect) -> [MarkGeometry] {
        var marks: [MarkGeometry] = []
        switch spec.mark {
        case .point:
            for row in plotted {
                guard let x = position(xScale, spec.x, row: row), let y = position(yScale, spec.y, row: row) else { continue }
                marks.append(MarkGeometry(shape: .circle(center: ChartPoint(x: x, y: y), radius: options.pointRadius),
                                          series: series(of: row), row: row))
            }
        case .line, .area:
            let baseline = yScale?.baseline ?? plot.maxY
            for (series, rows) in rowsBySeries() {
                let points = rows.compactMap { row -> ChartPoint? in
                    guard let x = position(xScale, spec.x, row: row), let y = position(yScale, spec.y, row: row) else { return nil }
                    return ChartPoint(x: x, y: y)
                }.sorted { $0.x < $1.x }
                guard !points.isEmpty else { continue }
                if spec.mark == .line {
                    marks.append(MarkGeometry(shape: .polyline(points), series: series, row: nil))
                } else {
                    let polygon = points + [ChartPoint(x: points.last!.x, y: baseline), ChartPoint(x: points.first!.x, y: baseline)]
                    marks.append(MarkGeometry(shape: .polygon(polygon), series: series, row: nil))
                }
            }
        case .bar:
            marks = bars(xScale: xScale, yScale: yScale)
        case .rule:
            for row in plotted {
                let x = position(xScale, spec.x, row: row), y = position(yScale, spec.y, row: row)
                let shape: MarkGeometry.Shape
                switch (x, y) {
                case let (x?, y?):
                    shape = .segment(ChartPoint(x: x, y: yScale?.baseline ?? plot.maxY), ChartPoint(x: x, y: y))
                case let (x?, nil):
                    shape = .segment(ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY))
                case let (nil, y?):
                    shape = .segment(ChartPoint(x: plot.minX, y: y), ChartPoint(x: plot.maxX, y: y))
                default:
                    continue
                }
                marks.append(MarkGeometry(shape: shape, series: series(of: row), row: row))
            }
        }
        return marks
    }

    func rowsBySeries() -> [(Int, [Int])] {
        var groups: [Int: [Int]] = [:]
        for row in plotted { groups[series(of: row), default: []].append(row) }
        return groups.keys.sorted().map { ($0, groups[$0]!) }
    }

    func bars(xScale: ChartScale?, yScale: ChartScale?) -> [MarkGeometry] {
        var marks: [MarkGeometry] = []
        let vertical: Bool
        let bandScale: BandScale, valueScale: ChartScale, bandChannel: ChannelSpec, valueChannel: ChannelSpec
        if case .band(let s)? = xScale, let yScale, let x = spec.x, let y = spec.y {
            vertical = true; bandScale = s; valueScale = yScale; bandChannel = x; valueChannel = y
        } else if case .band(let s)? = yScale, let xScale, let x = spec.x, let y = spec.y {
            vertical = false; bandScale = s; valueScale = xScale; bandChannel = y; valueChannel = x
        } else {
            return []
        }
        let grouped = spec.color != nil && spec.color?.field != bandChannel.field && seriesNames.count > 1
        let baseline = valueScale.baseline ?? 0
        for row in plotted {
            guard let category = data.value(bandChannel.field, row: row).categoryName,
                  var start = bandScale(category),
                  let value = valueScale.position(data.value(valueChannel.field, row: row)) else { continue }
            var thickness = bandScale.bandwidth
            if grouped {
                let inner = BandScale(domain: seriesNames, range: [0, thickness], paddingInner: 0.05, paddingOuter: 0)
                start += inner(seriesNames[series(of: row)]) ?? 0
                thickness = inner.bandwidth
            }
            let lo = min(value, baseline), length = abs(value - baseline)
            let rect = vertical
                ? ChartRect(x: start, y: lo, width: thickness, height: length)
                : ChartRect(x: lo, y: start, width: length, height: thickness)
            marks.append(MarkGeometry(shape: .rect(rect), series: series(of: row), row: row))
        }
        return marks
    }

    // MARK: - Trend and labels

    /// Point obstacles for labels and the trend annotation: discs of point marks and the
    /// vertices of lines.
    func obstacles(_ marks: [MarkGeometry]) -> [(ChartPoint, Double)] {
        marks.flatMap { mark -> [(ChartPoint, Double)] in
            switch mark.shape {
            case .circle(let center, let radius): return [(center, radius)]
            case .polyline(let points): return points.map { ($0, 2) }
            default: return []
            }
        }
    }

    func trendLayout(xScale: ChartScale?, yScale: ChartScale?, plot: ChartRect, marks: [MarkGeometry]) -> TrendLayout? {
        guard let trend = spec.trend, let xScale, let yScale else { return nil }
        let points = trendSamples.compactMap { sample -> ChartPoint? in
            guard let x = xScale.position(sample.x), let y = yScale.position(sample.y),
                  x.isFinite, y.isFinite, y >= plot.minY - 0.5, y <= plot.maxY + 0.5 else { return nil }
            return ChartPoint(x: x, y: y)
        }
        guard let last = points.last else { return nil }
        var layout = TrendLayout(points: points, annotation: trend.annotation,
                                 annotationPosition: last, annotationAnchor: .end, annotationBox: nil)
        guard let text = trend.annotation else { return layout }
        let size = options.labelFontSize
        let width = TextMetrics.width(text, fontSize: size)
        let placer = LabelPlacer(bounds: plot, fontSize: size, points: obstacles(marks))
        /// Whether the curve passes through `box`.
        func crossesLine(_ box: ChartRect) -> Bool {
            let padded = box.insetBy(-2)
            for (a, b) in zip(points, points.dropFirst()) where max(a.x, b.x) >= padded.minX && min(a.x, b.x) <= padded.maxX {
                let lo = min(a.y, b.y), hi = max(a.y, b.y)
                if hi >= padded.minY && lo <= padded.maxY { return true }
            }
            return false
        }
        // The text ends at a point of the curve, from its end backwards; it sits above a rising
        // curve (which runs below the text to its left) and below a falling one.
        var candidates: [(ChartPoint, ChartRect)] = []
        for fraction in [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4] {
            let index = Int((Double(points.count - 1) * fraction).rounded())
            let anchor = points[index]
            let before = points[max(0, index - 1)], after = points[min(points.count - 1, index + 1)]
            let rising = after.y < before.y
            for above in rising ? [true, false] : [false, true] {
                for gap in [6.0, 14.0] {
                    let baselineY = above ? anchor.y - gap : anchor.y + gap + size * 0.78
                    let x = min(max(anchor.x, plot.minX + width), plot.maxX)
                    let box = ChartRect(x: x - width, y: baselineY - size * 0.78, width: width, height: size)
                    candidates.append((ChartPoint(x: x, y: baselineY), box))
                }
            }
        }
        let chosen = candidates.first { placer.isFree($0.1) && !crossesLine($0.1) }
            ?? candidates.first { plot.contains($0.1) } ?? candidates[0]
        layout.annotationPosition = chosen.0
        layout.annotationBox = chosen.1
        return layout
    }

    mutating func placeLabels(into layout: inout ChartLayout) {
        guard let label = spec.label else { return }
        var placer = LabelPlacer(bounds: layout.plot, fontSize: options.labelFontSize, points: obstacles(layout.marks),
                                 reserved: layout.trend?.annotationBox.map { [$0] } ?? [])
        let radius = spec.mark == .point ? options.pointRadius : 2
        var dropped: [String] = []
        for row in plotted {
            let value = data.value(label.field, row: row)
            guard value != .missing else { continue }
            let text = data.text(label.field, row: row)
            guard !text.isEmpty,
                  let x = position(layout.xScale, spec.x, row: row),
                  let y = position(layout.yScale, spec.y, row: row) else { continue }
            if let placed = placer.place(text, at: ChartPoint(x: x, y: y), radius: radius, row: row) {
                layout.labels.append(placed)
            } else {
                dropped.append(data.rowKeys[row])
            }
        }
        layout.droppedLabels = dropped
        if !dropped.isEmpty { warnings.append(ChartWarning("label", .labelsDropped, rows: dropped)) }
    }

    // MARK: - Table and description

    func table() -> DataTableContent {
        var fields: [(String, String)] = []
        func add(_ field: String?, _ title: String?) {
            guard let field, !fields.contains(where: { $0.0 == field }) else { return }
            fields.append((field, title ?? field))
        }
        add(spec.label?.field, nil)
        add(spec.color?.field, spec.color?.title)
        add(spec.x?.field, spec.x?.title)
        add(spec.y?.field, spec.y?.title)
        let numeric = fields.map { field, _ in
            plotted.contains { if case .number = data.value(field, row: $0) { return true } else { return false } }
        }
        let rows = plotted.map { row in fields.map { data.text($0.0, row: row) } }
        return DataTableContent(caption: spec.title.map { "Data: \($0)" } ?? "Data",
                                columns: fields.map(\.1), numeric: numeric, rows: rows)
    }

    func describe(_ layout: ChartLayout) -> String {
        let noun: String
        switch spec.mark {
        case .point: noun = plotted.count == 1 ? "point" : "points"
        case .line: noun = plotted.count == 1 ? "point" : "points"
        case .bar: noun = plotted.count == 1 ? "bar" : "bars"
        case .area: noun = plotted.count == 1 ? "point" : "points"
        case .rule: noun = plotted.count == 1 ? "rule" : "rules"
        }
        let kind = ["point": "Scatter plot", "line": "Line chart", "bar": "Bar chart",
                    "area": "Area chart", "rule": "Rule chart"][spec.mark.rawValue]!
        func axisText(_ channel: ChannelSpec?, _ axis: AxisLayout?, _ scale: ChartScale?) -> String? {
            guard let channel, let axis else { return nil }
            let name = channel.title ?? channel.field
            let labels = axis.ticks.map(\.label).filter { !$0.isEmpty }
                .map { $0.split(separator: "\n").joined(separator: " ") }
            guard let first = labels.first, let last = labels.last, labels.count > 1 else { return name }
            let logNote = scale?.kind == .log ? "log scale, " : ""
            return scale?.kind == .band ? "\(name) (\(labels.count) categories)" : "\(name) (\(logNote)\(first) to \(last))"
        }
        var text = kind
        switch (axisText(spec.y, layout.yAxis, layout.yScale), axisText(spec.x, layout.xAxis, layout.xScale)) {
        case let (y?, x?): text += " of \(y) against \(x)"
        case let (y?, nil): text += " of \(y)"
        case let (nil, x?): text += " of \(x)"
        default: break
        }
        text += ": \(plotted.count) \(noun)"
        if seriesNames.count > 1 {
            text += " in \(seriesNames.count) groups (\(seriesNames.joined(separator: ", ")))"
        }
        text += "."
        if let annotation = spec.trend?.annotation { text += " Trend: \(annotation)." }
        if !layout.droppedLabels.isEmpty {
            text += " \(layout.labels.count) points labelled, \(layout.droppedLabels.count) labels left out for lack of room."
        }
        return text
    }
}
