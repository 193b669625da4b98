import Diagnostics
import Testing

@Suite struct LineEndingTests {
    @Test func sourceLinesSplitOnLFAndCRLF() {
        #expect("a\r\nb\n\nc".sourceLines == ["a", "b", "", "c"])
    }

    @Test func rendererShowsTheLineOfACRLFFile() {
        let renderer = DiagnosticRenderer { _ in "one\r\ntwo\r\n" }
        #expect(renderer.render(.error("bad", at: SourceLocation(file: "a.md", line: 2, column: 1)))
                == "a.md:2:1: error: bad\n 2 | two\n   | ^")
    }
}

@Suite struct SuggestionTests {
    @Test func aTranspositionCountsAsOneEdit() {
        #expect("sacle".editDistance(to: "scale") == 1)
        #expect("mian".editDistance(to: "main") == 1)
        #expect("abc".editDistance(to: "ca") == 3)
        #expect("kitten".editDistance(to: "sitting") == 3)
        #expect("sacle".closest(among: ["domain", "field", "format", "scale", "title"]) == "scale")
    }
}
