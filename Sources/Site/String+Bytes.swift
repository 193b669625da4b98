#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string: `memchr` for the first byte,
    /// then `memcmp`. The standard library's generic `firstRange(of:)` was 40% of a build's
    /// instructions when used for this.
    func containsBytes(_ needle: StaticString) -> Bool {
        containsBytes(needle) { _, _ in true }
    }

    /// Whether `needle` occurs where `accept` (given the string's bytes and the occurrence's
    /// offset) agrees.
    private func containsBytes(_ needle: StaticString, where accept: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        var copy = self
        return copy.withUTF8 { haystack in
            guard haystack.count >= count, let base = haystack.baseAddress else { return false }
            let first = Int32(needle.utf8Start.pointee)
            let last = haystack.count - count
            var start = 0
            while start <= last {
                guard let found = memchr(base + start, first, last - start + 1) else { return false }
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, needle.utf8Start, count) == 0 && accept(haystack, offset) { return true }
                start = offset + 1
            }
            return false
        }
    }

    /// Whether the string's UTF-8 bytes start with `prefix`'s: `hasPrefix` for paths, without
    /// its Unicode comparison (about 150 instructions a call; a 10,000-page rebuild makes some
    /// 60,000 such tests).
    func hasBytePrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        var copy = self
        return copy.withUTF8 { bytes in
            bytes.count >= count && (count == 0 || memcmp(bytes.baseAddress!, prefix.utf8Start, count) == 0)
        }
    }

    /// Whether the string's UTF-8 bytes end with `suffix`'s (`hasBytePrefix`'s counterpart).
    func hasByteSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        var copy = self
        return copy.withUTF8 { bytes in
            bytes.count >= count && (count == 0 || memcmp(bytes.baseAddress! + (bytes.count - count), suffix.utf8Start, count) == 0)
        }
    }

    /// Whether the Markdown may have a fenced block whose info string starts with `name`: the
    /// name right after backticks or tildes and optional spaces or tabs. A cheap test before a
    /// second cmark pass: it errs only towards yes (the pass then finds no such block), where a
    /// test for the bare word sent every page that mentions compute to the second pass.
    func mayHaveFence(named name: StaticString) -> Bool {
        containsBytes(name) { bytes, offset in
            var index = offset - 1
            while index >= 0 && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index -= 1 }
            return index >= 0 && (bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~"))
        }
    }

    /// The text's words (runs of scalars that are not Unicode `White_Space`) joined by one
    /// space each, with none before or after: what a summary's plain text is in a meta
    /// description and a feed. On the UTF-8 bytes: splitting on `Character.isWhitespace`
    /// broke the text into graphemes first and was 3% of a build.
    var collapsingWhitespace: String {
        var copy = self
        return copy.withUTF8 { bytes in
            // Written into the new string's own storage (no array appended byte by byte): the
            // result is never longer than the text.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let length = Self.whiteSpaceLength(bytes, at: index)
                    if length > 0 {
                        pendingSpace = count > 0
                        index += length
                        continue
                    }
                    if pendingSpace {
                        out[count] = UInt8(ascii: " ")
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = bytes[index]
                    count += 1
                    index += 1
                }
                return count
            }
        }
    }

    /// The length in bytes of the `White_Space` scalar at `index` (Unicode's PropList.txt: tab
    /// to carriage return, space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000), or 0.
    private static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0
        case 0xE2:
            if next(1) == 0x80 {
                let last = next(2)
                return (0x80...0x8A).contains(last) || last == 0xA8 || last == 0xA9 || last == 0xAF ? 3 : 0
            }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }
}

extension Sequence {
    /// The elements in the `String` order of `key(element)` (stable for equal keys), sorted as
    /// `PathBytes` sorts.
    func sorted(byPath key: (Element) -> String) -> [Element] {
        let elements = Array(self)
        var paths = PathBytes()
        for element in elements { paths.append(key(element).utf8) }
        return paths.order { key(elements[$0]) < key(elements[$1]) }.map { elements[$0] }
    }
}

/// Paths (or any strings) as UTF-8 bytes in one buffer, for sorting them in `String` order
/// without touching a string. When every path is ASCII that order is the order of the bytes,
/// and the indices are sorted with `memcmp`. Sorting a thousand paths with `String`'s `<`
/// (which orders by Unicode scalars after normalizing, retaining and releasing both strings)
/// was a tenth of a rebuild with nothing changed.
struct PathBytes {
    private var bytes: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []
    private var ascii = true

    mutating func append(_ path: some Sequence<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: path)
        spans.append((start, bytes.count - start))
        if ascii { ascii = !bytes[start...].contains { $0 >= 0x80 } }
    }

    /// `prefix` then `name`, as one path.
    mutating func append(_ prefix: [UInt8], _ name: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(contentsOf: prefix)
        bytes.append(contentsOf: name)
        spans.append((start, bytes.count - start))
        if ascii { ascii = !name.contains { $0 >= 0x80 } && !prefix.contains { $0 >= 0x80 } }
    }

    /// The path at `index`, as a string.
    func string(_ index: Int) -> String {
        let span = spans[index]
        return String(decoding: bytes[span.start..<(span.start + span.count)], as: UTF8.self)
    }

    /// The indices in `String` order of the paths, equal ones in the order they were added.
    /// - Parameter isBefore: `String`'s `<` of two paths, by index: used when a path is not ASCII.
    func order(_ isBefore: (Int, Int) -> Bool) -> [Int] {
        var order = Array(spans.indices)
        guard ascii else { return order.sorted(by: isBefore) }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            spans.withUnsafeBufferPointer { spans in
                order.sort { left, right in
                    let a = spans[left], b = spans[right]
                    let common = memcmp(base + a.start, base + b.start, Swift.min(a.count, b.count))
                    return common != 0 ? common < 0 : (a.count != b.count ? a.count < b.count : left < right)
                }
            }
        }
        return order
    }
}
