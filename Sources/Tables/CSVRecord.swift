/// One record (row) of a CSV file: its cells in order and the line it starts on.
///
/// A record holds at least one cell: `a,` is two cells, the second empty. Blank lines are not
/// records. A record whose quoted cell spans lines reports the line of its first character.
public struct CSVRecord: Sendable, Equatable {
    public var cells: [CSVCell]
    /// 1-based line of the record's first character.
    public var line: Int

    public init(cells: [CSVCell], line: Int) {
        self.cells = cells
        self.line = line
    }
}
