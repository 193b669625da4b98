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
            let text = cell.text
            let core = text.trimmingCharacters(in: ":")
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
            switch (text.hasPrefix(":"), text.hasSuffix(":")) {
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
        let bytes = Array(line.utf8)
        var cells: [Cell] = []
        var current: [UInt8] = []
        var start = 0
        var index = 0
        // Skip leading whitespace and one leading pipe.
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "|") { index += 1 }
        start = index
        var trailingPipe = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "|") {
                current.append(UInt8(ascii: "|"))
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(makeCell(current, start: start, bytes: bytes))
                current = []
                index += 1
                start = index
                trailingPipe = true
                continue
            }
            if !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) { trailingPipe = false }
            current.append(byte)
            index += 1
        }
        if !trailingPipe || !current.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            cells.append(makeCell(current, start: start, bytes: bytes))
        }
        return cells
    }

    private static func makeCell(_ raw: [UInt8], start: Int, bytes: [UInt8]) -> Cell {
        var leading = 0
        while leading < raw.count, raw[leading] == UInt8(ascii: " ") || raw[leading] == UInt8(ascii: "\t") { leading += 1 }
        var end = raw.count
        while end > leading, raw[end - 1] == UInt8(ascii: " ") || raw[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return Cell(text: String(decoding: raw[leading..<end], as: UTF8.self), byteOffset: start + leading)
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> Substring {
        var slice = Substring(self.trimmingSpaces())
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return slice
    }

    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
