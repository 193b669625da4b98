import Diagnostics
import Testing

@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    @Test func anASCIILineGetsTheSourceLineAndACaretUnderTheColumn() {
        let files = ["content/posts/palm.md": "# PaLM\n\nTraining cost `= cost + flops`\n"]
        let diagnostic = Diagnostic.error("cannot add USD and FLOP",
                                          at: SourceLocation(file: "content/posts/palm.md", line: 3, column: 5))
        #expect(renderer(files).render(diagnostic) == """
            content/posts/palm.md:3:5: error: cannot add USD and FLOP
             3 | Training cost `= cost + flops`
               |     ^
            """)
    }

    @Test func theCaretIsPlacedByDisplayWidthOnACJKLine() {
        let files = ["a.md": "價格 = x\n"]
        let diagnostic = Diagnostic.error("unknown name `x`", at: SourceLocation(file: "a.md", line: 1, column: 6))
        #expect(renderer(files).render(diagnostic) == """
            a.md:1:6: error: unknown name `x`
             1 | 價格 = x
               |        ^
            """)
    }

    @Test func aTabIsPrintedAsOneSpaceSoTheCaretStaysAligned() {
        let files = ["t.csv": "a\n\tx = 1\n"]
        let diagnostic = Diagnostic.warning("unused", at: SourceLocation(file: "t.csv", line: 2, column: 2))
        #expect(renderer(files).render(diagnostic) == "t.csv:2:2: warning: unused\n 2 |  x = 1\n   |  ^")
    }

    @Test func aByteOrderMarkIsNotPrintedNorCounted() {
        let files = ["a.md": "\u{FEFF}價 x\n"]
        #expect(renderer(files).render(.error("here", at: SourceLocation(file: "a.md", line: 1, column: 3)))
            == "a.md:1:3: error: here\n 1 | 價 x\n   |    ^")
    }

    @Test func aWholeFileLocationPrintsOnlyTheSummary() {
        let files = ["site.yaml": "title: x\n"]
        #expect(renderer(files).render(.error("missing `baseURL`", at: SourceLocation(file: "site.yaml")))
            == "site.yaml: error: missing `baseURL`")
        #expect(renderer(files).render(.error("x", at: SourceLocation(file: "site.yaml", line: 9, column: 1)))
            == "site.yaml:9:1: error: x")
        #expect(renderer([:]).render(.error("x", at: SourceLocation(file: "gone.md", line: 1, column: 1)))
            == "gone.md:1:1: error: x")
    }

    @Test func aLineWithoutAColumnHasNoCaret() {
        let files = ["a.md": "one\ntwo\n"]
        #expect(renderer(files).render(.error("bad line", at: SourceLocation(file: "a.md", line: 2)))
            == "a.md:2: error: bad line\n 2 | two")
    }

    @Test func severalDiagnosticsAreSortedByFileLineAndColumn() {
        let files = ["a.md": String(repeating: "x\n", count: 9) + "abc\n", "b.md": "b\n"]
        let diagnostics: [Diagnostic] = [
            .error("third", at: SourceLocation(file: "a.md", line: 10, column: 3)),
            .error("fourth", at: SourceLocation(file: "b.md", line: 1, column: 1)),
            .error("second", at: SourceLocation(file: "a.md", line: 10, column: 1)),
            .error("first", at: SourceLocation(file: "a.md", line: 2, column: 1)),
        ]
        #expect(renderer(files).render(diagnostics) == """
            a.md:2:1: error: first
             2 | x
               | ^
            a.md:10:1: error: second
             10 | abc
                | ^
            a.md:10:3: error: third
             10 | abc
                |   ^
            b.md:1:1: error: fourth
             1 | b
               | ^
            """)
    }
}

@Suite("Diagnostics and locations")
struct DiagnosticTests {
    @Test func aLocationPrintsOnlyItsKnownParts() {
        #expect(SourceLocation(file: "a.md", line: 3, column: 7).description == "a.md:3:7")
        #expect(SourceLocation(file: "a.md", line: 3).description == "a.md:3")
        #expect(SourceLocation(file: "a.md").description == "a.md")
        #expect(SourceLocation(file: "a.md", line: 3, column: 7).advanced(by: 4) == SourceLocation(file: "a.md", line: 3, column: 11))
    }

    @Test func diagnosticsSortByLocationThenErrorsFirstThenMessage() {
        let here = SourceLocation(file: "a.md", line: 1, column: 1)
        let diagnostics: [Diagnostic] = [
            .warning("w", at: here),
            .error("b", at: here),
            .error("a", at: SourceLocation(file: "a.md", line: 1, column: 2)),
            .error("a", at: here),
            .error("z", at: SourceLocation(file: "A.md", line: 5, column: 1)),
        ]
        #expect(diagnostics.sorted().map(\.summary) == [
            "A.md:5:1: error: z",
            "a.md:1:1: error: a",
            "a.md:1:1: error: b",
            "a.md:1:1: warning: w",
            "a.md:1:2: error: a",
        ])
    }

    @Test func byteColumnsBecomeCharacterColumns() {
        let line: Substring = "價格 = x"
        #expect(String.characterColumn(fromByteColumn: 10, in: line) == 6)  // `x`: 3 + 3 + 1 + 1 + 1 bytes before it
        #expect(String.characterColumn(fromByteColumn: 4, in: line) == 2)   // `格`
        #expect(String.characterColumn(fromByteColumn: 1, in: line) == 1)
        #expect(String.characterColumn(fromByteColumn: 0, in: line) == 0)
        #expect(String.characterColumn(fromByteColumn: 5, in: "abc") == 5)  // past the end: one per byte
        #expect(String.characterColumn(fromByteColumn: 4, in: "e\u{301}x") == 2)  // é is one character of 3 bytes
        // A line inside a longer text (its bytes start past the first line's).
        let lines = "價格\nab = x價\n".sourceLines
        #expect(String.characterColumn(fromByteColumn: 6, in: lines[1]) == 6)  // `x`: ASCII before it
        #expect(String.characterColumn(fromByteColumn: 7, in: lines[1]) == 7)  // `價`
    }

    @Test func sourceLinesSplitOnNewlines() {
        #expect("a\nb\n\nc\n".sourceLines == ["a", "b", "", "c", ""])
    }

    @Test func displayWidthIsTwoForWideCharacters() {
        #expect(Array("a價カ한！😀é").map(\.displayWidth) == [1, 2, 2, 2, 2, 2, 1])
    }

    @Test func aCloseNameIsSuggestedForATypo() {
        let directives = ["content", "each", "fill", "if", "include", "layout", "let", "omit", "slot", "text"]
        #expect("iff".closest(among: directives) == "if")
        #expect("frobnicate".closest(among: directives) == nil)
        #expect("pagez".closest(among: ["page", "pages"]) == "pages")
        #expect("kitten".editDistance(to: "sitting") == 3)
    }
}
