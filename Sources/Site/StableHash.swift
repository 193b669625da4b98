import DOM

/// A 64-bit hash that is the same in every process, unlike Swift's seeded `Hasher`: the
/// up-to-date fingerprint and the page cache store it between builds.
///
/// A run of bytes goes through `Checksum` (8 bytes a step, then its length); a single byte
/// (a separator, a flag) is one FNV-1a step (Fowler, Noll and Vo, IETF draft-eastlake-fnv).
/// Not a cryptographic hash: it tells edits apart, it does not resist an adversary (who could
/// as well edit the cache).
struct StableHash {
    /// Names the algorithm: what stores hashes to reuse them as a file's (`InputStamps`) keys
    /// its file on it, so a change here is never taken for a change of the files.
    static let algorithm = "words-2"

    private(set) var value: UInt64 = Checksum.seed

    mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var checksum = Checksum(seed: value)
        checksum.add(bytes)
        value = checksum.value
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

/// Word-at-a-time hashing over a stream of pieces: the state is XORed with each 8-byte word,
/// multiplied by an odd constant (2⁶⁴/φ, as in Knuth's multiplicative hashing) and
/// XOR-shifted. Each step is a bijection of the state, so two inputs of the same length that
/// differ in one word always hash differently. The value does not depend on where the pieces
/// were cut, so a file written in pieces (`CacheFile`) checks against one read whole.
struct Checksum {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a's offset basis

    private var hash: UInt64
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var total = 0

    init(seed: UInt64 = Checksum.seed) { hash = seed }

    private mutating func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while pendingCount > 0 && index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
            if pendingCount == 8 { mix(pending); pending = 0; pendingCount = 0 }
        }
        while index + 8 <= bytes.count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        while index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
        }
        total += bytes.count
    }

    /// The hash of everything added, the length last.
    var value: UInt64 {
        var copy = self
        if copy.pendingCount > 0 { copy.mix(copy.pending) }
        return (copy.hash ^ UInt64(total)) &* 0x9E37_79B9_7F4A_7C15
    }
}
