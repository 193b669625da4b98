import DOM
import Diagnostics
import Templates
import Testing

@Suite struct LayoutChecksTests {
    @Test func aPageFillsASlotThatAMidLevelLayoutDeclaresInsideItsFill() throws {
        let sources = [
            "base.html": "<html \(r)><body><main r:slot=\"main\"><p>fallback</p></main><footer r:slot=\"foot\">f</footer></body></html>",
            "section.html": "<html \(r) r:layout=\"base.html\"><main r:fill=\"main\"><h1>Section</h1><div r:slot=\"content\">section fallback</div></main></html>",
            "page.html": "<html \(r) r:layout=\"section.html\"><div r:fill=\"content\">page content</div></html>",
        ]
        let (html, diagnostics) = try render(sources)
        #expect(diagnostics == [])
        #expect(html == "<html><body><main><h1>Section</h1><div>page content</div></main><footer>f</footer></body></html>")
    }

    @Test func aLayoutPathLeavingTemplatesIsRefused() {
        #expect(compileError(["page.html": "<html \(r) r:layout=\"../x.html\"/>"]) == DiagnosticError([
            error("template path `../x.html` leaves templates/: includes stay inside the templates folder", "page.html", 1, 47),
        ]))
    }

    @Test func aLayoutOnAnInnerElementIsAnError() {
        #expect(compileError(["page.html": "<html \(r)><p r:layout=\"base.html\"/></html>"]) == DiagnosticError([
            error("r:layout belongs on the template's root element", "page.html", 1, 40),
        ]))
    }

    @Test func aFillWithoutASlotIsAnErrorWithASuggestion() {
        let sources = [
            "base.html": "<html \(r)><main r:slot=\"main\"/></html>",
            "page.html": "<html \(r) r:layout=\"base.html\">\n<main r:fill=\"mian\"/></html>",
        ]
        #expect(compileError(sources) == DiagnosticError([
            error("no layout above page.html has a slot `mian`: did you mean `main`?", "page.html", 2, 1),
        ]))
    }
}
