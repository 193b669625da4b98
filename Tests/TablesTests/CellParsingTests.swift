import Diagnostics
import Tables
import Testing

private let here = Diagnostics.SourceLocation(file: "content/data/t.csv", line: 2, column: 3)

@Suite struct CellParsingTests {
    @Test(arguments: [
        ("1.2e9", 1.2e9), ("-0.5", -0.5), ("+3", 3), (".5", 0.5), ("1E-3", 0.001), ("0", 0),
        ("1,200", 1200), ("1,234,567.5", 1_234_567.5), ("-12,345e2", -1_234_500), ("671000000000.0", 671e9),
        ("4.64e+26", 4.64e26),
    ])
    func plainNumbersParse(text: String, value: Double) {
        #expect(Cell.parseNumber(text) == value)
    }

    @Test(arguments: [
        "1,2", "12,34", "1,2345", "1234,567", ",100", "1,,200", "1.", "1e", "e5", "-", "+", ".", "",
        "1 000", "inf", "nan", "0x10", "175B", "1e400", "1.2.3", "--1", "1,200.", "١٢٣",
    ])
    func otherTextIsNotANumber(text: String) {
        #expect(Cell.parseNumber(text) == nil)
    }

    @Test func cellValuesAreTypedAfterTrimmingSpaces() throws {
        #expect(try Cell.parseCellValue(" 42\t", at: here) == .number(42, here))
        #expect(try Cell.parseCellValue("2024-02-29", at: here) == .date("2024-02-29", here))
        #expect(try Cell.parseCellValue(" 2000-02-29 ", at: here) == .date("2000-02-29", here))
        #expect(try Cell.parseCellValue("2023-04", at: here) == .text("2023-04", here))
        #expect(try Cell.parseCellValue("2023", at: here) == .number(2023, here))
        #expect(try Cell.parseCellValue("2023-4-30", at: here) == .text("2023-4-30", here))
        #expect(try Cell.parseCellValue(" hello ", at: here) == .text(" hello ", here))
        #expect(try Cell.parseCellValue("  ", at: here) == .missing)
        #expect(try Cell.parseCellValue("", at: here) == .missing)
    }

    @Test func impossibleDatesAreErrors() {
        #expect(throws: DiagnosticError(.error("`1900-02-29` is not a valid date: 1900-02 has 28 days", at: here))) {
            try Cell.parseCellValue("1900-02-29", at: here)
        }
        #expect(throws: DiagnosticError(.error("`2023-04-31` is not a valid date: 2023-04 has 30 days", at: here))) {
            try Cell.parseCellValue("2023-04-31", at: here)
        }
        #expect(throws: DiagnosticError(.error("`2023-00-10` is not a valid date: the month must be 01 to 12", at: here))) {
            try Cell.parseCellValue("2023-00-10", at: here)
        }
        #expect(throws: DiagnosticError(.error("`2023-01-00` is not a valid date: 2023-01 has 31 days", at: here))) {
            try Cell.parseCellValue("2023-01-00", at: here)
        }
    }
}
