/// The lines of a Markdown text, found by one scan of its UTF-8 bytes and made into strings
/// only when asked for (a position in a diagnostic, the cells of a pipe table). Splitting
/// every page into `Character` lines up front cost a quarter of a build.
struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset where each line starts.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Line `number` (1-based) without its line end; "" out of range.
    subscript(number: Int) -> Substring {
        guard number >= 1, number <= starts.count else { return "" }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// Whether line `number` holds the byte `byte` (a cheap test before building the line).
    func line(_ number: Int, contains byte: UInt8) -> Bool {
        guard number >= 1, number <= starts.count else { return false }
        let end = number < starts.count ? starts[number] : bytes.count
        return bytes[starts[number - 1]..<end].contains(byte)
    }
}
