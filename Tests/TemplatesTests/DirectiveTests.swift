import Diagnostics
import DOM
import Formulas
import Templates
import Testing

@Suite("Template directives")
struct DirectiveTests {
    @Test func textReplacesTheChildrenWithEscapedText() throws {
        #expect(try html(#"<p \#(r) class="x" r:text="s">placeholder <b>bold</b></p>"#, ["s": "a < b & c > d"])
            == #"<p class="x">a &lt; b &amp; c &gt; d</p>"#)
    }

    @Test func textWritesNumbersBooleansAndNullAsText() throws {
        #expect(try html(#"<p \#(r)><a r:text="n"/><b r:text="f"/><i r:text="t"/><s r:text="none">x</s><u r:text="list"/></p>"#,
                         ["n": 3, "f": 2.5, "t": true, "none": .null, "list": [1, "b"]])
            == "<p><a>3</a><b>2.5</b><i>true</i><s></s><u>1, b</u></p>")
    }

    /// `<section><b>x</b> &amp; y</section>`, unattached, in `document`.
    func boldAndText(in document: Document) -> Node {
        let container = document.createElement("section")
        let b = document.createElement("b")
        b.append(document.createText("x"))
        container.append(b)
        container.append(document.createText(" & y"))
        return container
    }

    @Test func contentInsertsTheChildrenOfAMarkupFragment() throws {
        let document = Document()
        let container = boldAndText(in: document)
        let (html, diagnostics) = try render(#"<div \#(r) class="prose" r:content="body">placeholder</div>"#,
                                             scope: Scope(variables: ["body": .fragment(MarkupFragment(container))]),
                                             in: document)
        #expect(html == #"<div class="prose"><b>x</b> &amp; y</div>"#)
        #expect(diagnostics.isEmpty)
        // The fragment is copied, not moved: it can be inserted again.
        #expect(HTMLSerializer().serialize(container) == "<section><b>x</b> &amp; y</section>")
        document.discard(container)
    }

    /// A movable fragment's nodes go into the page at its first use, uncopied; a second use
    /// copies them from there; the container is left empty.
    @Test func aMovableFragmentIsMovedOnceThenCopied() throws {
        let document = Document()
        let container = boldAndText(in: document)
        let (html, diagnostics) = try render(
            #"<main \#(r)><div class="one" r:content="body">a</div><p r:content="body">b</p><div r:each="i in xs" r:content="body"/></main>"#,
            scope: Scope(variables: ["body": .fragment(MarkupFragment(container, movable: true)), "xs": [1, 2]]), in: document)
        #expect(html == #"<main><div class="one"><b>x</b> &amp; y</div><p><b>x</b> &amp; y</p><div><b>x</b> &amp; y</div><div><b>x</b> &amp; y</div></main>"#)
        #expect(diagnostics.isEmpty)
        #expect(HTMLSerializer().serialize(container) == "<section></section>")
        document.discard(container)
    }

    /// A fragment of another document is copied even when movable.
    @Test func aMovableFragmentOfAnotherDocumentIsCopied() throws {
        let other = Document()
        let container = other.createElement("section")
        container.append(other.createText("kept"))
        let (html, _) = try render(#"<div \#(r) r:content="body"/>"#,
                                   scope: Scope(variables: ["body": .fragment(MarkupFragment(container, movable: true))]))
        #expect(html == "<div>kept</div>")
        #expect(HTMLSerializer().serialize(container) == "<section>kept</section>")
        other.discard(container)
    }

    @Test func contentOfNullLeavesTheElementEmpty() throws {
        #expect(try html(#"<div \#(r) r:content="none">placeholder</div>"#, ["none": .null]) == "<div></div>")
    }

    @Test func contentOfAStringIsReportedAndInsertsNothing() throws {
        let (html, diagnostics) = try render(#"<div \#(r) r:content="page.summary">placeholder</div>"#,
                                             scope: Scope(variables: ["page": ["summary": "<b>no</b>"]]))
        #expect(html == "<div></div>")
        #expect(diagnostics == [
            error("r:content needs markup, but `page.summary` is a string: use r:text for text", "page.html", 1, 47),
        ])
    }

    @Test func textOfMarkupIsReportedAndInsertsNothing() throws {
        let document = Document()
        let container = document.createElement("div")
        let (html, diagnostics) = try render(#"<p \#(r) r:text="body"/>"#,
                                             scope: Scope(variables: ["body": .fragment(MarkupFragment(container))]),
                                             in: document)
        #expect(html == "<p></p>")
        #expect(diagnostics == [error("r:text needs text, but `body` is markup: use r:content", "page.html", 1, 42)])
        document.discard(container)
    }

    @Test func eachRepeatsTheElementWithLoopIndexFirstAndLast() throws {
        #expect(try html("""
            <ul \(r)><li r:each="x in xs" r:data-index="loop.index" r:data-first="loop.first" \
            r:data-last="loop.last" r:data-length="loop.length" r:text="x">item</li></ul>
            """, ["xs": ["a", "b", "c"]]) == """
            <ul><li data-index="0" data-first="" data-length="3">a</li><li data-index="1" data-length="3">b</li>\
            <li data-index="2" data-last="" data-length="3">c</li></ul>
            """)
    }

    @Test func eachOfOneItemIsBothFirstAndLast() throws {
        #expect(try html(#"<ul \#(r)><li r:each="x in xs" r:data-first="loop.first" r:data-last="loop.last" r:text="x"/></ul>"#,
                         ["xs": ["only"]]) == #"<ul><li data-first="" data-last="">only</li></ul>"#)
    }

    @Test func eachOverAnEmptyListOrNullRendersNothing() throws {
        let template = #"<ul \#(r)><li r:each="x in xs" r:text="x">item</li></ul>"#
        #expect(try html(template, ["xs": []]) == "<ul></ul>")
        #expect(try html(template, ["xs": .null]) == "<ul></ul>")
    }

    @Test func eachOverAStringIsReported() throws {
        let (html, diagnostics) = try render(#"<ul \#(r)><li r:each="x in xs" r:text="x">item</li></ul>"#,
                                             scope: Scope(variables: ["xs": "abc"]))
        #expect(html == "<ul></ul>")
        #expect(diagnostics == [error("r:each needs a list, but `xs` is a string", "page.html", 1, 52)])
    }

    @Test func eachOverARecordGivesKeyAndValue() throws {
        #expect(try html(#"<dl \#(r)><dt r:each="f in rec" r:title="f.value" r:text="f.key"/></dl>"#,
                         ["rec": ["b": 1, "a": 2]]) == #"<dl><dt title="1">b</dt><dt title="2">a</dt></dl>"#)
    }

    @Test func eachNestsAndTheInnerLoopHidesTheOuter() throws {
        #expect(try html("""
            <table \(r)><tr r:each="row in rows" r:data-row="loop.index"><td r:each="c in row" r:text="c" r:data-col="loop.index"/></tr></table>
            """, ["rows": [[1, 2], [3]]]) == """
            <table><tr data-row="0"><td data-col="0">1</td><td data-col="1">2</td></tr><tr data-row="1"><td data-col="0">3</td></tr></table>
            """)
    }

    @Test func ifKeepsTheElementOnlyWhenTheValueIsTruthy() throws {
        #expect(try html("""
            <div \(r)><p r:if="yes">yes</p><p r:if="no">no</p><p r:if="zero">zero</p><p r:if="one">one</p>\
            <p r:if="empty">empty</p><p r:if="word">word</p><p r:if="none">none</p><p r:if="list">list</p>\
            <p r:if="nolist">nolist</p><p r:if="not none">not none</p></div>
            """, ["yes": true, "no": false, "zero": 0, "one": 1, "empty": "", "word": "w", "none": .null,
                  "list": [1], "nolist": []])
            == "<div><p>yes</p><p>one</p><p>word</p><p>list</p><p>not none</p></div>")
    }

    @Test func letBindsANameForTheElementAndItsDescendants() throws {
        #expect(try html("""
            <div \(r) r:let="greeting = 'Hello, ' + name"><p r:text="greeting"/><p><b r:text="greeting + '!'"/></p></div>
            """, ["name": "Ada"]) == "<div><p>Hello, Ada</p><p><b>Hello, Ada!</b></p></div>")
    }

    @Test func letDoesNotLeakToSiblings() throws {
        let (html, diagnostics) = try render(#"<div \#(r)><p r:let="x = 1" r:text="x"/><p r:text="x"/></div>"#)
        #expect(html == "<div><p>1</p><p></p></div>")
        #expect(diagnostics == [error("unknown name `x`", "page.html", 1, 76)])
    }

    @Test func includeInsertsThePartialRootAsAChild() throws {
        let (html, diagnostics) = try render([
            "page.html": #"<body \#(r)><div class="wrap" r:include="partials/nav.html">placeholder</div></body>"#,
            "partials/nav.html": #"<nav \#(r)><a href="/" r:text="site.title">Home</a></nav>"#,
        ], scope: Scope(variables: ["site": ["title": "Reckon"]]))
        #expect(html == #"<body><div class="wrap"><nav><a href="/">Reckon</a></nav></div></body>"#)
        #expect(diagnostics.isEmpty)
    }

    @Test func includeWithOmitInsertsOnlyThePartialAndSeesTheIncludersNames() throws {
        let (html, diagnostics) = try render([
            "page.html": #"<body \#(r)><div r:let="who = 'me'" r:include="partials/footer.html" r:omit=""/><p>after</p></body>"#,
            "partials/footer.html": #"<footer \#(r)><small r:text="who">x</small></footer>"#,
        ])
        #expect(html == "<body><footer><small>me</small></footer><p>after</p></body>")
        #expect(diagnostics.isEmpty)
    }

    @Test func emptyOmitKeepsTheChildrenAndDropsTheTag() throws {
        #expect(try html(#"<p \#(r)>a <span r:omit="">b <i>c</i> d</span> e</p>"#) == "<p>a b <i>c</i> d e</p>")
    }

    @Test func omitWithAnExpressionDropsTheTagOnlyWhenTruthy() throws {
        let template = #"<p \#(r)><a href="/x" r:omit="not link">text</a></p>"#
        #expect(try html(template, ["link": true]) == #"<p><a href="/x">text</a></p>"#)
        #expect(try html(template, ["link": false]) == "<p>text</p>")
    }

    @Test func attributeSettersSetReplaceOrDropTheAttribute() throws {
        #expect(try html("""
            <p \(r)><a href="/old" class="c" r:href="url">1</a><a r:href="none" href="/kept?">2</a>\
            <a href="/gone" r:href="no">3</a><input r:disabled="yes"/><input r:value="n"/><b r:title="q"/></p>
            """, ["url": "/new?a=1&b=2", "none": .null, "no": false, "yes": true, "n": 42, "q": #"say "hi" <now>"#])
            == """
            <p><a href="/new?a=1&amp;b=2" class="c">1</a><a>2</a><a>3</a><input disabled=""><input value="42">\
            <b title="say &quot;hi&quot; <now>"></b></p>
            """)
    }

    @Test func attrPrefixSetsAnAttributeWhoseNameIsADirective() throws {
        #expect(try html(#"<head \#(r)><meta name="description" r:attr-content="page.summary"/><div r:attr-text="'t'"/></head>"#,
                         ["page": ["summary": #"A "quoted" & short summary"#]])
            == #"<head><meta name="description" content="A &quot;quoted&quot; &amp; short summary"><div text="t"></div></head>"#)
    }

    @Test func dataAndAriaAttributesCanBeSet() throws {
        #expect(try html(#"<div \#(r) r:data-slug="s" r:aria-label="s"/>"#, ["s": "x"]) == #"<div data-slug="x" aria-label="x"></div>"#)
    }

    @Test func directivesRunInTheFixedOrderEachLetIfTextAttributesOmit() throws {
        // Written in the reverse order on purpose: the order is fixed, not the order written.
        #expect(try html("""
            <ul \(r)><li r:omit="x == 3" r:data-x="x" r:text="y" r:if="y > 10" r:let="y = x * 10" r:each="x in xs">item</li></ul>
            """, ["xs": [1, 2, 3]]) == #"<ul><li data-x="2">20</li>30</ul>"#)
    }

    @Test func directivesAndNamespaceDeclarationsAreNotInTheOutput() throws {
        #expect(try html("""
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" lang="en" r:data-kind="'page'">
            <body><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect r:width="w" height="1"/></svg>\
            <p r:if="true" r:let="a = 1" r:text="a">x</p></body>
            </html>
            """, ["w": 2]) == """
            <html lang="en" data-kind="page">
            <body><svg viewBox="0 0 2 2"><rect height="1" width="2"></rect></svg><p>1</p></body>
            </html>
            """)
    }

    @Test func staticTextCommentsAndVoidElementsAreKept() throws {
        #expect(try html("""
            <html \(r)><head><meta charset="utf-8"/><link rel="stylesheet" r:href="css"/><!-- styles --></head>\
            <body><p>a &amp; b &lt; c — 價格<br/>d</p><script>let x = 1 &lt; 2;</script></body></html>
            """, ["css": "/style.css"]) == """
            <html><head><meta charset="utf-8"><link rel="stylesheet" href="/style.css"><!-- styles --></head>\
            <body><p>a &amp; b &lt; c — 價格<br>d</p><script>let x = 1 < 2;</script></body></html>
            """)
    }

    @Test func renderingIsTheSameForEachDocument() throws {
        let set = try TemplateSet.compile(["page.html": #"<p \#(r) r:text="n"/>"#])
        #expect(set.names == ["page.html"])
        #expect(set.contains("page.html") && !set.contains("other.html"))
        for n in 1...3 {
            let document = Document()
            let (root, diagnostics) = set.render("page.html", scope: Scope(variables: ["n": .number(Double(n))]), in: document)
            let rendered: Node = try #require(root)
            document.root = rendered
            #expect(HTMLSerializer().serialize(document) == "<!DOCTYPE html>\n<p>\(n)</p>\n")
            #expect(diagnostics.isEmpty)
        }
        let (missing, diagnostics) = set.render("other.html", scope: Scope(), in: Document())
        #expect(missing == nil && diagnostics.isEmpty)
    }
}
