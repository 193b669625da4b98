import Diagnostics

/// One cell of a CSV record, as written in the file: its text with the quoting removed, and where
/// it starts.
///
/// - `text`: the cell's characters; for a quoted cell, the text between the quotes with each `""`
///   turned into `"`, line breaks inside the quotes kept as written (`\n` or `\r\n`).
/// - `location`: the cell's first character, 1-based, columns in characters; for a quoted cell the
///   opening quote; for an empty cell the place it would start (just after the comma).
/// - `quoted`: whether the cell was enclosed in quotes.
public struct CSVCell: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
    public var quoted: Bool

    public init(text: String, location: SourceLocation, quoted: Bool = false) {
        self.text = text
        self.location = location
        self.quoted = quoted
    }

    /// The source position of the character at `index` in `text`, or of the end of the text when
    /// `index == text.endIndex` (for a quoted cell: the closing quote).
    ///
    /// Accounts for the opening quote, doubled quotes and line breaks inside a quoted cell, so an
    /// error found inside a cell (a malformed unit, a bad number suffix) can point at its exact
    /// character.
    public func location(at index: String.Index) -> SourceLocation {
        var line = location.line
        var column = location.column + (quoted ? 1 : 0)
        for character in text[..<index] {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else if quoted && character == "\"" {
                column += 2
            } else {
                column += 1
            }
        }
        return SourceLocation(file: location.file, line: line, column: column)
    }

    /// The position just after the cell: after its last character, or after the closing quote.
    public var endLocation: SourceLocation {
        location(at: text.endIndex).advanced(by: quoted ? 1 : 0)
    }
}
