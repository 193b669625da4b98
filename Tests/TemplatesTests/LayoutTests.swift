import Diagnostics
import DOM
import Formulas
import Templates
import Testing

@Suite("Template layouts")
struct LayoutTests {
    let base = """
        <html \(r)><head><title r:text="title">T</title></head>\
        <body><main id="main" r:slot="main"><p>fallback</p></main><footer r:slot="footer">© Reckon</footer></body></html>
        """

    @Test func aFillReplacesTheSlotElementAndAnUnfilledSlotKeepsItsFallback() throws {
        let (html, diagnostics) = try render([
            "base.html": base,
            "page.html": #"<html \#(r) r:layout="base.html"><article r:fill="main" class="post"><h1 r:text="title">x</h1></article></html>"#,
        ], scope: Scope(variables: ["title": "PaLM"]))
        #expect(html == """
            <html><head><title>PaLM</title></head><body><article class="post"><h1>PaLM</h1></article>\
            <footer>© Reckon</footer></body></html>
            """)
        #expect(diagnostics.isEmpty)
    }

    @Test func theLayoutItselfRendersWithItsFallbacks() throws {
        let (html, _) = try render(["base.html": base], "base.html", scope: Scope(variables: ["title": "T"]))
        #expect(html == """
            <html><head><title>T</title></head><body><main id="main"><p>fallback</p></main><footer>© Reckon</footer></body></html>
            """)
    }

    @Test func fillsAreRenderedWithTheirDirectives() throws {
        let (html, diagnostics) = try render([
            "base.html": base,
            "page.html": """
                <html \(r) r:layout="base.html"><ul r:fill="footer" r:let="n = 2"><li r:each="i in slice(items, 0, n)" r:text="i"/></ul>\
                <p>outside any fill: not rendered</p></html>
                """,
        ], scope: Scope(variables: ["title": "T", "items": [10, 20, 30]]))
        #expect(html == """
            <html><head><title>T</title></head><body><main id="main"><p>fallback</p></main><ul><li>10</li><li>20</li></ul></body></html>
            """)
        #expect(diagnostics.isEmpty)
    }

    @Test func aTwoLevelLayoutChainFillsSlotsFromEveryLevelAndThePageWins() throws {
        let (html, diagnostics) = try render([
            "base.html": base,
            "section.html": """
                <html \(r) r:layout="base.html"><footer r:fill="footer">section footer</footer>\
                <main r:fill="main">section main</main></html>
                """,
            "page.html": #"<html \#(r) r:layout="section.html"><main r:fill="main">page main</main></html>"#,
        ], scope: Scope(variables: ["title": "T"]))
        #expect(html == """
            <html><head><title>T</title></head><body><main>page main</main><footer>section footer</footer></body></html>
            """)
        #expect(diagnostics.isEmpty)
    }
}
