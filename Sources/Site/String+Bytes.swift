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
    /// description and a feed. By scalar, ASCII without decoding: splitting on
    /// `Character.isWhitespace` broke the text into graphemes first and was 3% of a build.
    var collapsingWhitespace: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            let white = scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if white {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }
}
