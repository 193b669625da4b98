import Diagnostics
import DOM
import Formulas
import Templates
import Testing

@Suite("Template compile errors")
struct CompileErrorTests {
    @Test func anUnknownDirectiveSuggestsTheClosestOne() {
        #expect(compileError(["page.html": """
            <html xmlns:r="urn:reckon:template">
              <p r:iff="x">a</p>
            </html>
            """]) == DiagnosticError([
            error("unknown directive `r:iff`: did you mean `r:if`?", "page.html", 2, 6),
        ]))
    }

    @Test func anUnknownDirectiveFarFromAnyListsThemAll() {
        #expect(compileError(["page.html": #"<p xmlns:r="urn:reckon:template" r:frobnicate="x"/>"#]) == DiagnosticError([
            error("unknown directive `r:frobnicate`: directives are r:content, r:each, r:fill, r:if, r:include, r:layout, r:let, r:omit, r:slot, r:text, or r:ATTRIBUTE to set an HTML attribute",
                  "page.html", 1, 34),
        ]))
    }

    @Test func anUnknownTemplateElementIsReported() {
        #expect(compileError(["page.html": """
            <div xmlns:r="urn:reckon:template">
              <r:if test="x">a</r:if>
            </div>
            """]) == DiagnosticError([
            error("unknown template element `r:if`: directives are attributes, such as `r:if` on an HTML element", "page.html", 2, 3),
        ]))
    }

    @Test func anExpressionErrorPointsInsideTheAttributeValue() {
        // Line 2: `  <p class="price" r:text="價格 * ">`: the value starts at column 28, its end is column 33.
        #expect(compileError(["page.html": """
            <div xmlns:r="urn:reckon:template">
              <p class="price" r:text="價格 * ">x</p>
            </div>
            """]) == DiagnosticError([
            error("unexpected end of expression: expected an expression", "page.html", 2, 33),
        ]))
    }

    @Test func aBindingErrorPointsAtTheTokenInTheAttribute() {
        #expect(compileError(["page.html": #"<p xmlns:r="urn:reckon:template" r:let="total len"/>"#]) == DiagnosticError([
            error("expected `=`, found `len`", "page.html", 1, 47),
        ]))
    }

    @Test func aMissingPartialIsReportedAtTheIncludeValue() {
        #expect(compileError(["page.html": #"<div xmlns:r="urn:reckon:template" r:include="partials/nav.html"/>"#]) == DiagnosticError([
            error("partial `partials/nav.html` not found in templates/", "page.html", 1, 47),
        ]))
    }

    @Test func aMissingLayoutIsReportedAtTheLayoutValue() {
        #expect(compileError(["page.html": #"<html xmlns:r="urn:reckon:template" r:layout="base.html"/>"#]) == DiagnosticError([
            error("layout `base.html` not found in templates/", "page.html", 1, 47),
        ]))
    }

    @Test func anIncludeCycleIsReportedOnceWhereItCloses() {
        #expect(compileError([
            "a.html": #"<div xmlns:r="urn:reckon:template" r:include="b.html"/>"#,
            "b.html": #"<div xmlns:r="urn:reckon:template"><p>b</p><span r:include="a.html"/></div>"#,
        ]) == DiagnosticError([
            error("include cycle: a.html → b.html → a.html", "b.html", 1, 61),
        ]))
    }

    @Test func aTemplateIncludingItselfIsACycle() {
        #expect(compileError(["a.html": #"<div xmlns:r="urn:reckon:template"><p r:include="a.html"/></div>"#]) == DiagnosticError([
            error("include cycle: a.html → a.html", "a.html", 1, 50),
        ]))
    }

    @Test func anIncludePathLeavingTheTemplatesFolderIsRefused() {
        #expect(compileError(["page.html": #"<div xmlns:r="urn:reckon:template"><p r:include="../x.html"/><p r:include="/etc/x.html"/><p r:include=""/></div>"#])
            == DiagnosticError([
                error("template path `../x.html` leaves templates/: includes stay inside the templates folder", "page.html", 1, 50),
                error("template path `/etc/x.html` must be relative to templates/", "page.html", 1, 76),
                error("empty template path", "page.html", 1, 104),
            ]))
    }

    @Test func aNamedEntityInATemplateIsReportedWithTheCharacterToUse() {
        #expect(compileError(["partials/footer.html": "<footer>\n  <p>©&nbsp;2024</p>\n</footer>"]) == DiagnosticError([
            error("named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
                  "partials/footer.html", 2, 7),
        ]))
    }

    @Test func malformedXMLInATemplateIsReported() {
        #expect(compileError(["page.html": "<div>\n  <p>a</p>\n</div>\n<div/>"]) == DiagnosticError([
            error("malformed XML: extra content at the end of the document", "page.html", 4, 1),
        ]))
    }

    @Test func aSlotFilledTwiceIsReported() {
        #expect(compileError([
            "base.html": #"<html xmlns:r="urn:reckon:template"><main r:slot="main"/></html>"#,
            "page.html": #"<html xmlns:r="urn:reckon:template" r:layout="base.html"><main r:fill="main"/><div r:fill="main"/></html>"#,
        ]) == DiagnosticError([
            error("slot `main` is filled twice in this template", "page.html", 1, 79),
        ]))
    }

    @Test func errorsInSeveralFilesAreReportedTogetherSorted() {
        #expect(compileError([
            "z.html": "<p>unclosed",
            "page.html": """
                <html xmlns:r="urn:reckon:template" r:layout="missing.html">
                  <p r:text="1 +">a</p>
                  <p r:iff="x" r:include="partials/none.html">b</p>
                </html>
                """,
            "a.html": #"<p xmlns:r="urn:reckon:template" r:each="x of xs"/>"#,
        ]) == DiagnosticError([
            error("expected `in`, found `of`", "a.html", 1, 44),
            error("layout `missing.html` not found in templates/", "page.html", 1, 47),
            error("unexpected end of expression: expected an expression", "page.html", 2, 17),
            error("unknown directive `r:iff`: did you mean `r:if`?", "page.html", 3, 6),
            error("partial `partials/none.html` not found in templates/", "page.html", 3, 27),
            error("malformed XML: premature end of data in tag p line 1", "z.html", 1, 12),
        ]))
    }
}

@Suite("Template render errors")
struct RenderErrorTests {
    @Test func anUnknownNameIsReportedAtItsLocationAndRenderingContinues() throws {
        let (html, diagnostics) = try render("""
            <ul xmlns:r="urn:reckon:template">
              <li r:text="page.title">t</li>
              <li class="x" r:text="pag.title">t</li>
              <li r:href="nope">after</li>
            </ul>
            """, scope: Scope(variables: ["page": ["title": "PaLM"]]))
        #expect(html == "<ul>\n  <li>PaLM</li>\n  <li class=\"x\"></li>\n  <li>after</li>\n</ul>")
        #expect(diagnostics == [
            error("unknown name `pag`; did you mean `page`?", "page.html", 3, 25),
            error("unknown name `nope`", "page.html", 4, 15),
        ])
    }

    @Test func aFailingConditionDropsOnlyItsElement() throws {
        let (html, diagnostics) = try render(#"<div xmlns:r="urn:reckon:template"><p r:if="missing">a</p><p>b</p></div>"#)
        #expect(html == "<div><p>b</p></div>")
        #expect(diagnostics == [error("unknown name `missing`", "page.html", 1, 45)])
    }

    @Test func anErrorInsideALoopIsReportedForEachRepetition() throws {
        let (html, diagnostics) = try render(#"<ul xmlns:r="urn:reckon:template"><li r:each="x in xs" r:text="x.name">i</li></ul>"#,
                                             scope: Scope(variables: ["xs": [1, 2]]))
        #expect(html == "<ul><li></li><li></li></ul>")
        #expect(diagnostics == [
            error("cannot read `.name` of a number value: only records have fields", "page.html", 1, 66),
            error("cannot read `.name` of a number value: only records have fields", "page.html", 1, 66),
        ])
    }
}
