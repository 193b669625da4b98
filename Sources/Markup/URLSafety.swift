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
    /// ASCII letters, digits and ``-_.~!*'();:@&=+$,/?#[]%``, encodes the rest as `%XX`.
    /// Source: cmark `src/houdini_href_e.c`.
    public static func escapeHref(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if isHrefSafe(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.~!*'();:@&=+$,/?#%".utf8.contains(byte)
        }
    }
}
