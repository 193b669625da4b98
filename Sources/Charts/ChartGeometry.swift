/// A point in the chart's user units (origin top left, y down).
public struct ChartPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in user units.
public struct ChartRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether the interiors overlap (touching edges do not count).
    public func intersects(_ other: ChartRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies entirely inside this rectangle (edges included).
    public func contains(_ other: ChartRect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// Whether the disc at `center` with `radius` overlaps the interior.
    public func intersects(circle center: ChartPoint, radius: Double) -> Bool {
        let dx = center.x - min(max(center.x, minX), maxX)
        let dy = center.y - min(max(center.y, minY), maxY)
        return dx * dx + dy * dy < radius * radius
    }

    /// The point of the rectangle nearest to `point`.
    public func nearestPoint(to point: ChartPoint) -> ChartPoint {
        ChartPoint(x: min(max(point.x, minX), maxX), y: min(max(point.y, minY), maxY))
    }

    /// The rectangle grown by `amount` on every side.
    public func insetBy(_ amount: Double) -> ChartRect {
        ChartRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}
