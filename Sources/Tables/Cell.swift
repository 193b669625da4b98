import Diagnostics
import Quantities

/// The typed value of one table cell, with the cell's location (its first character, the opening
/// quote if quoted).
///
/// Typing is done by `Cell.parseCellValue(_:at:)`; see there for what each case accepts.
public enum Cell: Sendable, Equatable {
    /// An empty cell, or one holding only spaces.
    case missing
    /// A plain decimal or scientific number: `1.2e9`, `-0.5`, `1,200`.
    case number(Double, SourceLocation)
    /// A number with a unit (a cell of a `name [unit]` column: `175B` in `[param]`), a range
    /// (`9e6..17e6`, `900~1700萬`), or a number written with its own unit (`$12M`).
    case quantity(Quantity, SourceLocation)
    /// A full ISO 8601 calendar date `YYYY-MM-DD`, kept as written (spaces around it dropped).
    case date(String, SourceLocation)
    /// Anything else, exactly as written in the cell.
    case text(String, SourceLocation)

    /// The cell's location; nil for `.missing`.
    public var location: SourceLocation? {
        switch self {
        case .missing: nil
        case .number(_, let location), .quantity(_, let location), .date(_, let location), .text(_, let location): location
        }
    }
}
