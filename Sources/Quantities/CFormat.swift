#if canImport(Glibc)
import Glibc
#endif

/// `printf`-style formatting of one number in the C locale (a `.` decimal point whatever the
/// user's locale), through `vsnprintf`: Foundation's `String(format:)` took about 10 µs a call
/// on Linux, and a chart's data table formats dozens of numbers per page.
public enum CFormat {
    /// The C locale, made once; `uselocale` applies it to the calling thread only.
    nonisolated(unsafe) private static let cLocale: locale_t? = newlocale(1 << LC_NUMERIC, "C", nil)  // LC_NUMERIC_MASK

    /// `format` with one `%…f`, `%…e` or `%…g` conversion of `value`, e.g. `("%.2f", 3.14159)` → `3.14`.
    public static func string(_ format: String, _ value: Double) -> String {
        let previous = cLocale.map { uselocale($0) }
        defer { if let previous { uselocale(previous) } }
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) })
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
