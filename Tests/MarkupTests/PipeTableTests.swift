@testable import Markup
import Testing

/// GitHub Flavored Markdown §4.10: rows split at unescaped pipes, cells trimmed, the delimiter
/// row's colons giving each column's alignment.
@Suite struct PipeTableTests {
    func cells(_ line: Substring) -> [String] {
        PipeTable.splitCells(line).map { "\($0.text)@\($0.byteOffset)" }
    }

    @Test func splitsAtPipesAndTrimsEachCellKeepingItsOffset() {
        #expect(cells("| a | b |") == ["a@2", "b@6"])
        #expect(cells("a|b") == ["a@0", "b@2"])
        #expect(cells("  |\tx  | y") == ["x@4", "y@9"])
        #expect(cells("| a | |") == ["a@2", "@6"])
        #expect(cells("| a |   ") == ["a@2"])
        #expect(cells("") == ["@0"])
        #expect(cells("|") == ["@1"])
    }

    @Test func anEscapedPipeStaysInItsCell() {
        #expect(cells("|  x \\| y  |  ") == ["x | y@3"])
        #expect(cells("a \\|| b") == ["a |@0", "b@6"])
        #expect(cells("\\|") == ["|@0"])
        #expect(cells("a \\ | b") == ["a \\@0", "b@6"])
    }

    @Test func cellsOfNonASCIITextKeepTheirByteOffsets() {
        #expect(cells("| 晶片 | é |") == ["晶片@2", "é@11"])
    }

    @Test func theDelimiterRowGivesAlignmentsOrNoTable() {
        func alignments(_ delimiter: Substring) -> [PipeTable.Alignment]? {
            PipeTable(lines: ["| a | b |", delimiter])?.alignments
        }
        #expect(alignments("| :-- | --: |") == [.left, .right])
        #expect(alignments("|:-:|---|") == [.center, .none])
        #expect(alignments("| ::--:: | - |") == [.center, .none])
        #expect(alignments("| : | - |") == nil)
        #expect(alignments("| -:- | - |") == nil)
        #expect(alignments("| --- |") == nil, "one cell for two columns")
        #expect(alignments("| -- | x |") == nil)
    }

    @Test func shortRowsArePaddedAndLongOnesCut() throws {
        let table = try #require(PipeTable(lines: ["a | b", "--|--", "1", "1 | 2 | 3"]))
        #expect(table.rows.map { $0.map(\.text) } == [["1", ""], ["1", "2"]])
        #expect(table.rows[0][1].byteOffset == 1)
    }
}
