import DOM

/// A 64-bit hash that is the same in every process, unlike Swift's seeded `Hasher`: the
/// up-to-date fingerprint and the page cache store it between builds.
///
/// A run of bytes is mixed 8 bytes a step (`Checksum.step`), its last bytes padded with zeros,
/// then its length; a single byte (a separator, a flag) is one FNV-1a step (Fowler, Noll and
/// Vo, IETF draft-eastlake-fnv).
/// Not a cryptographic hash: it tells edits apart, it does not resist an adversary (who could
/// as well edit the cache).
struct StableHash {
    /// Names the algorithm: what stores hashes to reuse them as a file's (`InputStamps`) keys
    /// its file on it, so a change here is never taken for a change of the files.
    static let algorithm = "words-2"

    private(set) var value: UInt64 = Checksum.seed

    mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        var index = 0
        while index + 8 <= bytes.count {
            hash = Checksum.step(hash, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        if index < bytes.count {
            var last: UInt64 = 0
            for offset in index..<bytes.count { last |= UInt64(bytes[offset]) << UInt64(8 * (offset - index)) }
            hash = Checksum.step(hash, last)
        }
        value = (hash ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
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

    /// 16 lowercase hex digits, as stored (written straight into the string: `String(_:radix:)`
    /// and padding took about 1,200 instructions a key).
    var hex: String {
        let value = self.value
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
            }
            return 16
        }
    }
}

/// Word-at-a-time hashing over a stream of pieces: word `k` of the stream (8 bytes, little
/// endian) goes to lane `k mod 4`, whose state is XORed with it, multiplied by an odd constant
/// (2⁶⁴/φ, as in Knuth's multiplicative hashing) and XOR-shifted. Each step is a bijection of
/// the lane's state, so two inputs of the same length that differ in one word always hash
/// differently; four lanes let the multiplications overlap (one lane was a chain of dependent
/// multiplications, 4% of a rebuild). The value does not depend on where the pieces were cut,
/// so a file written in pieces (`CacheFile`) checks against one read whole.
struct Checksum {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a's offset basis

    private var lane0: UInt64, lane1: UInt64, lane2: UInt64, lane3: UInt64
    /// Words mixed so far (which lane the next goes to).
    private var words = 0
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var total = 0

    init() {
        let seed = Self.seed
        lane0 = seed; lane1 = seed ^ 1; lane2 = seed ^ 2; lane3 = seed ^ 3
    }

    @inline(__always) static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    private mutating func mix(_ word: UInt64) {
        switch words & 3 {
        case 0: lane0 = Self.step(lane0, word)
        case 1: lane1 = Self.step(lane1, word)
        case 2: lane2 = Self.step(lane2, word)
        default: lane3 = Self.step(lane3, word)
        }
        words += 1
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while pendingCount > 0 && index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
            if pendingCount == 8 { mix(pending); pending = 0; pendingCount = 0 }
        }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        while words & 3 != 0 && index + 8 <= bytes.count {
            mix(word(index))
            index += 8
        }
        var a = lane0, b = lane1, c = lane2, d = lane3
        var blocks = 0
        while index + 32 <= bytes.count {
            a = Self.step(a, word(index))
            b = Self.step(b, word(index + 8))
            c = Self.step(c, word(index + 16))
            d = Self.step(d, word(index + 24))
            index += 32
            blocks += 1
        }
        lane0 = a; lane1 = b; lane2 = c; lane3 = d
        words += 4 * blocks
        while index + 8 <= bytes.count {
            mix(word(index))
            index += 8
        }
        while index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
        }
        total += bytes.count
    }

    /// The hash of everything added: the lanes in turn, then the pending bytes, then the length.
    var value: UInt64 {
        var hash = Self.step(Self.step(Self.step(lane0, lane1), lane2), lane3)
        if pendingCount > 0 { hash = Self.step(hash, pending) }
        return (hash ^ UInt64(total)) &* 0x9E37_79B9_7F4A_7C15
    }
}
