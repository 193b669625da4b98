import Diagnostics
import DOM
import Testing

/// libxml2 2.9 reports columns in characters; they must not be converted again, and a BOM
/// or CRLF line ends must not shift them.
@Suite struct ColumnTests {
    let file = "templates/page.html"
    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    let extra = "malformed XML: extra content at the end of the document"

    @Test func columnsAfterNonASCIITextCountCharacters() {
        #expect(parseErrors("<p>價格</p><q/>") == DiagnosticError([.error(extra, at: at(1, 10))]))
        #expect(parseErrors("<p>價</p><q/>") == DiagnosticError([.error(extra, at: at(1, 9))]))
        #expect(parseErrors("<p>é</p><q/>") == DiagnosticError([.error(extra, at: at(1, 9))]))
        #expect(parseErrors("<p>😀</p><q/>") == DiagnosticError([.error(extra, at: at(1, 9))]))
    }

    @Test func aByteOrderMarkDoesNotShiftColumns() {
        #expect(parseErrors("\u{FEFF}<p></p><q/>") == DiagnosticError([.error(extra, at: at(1, 8))]))
        #expect(parseErrors("\u{FEFF}<p>&nbsp;</p>") == DiagnosticError([.error(
            "named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
            at: at(1, 4))]))
    }

    @Test func crlfLineEndsKeepLinesAndColumns() {
        #expect(parseErrors("<div>\r\n  <p>&nbsp;</p>\r\n</div>") == DiagnosticError([.error(
            "named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
            at: at(2, 6))]))
    }

    @Test func eachRepeatedEntityOnALineIsReportedAtItsOwnColumn() {
        let message = "named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)"
        #expect(parseErrors("<p>a&nbsp;b&nbsp;c</p>") == DiagnosticError([
            .error(message, at: at(1, 5)), .error(message, at: at(1, 12)),
        ]))
    }
}
