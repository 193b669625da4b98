import DOM

/// A 64-bit hash that is the same in every process, unlike Swift's seeded `Hasher`: the
/// up-to-date fingerprint and the page cache store it between builds.
///
/// Bytes are taken 8 at a time: the state is XORed with the word, multiplied by an odd
/// constant (2⁶⁴/φ, as in Knuth's multiplicative hashing) and XOR-shifted; each step is a
/// bijection of the state, so two inputs of the same length that differ in one word always
/// hash differently. The last bytes go one at a time with FNV-1a's prime (Fowler, Noll and Vo,
/// IETF draft-eastlake-fnv), then the length. Not a cryptographic hash: it tells edits apart,
/// it does not resist an adversary (who could as well edit the cache).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            index += 8
        }
        while index < count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        value = (hash ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
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
