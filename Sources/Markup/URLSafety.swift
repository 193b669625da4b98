/// URL rules applied by the Markdown walker, matching cmark's safe HTML renderer.
public enum URLSafety {
    /// True for `javascript:`, `vbscript:`, `file:` and `data:` URLs, except `data:` images in
    /// PNG, GIF, JPEG or WebP (case-insensitive). Source: cmark `src/html.c` (`scan_dangerous_url`).
    public static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) {
            return true
        }
        if lower.hasPrefix("data:") {
            for image in ["png", "gif", "jpeg", "webp"] where lower.hasPrefix("data:image/\(image)") {
                return false
            }
            return true
        }
        return false
    }

    /// Percent-encodes the bytes of `url` that may not stand in an `href` as written: keeps
    /// ASCII letters, digits and ``-_.~!*'();:@&=+$,/?#%``, encodes the rest as `%XX`.
    /// Source: cmark `src/houdini_href_e.c`. A URL with nothing to encode (most of a site's
    /// links) is returned as it is.
    public static func escapeHref(_ url: String) -> String {
        var copy = url
        let escaped = copy.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { !hrefSafe[Int($0)] }) else { return nil }
            var out = Array(bytes[..<first])
            out.reserveCapacity(bytes.count + 16)
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in bytes[first...] {
                if hrefSafe[Int(byte)] {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? url
    }

    /// Whether each byte may stand in an `href` as written.
    private static let hrefSafe: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.~!*'();:@&=+$,/?#%".utf8.contains(byte)
        }
    }
}
