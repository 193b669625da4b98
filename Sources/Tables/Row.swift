/// One data row of a `DataTable`.
///
/// `cells` has exactly one cell per column, in column order (the key cell included); a row that
/// is short in the file is an error, so this never has to pad.
public struct Row: Sendable {
    /// The key cell's text, spaces around it dropped; unique within its table, never empty.
    public var key: String
    public var cells: [Cell]
    /// 1-based line of the record's first character.
    public var line: Int

    public init(key: String, cells: [Cell], line: Int) {
        self.key = key
        self.cells = cells
        self.line = line
    }
}
