import DOM
@testable import Site
import Testing

/// Values whose fields share one copy-on-write box behave as values: a copy changed later
/// leaves the original as it was, and the original changed leaves the copy.
@Suite struct FieldsBoxTests {
    @Test func aChangedCopyOfAPageLeavesTheOriginal() {
        var original = RenderedPage(outputPath: "posts/a/index.html", source: "content/posts/a.md", html: [1, 2],
                                    diagnostics: [], ids: ["top"])
        var copy = original
        copy.ids.insert("more")
        copy.html = []
        #expect(original.ids == ["top"])
        #expect(original.html == [1, 2])
        #expect(copy.ids == ["top", "more"])
        original.outputPath = "posts/b/index.html"
        #expect(copy.outputPath == "posts/a/index.html")
    }

    @Test func aChangedPageInsideACopiedArticleLeavesTheOriginal() {
        let page = RenderedPage(outputPath: "posts/a/index.html", source: "content/posts/a.md", html: [], diagnostics: [])
        let original = RenderedArticle(page: page, summary: [.text("Short.")], summaryText: "Short.", feedHTML: "",
                                       readingMinutes: 1, checks: [], chartFiles: [:], droppedLabels: 0,
                                       linkTargets: [], evaluatesFormulas: false)
        var copy = original
        copy.page.links.append("/posts/b/")
        copy.readingMinutes = 2
        #expect(original.page.links == [])
        #expect(original.readingMinutes == 1)
        #expect(copy.page.links == ["/posts/b/"])
    }
}
