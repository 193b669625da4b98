import Diagnostics

/// Reads CSV text into records whose cells know their exact source positions.
///
/// Follows RFC 4180 ("Common Format and MIME Type for Comma-Separated Values Files"):
/// - cells are separated by commas; records end with CRLF or LF (a lone CR is ordinary text);
/// - a cell may be enclosed in double quotes; inside, `""` stands for one quote and commas and
///   line breaks (CRLF or LF) are part of the cell;
/// - the last record may lack a line ending.
///
/// Beyond the RFC: a UTF-8 byte order mark at the start is skipped (columns are not shifted by
/// it); blank lines — anywhere, including at the end — are skipped and are not records. Spaces
/// are part of a cell (the RFC says so); typing trims them later (`DataTable`).
///
/// Positions: lines and columns are 1-based; columns count Characters (extended grapheme
/// clusters, so a CJK character or an emoji is one column), as `SourceLocation` requires.
///
/// Errors are collected, every one, and thrown together as one `DiagnosticError`:
/// - a quote inside an unquoted cell (at the quote; one per cell);
/// - text after a closing quote (at its first character);
/// - a quoted cell never closed (at its opening quote);
/// - invalid UTF-8 (file level; only from `read(utf8:file:)`).
public enum CSVReader {
    static let bareQuoteMessage = "bare quote in an unquoted cell: enclose the cell in quotes and double the quote"
    static let textAfterQuoteMessage = "text after the closing quote: enclose the whole cell in quotes and double each quote inside it"
    static let unterminatedMessage = "quoted cell is never closed: add the closing quote"

    /// Parses CSV text into records.
    ///
    /// - Parameters:
    ///   - text: The whole file.
    ///   - file: Project-relative path, used in every location (e.g. `content/data/models.csv`).
    /// - Returns: The records in file order; `[]` for an empty or blank file.
    /// - Throws: `DiagnosticError` with every syntax error found, in source order.
    public static func read(_ text: String, file: String) throws(DiagnosticError) -> [CSVRecord] {
        var text = text
        let result = text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, file: file)
            return parser.parse()
        }
        if !result.diagnostics.isEmpty { throw DiagnosticError(result.diagnostics) }
        return result.records
    }

    /// Parses the bytes of a CSV file, which must be UTF-8.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents (`Data` and `[UInt8]` both qualify).
    ///   - file: Project-relative path, used in every location.
    /// - Returns: As `read(_:file:)`.
    /// - Throws: `DiagnosticError`: a single file-level diagnostic naming the line and byte offset
    ///   of the first invalid UTF-8 sequence, or the syntax errors of `read(_:file:)`.
    public static func read(utf8 bytes: some Collection<UInt8>, file: String) throws(DiagnosticError) -> [CSVRecord] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(invalidUTF8(bytes, file: file))
        }
        return try read(text, file: file)
    }

    /// The file-level diagnostic for the first invalid UTF-8 sequence in `bytes`.
    static func invalidUTF8(_ bytes: some Collection<UInt8>, file: String) -> Diagnostic {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") { line += 1 }
                offset += scalar.count
            case .error(let length):
                _ = length
                break loop
            case .emptyInput:
                break loop
            }
        }
        return .error(
            "file is not valid UTF-8 (first bad byte on line \(line), byte offset \(offset)): save it as UTF-8",
            at: SourceLocation(file: file))
    }
}

extension CSVReader {
    /// A single pass over the UTF-8 bytes. Separators are ASCII, so scanning bytes finds them
    /// exactly; columns are counted in Characters only where a cell starts or an error is.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var index = 0
        var line = 1
        /// Byte offset and column of the last position whose column is known on this line;
        /// cells move forward, so counting from there keeps the whole pass linear.
        var knownOffset = 0
        var knownColumn = 1
        var records: [CSVRecord] = []
        var diagnostics: [Diagnostic] = []

        static let quote = UInt8(ascii: "\"")
        static let comma = UInt8(ascii: ",")
        static let lf = UInt8(ascii: "\n")
        static let cr = UInt8(ascii: "\r")

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                index = 3
                knownOffset = 3
            }
        }

        mutating func parse() -> (records: [CSVRecord], diagnostics: [Diagnostic]) {
            while index < bytes.count {
                if let length = lineEndLength(at: index) {
                    index += length
                    startLine()
                    continue
                }
                parseRecord()
            }
            return (records, diagnostics)
        }

        /// 1 for LF, 2 for CRLF, nil when `offset` is not at a line end.
        func lineEndLength(at offset: Int) -> Int? {
            guard offset < bytes.count else { return nil }
            if bytes[offset] == Self.lf { return 1 }
            if bytes[offset] == Self.cr && offset + 1 < bytes.count && bytes[offset + 1] == Self.lf { return 2 }
            return nil
        }

        /// Records that `index` is the first byte of a new line.
        mutating func startLine() {
            line += 1
            knownOffset = index
            knownColumn = 1
        }

        /// The location of the byte at `offset`, which must be on the current line, at or after
        /// the last location asked for.
        mutating func location(at offset: Int) -> SourceLocation {
            var ascii = true
            for i in knownOffset..<offset where bytes[i] >= 0x80 {
                ascii = false
                break
            }
            if ascii {
                knownColumn += offset - knownOffset
            } else {
                let segment = UnsafeBufferPointer(rebasing: bytes[knownOffset..<offset])
                knownColumn += String(decoding: segment, as: UTF8.self).count
            }
            knownOffset = offset
            return SourceLocation(file: file, line: line, column: knownColumn)
        }

        mutating func parseRecord() {
            let recordLine = line
            var cells: [CSVCell] = []
            while true {
                cells.append(bytes[index...].first == Self.quote ? parseQuotedCell() : parseUnquotedCell())
                if index < bytes.count && bytes[index] == Self.comma {
                    index += 1
                    continue
                }
                if let length = lineEndLength(at: index) {
                    index += length
                    startLine()
                }
                break
            }
            records.append(CSVRecord(cells: cells, line: recordLine))
        }

        /// Scans to the next comma, line end or end of input.
        mutating func scanUnquoted(reportingQuotes: Bool) {
            var reported = !reportingQuotes
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.comma || lineEndLength(at: index) != nil { break }
                if byte == Self.quote && !reported {
                    diagnostics.append(.error(CSVReader.bareQuoteMessage, at: location(at: index)))
                    reported = true
                }
                index += 1
            }
        }

        mutating func parseUnquotedCell() -> CSVCell {
            let start = index
            let cellLocation = location(at: start)
            scanUnquoted(reportingQuotes: true)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            return CSVCell(text: text, location: cellLocation, quoted: false)
        }

        mutating func parseQuotedCell() -> CSVCell {
            let cellLocation = location(at: index)
            index += 1
            var text: [UInt8] = []
            var runStart = index
            var closed = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.quote {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    if index + 1 < bytes.count && bytes[index + 1] == Self.quote {
                        text.append(Self.quote)
                        index += 2
                        runStart = index
                        continue
                    }
                    index += 1
                    closed = true
                    break
                }
                index += 1
                if byte == Self.lf { startLine() }
            }
            if !closed {
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                diagnostics.append(.error(CSVReader.unterminatedMessage, at: cellLocation))
            } else if index < bytes.count && bytes[index] != Self.comma && lineEndLength(at: index) == nil {
                diagnostics.append(.error(CSVReader.textAfterQuoteMessage, at: location(at: index)))
                let start = index
                scanUnquoted(reportingQuotes: false)
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
            return CSVCell(text: String(decoding: text, as: UTF8.self), location: cellLocation, quoted: true)
        }
    }
}
