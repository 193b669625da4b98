#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The lines of a Markdown text, found by one scan of its UTF-8 bytes and made into strings
/// only when asked for (a position in a diagnostic, the cells of a pipe table). Splitting
/// every page into `Character` lines up front cost a quarter of a build. Both scans use
/// `memchr`, which reads a vector of bytes at a time: a byte loop took 35 M instructions of a
/// 1,000-page build to find the line ends and 27 M to look for `|` in paragraphs.
struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset where each line starts.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        starts = bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            guard let base = buffer.baseAddress else { return starts }
            var offset = 0
            while offset < buffer.count,
                  let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
            return starts
        }
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
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] : bytes.count
        return bytes.withUnsafeBufferPointer { buffer in
            end > start && memchr(buffer.baseAddress! + start, Int32(byte), end - start) != nil
        }
    }
}
