import Diagnostics
import Tables
import Quantities
import Testing

private let file = "content/data/models.csv"

private func at(_ line: Int, _ column: Int) -> Diagnostics.SourceLocation {
    Diagnostics.SourceLocation(file: file, line: line, column: column)
}

private func parse(_ text: String, key: String? = nil) throws(DiagnosticError) -> DataTable {
    try DataTable.parse(text, file: file, name: "models", key: key)
}

@Suite struct DataTableTests {
    static let models = """
        model,parameters [param],released, cost [ USD ]
        PaLM,540e9,2022-04-04,"1,200"
        GPT-3,"175,000,000,000",2020-05-28,
        Chinchilla,70e9,2022-03,-3.5

        """

    @Test func headerCellsGiveNamesUnitsAndLocations() throws {
        let table = try parse(Self.models)
        #expect(table.name == "models")
        #expect(table.file == file)
        #expect(table.keyColumn == 0)
        #expect(table.columns == [
            Column(name: "model", unit: nil, location: at(1, 1)),
            Column(name: "parameters", unit: "param", quantityUnit: .parameter, location: at(1, 7)),
            Column(name: "released", unit: nil, location: at(1, 26)),
            Column(name: "cost", unit: "USD", quantityUnit: .usd, location: at(1, 35)),
        ])
        #expect(table.column(named: "released") == 2)
        #expect(table.column(named: "Released") == nil)
    }

    /// Cells of a column with a unit are quantities in it; the others numbers, dates, text.
    @Test func cellsAreTypedAsNumbersDatesTextOrMissing() throws {
        let table = try parse(Self.models)
        #expect(table.rows.map(\.key) == ["PaLM", "GPT-3", "Chinchilla"])
        #expect(table.rows.map(\.line) == [2, 3, 4])
        #expect(table.rows[0].cells == [
            .text("PaLM", at(2, 1)), .quantity(Quantity(540e9, .parameter), at(2, 6)), .date("2022-04-04", at(2, 12)),
            .quantity(Quantity(1200, .usd), at(2, 23)),
        ])
        #expect(table.rows[1].cells == [
            .text("GPT-3", at(3, 1)), .quantity(Quantity(175e9, .parameter), at(3, 7)), .date("2020-05-28", at(3, 25)), .missing,
        ])
        #expect(table.rows[2].cells == [
            .text("Chinchilla", at(4, 1)), .quantity(Quantity(70e9, .parameter), at(4, 12)), .text("2022-03", at(4, 17)),
            .quantity(Quantity(-3.5, .usd), at(4, 25)),
        ])
        #expect(table.row(key: "GPT-3")?.line == 3)
        #expect(table.row(key: "gpt-3") == nil)
    }

    @Test func aDeclaredKeyColumnKeysTheRows() throws {
        let table = try parse("name,id\nPaLM,p\nGopher,g\n", key: "id")
        #expect(table.keyColumn == 1)
        #expect(table.rows.map(\.key) == ["p", "g"])
        #expect(table.row(key: "g")?.cells.first == .text("Gopher", at(3, 1)))
    }

    @Test func aDeclaredKeyThatNamesNoColumnIsAnError() {
        #expect(throws: DiagnosticError(.error("no column `id` for the key: the header has `name`, `size`", at: at(1, 1)))) {
            try parse("name,size\nPaLM,1\n", key: "id")
        }
    }

    @Test func keysAreTrimmedAndRowsStayFindableAfterChanges() throws {
        var table = try parse("model,n\n  PaLM ,1\n")
        #expect(table.rows[0].key == "PaLM")
        table.rows.append(Row(key: "Gopher", cells: [.text("Gopher", at(3, 1)), .missing], line: 3))
        #expect(table.row(key: "Gopher")?.line == 3)
    }

    @Test func aRowWithTooFewCellsIsAnErrorJustAfterItsLastCell() {
        #expect(throws: DiagnosticError([
            .error("row has 2 cells but the header has 3: add the missing cells (leave a cell empty for a missing value)",
                   at: at(2, 4)),
            .error("row has 2 cells but the header has 3: add the missing cells (leave a cell empty for a missing value)",
                   at: at(3, 6)),
            .error("row has 1 cell but the header has 3: add the missing cells (leave a cell empty for a missing value)",
                   at: at(4, 3)),
        ])) {
            try parse("a,b,c\nx,y\nz,\"w\"\nab\n")
        }
    }

    @Test func aRowWithTooManyCellsIsAnErrorAtTheFirstExtraCell() {
        #expect(throws: DiagnosticError(.error(
            "row has 5 cells but the header has 3: remove the extra cells, or quote a cell that contains a comma",
            at: at(2, 7)))) {
            try parse("a,b,c\nx,y,z,1,2\n")
        }
    }

    @Test func aDuplicateColumnNameIsAnErrorAtTheSecond() {
        #expect(throws: DiagnosticError(.error(
            "duplicate column `a`: rename it (the first is at line 1, column 1)", at: at(1, 5)))) {
            try parse("a,b,a [USD]\n")
        }
    }

    @Test func anEmptyColumnNameIsAnError() {
        #expect(throws: DiagnosticError([
            .error("empty column name: name every column in the header row", at: at(1, 3)),
            .error("empty column name: name every column in the header row", at: at(1, 4)),
        ])) {
            try parse("a,, [USD]\n")
        }
    }

    @Test func malformedUnitBracketsAreErrorsAtTheBracket() {
        #expect(throws: DiagnosticError([
            .error("unit bracket is never closed in the header `cost [USD`: close it with `]`", at: at(1, 11)),
            .error("`]` without `[` in the header `size]`: write the unit as `name [unit]`", at: at(1, 20)),
            .error("empty unit in the header `t []`: write the unit, as in `cost [USD]`, or drop the brackets",
                   at: at(1, 24)),
            .error("unknown unit in the header `w [kg] net`: unknown unit `kg`: known units include FLOP, FLOP/s, s, h, day, month, year, J, W, kWh, PF-day, param, token, chip, byte, GB, a currency code (USD) and SI prefixes (TFLOP/s)",
                   at: at(1, 30)),
            .error("text after the unit in the header `w [kg] net`: the unit comes last, as in `cost [USD]`",
                   at: at(1, 34)),
            .error("unknown unit in the header `v [a [b]`: unknown unit `a`: known units include FLOP, FLOP/s, s, h, day, month, year, J, W, kWh, PF-day, param, token, chip, byte, GB, a currency code (USD) and SI prefixes (TFLOP/s)",
                   at: at(1, 41)),
            .error("second `[` in the header `v [a [b]`: write one unit, as in `cost [USD]`", at: at(1, 43)),
        ])) {
            try parse("name,cost [USD,size],t [],w [kg] net,v [a [b]\n")
        }
    }

    @Test func aBracketInAQuotedMultiLineHeaderIsLocatedOnItsLine() {
        #expect(throws: DiagnosticError(.error(
            "unit bracket is never closed in the header `long\nname [m`: close it with `]`", at: at(2, 6)))) {
            try parse("key,\"long\nname [m\"\n")
        }
    }

    @Test func aDuplicateKeyIsAnErrorAtTheSecondNamingTheFirstLine() {
        #expect(throws: DiagnosticError(.error(
            "duplicate key `PaLM`: line 2 has the same key; keys must be unique", at: at(4, 1)))) {
            try parse("model,n\nPaLM,1\nGopher,2\nPaLM,3\n")
        }
    }

    @Test func anEmptyKeyIsAnError() {
        #expect(throws: DiagnosticError(.error(
            "empty key: every row needs a value in the key column `model`", at: at(2, 1)))) {
            try parse("model,n\n  ,1\n")
        }
    }

    @Test func aNonNumberInAColumnWithAUnitIsAnErrorAtTheCell() {
        #expect(throws: DiagnosticError([
            .error("`abc` is not a number; column `cost` has unit USD", at: at(2, 3)),
            .error("`2023-01-01` in column `cost` [USD]: unexpected `-` in a number: write numbers as 1.2e9, 1,200, 175B, 1750億 or 9e6..17e6",
                   at: at(3, 7)),
            .error("`1,2` in column `cost` [USD]: a thousands separator must be followed by three digits (1,200)", at: at(4, 5)),
        ])) {
            try parse("name,cost [USD]\nx,abc\ny,2023-01-01\nz,\"1,2\"\nw,\n")
        }
    }

    @Test func anImpossibleDateIsAnError() {
        #expect(throws: DiagnosticError([
            .error("`2023-02-29` is not a valid date: 2023-02 has 28 days", at: at(2, 3)),
            .error("`2023-13-01` is not a valid date: the month must be 01 to 12", at: at(4, 3)),
        ])) {
            try parse("k,d\nx,2023-02-29\ny,2024-02-29\nz,2023-13-01\n")
        }
    }

    @Test func everyErrorIsReportedTogetherSortedByLocation() {
        #expect(throws: DiagnosticError([
            .error("duplicate column `n`: rename it (the first is at line 1, column 3)", at: at(1, 5)),
            .error("`big` is not a number; column `cost` has unit USD", at: at(2, 7)),
            .error("row has 3 cells but the header has 4: add the missing cells (leave a cell empty for a missing value)",
                   at: at(3, 6)),
            .error("duplicate key `a`: line 2 has the same key; keys must be unique", at: at(4, 1)),
            .error("empty key: every row needs a value in the key column `k`", at: at(5, 1)),
        ])) {
            try parse("k,n,n,cost [USD]\na,1,2,big\nb,1,2\na,1,2,3\n,1,2,3\n")
        }
    }

    @Test func syntaxErrorsFromTheReaderComeAlone() {
        #expect(throws: DiagnosticError(.error(
            "quoted cell is never closed: add the closing quote", at: at(2, 1)))) {
            try parse("k,k\n\"a,1\n")
        }
    }

    @Test func anEmptyFileIsAnError() {
        #expect(throws: DiagnosticError(.error(
            "empty table: the first line must name the columns", at: Diagnostics.SourceLocation(file: file)))) {
            try parse("\n\n")
        }
    }

    @Test func invalidUTF8IsAFileLevelError() {
        #expect(throws: DiagnosticError(.error(
            "file is not valid UTF-8 (first bad byte on line 1, byte offset 2): save it as UTF-8",
            at: Diagnostics.SourceLocation(file: file)))) {
            try DataTable.parse(utf8: [0x61, 0x2C, 0xC3, 0x28], file: file, name: "models")
        }
    }
}
