/// Places point labels one at a time so that no label overlaps another label, a point (disc)
/// or a reserved box, and every label stays inside the bounds.
///
/// Candidates are tried in a fixed order: right of the point, left, above, below, the four
/// diagonals; then the same eight directions further out (two distances) with a leader line
/// back to the point (a leader may cross no other label or point). The first free candidate
/// wins; a label with none is dropped.
///
/// Obstacles are kept in a uniform grid (32-unit cells), so placing n labels among m points
/// costs about O((n + m) · candidates) rather than O(n · (n + m)).
public struct LabelPlacer: Sendable {
    public var bounds: ChartRect
    public var fontSize: Double
    /// Blank space kept around every label box.
    public var gap: Double = 1.5

    private var discs: [(center: ChartPoint, radius: Double)] = []
    private var boxes: [ChartRect] = []
    private var discCells: [Cell: [Int]] = [:]
    private var boxCells: [Cell: [Int]] = [:]
    private var maxRadius = 0.0
    private let cellSize = 32.0

    private struct Cell: Hashable { var x: Int; var y: Int }

    /// - Parameters:
    ///   - bounds: Labels must lie entirely inside (the plot area).
    ///   - points: Every mark a label must not cover (centre and radius), labelled or not.
    ///   - reserved: Boxes already taken (a trend annotation).
    public init(bounds: ChartRect, fontSize: Double, points: [(ChartPoint, Double)], reserved: [ChartRect] = []) {
        self.bounds = bounds
        self.fontSize = fontSize
        for (center, radius) in points { addDisc(center, radius) }
        for box in reserved { addBox(box) }
    }

    private func cells(_ rect: ChartRect) -> [Cell] {
        let x0 = Int((rect.minX / cellSize).rounded(.down)), x1 = Int((rect.maxX / cellSize).rounded(.down))
        let y0 = Int((rect.minY / cellSize).rounded(.down)), y1 = Int((rect.maxY / cellSize).rounded(.down))
        var result: [Cell] = []
        for x in x0...max(x0, x1) { for y in y0...max(y0, y1) { result.append(Cell(x: x, y: y)) } }
        return result
    }

    private mutating func addDisc(_ center: ChartPoint, _ radius: Double) {
        let index = discs.count
        discs.append((center, radius))
        maxRadius = max(maxRadius, radius)
        let cell = Cell(x: Int((center.x / cellSize).rounded(.down)), y: Int((center.y / cellSize).rounded(.down)))
        discCells[cell, default: []].append(index)
    }

    private mutating func addBox(_ box: ChartRect) {
        let index = boxes.count
        boxes.append(box)
        for cell in cells(box) { boxCells[cell, default: []].append(index) }
    }

    /// Whether `box` (grown by `gap`) is inside the bounds and free of every obstacle.
    public func isFree(_ box: ChartRect) -> Bool {
        guard bounds.contains(box) else { return false }
        let padded = box.insetBy(-gap)
        for cell in cells(padded) {
            for index in boxCells[cell] ?? [] where boxes[index].intersects(padded) { return false }
        }
        for cell in cells(padded.insetBy(-maxRadius)) {
            for index in discCells[cell] ?? [] {
                let disc = discs[index]
                if padded.intersects(circle: disc.center, radius: disc.radius) { return false }
            }
        }
        return true
    }

    /// Whether a leader line from `start` to `end` passes through no label box and no disc
    /// other than the one centred at `own` (sampled every unit along the line).
    func isClear(from start: ChartPoint, to end: ChartPoint, ignoring own: ChartPoint) -> Bool {
        let dx = end.x - start.x, dy = end.y - start.y
        let steps = max(1, Int((dx * dx + dy * dy).squareRoot()))
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            let p = ChartPoint(x: start.x + dx * t, y: start.y + dy * t)
            let probe = ChartRect(x: p.x - 0.5, y: p.y - 0.5, width: 1, height: 1)
            for cell in cells(probe) {
                for index in boxCells[cell] ?? [] where boxes[index].intersects(probe) { return false }
            }
            for cell in cells(probe.insetBy(-maxRadius)) {
                for index in discCells[cell] ?? [] where discs[index].center != own {
                    if probe.intersects(circle: discs[index].center, radius: discs[index].radius) { return false }
                }
            }
        }
        return true
    }

    /// The label's box when its text starts at `x` and its vertical centre is `centerY`.
    func box(width: Double, x: Double, centerY: Double) -> ChartRect {
        ChartRect(x: x, y: centerY - fontSize / 2, width: width, height: fontSize)
    }

    /// Tries the candidates for a label of `text` next to the point at `point` (radius
    /// `radius`); on success records the box as an obstacle and returns the placed label.
    public mutating func place(_ text: String, at point: ChartPoint, radius: Double, row: Int) -> PlacedLabel? {
        let width = TextMetrics.width(text, fontSize: fontSize)
        let height = fontSize
        // Unit directions in the fixed order: right, left, above, below, then diagonals.
        let directions: [(Double, Double)] = [(1, 0), (-1, 0), (0, -1), (0, 1),
                                              (1, -1), (-1, -1), (1, 1), (-1, 1)]
        let distances: [(Double, Bool)] = [(radius + 2, false), (radius + 14, true), (radius + 28, true)]
        for (distance, leader) in distances {
            for (dx, dy) in directions {
                // Anchor the box's near side (or corner) at `distance` from the point.
                let x: Double
                switch dx {
                case 1: x = point.x + distance * (dy == 0 ? 1 : 0.7)
                case -1: x = point.x - distance * (dy == 0 ? 1 : 0.7) - width
                default: x = point.x - width / 2
                }
                let centerY: Double
                switch dy {
                case -1: centerY = point.y - distance * (dx == 0 ? 1 : 0.7) - height / 2
                case 1: centerY = point.y + distance * (dx == 0 ? 1 : 0.7) + height / 2
                default: centerY = point.y
                }
                let candidate = box(width: width, x: x, centerY: centerY)
                guard isFree(candidate) else { continue }
                var line: (ChartPoint, ChartPoint)? = nil
                if leader {
                    let end = candidate.nearestPoint(to: point)
                    let ddx = end.x - point.x, ddy = end.y - point.y
                    let length = (ddx * ddx + ddy * ddy).squareRoot()
                    if length > radius + 1 {
                        let start = ChartPoint(x: point.x + ddx / length * radius, y: point.y + ddy / length * radius)
                        guard isClear(from: start, to: end, ignoring: point) else { continue }
                        line = (start, end)
                    }
                }
                addBox(candidate)
                let origin = ChartPoint(x: candidate.minX, y: candidate.minY + fontSize * 0.78)
                return PlacedLabel(text: text, row: row, box: candidate, origin: origin, leader: line)
            }
        }
        return nil
    }
}
