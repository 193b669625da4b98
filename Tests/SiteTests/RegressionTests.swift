import Diagnostics
import Foundation
import Site
import Testing

/// Faults found by the fixture tests of issue 6, each pinned after its fix.
@Suite struct RegressionTests {
    /// 50 words end a paragraph exactly; a second paragraph is left out: the cut is marked.
    @Test func summaryEndingExactlyAtTheBudgetStillMarksTheCut() throws {
        let site = try Fixture(measureTheme + measureSiteYAML)
        let words = (1...50).map { "f\($0)" }.joined(separator: " ")
        try site.write("content/posts/exact.md", article("Exact", words + "\n\nSecond paragraph."))
        #expect(site.build(now: november2026).diagnostics == [])
        let index = site.read("public/index.html") ?? ""
        #expect(index.contains("<div><p>\(words)…</p></div><span>\(words)…</span>"))
    }

    /// 45 words and an emphasis of 5 fill the budget inside the `em`; the tail is left out.
    @Test func summaryEndingInsideAnElementAtTheBudgetMarksTheCutInside() throws {
        let site = try Fixture(measureTheme + measureSiteYAML)
        let words = (1...45).map { "w\($0)" }.joined(separator: " ")
        try site.write("content/posts/em.md", article("Em", words + " *e1 e2 e3 e4 e5* tail words here."))
        #expect(site.build(now: november2026).diagnostics == [])
        #expect((site.read("public/index.html") ?? "").contains("\(words) <em>e1 e2 e3 e4 e5…</em></p>"))
    }

    /// A whole text that fits, with nothing after it, gets no ellipsis.
    @Test func summaryOfAShortArticleHasNoEllipsis() throws {
        let site = try Fixture(measureTheme + measureSiteYAML)
        try site.write("content/posts/short.md", article("Short", "Only a few words."))
        #expect(site.build(now: november2026).diagnostics == [])
        #expect((site.read("public/index.html") ?? "").contains("<div><p>Only a few words.</p></div><span>Only a few words.</span>"))
    }

    /// `AI` and `ai` have one slug: one term page listing both articles, named by the most
    /// used spelling (a tie goes to the first in Unicode order, `AI`).
    @Test func termsWithTheSameSlugAreOneTerm() throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/a.md", article("A", "A.", extra: "tags: [AI]\n"))
        try site.write("content/posts/b.md", article("B", "B.", date: "2026-10-02", extra: "tags: [ai]\n"))
        #expect(site.build(now: november2026).diagnostics == [])
        let page = site.read("public/tags/ai/index.html") ?? ""
        #expect(page.contains("<a href=\"/posts/b/\">B</a>") && page.contains("<a href=\"/posts/a/\">A</a>"))
        #expect(site.files(under: "public").filter { $0.hasPrefix("tags/") } == ["tags/ai/index.html", "tags/index.html"])
        #expect((site.read("public/tags/index.html") ?? "").contains("<li><a href=\"/tags/ai/\">AI</a></li>"))
    }

    /// The most used spelling names the term (`ai`, two articles, over `AI` and `Ai`, one
    /// each: an article that writes `AI` twice uses it once); the article with three spellings
    /// of it is listed once.
    @Test func aTermIsNamedByItsMostUsedSpelling() throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/a.md", article("A", "A.", extra: "tags: [AI, AI, Ai]\n"))
        try site.write("content/posts/b.md", article("B", "B.", date: "2026-10-02", extra: "tags: [ai]\n"))
        try site.write("content/posts/c.md", article("C", "C.", date: "2026-10-03", extra: "tags: [ai]\n"))
        #expect(site.build(now: november2026).diagnostics == [])
        #expect((site.read("public/tags/index.html") ?? "").contains("<li><a href=\"/tags/ai/\">ai</a></li>"))
        let page = site.read("public/tags/ai/index.html") ?? ""
        #expect(page.components(separatedBy: "<a href=\"/posts/a/\">A</a>").count == 2)
        #expect(page.contains("<a href=\"/posts/c/\">C</a>") && page.contains("<a href=\"/posts/b/\">B</a>"))
    }

    @Test func aTermWithoutLettersOrDigitsIsAnError() throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/a.md", article("A", "A.", extra: "tags: [ok, \"!!\"]\n"))
        #expect(site.build(now: november2026).diagnostics == [.error(
            "tags term `!!` has no letters or digits, so it cannot have a page",
            at: SourceLocation(file: "content/posts/a.md", line: 4, column: 7))])
    }

    @Test func feedsOfALanguageUseItsSiteTitle() throws {
        let site = try makeExampleSite()
        try site.write("templates/i18n/zh-Hant.yaml", "site_title: \"算力筆記\"\nsite_description: \"中文說明\"\n")
        #expect(site.build().diagnostics == [])
        #expect((site.read("public/zh-hant/atom.xml") ?? "").contains("<title>算力筆記</title><subtitle>中文說明</subtitle>"))
        #expect((site.read("public/zh-hant/rss.xml") ?? "").contains("<title>算力筆記</title><link>https://example.org/reports/zh-hant/</link><description>中文說明</description>"))
        #expect((site.read("public/atom.xml") ?? "").contains("<title>Compute notes</title>"))
    }

    /// C0 controls (but tab, LF, FF, CR), DEL and C1 controls never reach a page or a feed.
    @Test func controlCharactersAreDroppedFromPagesAndFeeds() throws {
        let site = try makeExampleSite()
        try site.write("content/posts/methods.md", "---\ntitle: \"A\\x7FB\\u0085C\\aD\"\ndate: 2026-10-13\n---\n## Sources\n\nText\u{7F} and\u{85} more.\n")
        #expect(site.build().diagnostics == [])
        let page = site.read("public/posts/methods/index.html") ?? ""
        #expect(page.contains("<title>ABCD</title>") && page.contains("<h1>ABCD</h1>") && page.contains("<p>Text and more.</p>"))
        let feed = site.read("public/rss.xml") ?? ""
        #expect(feed.contains("<title>ABCD</title>"))
        #expect(!feed.unicodeScalars.contains { $0.value == 0x7F || $0.value == 0x85 || $0.value == 0x07 })
    }
}
