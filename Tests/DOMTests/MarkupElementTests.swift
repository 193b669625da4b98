import Diagnostics
import DOM
import Testing

@Suite("MarkupElement.parse")
struct MarkupElementTests {
    let file = "templates/page.html"

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    func element(_ node: MarkupNode?) -> MarkupElement? {
        if case .element(let element) = node { return element }
        return nil
    }

    @Test func elementsAndAttributesKnowWhereTheyStart() throws {
        let root = try MarkupElement.parse("""
            <html lang="en">
              <body class="page" id='top'>
                <p>x</p>
              </body>
            </html>
            """, file: file)
        #expect(root.location == at(1, 1))
        #expect(root.attributes == [
            MarkupAttribute(name: "lang", value: "en", location: at(1, 7), valueLocation: at(1, 13)),
        ])
        let body = try #require(root.children.compactMap(element).first)
        #expect(body.name == "body")
        #expect(body.location == at(2, 3))
        #expect(body.attributes == [
            MarkupAttribute(name: "class", value: "page", location: at(2, 9), valueLocation: at(2, 16)),
            MarkupAttribute(name: "id", value: "top", location: at(2, 22), valueLocation: at(2, 26)),
        ])
        let p = try #require(body.children.compactMap(element).first)
        #expect(p == MarkupElement(name: "p", children: [.text("x")], location: at(3, 5)))
    }

    @Test func aStartTagOverSeveralLinesGivesEachAttributeItsLine() throws {
        let root = try MarkupElement.parse("""
            <div xmlns:r="urn:reckon:template">
              <a
                 href="/x"
                 r:text="page.title">t</a>
            </div>
            """, file: file)
        let a = try #require(root.children.compactMap(element).first)
        #expect(a.location == at(2, 3))
        #expect(a.attributes == [
            MarkupAttribute(name: "href", value: "/x", location: at(3, 6), valueLocation: at(3, 12)),
            MarkupAttribute(name: "text", prefix: "r", namespaceURI: "urn:reckon:template", value: "page.title",
                            location: at(4, 6), valueLocation: at(4, 14)),
        ])
    }

    @Test func startTagsInCommentsAndCDATAAreSkipped() throws {
        let root = try MarkupElement.parse("""
            <div><!-- <p class="old"> --><![CDATA[<p>]]>
            <p class="new">x</p></div>
            """, file: file)
        #expect(root.children == [
            .comment(#" <p class="old"> "#),
            .text("<p>\n"),
            .element(MarkupElement(name: "p", attributes: [
                MarkupAttribute(name: "class", value: "new", location: at(2, 4), valueLocation: at(2, 11)),
            ], children: [.text("x")], location: at(2, 1))),
        ])
    }

    @Test func columnsCountCharactersAfterCJKText() throws {
        let root = try MarkupElement.parse(#"<p>價格：<b title="總計">1</b></p>"#, file: file)
        let b = try #require(root.children.compactMap(element).first)
        #expect(b.location == at(1, 7))
        #expect(b.attributes == [
            MarkupAttribute(name: "title", value: "總計", location: at(1, 10), valueLocation: at(1, 17)),
        ])
    }

    @Test func aTagWhoseNameStartsTheSameIsNotMistakenForAnother() throws {
        let root = try MarkupElement.parse(#"<div><pre>x</pre><p id="a">y</p></div>"#, file: file)
        let elements = root.children.compactMap(element)
        #expect(elements.map(\.name) == ["pre", "p"])
        #expect(elements.map(\.location) == [at(1, 6), at(1, 18)])
        #expect(elements[1].attributes.first?.location == at(1, 21))
    }

    @Test func aGreaterThanSignInsideAnAttributeValueDoesNotEndTheTag() throws {
        let root = try MarkupElement.parse(#"<a title="a > b" href="/x">t</a>"#, file: file)
        #expect(root.attributes.map(\.location) == [at(1, 4), at(1, 18)])
        #expect(root.attributes.map(\.valueLocation) == [at(1, 11), at(1, 24)])
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        let root = try MarkupElement.parse("\u{FEFF}<p id=\"a\">x</p>", file: file)
        #expect(root.location == at(1, 1))
        #expect(root.attributes.first?.location == at(1, 4))
    }

    @Test func namespacedElementsKeepPrefixAndURI() throws {
        let root = try MarkupElement.parse(#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>"#, file: file)
        #expect(root.namespaceURI == "http://www.w3.org/2000/svg")
        #expect(root.prefix == nil)
        let rect = try #require(root.children.compactMap(element).first)
        #expect(rect.location == at(1, 41))
        #expect(rect.namespaceURI == "http://www.w3.org/2000/svg")
    }

    @Test func malformedTextThrowsTheParseDiagnostics() {
        #expect(throws: DiagnosticError([
            .error("malformed XML: extra content at the end of the document", at: at(1, 8)),
        ])) {
            try MarkupElement.parse("<p></p><q/>", file: file)
        }
    }
}
