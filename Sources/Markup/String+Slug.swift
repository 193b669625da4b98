import Foundation

extension String {
    /// The text in Unicode Normalization Form C (`precomposedStringWithCanonicalMapping`),
    /// returned as it is when it is ASCII (ASCII is always in NFC): `e` + U+0301 → `é`.
    public var precomposed: String {
        utf8.allSatisfy({ $0 < 0x80 }) ? self : precomposedStringWithCanonicalMapping
    }

    /// A URL- and id-friendly form of a heading or title: lower case; letters and digits of any
    /// script kept (CJK included), runs of spaces and punctuation turned into one `-`, no `-` at
    /// either end. Returns "" when nothing is left (callers choose a fallback).
    ///
    /// `"Compute ≈ 6·N·D"` → `"compute-6-n-d"`, `"十年算力增長"` → `"十年算力增長"`.
    public var slug: String {
        // ASCII fast path: the same rules on bytes.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var pendingDash = false
            for byte in utf8 {
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == UInt8(ascii: "_") {
                    if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    bytes.append(lower)
                } else {
                    pendingDash = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        var pendingDash = false
        for character in self.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}

/// Hands out unique ids within one page: the second "Sources" becomes `sources-1`.
public struct IDAllocator: Sendable {
    private var used: Set<String> = []

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A unique id derived from `text`; `fallback` when `text` has no letters or digits.
    public mutating func allocate(for text: String, fallback: String = "section") -> String {
        let base = text.slug.isEmpty ? fallback : text.slug
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
