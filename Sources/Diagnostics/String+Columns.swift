extension String {
    /// Converts a 1-based byte column on `line` (as cmark and libxml2 report them) into a 1-based
    /// character column. Columns past the end of the line count one per remaining byte.
    public static func characterColumn(fromByteColumn byteColumn: Int, in line: Substring) -> Int {
        guard byteColumn > 1 else { return Swift.max(byteColumn, 0) }
        // ASCII before the column: bytes and characters agree (checked on the contiguous bytes
        // when the line has them: it is asked for every link and table cell of every page).
        let before = byteColumn - 1
        let ascii = line.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= before && !bytes[..<before].contains { $0 >= 0x80 }
        } ?? (line.utf8.prefix(before).allSatisfy({ $0 < 0x80 }) && line.utf8.count >= before)
        if ascii { return byteColumn }
        var bytes = 0
        var characters = 0
        for character in line {
            if bytes >= byteColumn - 1 { break }
            bytes += character.utf8.count
            characters += 1
        }
        if bytes < byteColumn - 1 { characters += (byteColumn - 1 - bytes) }
        return characters + 1
    }

    /// The lines of the text, split on LF or CRLF (Swift reads `\r\n` as one character, so
    /// both are separators).
    public var sourceLines: [Substring] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
