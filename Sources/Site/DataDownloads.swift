import Diagnostics
import Foundation
import Formulas
import Quantities

/// The data downloads of a site: every table of `content/data/`, with its derived columns, as
/// `data/NAME.csv` and `data/NAME.json` (NAME is the CSV's path below `content/data/`, without
/// `.csv`). Both are generated from the typed table, so they hold what the figures read.
///
/// **CSV** (RFC 4180, `\n` line ends): the columns in file order, then the derived columns in the
/// sidecar's order. A column with a unit has the header `name [unit]` (the header's own unit as
/// written; a derived column takes the unit of its first quantity) and every value is a plain
/// number in that unit (`2.5272e+24`, `60000000`); a range is `low..high`; a missing or null
/// value is an empty cell; text and dates as written; booleans `true`/`false`. The file is itself
/// a valid Reckon table.
///
/// **JSON**: one object,
/// `{"name", "title", "key", "sources": [{"title","url"}], "columns": [names in CSV order],
/// "units": {column: unit}, "derived": [names], "rows": [{column: value}]}`, a row's keys in
/// column order; numbers are JSON numbers in the column's unit, a range is `[low, high]`,
/// missing values are `null`.
///
/// Numbers are written with at most 15 significant digits (so `0.1 + 0.2` is `0.3`), integers
/// below 10¹⁵ in full: two builds give the same bytes.
enum DataDownloads {
    /// Output path → bytes, for every table (CSV then JSON, in table order).
    static func files(_ catalog: DataCatalog) -> [(path: String, bytes: [UInt8])] {
        catalog.tables.flatMap { table in
            [(path(of: table, extension: "csv"), Array(csv(table).utf8)),
             (path(of: table, extension: "json"), Array(json(table).utf8))]
        }
    }

    /// `content/data/models.csv` → `data/models.csv` (or `.json`).
    static func path(of table: DataCatalog.Table, extension ext: String) -> String {
        var path = table.file
        if path.hasPrefix("content/") { path.removeFirst("content/".count) }
        if path.hasSuffix(".csv") { path.removeLast(4) }
        return path + "." + ext
    }

    /// A column as published: its name and the unit its values are written in.
    struct PublishedColumn {
        var name: String
        /// The unit as shown in the header; nil for a column of numbers, text or dates.
        var unitText: String?
        var unit: Quantities.Unit?
        var derived: Bool
    }

    static func rows(of table: DataCatalog.Table) -> [Record] {
        guard case .list(let items) = table.value else { return [] }
        return items.compactMap { item in
            if case .record(let record) = item { return record }
            return nil
        }
    }

    /// The columns with their units: the header's, else that of the column's first quantity.
    static func columns(of table: DataCatalog.Table) -> [PublishedColumn] {
        let rows = rows(of: table)
        return table.columns.map { column in
            var published = PublishedColumn(name: column.name, unitText: column.unitText, unit: column.unit,
                                            derived: column.derived)
            if published.unit == nil || published.unitText == nil {
                for row in rows {
                    if case .quantity(let quantity)? = row[column.name] {
                        published.unit = quantity.unit
                        published.unitText = quantity.unit.symbol
                        break
                    }
                }
            }
            return published
        }
    }

    /// A value in the column's unit: nil when it is missing, else its bounds (equal for a point).
    enum Cell: Equatable {
        case missing
        case number(Double)
        case range(Double, Double)
        case bool(Bool)
        case text(String)
    }

    static func cell(_ value: Value?, unit: Quantities.Unit?) -> Cell {
        switch value {
        case nil, .null?: return .missing
        case .bool(let flag)?: return .bool(flag)
        case .number(let number)?: return .number(number)
        case .quantity(let quantity)?:
            var shown = quantity
            if let unit, unit.dimension == quantity.dimension, let converted = try? quantity.converted(to: unit) {
                shown = converted
            } else if unit != nil {
                return .text(quantity.description)  // a quantity of another dimension: as text
            }
            let bounds = shown.valueInUnit
            return shown.isRange ? .range(bounds.lowerBound, bounds.upperBound) : .number(bounds.lowerBound)
        case .string(let text)?: return .text(text)
        case let other?: return .text(other.text())
        }
    }

    /// At most 15 significant digits; whole numbers below 10¹⁵ in full.
    static func number(_ value: Double) -> String {
        let clean = Double(CFormat.string("%.15g", value)) ?? value
        if clean == clean.rounded(), abs(clean) < 1e15 { return String(Int64(clean)) }
        return "\(clean)"
    }

    // MARK: CSV

    static func csv(_ table: DataCatalog.Table) -> String {
        let columns = columns(of: table)
        var out = columns.map { column in
            field(column.unitText.map { "\(column.name) [\($0)]" } ?? column.name)
        }.joined(separator: ",") + "\n"
        for row in rows(of: table) {
            out += columns.map { column in
                switch cell(row[column.name], unit: column.unit) {
                case .missing: return ""
                case .number(let value): return number(value)
                case .range(let low, let high): return number(low) + ".." + number(high)
                case .bool(let flag): return flag ? "true" : "false"
                case .text(let text): return field(text)
                }
            }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    // MARK: JSON

    static func json(_ table: DataCatalog.Table) -> String {
        let columns = columns(of: table)
        let sources = table.sources.map { "{\"title\":\(string($0.title)),\"url\":\(string($0.url))}" }
        let units = columns.compactMap { column in column.unitText.map { "\(string(column.name)):\(string($0))" } }
        var out = "{\"name\":\(string(table.name)),\"title\":\(string(table.title)),"
        out += "\"key\":\(string(table.key)),\n"
        out += "\"sources\":[\(sources.joined(separator: ","))],\n"
        out += "\"columns\":[\(columns.map { string($0.name) }.joined(separator: ","))],\n"
        out += "\"units\":{\(units.joined(separator: ","))},\n"
        out += "\"derived\":[\(columns.filter(\.derived).map { string($0.name) }.joined(separator: ","))],\n"
        out += "\"rows\":["
        let lines = rows(of: table).map { row in
            "{" + columns.map { column in
                let value: String
                switch cell(row[column.name], unit: column.unit) {
                case .missing: value = "null"
                case .number(let number): value = jsonNumber(number)
                case .range(let low, let high): value = "[\(jsonNumber(low)),\(jsonNumber(high))]"
                case .bool(let flag): value = flag ? "true" : "false"
                case .text(let text): value = string(text)
                }
                return "\(string(column.name)):\(value)"
            }.joined(separator: ",") + "}"
        }
        out += lines.isEmpty ? "]}\n" : "\n" + lines.joined(separator: ",\n") + "\n]}\n"
        return out
    }

    static func jsonNumber(_ value: Double) -> String {
        value.isFinite ? number(value) : "null"
    }

    /// A JSON string literal (`DiagnosticFormat.jsonString`).
    static func string(_ text: String) -> String {
        DiagnosticFormat.jsonString(text)
    }
}
