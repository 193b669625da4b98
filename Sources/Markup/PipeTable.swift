/// A GitHub-flavoured pipe table found in a paragraph's source lines (cmark's core has no
/// table extension, so Reckon detects them itself). Source: GitHub Flavored Markdown spec §4.10.
struct PipeTable {
    enum Alignment: Equatable { case none, left, center, right }

    struct Cell {
        var text: String
        /// 0-based byte offset of the cell's text within its source line.
        var byteOffset: Int

        /// Whether CommonMark reads the cell's text as one paragraph of exactly this text, so
        /// that it can become a text node without a cmark parse (most cells: words and
        /// numbers). Not so when it has a byte that can open an inline construct or an entity
        /// (`` \ ` * _ [ ] ! < & ``), a control byte or a tab, or when it could open a block:
        /// its first byte must be a letter or digit (or not ASCII), and digits first must not
        /// be an ordered list marker (`1.`, `2)` then a space or the end); no space at its end.
        var isPlainText: Bool {
            guard let first = text.utf8.first else { return true }
            let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
            let isLetter = { (byte: UInt8) in (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
            guard first >= 0x80 || isLetter(first) || isDigit(first) else { return false }
            var leadingDigits = isDigit(first)
            var afterMarker = false  // just after `digits.` or `digits)`
            for byte in text.utf8.dropFirst() {
                if afterMarker && byte == UInt8(ascii: " ") { return false }
                afterMarker = false
                if leadingDigits {
                    if isDigit(byte) { continue }
                    leadingDigits = false
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { afterMarker = true }
                }
                switch byte {
                case 0x00..<0x20, 0x7F, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                     UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"):
                    return false
                default: continue
                }
            }
            // `12.` or `3)` alone is an empty list item; a paragraph drops trailing spaces.
            return !afterMarker && text.utf8.last != UInt8(ascii: " ")
        }
    }

    var header: [Cell]
    var alignments: [Alignment]
    var rows: [[Cell]]

    /// Reads a table from the lines of one paragraph, or returns nil when the second line is
    /// not a delimiter row whose cell count matches the header's.
    init?(lines: [Substring]) {
        guard lines.count >= 2 else { return nil }
        let header = Self.splitCells(lines[0])
        let delimiter = Self.splitCells(lines[1])
        guard header.count == delimiter.count, !header.isEmpty,
              lines[0].utf8.contains(UInt8(ascii: "|")) || lines[1].utf8.contains(UInt8(ascii: "|")) else { return nil }
        var alignments: [Alignment] = []
        for cell in delimiter {
            // Cells are trimmed of blanks: colons at either end, then dashes only between them.
            let text = cell.text.utf8
            let colon = UInt8(ascii: ":")
            let core = text.drop(while: { $0 == colon }).reversed().drop(while: { $0 == colon })
            guard !core.isEmpty, core.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (text.first == colon, text.last == colon) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        self.rows = lines.dropFirst(2).map { line in
            var cells = Self.splitCells(line)
            if cells.count > header.count { cells.removeLast(cells.count - header.count) }
            while cells.count < header.count { cells.append(Cell(text: "", byteOffset: line.utf8.count)) }
            return cells
        }
    }

    /// Splits a row at unescaped `|`, dropping one leading and one trailing pipe; `\|` becomes a
    /// literal `|` in the cell; cells are trimmed.
    static func splitCells(_ line: Substring) -> [Cell] {
        var line = line
        return line.withUTF8(splitCells)
    }

    /// By index on the line's bytes: a cell's text is made once, from its slice (copied with
    /// `\|` unescaped only when it has one), not byte by byte (5,000 instructions a line).
    private static func splitCells(_ bytes: UnsafeBufferPointer<UInt8>) -> [Cell] {
        let pipe = UInt8(ascii: "|")
        var cells: [Cell] = []
        var index = 0
        // Skip leading whitespace and one leading pipe.
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == pipe { index += 1 }
        var start = index
        var escaped = false  // the cell has a `\|`
        var trailingPipe = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == pipe {
                escaped = true
                index += 2
                continue
            }
            if byte == pipe {
                cells.append(makeCell(bytes, start..<index, escaped: escaped))
                index += 1
                start = index
                escaped = false
                trailingPipe = true
                continue
            }
            if !isBlank(byte) { trailingPipe = false }
            index += 1
        }
        if !trailingPipe || !bytes[start...].allSatisfy(isBlank) {
            cells.append(makeCell(bytes, start..<bytes.count, escaped: escaped))
        }
        return cells
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The cell in `range` of the line, trimmed of blanks, with `\|` made `|` when `escaped`.
    private static func makeCell(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escaped: Bool) -> Cell {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard escaped else { return Cell(text: String(decoding: slice, as: UTF8.self), byteOffset: start) }
        var text: [UInt8] = []
        text.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            if slice[index] == UInt8(ascii: "\\"), index + 1 < slice.count, slice[index + 1] == UInt8(ascii: "|") {
                text.append(UInt8(ascii: "|"))
                index += 2
            } else {
                text.append(slice[index])
                index += 1
            }
        }
        return Cell(text: String(decoding: text, as: UTF8.self), byteOffset: start)
    }
}
