import Foundation
import Diagnostics
import Tables
import Testing

/// The Epoch AI "Notable AI Models" export of 2025-02-24 (CC BY 4.0), kept beside the repository
/// in `shared/data/`. Expected figures come from Python's `csv` module on the same file.
@Suite struct EpochDataTests {
    static var url: URL {
        // Tests/TablesTests/EpochDataTests.swift → the repository root → ../shared/data.
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/epoch_notable_ai_models_2025-02-24.csv").standardized
    }
    static let file = "data/epoch_notable_ai_models_2025-02-24.csv"

    @Test func readsEveryRecordOfTheEpochModelsFile() throws {
        let bytes = try Data(contentsOf: Self.url)
        let records = try CSVReader.read(utf8: bytes, file: Self.file)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.utf8.count { $0 == UInt8(ascii: "\n") } == 6559)
        #expect(text.hasSuffix("\n"))
        #expect(records.count == 1 + 895)
        #expect(records.allSatisfy { $0.cells.count == 42 })
        #expect(records.prefix(4).map(\.line) == [1, 2, 5, 6])
        #expect(records.last?.line == 6559)
        #expect(records.last?.cells.first == CSVCell(
            text: "Theseus", location: Diagnostics.SourceLocation(file: Self.file, line: 6559, column: 1)))
    }

    @Test func typesTheEpochModelsFile() throws {
        let bytes = try Data(contentsOf: Self.url)
        let table = try DataTable.parse(utf8: bytes, file: Self.file, name: "epoch")
        #expect(table.columns.count == 42)
        #expect(table.rows.count == 895)
        let palm = try #require(table.row(key: "PaLM (540B)"))
        #expect(palm.line == 2328)
        let parameters = try #require(table.column(named: "Parameters"))
        let compute = try #require(table.column(named: "Training compute (FLOP)"))
        let date = try #require(table.column(named: "Publication date"))
        guard case .number(540_350_000_000, _) = palm.cells[parameters] else {
            Issue.record("Parameters: \(palm.cells[parameters])")
            return
        }
        guard case .number(2.5272e24, _) = palm.cells[compute] else {
            Issue.record("Training compute: \(palm.cells[compute])")
            return
        }
        guard case .date("2022-04-04", _) = palm.cells[date] else {
            Issue.record("Publication date: \(palm.cells[date])")
            return
        }
    }
}
