@testable import Site
import Foundation
import Testing

@Suite struct CollapsingWhitespaceTests {
    @Test(arguments: [
        ("  Compute  grew\n\tfast. ", "Compute grew fast."),
        ("one", "one"),
        ("", ""),
        (" \n\t ", ""),
        ("算力\u{3000}成長\u{00A0}快", "算力 成長 快"),
        ("a\u{2028}b\u{0085}c\u{200B}d", "a b c\u{200B}d"),
        ("Cafe\u{301} au lait", "Cafe\u{301} au lait"),
        ("a\u{1680}b\u{2000}c\u{200A}d\u{2029}e\u{202F}f\u{205F}g\u{3000}h\u{3001}i", "a b c d e f g h\u{3001}i"),
        ("\u{2009}thin\u{200B}\u{2060}x\u{00A1}", "thin\u{200B}\u{2060}x\u{00A1}"),
    ])
    func joinsTheWordsWithOneSpace(text: String, collapsed: String) {
        #expect(text.collapsingWhitespace == collapsed)
        #expect(text.collapsingWhitespace == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// Every White_Space scalar and no other, as the standard library's property says.
    @Test func separatesAtEveryWhiteSpaceScalarAndNoOther() {
        for value in 0...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))b"
            #expect((text.collapsingWhitespace == "a b") == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct FencePrefilterTests {
    @Test(arguments: [
        ("```compute\nx = 1\n```\n", true),
        ("~~~ compute\nx = 1\n~~~\n", true),
        ("  ````\tcompute\n", true),
        ("Compute grew; we compute it.\n", false),
        ("`compute` is a block name", true),  // errs towards yes: the second pass finds none
        ("", false),
    ])
    func mayHaveAComputeFence(text: String, expected: Bool) {
        #expect(text.mayHaveFence(named: "compute") == expected)
    }
}

@Suite struct NormalizeTests {
    @Test(arguments: [
        ("content/posts/page-12.md", "content/posts/page-12.md"),
        ("content/posts/../data/x.csv", "content/data/x.csv"),
        ("content/posts/./a.md", "content/posts/a.md"),
        ("content//posts/a.md", "content/posts/a.md"),
        ("/content/posts/", "content/posts"),
        ("./content/.hidden/a.md", "content/.hidden/a.md"),
        ("content/posts/a.md/..", "content/posts"),
        ("", ""),
    ])
    func removesDotsAndEmptySegments(path: String, normal: String) {
        #expect(ContentLinks.normalize(path) == normal)
    }

    @Test func climbingAboveTheTopIsRefused() {
        #expect(ContentLinks.normalize("content/../../etc/passwd") == nil)
        #expect(ContentLinks.normalize("../a.md") == nil)
    }
}

@Suite struct TextMeasureTests {
    @Test(arguments: [
        ("Hello, world! 42x @ [a] `b` {Z9}", 6, 0),
        ("", 0, 0),
        ("   ", 0, 0),
        ("a", 1, 0),
        ("@[`{/:", 0, 0),
        ("GPT-4 used 2.1e25 FLOP", 6, 0),
        ("Café au lait", 3, 0),
        ("Cafe\u{301}s here", 2, 0),
        ("算力成長 in 2024", 2, 4),
        ("ab算cd", 2, 1),
        ("naïve test", 2, 0),
        ("Zürich, 2024年", 2, 1),
    ])
    func countsWordsAndCJKCharacters(text: String, words: Int, cjk: Int) {
        let measure = TextMeasure(utf8: Array(text.utf8))
        #expect(measure.words == words)
        #expect(measure.cjkCharacters == cjk)
    }

    /// Texts long enough for the eight-bytes-at-a-time path, made of the bytes at the edges of
    /// the letter and digit ranges and a few non-ASCII letters, counted against a plain
    /// byte-by-byte reference (pseudo-random, the same texts every run).
    @Test func countsLongTextsAsAByteByByteReferenceDoes() {
        let pieces = ["/", "0", "9", ":", "@", "A", "Z", "[", "`", "a", "z", "{", "\u{7F}", " ", "\t", "\n", "é", "算", "e\u{301}"]
        func reference(_ text: String) -> (Int, Int) {
            var words = 0, cjk = 0, inWord = false
            for scalar in text.unicodeScalars {
                switch ScalarClass(scalar) {
                case .cjk: cjk += 1; inWord = false
                case .word: if !inWord { words += 1 }; inWord = true
                case .joining: break
                case .separator: inWord = false
                }
            }
            return (words, cjk)
        }
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in 0..<200 {
            var text = ""
            for _ in 0..<(length % 50) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(seed >> 33) % (length % 3 == 0 ? pieces.count : 15)  // some texts all ASCII
                text += pieces[pick]
            }
            let measure = TextMeasure(utf8: Array(text.utf8))
            let (words, cjk) = reference(text)
            #expect(measure.words == words && measure.cjkCharacters == cjk, "\(Array(text.utf8))")
        }
    }

    /// `wordBytes` on eight bytes at once, each byte against the byte-at-a-time test.
    @Test func classifiesEightBytesAtOnceAsOneAtATime() {
        for first in stride(from: 0, to: 128, by: 8) {
            let bytes = (first..<first + 8).map(UInt8.init)
            let chunk = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let word = TextMeasure.wordBytes(chunk)
            for (offset, byte) in bytes.enumerated() {
                #expect(UInt8(truncatingIfNeeded: word >> (8 * UInt64(offset))) == ScalarClass.isWordByte(byte), "byte \(byte)")
            }
        }
    }

    /// Every ASCII byte between two letters: a separator unless it is a letter or digit.
    @Test func splitsAtEveryASCIIByteButLettersAndDigits() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(TextMeasure(utf8: Array("a\(Character(scalar))b".utf8)).words == (isWord ? 1 : 2), "byte \(value)")
        }
    }
}

@Suite struct PathOrderTests {
    /// Byte order for ASCII keys, `String` order otherwise; equal keys keep their order.
    @Test(arguments: [
        ["content/posts/b.md", "content/post.md", "content/posts/a.md", "content/Posts/c.md", "content/posts-2/a.md",
         "content/posts/a.md.bak", "templates/base.html", "content/posts/a.md"],
        ["content/é.md", "content/e\u{301}z.md", "content/z.md", "content/e.md", "content/ê.md"],
        [],
    ])
    func sortsAsStringsDo(paths: [String]) {
        let tagged = paths.enumerated().map { (path: $0.element, position: $0.offset) }
        let sorted = tagged.sorted(byPath: \.path)
        #expect(sorted.map(\.path) == paths.sorted())
        for (left, right) in zip(sorted, sorted.dropFirst()) where left.path == right.path {
            #expect(left.position < right.position)
        }
    }

    @Test func writesSixteenLowercaseHexDigits() {
        var sawLeadingZero = false
        for text in (0..<64).map({ "piece \($0)" }) {
            var hash = StableHash()
            hash.mix(text)
            let digits = String(hash.value, radix: 16)
            #expect(hash.hex == String(repeating: "0", count: 16 - digits.count) + digits)
            sawLeadingZero = sawLeadingZero || hash.hex.hasPrefix("0")
        }
        #expect(sawLeadingZero)  // one in 16 values starts with 0: padding is exercised
    }
}

@Suite struct ChecksumTests {
    /// The same bytes give the same value however they are cut into pieces; one changed byte or
    /// one more byte changes it.
    @Test func dependsOnTheBytesNotOnThePieces() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        func checksum(_ bytes: [UInt8], cuts: [Int]) -> UInt64 {
            var checksum = Checksum()
            var start = 0
            for end in cuts + [bytes.count] {
                bytes[start..<end].withUnsafeBytes { checksum.add($0) }
                start = end
            }
            return checksum.value
        }
        let whole = checksum(bytes, cuts: [])
        for cuts in [[1], [7], [8], [9], [31], [32], [33], [3, 5, 13, 100, 101, 999], Array(stride(from: 1, to: 1_000, by: 3))] {
            #expect(checksum(bytes, cuts: cuts) == whole, "cut at \(cuts.prefix(6))")
        }
        for index in [0, 7, 8, 31, 32, 500, 999] {
            var changed = bytes
            changed[index] ^= 1
            #expect(checksum(changed, cuts: []) != whole, "byte \(index)")
        }
        #expect(checksum(bytes + [0], cuts: []) != whole)
        #expect(checksum(Array(bytes.dropLast()), cuts: []) != whole)
    }
}

@Suite struct CacheFileTests {
    /// Small pieces go through the buffer, large ones (64 KiB and more) straight to the file,
    /// in order: the file holds the bytes as appended and one checksum of them all, whatever
    /// the pieces were.
    @Test func holdsTheBytesInOrderWhateverThePieces() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<700_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-cachefile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, cuts: [Int]) throws -> [UInt8] {
            let url = folder.appendingPathComponent(name)
            let file = try #require(CacheFile(url, checked: true))
            var start = 0
            for end in cuts + [bytes.count] {
                file.append(bytes[start..<end])
                start = end
            }
            file.finish()
            let readBack = CacheWriter.readChecked(url) == bytes  // compared here: a failure would print both arrays
            #expect(readBack, "\(name): read back")
            return try #require(ProjectFiles.read(url.path))
        }
        let whole = try write("whole", cuts: [])
        #expect(whole.count == bytes.count + 8)
        // Around the buffer (256 KiB) and the direct-write size (64 KiB): a small piece, a
        // large one, small pieces that fill the buffer past its end, a piece of exactly 64 KiB.
        let cuts = [10, 10 + 65_536, 70_000, 200_000, 262_000, 262_200, 400_000, 400_000 + 65_535, 600_000]
        let pieces = try write("pieces", cuts: cuts) == whole
        #expect(pieces)
        let bytewise = try write("bytewise", cuts: Array(stride(from: 1, to: 2_000, by: 1)) + [300_000]) == whole
        #expect(bytewise)
    }
}

@Suite struct FileReadTests {
    /// Files of every size come back whole: empty, one byte, exactly a page, one byte over.
    @Test(arguments: [0, 1, 4_096, 4_097, 100_003])
    func readsTheWholeFile(size: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: url)
        let read = try #require(ProjectFiles.read(url.path))
        #expect(read.count == size)
        let same = read == bytes  // compared here: a failure would print both arrays
        #expect(same)
    }

    #if os(Linux)
    /// A file longer than `fstat` said (procfs gives size 0): the rest is read after the size.
    @Test func readsPastTheSizeItWasGiven() throws {
        let read = try #require(ProjectFiles.read("/proc/self/status"))
        let text = String(decoding: read, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
        #expect(text.hasSuffix("\n"))
    }
    #endif

    @Test func aFolderOrAMissingFileIsNil() {
        #expect(ProjectFiles.read(FileManager.default.temporaryDirectory.path) == nil)
        #expect(ProjectFiles.read("/nonexistent/reckon-\(UUID().uuidString)") == nil)
    }
}

@Suite struct BytePrefixTests {
    @Test(arguments: [
        ("content/posts/a.md", true, true), ("content/", true, false), ("content", false, false), ("", false, false),
        ("templates/content/x.md", false, true), ("contenu/é.md", false, true), ("content/数据.md", true, true),
    ])
    func matchesTheBytes(path: String, content: Bool, markdown: Bool) {
        #expect(path.hasBytePrefix("content/") == content)
        #expect(path.hasByteSuffix(".md") == markdown)
        #expect(path.hasBytePrefix(""))
        #expect(path.hasByteSuffix(""))
    }
}

@Suite struct NameIndexTests {
    /// Names laid out as a cache file holds them: each name's bytes, then its entry's.
    static func layout(_ entries: [(String, String)]) -> (bytes: [UInt8], ranges: [(name: Range<Int>, value: Range<Int>)]) {
        var bytes: [UInt8] = [], ranges: [(Range<Int>, Range<Int>)] = []
        for (name, value) in entries {
            let nameStart = bytes.count
            bytes += name.utf8
            let valueStart = bytes.count
            bytes += value.utf8
            ranges.append((nameStart..<valueStart, valueStart..<bytes.count))
        }
        return (bytes, ranges)
    }

    @Test(arguments: [false, true])
    func findsEachNameAndTheLastOfARepeat(allCollide: Bool) {
        let entries = [("posts/a/index.html", "A"), ("posts/b/index.html", "B"), ("", "empty"), ("tags/ai/", "T"),
                       ("posts/a/index.html", "A2"), ("posts/é/index.html", "E"), ("posts/a/index.htm", "short")]
        let (bytes, ranges) = Self.layout(entries)
        var index = allCollide ? NameIndex(capacity: 2, hash: { _ in 7 }) : NameIndex()
        for range in ranges { index.add(name: range.name, value: range.value, in: bytes) }
        func value(_ name: String) -> String? { index.find(name, in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) } }
        #expect(value("posts/a/index.html") == "A2")
        #expect(value("posts/b/index.html") == "B")
        #expect(value("") == "empty")
        #expect(value("tags/ai/") == "T")
        #expect(value("posts/é/index.html") == "E")
        #expect(value("posts/e\u{301}/index.html") == nil)  // other bytes: another name
        #expect(value("posts/a/index.htm") == "short")
        #expect(value("posts/a/index.htmlx") == nil)
        #expect(value("posts/c/index.html") == nil)
    }
}

@Suite struct CacheNumberTests {
    /// Numbers of one byte (below 128) and of more, back as written; a number cut short, or
    /// longer than ten bytes, is damage.
    @Test func numbersComeBackAsWritten() throws {
        let numbers: [UInt64] = [0, 1, 127, 128, 255, 300, 16_383, 16_384, 1 << 32, UInt64.max - 1, UInt64.max]
        var writer = CacheWriter()
        for number in numbers { writer.write(number) }
        writer.write(Int(-1)); writer.write(UInt64?.none); writer.write(UInt64?.some(200))
        #expect(writer.bytes.prefix(5) == [0, 1, 127, 0x80, 0x01])
        var reader = CacheReader(writer.bytes)
        for number in numbers { #expect(try reader.uint() == number) }
        #expect(try reader.int() == -1)
        #expect(try reader.optionalUInt() == nil)
        #expect(try reader.optionalUInt() == 200)
        #expect(reader.atEnd)
        var cut = CacheReader([0x80, 0x80])
        #expect(throws: CacheReader.Damaged.self) { try cut.uint() }
        var endless = CacheReader([UInt8](repeating: 0xFF, count: 11) + [0])
        #expect(throws: CacheReader.Damaged.self) { try endless.uint() }
        var empty = CacheReader([])
        #expect(throws: CacheReader.Damaged.self) { try empty.uint() }
    }
}
