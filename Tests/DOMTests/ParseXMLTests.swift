import Diagnostics
import DOM
import Testing

@Suite("Document.parseXML")
struct ParseXMLTests {
    let file = "templates/page.html"

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    @Test func wellFormedXMLParsesWithBlanksKept() throws {
        let document = try Document.parseXML("<ul>\n  <li>a</li>\n</ul>", file: file)
        let root = try #require(document.root)
        #expect(root.name == "ul")
        #expect(root.children.map(\.kind) == [.text, .element, .text])
        #expect(root.children[1].line == 2)
    }

    @Test func extraContentAfterTheRootIsReportedAtItsStart() {
        #expect(parseErrors("<p></p><q/>") == DiagnosticError([
            .error("malformed XML: extra content at the end of the document", at: at(1, 8)),
        ]))
        #expect(parseErrors("<p>a</p>\n<p>b</p>") == DiagnosticError([
            .error("malformed XML: extra content at the end of the document", at: at(2, 1)),
        ]))
    }

    @Test func aBareAmpersandIsReportedJustAfterIt() {
        // line 2 is `  <p>a & b</p>`: `&` is column 8, libxml2 stops at the next character.
        #expect(parseErrors("<html>\n  <p>a & b</p>\n</html>") == DiagnosticError([
            .error("malformed XML: xmlParseEntityRef: no name", at: at(2, 9)),
        ]))
    }

    /// After the first well-formedness error libxml2 reports consequences of it; only the
    /// first is kept, placed at the end tag that does not match.
    @Test func onlyTheFirstWellFormednessErrorIsReportedAtTheMismatchedEndTag() {
        #expect(parseErrors("<p><b></p>") == DiagnosticError([
            .error("malformed XML: opening and ending tag mismatch: b line 1 and p", at: at(1, 7)),
        ]))
        // line 3 is `    <p>a<b>x</p>`: the `</p>` starts at column 13.
        #expect(parseErrors("<html>\n  <body>\n    <p>a<b>x</p>\n  </body>\n</html>") == DiagnosticError([
            .error("malformed XML: opening and ending tag mismatch: b line 3 and p", at: at(3, 13)),
        ]))
    }

    @Test func anUnclosedElementIsReportedAtTheEndOfTheText() {
        #expect(parseErrors("<p>") == DiagnosticError([
            .error("malformed XML: premature end of data in tag p line 1", at: at(1, 4)),
        ]))
    }

    @Test func emptyTextIsMalformedWithoutAPosition() {
        #expect(parseErrors("") == DiagnosticError([.error("malformed XML", at: SourceLocation(file: file))]))
    }

    @Test func aNamedEntityIsReportedAtItsAmpersandWithTheCharacterToUse() {
        #expect(parseErrors("<p>a&nbsp;b</p>") == DiagnosticError([
            .error("named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
                   at: at(1, 5)),
        ]))
    }

    @Test func aNamedEntityColumnCountsCharactersOnACJKLine() {
        // Line 2 is `<p>價格：&nbsp;100</p>`: the `&` is the 7th character (the 13th byte).
        #expect(parseErrors("<html>\n<p>價格：&nbsp;100</p>\n</html>") == DiagnosticError([
            .error("named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
                   at: at(2, 7)),
        ]))
    }

    @Test func everyDistinctNamedEntityIsReported() {
        #expect(parseErrors("<p>&nbsp;&copy;</p>") == DiagnosticError([
            .error("named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
                   at: at(1, 4)),
            .error("named entity `&copy;` is not defined in XHTML templates: write the character itself or `&#169;` (U+00A9)",
                   at: at(1, 10)),
        ]))
    }

    @Test func anEntityHTMLDoesNotDefineSuggestsANumericReference() {
        #expect(parseErrors("<p>&bogus;</p>") == DiagnosticError([
            .error("named entity `&bogus;` is not defined in XHTML templates: write the character itself or a numeric reference",
                   at: at(1, 4)),
        ]))
    }

    @Test func theFiveXMLEntitiesAndNumericReferencesAreAccepted() throws {
        let document = try Document.parseXML("<p>&lt;&gt;&amp;&quot;&apos;&#160;&#x41;</p>", file: file)
        #expect(document.root?.text == "<>&\"'\u{A0}A")
    }

    @Test func aFileWithAByteOrderMarkParses() throws {
        let document = try Document.parseXML("\u{FEFF}<p class=\"a\">價格</p>", file: file)
        let root = try #require(document.root)
        #expect(root.name == "p")
        #expect(root.attribute("class") == "a")
        #expect(root.text == "價格")
    }
}
