@testable import Markup
import Testing

@Suite struct SourceLinesTests {
    @Test func splitsAtLineFeedsAndDropsACarriageReturn() {
        let lines = SourceLines("a | b\r\n\nc\n| d")
        #expect(lines.count == 4)
        #expect((1...4).map { lines[$0] } == ["a | b", "", "c", "| d"])
        #expect(lines[0] == "" && lines[5] == "")
    }

    @Test func aFinalLineFeedStartsAnEmptyLastLine() {
        let lines = SourceLines("one\ntwo\n")
        #expect(lines.count == 3)
        #expect(lines[2] == "two" && lines[3] == "")
    }

    @Test func anEmptyTextHasOneEmptyLine() {
        let lines = SourceLines("")
        #expect(lines.count == 1)
        #expect(lines[1] == "")
        #expect(!lines.line(1, contains: UInt8(ascii: "|")))
    }

    /// The test looks at the line's bytes only, its line end included, never the next line's.
    @Test func findsAByteInOneLine() {
        let lines = SourceLines("a | b\nno pipe\n|\né|")
        let pipe = UInt8(ascii: "|")
        #expect((0...5).map { lines.line($0, contains: pipe) } == [false, true, false, true, true, false])
        #expect(lines.line(2, contains: UInt8(ascii: "\n")))
        #expect(!lines.line(4, contains: UInt8(ascii: "\n")))
    }
}
