import Foundation
import Site
import Testing

/// A theme that shows the table of contents, previous/next links and the pager.
let listTheme = bareLayout + """

-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><ol><li r:each="h in page.toc" r:class="'toc-' + string(h.level)"><a r:href="'#' + h.id" r:text="h.text">h</a></li></ol><a r:if="page.previous" rel="prev" r:href="page.previous.url" r:text="page.previous.title">p</a><a r:if="page.next" rel="next" r:href="page.next.url" r:text="page.next.title">n</a></article>
</html>
-- templates/index.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<main r:fill="main"><ul><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a></li></ul><p><span r:text="pager.number">1</span>/<span r:text="pager.count">1</span><a r:if="pager.previous" rel="prev" r:href="pager.previous">newer</a><a r:if="pager.next" rel="next" r:href="pager.next">older</a></p></main>
</html>
-- templates/term.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<main r:fill="main"><h1 r:text="page.term">t</h1><ul><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a></li></ul><p><span r:text="pager.number">1</span>/<span r:text="pager.count">1</span><a r:if="pager.previous" rel="prev" r:href="pager.previous">newer</a><a r:if="pager.next" rel="next" r:href="pager.next">older</a></p></main>
</html>
-- templates/terms.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="t in terms"><a r:href="t.url" r:text="t.name">x</a></li></ul>
</html>
"""

let listSiteYAML = siteYAML(title: "Notes", extra: "\ntimezone: \"Asia/Taipei\"")

/// Five English articles, one a day from 1 to 5 October; three tagged `x`; `paginate: 2`.
func makePaginatedSite() throws -> Fixture {
    let site = try Fixture(listTheme + listSiteYAML + "\npaginate: 2\n")
    for day in 1...5 {
        try site.write("content/posts/p\(day).md",
                       article("Post \(day)", "Body \(day).", date: "2026-10-0\(day)", extra: day % 2 == 1 ? "tags: [x]\n" : ""))
    }
    #expect(site.build(now: november2026).diagnostics == [])
    return site
}

@Suite struct PaginationTests {
    @Test func fiveArticlesTwoAPageMakeThreeIndexPages() throws {
        let site = try makePaginatedSite()
        #expect(site.files(under: "public").filter { !$0.hasPrefix("posts/") && $0.hasSuffix(".html") } == [
            "index.html", "page/2/index.html", "page/3/index.html", "tags/index.html", "tags/x/index.html",
            "tags/x/page/2/index.html", "zh-hant/index.html", "zh-hant/page/2/index.html", "zh-hant/page/3/index.html",
        ])
        expectFile(site, "public/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><main><ul><li><a href="/posts/p5/">Post 5</a></li><li><a href="/posts/p4/">Post 4</a></li></ul><p><span>1</span>/<span>3</span><a rel="next" href="/page/2/">older</a></p></main></body>
</html>

"""#)
        expectFile(site, "public/page/2/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><main><ul><li><a href="/posts/p3/">Post 3</a></li><li><a href="/posts/p2/">Post 2</a></li></ul><p><span>2</span>/<span>3</span><a rel="prev" href="/">newer</a><a rel="next" href="/page/3/">older</a></p></main></body>
</html>

"""#)
        expectFile(site, "public/page/3/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><main><ul><li><a href="/posts/p1/">Post 1</a></li></ul><p><span>3</span>/<span>3</span><a rel="prev" href="/page/2/">newer</a></p></main></body>
</html>

"""#)
    }

    @Test func termPagesArePaginatedToo() throws {
        let site = try makePaginatedSite()
        expectFile(site, "public/tags/x/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>x</title></head>
<body><main><h1>x</h1><ul><li><a href="/posts/p5/">Post 5</a></li><li><a href="/posts/p3/">Post 3</a></li></ul><p><span>1</span>/<span>2</span><a rel="next" href="/tags/x/page/2/">older</a></p></main></body>
</html>

"""#)
        expectFile(site, "public/tags/x/page/2/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>x</title></head>
<body><main><h1>x</h1><ul><li><a href="/posts/p1/">Post 1</a></li></ul><p><span>2</span>/<span>2</span><a rel="prev" href="/tags/x/">newer</a></p></main></body>
</html>

"""#)
    }

    /// `previous` is the older neighbour, `next` the newer, within the article's language.
    @Test func previousAndNextLinks() throws {
        let site = try makePaginatedSite()
        expectFile(site, "public/posts/p1/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Post 1</title></head>
<body><article><ol></ol><a rel="next" href="/posts/p2/">Post 2</a></article></body>
</html>

"""#)
        expectFile(site, "public/posts/p3/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Post 3</title></head>
<body><article><ol></ol><a rel="prev" href="/posts/p2/">Post 2</a><a rel="next" href="/posts/p4/">Post 4</a></article></body>
</html>

"""#)
        expectFile(site, "public/posts/p5/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Post 5</title></head>
<body><article><ol></ol><a rel="prev" href="/posts/p4/">Post 4</a></article></body>
</html>

"""#)
    }
}

@Suite struct TableOfContentsTests {
    /// Headings of levels 1 to 3 with their unique, Unicode-aware ids; a repeated heading
    /// gets `-1`; level 4 is left out.
    @Test func tocListsHeadingsWithTheirIDs() throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/toc.md", article("TOC", """
# Overview

## Chip-hours

### 晶片小時

#### Deep detail

## Chip-hours
"""))
        // The TOC's links must reach the headings, so this theme prints the body too.
        try site.write("templates/article.html", """
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
            <article r:fill="main"><ol><li r:each="h in page.toc" r:class="'toc-' + string(h.level)"><a r:href="'#' + h.id" r:text="h.text">h</a></li></ol><div r:content="page.content"/></article>
            </html>
            """)
        #expect(site.build(now: november2026).diagnostics == [])
        expectFile(site, "public/posts/toc/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>TOC</title></head>
<body><article><ol><li class="toc-1"><a href="#overview">Overview</a></li><li class="toc-2"><a href="#chip-hours">Chip-hours</a></li><li class="toc-3"><a href="#晶片小時">晶片小時</a></li><li class="toc-2"><a href="#chip-hours-1">Chip-hours</a></li></ol><div><h1 id="overview">Overview</h1>
<h2 id="chip-hours">Chip-hours</h2>
<h3 id="晶片小時">晶片小時</h3>
<h4 id="deep-detail">Deep detail</h4>
<h2 id="chip-hours-1">Chip-hours</h2>
</div></article></body>
</html>

"""#)
    }
}

@Suite struct SelectionTests {
    /// A draft and an article dated after "now" are left out unless drafts are asked for.
    @Test func draftsAndFutureArticlesNeedTheDraftsOption() throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/published.md", article("Published", "P.", date: "2026-10-01"))
        try site.write("content/posts/draft.md", article("Draft", "D.", date: "2026-10-02", extra: "draft: true\n"))
        try site.write("content/posts/future.md", article("Future", "F.", date: "2026-12-01"))
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(site.files(under: "public").filter { $0.hasPrefix("posts/") } == ["posts/published/index.html"])
        #expect(site.read("public/index.html")?.contains("<ul><li><a href=\"/posts/published/\">Published</a></li></ul>") == true)

        #expect(site.build(now: november2026, output: "drafts", drafts: true).diagnostics == [])
        #expect(site.files(under: "drafts").filter { $0.hasPrefix("posts/") } == [
            "posts/draft/index.html", "posts/future/index.html", "posts/published/index.html",
        ])
        #expect(site.read("drafts/index.html")?.contains(
            "<ul><li><a href=\"/posts/future/\">Future</a></li><li><a href=\"/posts/draft/\">Draft</a></li><li><a href=\"/posts/published/\">Published</a></li></ul>") == true)
    }

    /// A date-only date is a day in the site's time zone. In Taipei (UTC+8) 2026-10-13
    /// begins at 2026-10-12T16:00:00Z.
    @Test(arguments: [
        (1_791_822_600.0, true),   // 2026-10-12T16:30:00Z = 00:30 on the 13th in Taipei (still the 12th in UTC)
        (1_791_820_740.0, false),  // 2026-10-12T15:59:00Z = 23:59 on the 12th in Taipei
    ])
    func dateOnlyDatesAreReadInTheSiteTimeZone(now: Double, included: Bool) throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/today.md", article("Today", "T.", date: "2026-10-13"))
        #expect(site.build(now: Date(timeIntervalSince1970: now)).diagnostics == [])
        #expect(site.files(under: "public").contains("posts/today/index.html") == included)
    }

    /// West of UTC: in Los Angeles (UTC−7 in October) 2026-10-12 begins at 07:00Z.
    @Test(arguments: [
        (1_791_781_200.0, false),  // 2026-10-12T05:00:00Z = 22:00 on the 11th in Los Angeles
        (1_791_788_400.0, true),   // 2026-10-12T07:00:00Z = midnight on the 12th
    ])
    func dateOnlyDatesWestOfUTC(now: Double, included: Bool) throws {
        let site = try Fixture(listTheme + listSiteYAML.replacingOccurrences(of: "Asia/Taipei", with: "America/Los_Angeles"))
        try site.write("content/posts/today.md", article("Today", "T.", date: "2026-10-12"))
        #expect(site.build(now: Date(timeIntervalSince1970: now)).diagnostics == [])
        #expect(site.files(under: "public").contains("posts/today/index.html") == included)
    }

    /// Same day: by title in Unicode order (upper case before lower, `É` after `z`, CJK after
    /// Latin), then by source path; the older day after; undated last.
    @Test func sameDayArticlesAreOrderedByTitleThenSourcePath() throws {
        let site = try Fixture(listTheme + listSiteYAML)
        try site.write("content/posts/z.md", article("alpha", "."))
        try site.write("content/posts/y.md", article("Zeta", "."))
        try site.write("content/posts/x.md", article("Éclair", "."))
        try site.write("content/posts/w.md", article("算力", "."))
        try site.write("content/posts/b.md", article("Same", "."))
        try site.write("content/posts/a.md", article("Same", "."))
        try site.write("content/posts/old.md", article("Older", ".", date: "2026-09-30"))
        try site.write("content/posts/undated.md", "---\ntitle: Undated\n---\n.\n")
        #expect(site.build(now: november2026).diagnostics == [])
        expectFile(site, "public/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><main><ul><li><a href="/posts/a/">Same</a></li><li><a href="/posts/b/">Same</a></li><li><a href="/posts/y/">Zeta</a></li><li><a href="/posts/z/">alpha</a></li><li><a href="/posts/x/">Éclair</a></li><li><a href="/posts/w/">算力</a></li><li><a href="/posts/old/">Older</a></li><li><a href="/posts/undated/">Undated</a></li></ul><p><span>1</span>/<span>1</span></p></main></body>
</html>

"""#)
    }
}
