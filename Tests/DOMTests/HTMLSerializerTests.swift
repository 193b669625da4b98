import DOM
import Testing

@Suite("HTML5 serializer")
struct HTMLSerializerTests {
    let serializer = HTMLSerializer()

    @Test func aDocumentIsTheDoctypeThenTheRootThenANewline() throws {
        let document = try Document.parseXML("<html><head><title>T</title></head><body><p>x</p></body></html>", file: "t.html")
        #expect(serializer.serialize(document)
            == "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>x</p></body></html>\n")
    }

    @Test func anEmptyDocumentIsOnlyTheDoctype() {
        #expect(serializer.serialize(Document()) == "<!DOCTYPE html>\n\n")
    }

    @Test func voidElementsHaveNoEndTag() throws {
        let html = try serializedRoot("""
            <p><br/><img src="a.png" alt=""/><meta charset="utf-8"/><link rel="icon" href="i.png"/><hr/>\
            <source src="v.webm" type="video/webm"/><input type="text" name="q"/><wbr/></p>
            """)
        #expect(html == """
            <p><br><img src="a.png" alt=""><meta charset="utf-8"><link rel="icon" href="i.png"><hr>\
            <source src="v.webm" type="video/webm"><input type="text" name="q"><wbr></p>
            """)
    }

    @Test func scriptAndStyleKeepTheirTextUnescaped() throws {
        let html = try serializedRoot("""
            <head><script>if (a &lt; b &amp;&amp; c) { d(); }</script><style>a &gt; b::after { content: "&amp;"; }</style></head>
            """)
        #expect(html == #"<head><script>if (a < b && c) { d(); }</script><style>a > b::after { content: "&"; }</style></head>"#)
    }

    @Test func scriptTextBuiltInTheDOMIsWrittenAsIs() {
        let document = Document()
        let script = document.createElement("script")
        script.append(document.createText("a < b && c"))
        #expect(serializer.serialize(script) == "<script>a < b && c</script>")
    }

    @Test func emptyNonVoidElementsHaveAStartAndAnEndTag() throws {
        #expect(try serializedRoot(#"<body><div></div><p/><script src="app.js"/><span class="x"/><textarea/></body>"#)
            == #"<body><div></div><p></p><script src="app.js"></script><span class="x"></span><textarea></textarea></body>"#)
        let document = Document()
        #expect(serializer.serialize(document.createElement("script")) == "<script></script>")
    }

    @Test func textEscapesAmpersandAndAngleBracketsButNotQuotes() {
        let document = Document()
        let p = document.createElement("p")
        p.append(document.createText(#"a & b < c > d "e" 'f' 價格"#))
        #expect(serializer.serialize(p) == #"<p>a &amp; b &lt; c &gt; d "e" 'f' 價格</p>"#)
    }

    @Test func attributesEscapeAmpersandAndQuoteButNotAngleBrackets() {
        let document = Document()
        let a = document.createElement("a")
        a.setAttribute("title", "a&b \"c\" <d> 'e'")
        #expect(serializer.serialize(a) == #"<a title="a&amp;b &quot;c&quot; <d> 'e'"></a>"#)
    }

    @Test func textAndAttributeValuesAreNeverParsedAsMarkup() {
        let document = Document()
        let p = document.createElement("p")
        p.setAttribute("title", "<b>&amp;</b>")
        p.append(document.createText("<b>&amp;</b>"))
        #expect(serializer.serialize(p) == #"<p title="<b>&amp;amp;</b>">&lt;b&gt;&amp;amp;&lt;/b&gt;</p>"#)
        #expect(p.attribute("title") == "<b>&amp;</b>")
        #expect(p.text == "<b>&amp;</b>")
    }

    @Test func attributesAreWrittenInDocumentOrder() throws {
        #expect(try serializedRoot(#"<p z="1" a="2" m="3" b="4"/>"#) == #"<p z="1" a="2" m="3" b="4"></p>"#)
        let document = try Document.parseXML(#"<p z="1" a="2"/>"#, file: "t.html")
        let p = document.root!
        p.setAttribute("z", "9")   // replaced in place
        p.setAttribute("c", "3")   // appended
        p.removeAttribute("a")
        #expect(serializer.serialize(p) == #"<p z="9" c="3"></p>"#)
    }

    @Test func preWhoseTextStartsWithANewlineGetsAnExtraNewline() throws {
        #expect(try serializedRoot("<div><pre>\ncode\n</pre><pre>code</pre><textarea>\nx</textarea></div>")
            == "<div><pre>\n\ncode\n</pre><pre>code</pre><textarea>\n\nx</textarea></div>")
    }

    @Test func preStartingWithAnElementGetsNoExtraNewline() throws {
        #expect(try serializedRoot("<pre><code>\nx</code></pre>") == "<pre><code>\nx</code></pre>")
    }

    @Test func commentsAreWrittenAsComments() throws {
        #expect(try serializedRoot("<p>a<!-- note: a < b -->b</p>") == "<p>a<!-- note: a < b -->b</p>")
        let document = Document()
        let div = document.createElement("div")
        div.append(document.createComment(" built "))
        #expect(serializer.serialize(div) == "<div><!-- built --></div>")
    }

    @Test func namespaceDeclarationsAreDropped() throws {
        #expect(try serializedRoot(#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>"#)
            == #"<svg><rect width="1"></rect></svg>"#)
        #expect(try serializedRoot(#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" lang="en"><body/></html>"#)
            == #"<html lang="en"><body></body></html>"#)
    }

    @Test func prefixedAttributesKeepTheirPrefix() throws {
        #expect(try serializedRoot(##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/></svg>"##)
            == ##"<svg><use xlink:href="#a"></use></svg>"##)
        #expect(try serializedRoot(#"<p xml:lang="en">x</p>"#) == #"<p xml:lang="en">x</p>"#)
    }

    @Test func parsedEntitiesAndCDATAAreWrittenAsEscapedText() throws {
        #expect(try serializedRoot("<p>&lt;&amp;&gt;&quot;&apos;&#160;&#x50F9;</p>") == "<p>&lt;&amp;&gt;\"'\u{A0}價</p>")
        #expect(try serializedRoot("<p><![CDATA[a < b & c]]></p>") == "<p>a &lt; b &amp; c</p>")
    }

    @Test func aFragmentIsWrittenAsItsChildren() {
        let document = Document()
        let fragment = document.createFragment()
        let b = document.createElement("b")
        b.append(document.createText("x"))
        fragment.append(b)
        fragment.append(document.createText(" & y"))
        #expect(serializer.serialize(fragment) == "<b>x</b> &amp; y")
    }

    @Test func appendingAFragmentMovesItsChildren() {
        let document = Document()
        let fragment = document.createFragment()
        fragment.append(document.createElement("i"))
        fragment.append(document.createText("t"))
        let div = document.createElement("div")
        div.append(document.createText("s"))
        div.append(fragment)
        #expect(serializer.serialize(div) == "<div>s<i></i>t</div>")
        #expect(fragment.children.isEmpty)
        document.discard(fragment)
        document.root = div
        #expect(serializer.serialize(document) == "<!DOCTYPE html>\n<div>s<i></i>t</div>\n")
    }
}

@Suite struct TextNodeTests {
    @Test func setTextReplacesATextNodeVerbatim() {
        let document = Document()
        let p = document.createElement("p")
        document.root = p
        let text = document.createText("old")
        p.append(text)
        text.setText("a & <b>")
        #expect(HTMLSerializer().serialize(p) == "<p>a &amp; &lt;b&gt;</p>")
    }

    @Test func controlCharactersAreDroppedFromTextAndAttributes() {
        let document = Document()
        let p = document.createElement("p")
        document.root = p
        p.setAttribute("title", "x\u{7}y\u{85}")
        p.append(document.createText("a\u{1}b\u{7F}c\u{9F}\td\n"))
        #expect(HTMLSerializer().serialize(p) == "<p title=\"xy\">abc\td\n</p>")
    }

    /// An element with one attribute and one text child, as the root of a new document (which
    /// owns it: keep the document alive while using the element).
    func element(_ name: String, attribute: (String, String), text: String) -> (Document, Node) {
        let document = Document()
        let element = document.createElement(name)
        document.root = element
        element.setAttribute(attribute.0, attribute.1)
        element.append(document.createText(text))
        return (document, element)
    }

    /// Runs of plain bytes are copied whole; what needs escaping or dropping is found between
    /// them wherever it sits: first, last, next to multi-byte characters. HTML, then XML.
    @Test func escapesBetweenRunsOfPlainBytes() {
        let (html, p) = element("p", attribute: ("title", "<a href=\"x\">¢ & é</a>\u{85}"), text: "\"¢\" & <é> \u{9F}Â¢€\u{FFFE}&")
        withExtendedLifetime(html) {
            #expect(HTMLSerializer().serialize(p)
                == "<p title=\"<a href=&quot;x&quot;>¢ &amp; é</a>\">\"¢\" &amp; &lt;é&gt; Â¢€\u{FFFE}&amp;</p>")
        }
        let (xml, svg) = element("svg", attribute: ("aria-label", "a\tb\nc\rd \"¢\" <e> & f"),
                                 text: "\"¢\" & <é> \u{9F}Â¢\u{FFFE}\u{FFFF}\u{FFFD}\r&")
        withExtendedLifetime(xml) {
            #expect(XMLSerializer().serialize(svg)
                == "<svg aria-label=\"a&#9;b&#10;c&#13;d &quot;¢&quot; &lt;e> &amp; f\">\"¢\" &amp; &lt;é&gt; Â¢\u{FFFD}&#13;&amp;</svg>")
        }
    }
}
