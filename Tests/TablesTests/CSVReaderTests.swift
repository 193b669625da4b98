import Diagnostics
import Tables
import Testing

private let file = "content/data/t.csv"

private func at(_ line: Int, _ column: Int) -> Diagnostics.SourceLocation {
    Diagnostics.SourceLocation(file: file, line: line, column: column)
}

private func cell(_ text: String, _ line: Int, _ column: Int, quoted: Bool = false) -> CSVCell {
    CSVCell(text: text, location: at(line, column), quoted: quoted)
}

@Suite struct CSVReaderTests {
    @Test func readsCellsWithTheirPositions() throws {
        let records = try CSVReader.read("a,bc\n1,2\n", file: file)
        #expect(records == [
            CSVRecord(cells: [cell("a", 1, 1), cell("bc", 1, 3)], line: 1),
            CSVRecord(cells: [cell("1", 2, 1), cell("2", 2, 3)], line: 2),
        ])
    }

    @Test func aCellAfterAMultiLineCellIsOnTheLineWhereItStarts() throws {
        let records = try CSVReader.read("k,\"multi\nline\",v\nk2,w,x\n", file: file)
        #expect(records == [
            CSVRecord(cells: [cell("k", 1, 1), cell("multi\nline", 1, 3, quoted: true), cell("v", 2, 7)], line: 1),
            CSVRecord(cells: [cell("k2", 3, 1), cell("w", 3, 4), cell("x", 3, 6)], line: 3),
        ])
    }

    @Test func aQuotedCRLFStaysInTheCellAndCountsAsOneLineBreak() throws {
        let records = try CSVReader.read("a,\"x\r\ny\",b\r\nc,d\r\n", file: file)
        #expect(records == [
            CSVRecord(cells: [cell("a", 1, 1), cell("x\r\ny", 1, 3, quoted: true), cell("b", 2, 4)], line: 1),
            CSVRecord(cells: [cell("c", 3, 1), cell("d", 3, 3)], line: 3),
        ])
    }

    @Test func doubledQuotesBecomeOneQuoteAndCommasInQuotesAreText() throws {
        let records = try CSVReader.read("\"say \"\"hi\"\"\",x,\"a,b\"\n", file: file)
        #expect(records == [
            CSVRecord(cells: [
                cell("say \"hi\"", 1, 1, quoted: true), cell("x", 1, 14), cell("a,b", 1, 16, quoted: true),
            ], line: 1),
        ])
    }

    @Test func aPositionInsideAQuotedCellCountsQuotesTwiceAndFollowsLineBreaks() throws {
        let quoted = cell("say \"hi\"\nok", 3, 5, quoted: true)
        let text = quoted.text
        // `"say ""hi""` then a line break, then `ok"`.
        #expect(quoted.location(at: text.firstIndex(of: "h")!) == at(3, 12))
        #expect(quoted.location(at: text.firstIndex(of: "o")!) == at(4, 1))
        #expect(quoted.endLocation == at(4, 4))
        #expect(cell("abc", 2, 3).endLocation == at(2, 6))
    }

    @Test func aByteOrderMarkIsSkippedWithoutShiftingColumns() throws {
        let expected = [
            CSVRecord(cells: [cell("a", 1, 1), cell("b", 1, 3)], line: 1),
            CSVRecord(cells: [cell("1", 2, 1), cell("2", 2, 3)], line: 2),
        ]
        #expect(try CSVReader.read("\u{FEFF}a,b\n1,2", file: file) == expected)
        #expect(try CSVReader.read(utf8: [0xEF, 0xBB, 0xBF] + Array("a,b\n1,2".utf8), file: file) == expected)
    }

    @Test func crlfLineEndsAreNotPartOfCells() throws {
        let records = try CSVReader.read("a,b\r\n1,2\r\n", file: file)
        #expect(records == [
            CSVRecord(cells: [cell("a", 1, 1), cell("b", 1, 3)], line: 1),
            CSVRecord(cells: [cell("1", 2, 1), cell("2", 2, 3)], line: 2),
        ])
    }

    @Test func aLoneCarriageReturnIsText() throws {
        let records = try CSVReader.read("a\rb,c\n", file: file)
        #expect(records == [CSVRecord(cells: [cell("a\rb", 1, 1), cell("c", 1, 5)], line: 1)])
    }

    @Test func blankLinesAreSkippedInTheMiddleAndAtTheEnd() throws {
        #expect(try CSVReader.read("a\n\nb\n\n\n", file: file) == [
            CSVRecord(cells: [cell("a", 1, 1)], line: 1),
            CSVRecord(cells: [cell("b", 3, 1)], line: 3),
        ])
        #expect(try CSVReader.read("a\r\n\r\n\r\n", file: file) == [CSVRecord(cells: [cell("a", 1, 1)], line: 1)])
        #expect(try CSVReader.read("", file: file) == [])
        #expect(try CSVReader.read("\n\r\n", file: file) == [])
    }

    @Test func emptyCellsAndSpacesAreKept() throws {
        #expect(try CSVReader.read("a,,\n\"\", b \n", file: file) == [
            CSVRecord(cells: [cell("a", 1, 1), cell("", 1, 3), cell("", 1, 4)], line: 1),
            CSVRecord(cells: [cell("", 2, 1, quoted: true), cell(" b ", 2, 4)], line: 2),
        ])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let records = try CSVReader.read("名稱,參數\n模型甲,175\n👨‍👩‍👧,e\u{301},x\n", file: file)
        #expect(records == [
            CSVRecord(cells: [cell("名稱", 1, 1), cell("參數", 1, 4)], line: 1),
            CSVRecord(cells: [cell("模型甲", 2, 1), cell("175", 2, 5)], line: 2),
            CSVRecord(cells: [cell("👨‍👩‍👧", 3, 1), cell("e\u{301}", 3, 3), cell("x", 3, 5)], line: 3),
        ])
    }

    @Test func aBareQuoteIsAnErrorAtTheQuote() {
        #expect(throws: DiagnosticError(.error(
            "bare quote in an unquoted cell: enclose the cell in quotes and double the quote", at: at(2, 3)))) {
            try CSVReader.read("a,b\nab\"c\"d,e\n", file: file)
        }
    }

    @Test func textAfterAClosingQuoteIsAnErrorAtTheText() {
        #expect(throws: DiagnosticError(.error(
            "text after the closing quote: enclose the whole cell in quotes and double each quote inside it",
            at: at(1, 7)))) {
            try CSVReader.read("x,\"ab\"c,d\n", file: file)
        }
    }

    @Test func anUnterminatedQuotedCellIsAnErrorAtItsOpeningQuote() {
        #expect(throws: DiagnosticError(.error(
            "quoted cell is never closed: add the closing quote", at: at(1, 3)))) {
            try CSVReader.read("a,\"bc\nd,e\n", file: file)
        }
    }

    @Test func everySyntaxErrorIsReportedTogether() {
        #expect(throws: DiagnosticError([
            .error("bare quote in an unquoted cell: enclose the cell in quotes and double the quote", at: at(1, 2)),
            .error("text after the closing quote: enclose the whole cell in quotes and double each quote inside it",
                   at: at(1, 8)),
            .error("bare quote in an unquoted cell: enclose the cell in quotes and double the quote", at: at(2, 3)),
            .error("quoted cell is never closed: add the closing quote", at: at(3, 1)),
        ])) {
            try CSVReader.read("x\"y,\"a\"b\n參數\"\n\"open\n", file: file)
        }
    }

    @Test func invalidUTF8IsAFileLevelError() {
        #expect(throws: DiagnosticError(.error(
            "file is not valid UTF-8 (first bad byte on line 2, byte offset 4): save it as UTF-8",
            at: Diagnostics.SourceLocation(file: file)))) {
            try CSVReader.read(utf8: Array("a,b\n".utf8) + [0xFF] + Array(",c\n".utf8), file: file)
        }
    }
}
