import DOM

/// A 64-bit FNV-1a hash (Fowler, Noll and Vo; IETF draft-eastlake-fnv) that is the same in
/// every process, unlike Swift's seeded `Hasher`: the up-to-date fingerprint and the page
/// cache store it between builds. Not a cryptographic hash: it tells edits apart, it does not
/// resist an adversary (who could as well edit the cache).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// Mixes the text then a 0 byte, so that `("ab", "c")` and `("a", "bc")` differ.
    mutating func mix(_ text: String) {
        var copy = text
        copy.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
        mix(UInt8(0))
    }

    mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01b3
    }

    mutating func mix(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { mix($0) }
    }

    mutating func mix(_ number: Int) { mix(UInt64(bitPattern: Int64(number))) }

    mutating func mix(_ number: Double) { mix(number.bitPattern) }

    mutating func mix(_ flag: Bool) { mix(UInt8(flag ? 1 : 0)) }

    /// Mixes a markup tree: names, attributes, text and comments, in document order.
    mutating func mix(_ nodes: [MarkupNode]) {
        mix(nodes.count)
        for node in nodes {
            switch node {
            case .text(let text):
                mix(UInt8(1)); mix(text)
            case .comment(let text):
                mix(UInt8(2)); mix(text)
            case .element(let element):
                mix(UInt8(3)); mix(element.name); mix(element.namespaceURI ?? "")
                mix(element.attributes.count)
                for attribute in element.attributes {
                    mix(attribute.name); mix(attribute.namespaceURI ?? ""); mix(attribute.value)
                }
                mix(element.children)
            }
        }
    }

    /// The hash of a byte sequence.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.mix(bytes)
        return hash.value
    }

    /// 16 lowercase hex digits, as stored.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
