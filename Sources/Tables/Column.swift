import Diagnostics
import Quantities

/// One column of a `DataTable`, from a header cell written `name` or `name [unit]`.
///
/// `parameters [param]` is the column `parameters` with unit `param`; `Model` has no unit. Spaces
/// around the name and inside the brackets are dropped. The unit is kept as written; the
/// quantities layer interprets it.
public struct Column: Sendable, Equatable {
    public var name: String
    /// The unit between the brackets as written, or nil when the header has none.
    public var unit: String?
    /// The unit understood (`FLOP/s/chip` → FLOP·s⁻¹·chip⁻¹); nil without a unit or when the
    /// unit is unknown (then the header has a diagnostic).
    public var quantityUnit: Quantities.Unit?
    /// The header cell's location.
    public var location: SourceLocation

    public init(name: String, unit: String? = nil, quantityUnit: Quantities.Unit? = nil, location: SourceLocation) {
        self.name = name
        self.unit = unit
        self.quantityUnit = quantityUnit
        self.location = location
    }

    /// Parses a header cell.
    ///
    /// - Returns: The column, and the diagnostics for a malformed header: an empty name (at the
    ///   cell), an unclosed `[` (at the `[`), a second `[` (at it), a `]` without `[` (at it),
    ///   an empty unit (at the `[`), text after the `]` (at that text). A column is returned
    ///   even when there are diagnostics, so later cells keep their indexes.
    static func parse(header cell: CSVCell) -> (Column, [Diagnostic]) {
        let text = cell.text
        var diagnostics: [Diagnostic] = []
        var name = Substring(text)
        var unit: String?
        var quantityUnit: Quantities.Unit?
        if let open = text.firstIndex(of: "[") {
            name = text[..<open]
            let afterOpen = text.index(after: open)
            if let close = text[afterOpen...].firstIndex(of: "]") {
                if let second = text[afterOpen..<close].firstIndex(of: "[") {
                    diagnostics.append(.error(
                        "second `[` in the header `\(text)`: write one unit, as in `cost [USD]`",
                        at: cell.location(at: second)))
                }
                let written = text[afterOpen..<close].trimmingSpaces
                if written.isEmpty {
                    diagnostics.append(.error(
                        "empty unit in the header `\(text)`: write the unit, as in `cost [USD]`, or drop the brackets",
                        at: cell.location(at: open)))
                } else {
                    unit = String(written)
                    do {
                        quantityUnit = try Quantities.Unit.parse(String(written))
                    } catch {
                        let start = text[afterOpen...].firstIndex(where: { !$0.isSpace }) ?? afterOpen
                        let at = text.index(start, offsetBy: min(error.offset, text.distance(from: start, to: close)))
                        diagnostics.append(.error("unknown unit in the header `\(text)`: \(error.message)", at: cell.location(at: at)))
                    }
                }
                let after = text[text.index(after: close)...]
                if let extra = after.firstIndex(where: { !$0.isSpace }) {
                    diagnostics.append(.error(
                        "text after the unit in the header `\(text)`: the unit comes last, as in `cost [USD]`",
                        at: cell.location(at: extra)))
                }
            } else {
                diagnostics.append(.error(
                    "unit bracket is never closed in the header `\(text)`: close it with `]`",
                    at: cell.location(at: open)))
            }
        } else if let close = text.firstIndex(of: "]") {
            diagnostics.append(.error(
                "`]` without `[` in the header `\(text)`: write the unit as `name [unit]`",
                at: cell.location(at: close)))
        }
        let trimmed = name.trimmingSpaces
        if trimmed.isEmpty {
            diagnostics.append(.error("empty column name: name every column in the header row", at: cell.location))
        }
        return (Column(name: String(trimmed), unit: unit, quantityUnit: quantityUnit, location: cell.location), diagnostics)
    }
}
