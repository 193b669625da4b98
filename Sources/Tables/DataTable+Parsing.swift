import Diagnostics
import Quantities

extension DataTable {
    /// Types a table from CSV text (RFC 4180, read by `CSVReader`).
    ///
    /// The first record is the header: one column per cell, written `name` or `name [unit]`.
    /// Every other record is a row. Cells are typed by `Cell.parseCellValue(_:at:)`; in a column
    /// with a unit every non-empty cell must be a number.
    ///
    /// - Parameters:
    ///   - text: The whole CSV file.
    ///   - file: Project-relative path used in every location, e.g. `content/data/models.csv`.
    ///   - name: The table's name, e.g. `models`.
    ///   - key: The key column's name (declared in the sidecar `NAME.yaml`); nil for the first.
    /// - Returns: The table.
    /// - Throws: `DiagnosticError` with every problem found, sorted by location: the reader's
    ///   syntax errors (alone: typing needs well-formed records); or an empty file; header errors
    ///   (see `Column`); a duplicate column name (at the second); a `key` naming no column; a
    ///   record with too few cells (just after its last cell) or too many (at the first extra);
    ///   an empty key (at the key cell); a duplicate key (at the second, naming the first's
    ///   line); a non-number in a column with a unit (at the cell); an impossible date.
    public static func parse(
        _ text: String, file: String, name: String, key: String? = nil
    ) throws(DiagnosticError) -> DataTable {
        let records = try CSVReader.read(text, file: file)
        guard let header = records.first else {
            throw DiagnosticError(.error("empty table: the first line must name the columns", at: SourceLocation(file: file)))
        }
        var diagnostics: [Diagnostic] = []

        var columns: [Column] = []
        var firstColumn: [String: Column] = [:]
        for cell in header.cells {
            let (column, problems) = Column.parse(header: cell)
            diagnostics += problems
            if !column.name.isEmpty {
                if let first = firstColumn[column.name] {
                    diagnostics.append(.error(
                        "duplicate column `\(column.name)`: rename it (the first is at line \(first.location.line), column \(first.location.column))",
                        at: column.location))
                } else {
                    firstColumn[column.name] = column
                }
            }
            columns.append(column)
        }

        var keyColumn = 0
        if let key {
            if let index = columns.firstIndex(where: { $0.name == key }) {
                keyColumn = index
            } else {
                let names = columns.map { "`\($0.name)`" }.joined(separator: ", ")
                diagnostics.append(.error(
                    "no column `\(key)` for the key: the header has \(names)",
                    at: header.cells[0].location))
                throw DiagnosticError(diagnostics.sorted())
            }
        }
        let keyName = columns[keyColumn].name

        var rows: [Row] = []
        var keyLines: [String: Int] = [:]
        for record in records.dropFirst() {
            let cells = record.cells
            if cells.count < columns.count {
                diagnostics.append(.error(
                    "row has \(cells.count) \(cells.count == 1 ? "cell" : "cells") but the header has \(columns.count): add the missing cells (leave a cell empty for a missing value)",
                    at: cells[cells.count - 1].endLocation))
            } else if cells.count > columns.count {
                diagnostics.append(.error(
                    "row has \(cells.count) cells but the header has \(columns.count): remove the extra cells, or quote a cell that contains a comma",
                    at: cells[columns.count].location))
            }

            var rowKey = ""
            if keyColumn < cells.count {
                let keyCell = cells[keyColumn]
                rowKey = String(keyCell.text.trimmingSpaces)
                if rowKey.isEmpty {
                    diagnostics.append(.error(
                        "empty key: every row needs a value in the key column `\(keyName)`", at: keyCell.location))
                } else if let firstLine = keyLines[rowKey] {
                    diagnostics.append(.error(
                        "duplicate key `\(rowKey)`: line \(firstLine) has the same key; keys must be unique",
                        at: keyCell.location))
                } else {
                    keyLines[rowKey] = record.line
                }
            }

            var values: [Cell] = []
            values.reserveCapacity(columns.count)
            for (index, column) in columns.enumerated() {
                guard index < cells.count else {
                    values.append(.missing)
                    continue
                }
                let cell = cells[index]
                if let unit = column.unit {
                    // A column with a unit: every non-empty cell is a quantity in that unit.
                    let trimmed = cell.text.trimmingSpaces
                    if trimmed.isEmpty {
                        values.append(.missing)
                        continue
                    }
                    guard let quantityUnit = column.quantityUnit else {
                        values.append(.missing)  // the header's unit is unknown: reported there
                        continue
                    }
                    do {
                        values.append(.quantity(try Quantity.parse(String(trimmed), unit: quantityUnit), cell.location))
                    } catch {
                        values.append(.missing)
                        if error.offset == 0 {
                            diagnostics.append(.error(
                                "`\(trimmed)` is not a number; column `\(column.name)` has unit \(unit)", at: cell.location))
                        } else {
                            let start = cell.text.firstIndex(where: { !$0.isSpace }) ?? cell.text.startIndex
                            let at = cell.text.index(start, offsetBy: min(error.offset, trimmed.count))
                            diagnostics.append(.error("`\(trimmed)` in column `\(column.name)` [\(unit)]: \(error.message)",
                                                      at: cell.location(at: at)))
                        }
                    }
                    continue
                }
                do {
                    values.append(try Cell.parseCellValue(cell.text, at: cell.location))
                } catch {
                    diagnostics += error.diagnostics
                    values.append(.missing)
                }
            }
            rows.append(Row(key: rowKey, cells: values, line: record.line))
        }

        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics.sorted()) }
        return DataTable(name: name, file: file, columns: columns, keyColumn: keyColumn, rows: rows)
    }

    /// Types a table from the bytes of a CSV file, which must be UTF-8; as `parse(_:file:name:key:)`.
    ///
    /// - Throws: `DiagnosticError`: a file-level diagnostic for invalid UTF-8, or as
    ///   `parse(_:file:name:key:)`.
    public static func parse(
        utf8 bytes: some Collection<UInt8>, file: String, name: String, key: String? = nil
    ) throws(DiagnosticError) -> DataTable {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(CSVReader.invalidUTF8(bytes, file: file))
        }
        return try parse(text, file: file, name: name, key: key)
    }
}
