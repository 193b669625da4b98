import Diagnostics
import Formulas
import Foundation
import Quantities
import Tables
import Yams

/// The data tables of a site as formula values (the compute phase): every `content/data/*.csv`
/// typed with its units, named for formulas, with its sidecar's sources and derived columns.
///
/// A table is a list of records, one per row, each field a value (a quantity in the column's
/// unit, a number, a string, or `null` for a missing cell), the key first. Each row record has
/// the origin `NAME[KEY]`, so a figure's trace names the cells it read.
struct DataCatalog: Sendable {
    struct Table: Sendable {
        /// The name formulas use: the sidecar's `name`, or the file stem with every character
        /// that is not a letter, digit or `_` turned into `_`.
        var name: String
        var file: String
        var title: String
        var sources: [(title: String, url: String)]
        var value: Value
        var rows: Int
        /// The columns in file order, then the derived columns in the sidecar's order (for the
        /// data downloads, see `DataDownloads`).
        var columns: [Column] = []
        /// The key column's name.
        var key = ""
    }

    /// A column of a table: its name, the unit of its header (nil for none, and for derived
    /// columns, whose unit comes from their values) and whether a sidecar formula computes it.
    struct Column: Sendable, Equatable {
        var name: String
        var unitText: String?
        var unit: Quantities.Unit?
        var derived = false
    }

    var tables: [Table] = []

    /// Name → table value, for scopes.
    var variables: [String: Value] {
        Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.value) })
    }

    func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// Types and names every table; evaluates derived columns in file order (a derived column may
    /// read the tables before its own, and its own row's columns).
    ///
    /// - Parameters:
    ///   - csv: (path, bytes) of each `content/data/*.csv`, sorted by path.
    ///   - sidecars: path → text of each `content/data/NAME.yaml`.
    static func make(csv: [(String, [UInt8])], sidecars: [String: String]) -> (DataCatalog, [Diagnostic]) {
        var catalog = DataCatalog()
        var diagnostics: [Diagnostic] = []
        for (path, bytes) in csv {
            let stem = String(path.split(separator: "/").last!.dropLast(4))
            let sidecarPath = String(path.dropLast(4)) + ".yaml"
            var sidecar = Sidecar(name: identifier(stem))
            if let text = sidecars[sidecarPath] {
                do {
                    sidecar = try Sidecar.parse(text, file: sidecarPath, defaultName: identifier(stem))
                } catch {
                    diagnostics += error.diagnostics
                }
            }
            let table: DataTable
            do {
                table = try DataTable.parse(utf8: bytes, file: path, name: sidecar.name, key: sidecar.key)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            // The key column comes first in each record: row lookup (`models["PaLM"]`) keys on it.
            let order = [table.keyColumn] + table.columns.indices.filter { $0 != table.keyColumn }
            var rows = table.rows.map { row in
                var record = Record(order.map { (table.columns[$0].name, value(of: row.cells[$0])) })
                record.origin = "\(sidecar.name)[\(row.key)]"
                return record
            }
            let scope = Scope(variables: catalog.variables)
            for derived in sidecar.derived {
                if table.columns.contains(where: { $0.name == derived.name }) {
                    diagnostics.append(.error("derived column `\(derived.name)` is also a column of \(path): rename one",
                                              at: derived.expression.location))
                    continue
                }
                // A column named like a table (models' `hardware`) leaves the name to the
                // table; the column is still `row.hardware`.
                let bindable = Set(rows.first?.keys.filter { isIdentifier($0) && scope.value(of: $0) == nil } ?? [])
                rows = rows.map { row in
                    let scope = scope.binding([("row", .record(row))] + row.fields.filter { bindable.contains($0.0) })
                    do throws(FormulaError) {
                        return row.setting(derived.name, to: try derived.expression.evaluate(in: scope))
                    } catch {
                        diagnostics.append(error.diagnostic)
                        return row.setting(derived.name, to: .null)
                    }
                }
            }
            let columns = table.columns.map { Column(name: $0.name, unitText: $0.unit, unit: $0.quantityUnit) }
                + sidecar.derived.filter { derived in !table.columns.contains { $0.name == derived.name } }
                    .map { Column(name: $0.name, derived: true) }
            catalog.tables.append(Table(name: sidecar.name, file: path, title: sidecar.title ?? stem,
                                        sources: sidecar.sources, value: .list(rows.map(Value.record)),
                                        rows: rows.count, columns: columns,
                                        key: table.columns[table.keyColumn].name))
        }
        var names: [String: String] = [:]
        for table in catalog.tables {
            if let first = names[table.name] {
                diagnostics.append(.error("\(table.file) and \(first) are both named `\(table.name)`: give one a `name:` in its sidecar",
                                          at: SourceLocation(file: table.file)))
            }
            names[table.name] = table.file
        }
        return (catalog, diagnostics)
    }

    static func value(of cell: Cell) -> Value {
        switch cell {
        case .missing: return .null
        case .number(let number, _): return .number(number)
        case .quantity(let quantity, _): return Value(quantity)
        case .date(let text, _), .text(let text, _): return .string(text)
        }
    }

    /// `epoch_notable-models 2025` → `epoch_notable_models_2025`; a leading digit gets `t_`.
    static func identifier(_ text: String) -> String {
        var result = String(text.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if result.first?.isNumber ?? true { result = "t_" + result }
        return result
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

/// `content/data/NAME.yaml`, beside `NAME.csv`:
///
/// ```yaml
/// name: models                 # the table's name in formulas (default: from the file name)
/// key: name                    # the key column (default: the first)
/// title: Notable models
/// sources:
///   - { title: "Epoch AI, Notable AI Models", url: "https://epoch.ai/data" }
/// derived:                     # a formula per row; the row's columns are names in it
///                              # (a column named like a table is `row.name`; the table wins)
///   compute_6nd: training_flops(parameters, training_tokens)
/// ```
struct Sidecar {
    struct Derived {
        var name: String
        var expression: Formulas.Expression
    }

    var name: String
    var key: String?
    var title: String?
    var sources: [(title: String, url: String)] = []
    var derived: [Derived] = []

    init(name: String) {
        self.name = name
    }

    static let keys: Set<String> = ["name", "key", "title", "sources", "derived", "description"]

    static func parse(_ text: String, file: String, defaultName: String) throws(DiagnosticError) -> Sidecar {
        let reader = YAMLReader(file: file, firstLine: 1)
        let root = try reader.parse(text)
        var diagnostics: [Diagnostic] = []
        var sidecar = Sidecar(name: defaultName)
        for (key, value, location) in reader.fields(of: root, diagnostics: &diagnostics) {
            switch key {
            case "name":
                let name = reader.string(value, key: key, diagnostics: &diagnostics) ?? defaultName
                if DataCatalog.isIdentifier(name) {
                    sidecar.name = name
                } else {
                    diagnostics.append(.error("table name `\(name)` must be letters, digits and `_`, not starting with a digit",
                                              at: reader.location(of: value.mark)))
                }
            case "key":
                sidecar.key = reader.string(value, key: key, diagnostics: &diagnostics)
            case "title":
                sidecar.title = reader.string(value, key: key, diagnostics: &diagnostics)
            case "description":
                _ = reader.string(value, key: key, diagnostics: &diagnostics)
            case "sources":
                guard case .sequence(let items) = value else {
                    diagnostics.append(.error("`sources` must be a list of `{ title, url }`", at: reader.location(of: value.mark)))
                    break
                }
                for item in items {
                    var source = (title: "", url: "")
                    for (field, fieldValue, fieldLocation) in reader.fields(of: item, diagnostics: &diagnostics) {
                        let text = reader.string(fieldValue, key: field, diagnostics: &diagnostics) ?? ""
                        switch field {
                        case "title": source.title = text
                        case "url": source.url = text
                        default: diagnostics.append(.error("unknown source field `\(field)`: use title and url", at: fieldLocation))
                        }
                    }
                    sidecar.sources.append(source)
                }
            case "derived":
                for (name, formula, nameLocation) in reader.fields(of: value, diagnostics: &diagnostics) {
                    guard DataCatalog.isIdentifier(name) else {
                        diagnostics.append(.error("derived column `\(name)` must be letters, digits and `_`", at: nameLocation))
                        continue
                    }
                    guard case .scalar(let scalar) = formula else {
                        diagnostics.append(.error("the formula of `\(name)` must be one line of text", at: reader.location(of: formula.mark)))
                        continue
                    }
                    var start = reader.location(of: formula.mark)
                    if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { start = start.advanced(by: 1) }
                    do {
                        sidecar.derived.append(Derived(name: name, expression: try Formulas.Expression.parse(scalar.string, at: start)))
                    } catch {
                        diagnostics.append(error.diagnostic)
                    }
                }
            default:
                diagnostics.append(.error(unknownKeyMessage(key, known: keys), at: location))
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return sidecar
    }
}
