#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string: `memchr` for the first byte,
    /// then `memcmp`. The standard library's generic `firstRange(of:)` was 40% of a build's
    /// instructions when used for this.
    func containsBytes(_ needle: StaticString) -> Bool {
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
                if memcmp(base + offset, needle.utf8Start, count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }
}
