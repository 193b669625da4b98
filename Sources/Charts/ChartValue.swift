/// One cell of chart data.
public enum ChartValue: Hashable, Sendable {
    case number(Double)
    case string(String)
    /// An instant in seconds since 1970-01-01T00:00:00Z (UTC).
    case date(Double)
    case missing

    /// A calendar day (midnight UTC).
    public static func date(_ day: CalendarDate) -> ChartValue {
        .date(day.secondsSinceEpoch)
    }

    /// The kind of value, for messages ("number", "text", "date", "missing").
    public var kindName: String {
        switch self {
        case .number: return "number"
        case .string: return "text"
        case .date: return "date"
        case .missing: return "missing"
        }
    }

    /// The value on a continuous axis: numbers as they are, dates as seconds since the epoch;
    /// nil for text, missing and non-finite values.
    public var continuousValue: Double? {
        switch self {
        case .number(let value), .date(let value): return value.isFinite ? value : nil
        case .string, .missing: return nil
        }
    }

    /// The category of the value on a band scale or in a colour legend.
    public var categoryName: String? {
        switch self {
        case .string(let text): return text
        case .number(let value): return value.isFinite ? NumberText.shortest(value) : nil
        case .date(let seconds): return CalendarDate(secondsSinceEpoch: seconds).description
        case .missing: return nil
        }
    }

    /// Default text for the data table: grouped numbers ("1,234.5"), ISO dates, text as is,
    /// an em dash for missing values.
    public var defaultText: String {
        switch self {
        case .number(let value):
            guard value.isFinite else { return "—" }
            if value != 0 && (abs(value) >= 1e15 || abs(value) < 1e-6) {
                return TickFormatter.scientific()(value)
            }
            return NumberText.typographicMinus(NumberText.grouped(NumberText.shortest(value, maxDecimals: 6)))
        case .string(let text): return text
        case .date(let seconds):
            guard seconds.isFinite else { return "—" }
            return CalendarDate(secondsSinceEpoch: seconds).description
        case .missing: return "—"
        }
    }
}
