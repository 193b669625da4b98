/// The rows a chart draws: each row maps field names to values.
///
/// Built by the caller from a table or a formula result; Charts never reads files.
public struct ChartData: Sendable, Equatable {
    /// Field names in display order (used for the data table and in "did you mean" messages).
    public var fields: [String]
    public var rows: [[String: ChartValue]]
    /// One name per row for warnings, e.g. `data/models.csv:14`; defaults to "row 1", "row 2"…
    public var rowKeys: [String]
    /// Optional display text per row and field for the data table (values as the source
    /// table formats them, with units); a missing entry falls back to `ChartValue.defaultText`.
    public var cellText: [[String: String]]

    /// - Parameters:
    ///   - fields: Field order; defaults to the sorted union of the rows' keys.
    ///   - rowKeys: Names for warnings; must have one per row when given.
    public init(rows: [[String: ChartValue]], fields: [String]? = nil, rowKeys: [String]? = nil,
                cellText: [[String: String]] = []) {
        precondition(rowKeys == nil || rowKeys!.count == rows.count, "one row key per row")
        self.rows = rows
        self.fields = fields ?? Array(Set(rows.flatMap(\.keys))).sorted()
        self.rowKeys = rowKeys ?? rows.indices.map { "row \($0 + 1)" }
        self.cellText = cellText
    }

    /// The value of `field` in row `index` (`.missing` when absent).
    public func value(_ field: String, row index: Int) -> ChartValue {
        rows[index][field] ?? .missing
    }

    /// Display text for the data table.
    public func text(_ field: String, row index: Int) -> String {
        if index < cellText.count, let text = cellText[index][field] { return text }
        return value(field, row: index).defaultText
    }
}
