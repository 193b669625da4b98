import Diagnostics

/// A typed table read from `content/data/NAME.csv`: its columns (from the header row), the index
/// of the key column, and its rows, each with one typed cell per column.
///
/// Built by `DataTable.parse(_:file:name:key:)`. Keys are unique and non-empty, so
/// `row(key:)` names at most one row.
public struct DataTable: Sendable {
    /// The file name without `.csv`, e.g. `models`; how formulas name the table.
    public var name: String
    /// Project-relative path, e.g. `content/data/models.csv`.
    public var file: String
    public var columns: [Column]
    /// Index into `columns` of the key column; 0 unless declared otherwise.
    public var keyColumn: Int
    /// Rows in file order. Changing them keeps `row(key:)` up to date.
    public var rows: [Row] {
        didSet { rowIndex = Self.index(rows) }
    }
    private var rowIndex: [String: Int]

    public init(name: String, file: String, columns: [Column], keyColumn: Int = 0, rows: [Row]) {
        self.name = name
        self.file = file
        self.columns = columns
        self.keyColumn = keyColumn
        self.rows = rows
        self.rowIndex = Self.index(rows)
    }

    /// The row whose key is exactly `key`, or nil.
    public func row(key: String) -> Row? {
        rowIndex[key].map { rows[$0] }
    }

    /// The index of the column named exactly `named` (case matters), or nil.
    public func column(named: String) -> Int? {
        columns.firstIndex { $0.name == named }
    }

    /// Keys to row indexes; the first row wins should keys repeat (only possible when built by hand).
    private static func index(_ rows: [Row]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, row) in rows.enumerated() where index[row.key] == nil { index[row.key] = i }
        return index
    }
}
