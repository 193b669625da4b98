import Foundation
import Site
import Testing

/// Two English articles and one Chinese, in Taipei time, under a base path. The first
/// English title holds U+0007 (YAML's `\a`), which XML cannot carry.
let feedSite = minimalTheme + """

-- content/site.yaml --
title: "Compute notes"
description: "Notes on training compute."
base_url: "https://example.org/reports/"
language: en
languages: [en, zh-Hant]
timezone: "Asia/Taipei"
-- content/posts/palm.md --
---
title: "PaLM\\a & <compute>"
date: 2026-10-12
tags: [compute, 算力]
---
See [the methods](methods.md#sources), ![a chart](chart.png) and [elsewhere](https://example.com/x).
-- content/posts/methods.md --
---
title: Methods
date: 2026-10-01
summary: "How we count."
---
## Sources

Kaplan et al. (2020).
-- content/posts/palm.zh-Hant.md --
---
title: "PaLM 的算力"
date: 2026-10-13
---
PaLM 用了 6144 顆晶片。
-- templates/404.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<p r:fill="main">Not here. <a r:href="url('')">Home</a></p>
</html>
"""

func makeFeedSite() throws -> Fixture {
    let site = try Fixture(feedSite)
    try site.write("content/posts/chart.png", bytes: [0x89, 0x50, 0x4E, 0x47])
    #expect(site.build(now: november2026).diagnostics == [])
    return site
}

@Suite struct FeedTests {
    /// RFC 3339 with the site's offset (`+08:00`), a self link, ids, absolute URLs inside the
    /// content (escaped as text), the control character removed.
    @Test func atomFeedOfTheDefaultLanguage() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/atom.xml", #"""
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Compute notes</title><subtitle>Notes on training compute.</subtitle><link href="https://example.org/reports/" rel="alternate" type="text/html"/><link href="https://example.org/reports/atom.xml" rel="self" type="application/atom+xml"/><id>https://example.org/reports/</id><updated>2026-10-12T00:00:00+08:00</updated><author><name>Compute notes</name></author><generator>Reckon</generator><entry><title>PaLM &amp; &lt;compute&gt;</title><link href="https://example.org/reports/posts/palm/" rel="alternate" type="text/html"/><id>https://example.org/reports/posts/palm/</id><published>2026-10-12T00:00:00+08:00</published><updated>2026-10-12T00:00:00+08:00</updated><category term="compute"/><category term="算力"/><summary>See the methods, and elsewhere.</summary><content type="html">&lt;p&gt;See &lt;a href="https://example.org/reports/posts/methods/#sources"&gt;the methods&lt;/a&gt;, &lt;img src="https://example.org/reports/posts/chart.png" alt="a chart"&gt; and &lt;a href="https://example.com/x"&gt;elsewhere&lt;/a&gt;.&lt;/p&gt;
</content></entry><entry><title>Methods</title><link href="https://example.org/reports/posts/methods/" rel="alternate" type="text/html"/><id>https://example.org/reports/posts/methods/</id><published>2026-10-01T00:00:00+08:00</published><updated>2026-10-01T00:00:00+08:00</updated><summary>How we count.</summary><content type="html">&lt;h2 id="sources"&gt;Sources&lt;/h2&gt;
&lt;p&gt;Kaplan et al. (2020).&lt;/p&gt;
</content></entry></feed>

"""#)
    }

    /// RFC 822 with English day and month names and `+0800`; guids are the permalinks.
    @Test func rssFeedOfTheDefaultLanguage() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/rss.xml", #"""
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Compute notes</title><link>https://example.org/reports/</link><description>Notes on training compute.</description><language>en</language><generator>Reckon</generator><lastBuildDate>Mon, 12 Oct 2026 00:00:00 +0800</lastBuildDate><atom:link href="https://example.org/reports/rss.xml" rel="self" type="application/rss+xml"/><item><title>PaLM &amp; &lt;compute&gt;</title><link>https://example.org/reports/posts/palm/</link><guid isPermaLink="true">https://example.org/reports/posts/palm/</guid><pubDate>Mon, 12 Oct 2026 00:00:00 +0800</pubDate><category>compute</category><category>算力</category><description>&lt;p&gt;See &lt;a href="https://example.org/reports/posts/methods/#sources"&gt;the methods&lt;/a&gt;, &lt;img src="https://example.org/reports/posts/chart.png" alt="a chart"&gt; and &lt;a href="https://example.com/x"&gt;elsewhere&lt;/a&gt;.&lt;/p&gt;
</description></item><item><title>Methods</title><link>https://example.org/reports/posts/methods/</link><guid isPermaLink="true">https://example.org/reports/posts/methods/</guid><pubDate>Thu, 01 Oct 2026 00:00:00 +0800</pubDate><description>&lt;h2 id="sources"&gt;Sources&lt;/h2&gt;
&lt;p&gt;Kaplan et al. (2020).&lt;/p&gt;
</description></item></channel></rss>

"""#)
    }

    @Test func feedsOfTheChineseLanguage() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/zh-hant/atom.xml", #"""
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hant"><title>Compute notes</title><subtitle>Notes on training compute.</subtitle><link href="https://example.org/reports/zh-hant/" rel="alternate" type="text/html"/><link href="https://example.org/reports/zh-hant/atom.xml" rel="self" type="application/atom+xml"/><id>https://example.org/reports/zh-hant/</id><updated>2026-10-13T00:00:00+08:00</updated><author><name>Compute notes</name></author><generator>Reckon</generator><entry><title>PaLM 的算力</title><link href="https://example.org/reports/zh-hant/posts/palm/" rel="alternate" type="text/html"/><id>https://example.org/reports/zh-hant/posts/palm/</id><published>2026-10-13T00:00:00+08:00</published><updated>2026-10-13T00:00:00+08:00</updated><summary>PaLM 用了 6144 顆晶片。</summary><content type="html">&lt;p&gt;PaLM 用了 6144 顆晶片。&lt;/p&gt;
</content></entry></feed>

"""#)
        expectFile(site, "public/zh-hant/rss.xml", #"""
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Compute notes</title><link>https://example.org/reports/zh-hant/</link><description>Notes on training compute.</description><language>zh-Hant</language><generator>Reckon</generator><lastBuildDate>Tue, 13 Oct 2026 00:00:00 +0800</lastBuildDate><atom:link href="https://example.org/reports/zh-hant/rss.xml" rel="self" type="application/rss+xml"/><item><title>PaLM 的算力</title><link>https://example.org/reports/zh-hant/posts/palm/</link><guid isPermaLink="true">https://example.org/reports/zh-hant/posts/palm/</guid><pubDate>Tue, 13 Oct 2026 00:00:00 +0800</pubDate><description>&lt;p&gt;PaLM 用了 6144 顆晶片。&lt;/p&gt;
</description></item></channel></rss>

"""#)
    }

    /// West of UTC, across the end of daylight saving time (1 November 2026, 02:00 in Los
    /// Angeles): the offset is the one in force at the start of each day.
    @Test func datesUseTheOffsetOfTheSiteTimeZoneOnThatDay() throws {
        let site = try Fixture(minimalTheme + """

-- content/site.yaml --
title: "West"
base_url: "https://example.org/"
timezone: "America/Los_Angeles"
-- content/posts/a.md --
---
title: "A"
date: 2026-11-01
---
A.
-- content/posts/b.md --
---
title: "B"
date: 2026-11-02
---
B.
""")
        #expect(site.build(now: Date(timeIntervalSince1970: 1_796_000_000)).diagnostics == [])
        let atom = site.read("public/atom.xml") ?? ""
        let rss = site.read("public/rss.xml") ?? ""
        #expect(atom.contains("<published>2026-11-02T00:00:00-08:00</published>"))
        #expect(atom.contains("<published>2026-11-01T00:00:00-07:00</published>"))
        #expect(rss.contains("<pubDate>Mon, 02 Nov 2026 00:00:00 -0800</pubDate>"))
        #expect(rss.contains("<pubDate>Sun, 01 Nov 2026 00:00:00 -0700</pubDate>"))
    }

    @Test func utcIsWrittenAsZInAtomAndPlusZeroInRSS() throws {
        let site = try Fixture(minimalTheme + """

-- content/site.yaml --
title: "UTC"
base_url: "https://example.org/"
-- content/posts/a.md --
---
title: "A"
date: 2026-10-12
---
A.
""")
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(site.read("public/atom.xml")?.contains("<updated>2026-10-12T00:00:00Z</updated>") == true)
        #expect(site.read("public/rss.xml")?.contains("<pubDate>Mon, 12 Oct 2026 00:00:00 +0000</pubDate>") == true)
    }
}

@Suite struct SitemapTests {
    /// Absolute, percent-encoded, sorted; W3C dates on articles; no 404.
    @Test func sitemapIsExact() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/sitemap.xml", #"""
<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/reports/</loc></url><url><loc>https://example.org/reports/posts/methods/</loc><lastmod>2026-10-01</lastmod></url><url><loc>https://example.org/reports/posts/palm/</loc><lastmod>2026-10-12</lastmod></url><url><loc>https://example.org/reports/tags/</loc></url><url><loc>https://example.org/reports/tags/%E7%AE%97%E5%8A%9B/</loc></url><url><loc>https://example.org/reports/tags/compute/</loc></url><url><loc>https://example.org/reports/zh-hant/</loc></url><url><loc>https://example.org/reports/zh-hant/posts/palm/</loc><lastmod>2026-10-13</lastmod></url></urlset>

"""#)
    }

    @Test func robotsPointsAtTheSitemap() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/robots.txt", "User-agent: *\nAllow: /\n\nSitemap: https://example.org/reports/sitemap.xml\n")
    }

    @Test func notFoundPageIsWrittenFromItsTemplate() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/404.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found</title><link rel="stylesheet" href="/reports/assets/site.css"></head>
<body><nav><a href="/reports/">Compute notes</a></nav><p>Not here. <a href="/reports/">Home</a></p></body>
</html>

"""#)
    }

    @Test func noNotFoundPageWithoutItsTemplate() throws {
        let site = try makeExampleSite()
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(!site.files(under: "public").contains("404.html"))
    }

    /// `https://example.org/reports/` holds in pages, feeds and the sitemap: no URL of the
    /// build leaves the base path.
    @Test func basePathHoldsEverywhere() throws {
        let site = try makeFeedSite()
        expectFile(site, "public/posts/methods/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Methods</title><link rel="stylesheet" href="/reports/assets/site.css"></head>
<body><nav><a href="/reports/">Compute notes</a></nav><article><h1>Methods</h1><time datetime="2026-10-01">1 October 2026</time><div><h2 id="sources">Sources</h2>
<p>Kaplan et al. (2020).</p>
</div></article></body>
</html>

"""#)
        var checked = 0
        for file in site.files(under: "public") where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".txt") {
            let text = site.read("public/" + file) ?? ""
            for marker in ["href=\"/", "src=\"/", "https://example.org/"] {
                var rest = Substring(text)
                while let range = rest.range(of: marker) {
                    #expect(rest[range.upperBound...].hasPrefix("reports/"), "\(file): \(rest[range.lowerBound...].prefix(40))")
                    checked += 1
                    rest = rest[range.upperBound...]
                }
            }
        }
        #expect(checked > 50)
    }
}
