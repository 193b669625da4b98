import Diagnostics
import Quantities

extension Cell {
    /// Types one cell's text in a column without a unit (a column with a unit parses every cell
    /// as a quantity in that unit, see `DataTable.parse`).
    ///
    /// Spaces and tabs around the text are ignored for typing. In order:
    /// - nothing left → `.missing`;
    /// - a plain number (`parseNumber`) → `.number`;
    /// - `YYYY-MM-DD` with a real month and day (`parseDate`) → `.date`;
    /// - a scaled number or range (`Quantity.parse`: `175B`, `1750億`, `9e6..17e6`, `$12M`) →
    ///   `.number` for a plain point value, else `.quantity`;
    /// - otherwise → `.text` with the text exactly as given.
    ///
    /// - Parameters:
    ///   - text: The cell's text, quotes already removed (`CSVCell.text`).
    ///   - location: Where the cell starts; carried by the result and used in errors.
    /// - Throws: `DiagnosticError` with one diagnostic at `location` when the text has the shape
    ///   of a date but names no real day (`2023-02-30`, `2023-13-01`).
    public static func parseCellValue(_ text: String, at location: SourceLocation) throws(DiagnosticError) -> Cell {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return .missing }
        if let number = parseNumber(trimmed) { return .number(number, location) }
        switch parseDate(trimmed) {
        case .valid: return .date(String(trimmed), location)
        case .invalid(let reason):
            throw DiagnosticError(.error("`\(trimmed)` is not a valid date: \(reason)", at: location))
        case .notADate:
            // Scaled numbers and ranges (`175B`, `1750億`, `9e6..17e6`, `$12M`).
            if let quantity = try? Quantity.parse(String(trimmed)) {
                if !quantity.isRange && quantity.unit.isDimensionless && quantity.unit.factor == 1 {
                    return .number(quantity.lower, location)
                }
                return .quantity(quantity, location)
            }
            return .text(text, location)
        }
    }

    /// Parses a plain number, independent of locale.
    ///
    /// Grammar: `[+-] integer [. digits] [(e|E) [+-] digits]`, or `[+-] . digits [exponent]`,
    /// where `integer` is digits, or 1–3 digits followed by groups of `,` and exactly three
    /// digits (`1,200`, `1,234,567.5`; not `1,2` or `12,34`). No `inf`, `nan`, hex or spaces.
    ///
    /// - Returns: The value, or nil when the text is not such a number or overflows a Double.
    public static func parseNumber(_ text: some StringProtocol) -> Double? {
        let utf8 = Array(text.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(utf8.count)
        var i = 0
        func isDigit(_ at: Int) -> Bool { at < utf8.count && utf8[at] >= 0x30 && utf8[at] <= 0x39 }

        if i < utf8.count && (utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-")) {
            digits.append(utf8[i])
            i += 1
        }
        // Integer part, with optional thousands groups.
        var integerDigits = 0
        while isDigit(i) {
            digits.append(utf8[i])
            integerDigits += 1
            i += 1
        }
        if i < utf8.count && utf8[i] == UInt8(ascii: ",") {
            guard (1...3).contains(integerDigits) else { return nil }
            while i < utf8.count && utf8[i] == UInt8(ascii: ",") {
                guard isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) else { return nil }
                digits.append(contentsOf: utf8[(i + 1)...(i + 3)])
                i += 4
            }
        }
        // Fraction.
        var fractionDigits = 0
        if i < utf8.count && utf8[i] == UInt8(ascii: ".") {
            digits.append(utf8[i])
            i += 1
            while isDigit(i) {
                digits.append(utf8[i])
                fractionDigits += 1
                i += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        // Exponent.
        if i < utf8.count && (utf8[i] == UInt8(ascii: "e") || utf8[i] == UInt8(ascii: "E")) {
            digits.append(utf8[i])
            i += 1
            if i < utf8.count && (utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-")) {
                digits.append(utf8[i])
                i += 1
            }
            guard isDigit(i) else { return nil }
            while isDigit(i) {
                digits.append(utf8[i])
                i += 1
            }
        }
        guard i == utf8.count else { return nil }
        // Swift's Double(String) parses in the C locale whatever the process locale.
        guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// The outcome of reading a cell as an ISO 8601 calendar date.
    enum DateShape: Equatable {
        case valid
        /// `YYYY-MM-DD` in shape, but no such day; the reason reads as the end of a sentence.
        case invalid(String)
        case notADate
    }

    /// Checks `YYYY-MM-DD` (ISO 8601 extended calendar date, proleptic Gregorian calendar):
    /// month 01–12, day within the month, February 29 only in leap years.
    static func parseDate(_ text: some StringProtocol) -> DateShape {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return .notADate }
        func value(_ range: Range<Int>) -> Int? {
            var result = 0
            for i in range {
                guard utf8[i] >= 0x30 && utf8[i] <= 0x39 else { return nil }
                result = result * 10 + Int(utf8[i] - 0x30)
            }
            return result
        }
        guard let year = value(0..<4), let month = value(5..<7), let day = value(8..<10) else { return .notADate }
        guard (1...12).contains(month) else { return .invalid("the month must be 01 to 12") }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        let monthText = String(decoding: utf8[0..<7], as: UTF8.self)
        guard (1...days).contains(day) else { return .invalid("\(monthText) has \(days) days") }
        return .valid
    }
}
