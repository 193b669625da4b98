@testable import Site
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
    ])
    func countsWordsAndCJKCharacters(text: String, words: Int, cjk: Int) {
        let measure = TextMeasure(text)
        #expect(measure.words == words)
        #expect(measure.cjkCharacters == cjk)
    }

    /// Every ASCII byte between two letters: a separator unless it is a letter or digit.
    @Test func splitsAtEveryASCIIByteButLettersAndDigits() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(TextMeasure("a\(Character(scalar))b").words == (isWord ? 1 : 2), "byte \(value)")
        }
    }
}
