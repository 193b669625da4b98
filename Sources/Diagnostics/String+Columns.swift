extension String {
    /// Converts a 1-based byte column on `line` (as cmark and libxml2 report them) into a 1-based
    /// character column. Columns past the end of the line count one per remaining byte.
    public static func characterColumn(fromByteColumn byteColumn: Int, in line: Substring) -> Int {
        guard byteColumn > 1 else { return Swift.max(byteColumn, 0) }
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

    /// The lines of the text, split on `\n` (a trailing `\r` is kept off each line).
    public var sourceLines: [Substring] {
        split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }
}
