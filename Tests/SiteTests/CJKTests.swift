import Foundation
import Site
import Testing

/// A theme whose article pages show only the reading time, and whose index shows the DOM
/// summary and its plain text.
let measureTheme = bareLayout + """

-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<p r:fill="main" r:text="page.reading_minutes">m</p>
</html>
-- templates/index.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a><div r:content="p.summary_html"/><span r:text="p.summary">s</span></li></ul>
</html>
"""

let measureSiteYAML = siteYAML(title: "Notes")

func article(_ title: String, _ body: String, date: String = "2026-10-01", extra: String = "") -> String {
    "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\(body)\n"
}

@Suite struct ReadingTimeTests {
    /// English at 238 words a minute, Chinese at 400 characters a minute, counted separately
    /// and added, then rounded up.
    @Test(arguments: [
        ("english-476", String(repeating: "word ", count: 476), "2"),
        ("english-477", String(repeating: "word ", count: 477), "3"),
        ("chinese-800", String(repeating: "算力", count: 400), "2"),
        ("chinese-801", String(repeating: "算力", count: 400) + "算", "3"),
        ("mixed-238-400", String(repeating: "word ", count: 238) + String(repeating: "晶片", count: 200), "2"),
        ("mixed-239-400", String(repeating: "word ", count: 239) + String(repeating: "晶片", count: 200), "3"),
        // Timed as all-CJK (every letter a character) this would take 10 minutes; as all-Latin, 1.
        ("mixed-600-10", String(repeating: "words ", count: 600) + String(repeating: "算", count: 10), "3"),
        ("one-word", "Hello.", "1"),
        // A combining mark (2 UTF-8 bytes) continues its word: 477 words, not 954.
        ("combining-477", String(repeating: "cafe\u{301} ", count: 477), "3"),
        // A 4-byte CJK ideograph (Extension B) is one character.
        ("extension-b-401", String(repeating: "\u{20000}", count: 401), "2"),
    ])
    func readingMinutes(name: String, body: String, minutes: String) throws {
        let site = try Fixture(measureTheme + measureSiteYAML)
        try site.write("content/posts/\(name).md", article(name, body))
        #expect(site.build(now: november2026).diagnostics == [])
        expectFile(site, "public/posts/\(name)/index.html", """
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>\(name)</title></head>
<body><p>\(minutes)</p></body>
</html>

""")
    }
}

@Suite struct SlugTests {
    /// CJK kept in slugs; file paths raw UTF-8; hrefs percent-encoded.
    @Test func chineseSlugsAreKeptAndPercentEncodedInLinks() throws {
        let site = try Fixture(minimalTheme + measureSiteYAML + """

-- content/posts/算力.zh-Hant.md --
---
title: "算力"
date: 2026-10-02
tags: [算力]
---
算力。
-- content/posts/Hello, World!.md --
---
title: "Hello"
date: 2026-10-01
---
Hi.
""")
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(site.pathBytes(under: "public") == [
            "assets/site.css", "atom.xml", "index.html", "posts/hello-world/index.html", "robots.txt", "rss.xml",
            "sitemap.xml", "zh-hant/atom.xml", "zh-hant/index.html", "zh-hant/posts/算力/index.html", "zh-hant/rss.xml",
            "zh-hant/tags/index.html", "zh-hant/tags/算力/index.html",
        ].map { Array($0.utf8) })
        expectFile(site, "public/zh-hant/index.html", #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>Notes</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/zh-hant/posts/%E7%AE%97%E5%8A%9B/">算力</a> <span>算力。</span></li><li><a href="/posts/hello-world/">Hello</a> <span>Hi.</span></li></ul></body>
</html>

"""#)
        expectFile(site, "public/zh-hant/tags/index.html", #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>tags</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/zh-hant/tags/%E7%AE%97%E5%8A%9B/">算力</a> <span>1</span></li></ul></body>
</html>

"""#)
    }

    /// `cafe\u{301}.md` (e + combining acute, as macOS file systems write it) and `café.md`
    /// (precomposed) give the same, NFC, URL and file path; so do decomposed tags.
    @Test func slugsAreNFCNormalized() throws {
        func site(fileName: String, tag: String) throws -> Fixture {
            let site = try Fixture(minimalTheme + measureSiteYAML)
            try site.write("content/posts/\(fileName).md", article("Café", "Coffee.", extra: "tags: [\(tag)]\n"))
            #expect(site.build(now: november2026).diagnostics == [])
            return site
        }
        let decomposed = try site(fileName: "cafe\u{301}", tag: "cre\u{300}me")
        let precomposed = try site(fileName: "caf\u{E9}", tag: "cr\u{E8}me")
        #expect(decomposed.pathBytes(under: "public") == precomposed.pathBytes(under: "public"))
        #expect(decomposed.pathBytes(under: "public").contains(Array("posts/caf\u{E9}/index.html".utf8)))
        #expect(decomposed.pathBytes(under: "public").contains(Array("tags/cr\u{E8}me/index.html".utf8)))
        let index = decomposed.read("public/index.html")
        #expect(index == precomposed.read("public/index.html"))
        #expect(index?.utf8.elementsEqual(precomposed.read("public/index.html")?.utf8 ?? "".utf8) == true)
        expectFile(decomposed, "public/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/posts/caf%C3%A9/">Café</a> <span>Coffee.</span></li></ul></body>
</html>

"""#)
        expectFile(decomposed, "public/tags/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>tags</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/tags/cr%C3%A8me/">crème</a> <span>1</span></li></ul></body>
</html>

"""#)
    }

    /// A file name of only punctuation has no slug: the build asks for `slug:`.
    @Test func punctuationOnlyFileNameAsksForASlug() throws {
        let site = try Fixture(minimalTheme + measureSiteYAML)
        try site.write("content/posts/!!!.md", article("!!!", "Bang."))
        try site.write("content/posts/「」.md", article("「」", "括號。"))
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [
            .error("cannot make a URL from the file name: add `slug: …` to the front matter",
                   at: SourceLocation(file: "content/posts/!!!.md", line: 1, column: 1)),
            .error("cannot make a URL from the file name: add `slug: …` to the front matter",
                   at: SourceLocation(file: "content/posts/「」.md", line: 1, column: 1)),
        ])
        #expect(site.files(under: "public") == [])
    }

    @Test func punctuationOnlySlugIsAnError() throws {
        let site = try Fixture(minimalTheme + measureSiteYAML)
        try site.write("content/posts/bang.md", "---\ntitle: Bang\nslug: \"?!\"\n---\nBang.\n")
        #expect(site.build(now: november2026).diagnostics == [
            .error("slug has no letters or digits", at: SourceLocation(file: "content/posts/bang.md", line: 3, column: 7)),
        ])
    }

    /// `slug:` rescues a file name of punctuation; CJK in it is kept.
    @Test func slugFromFrontMatter() throws {
        let site = try Fixture(minimalTheme + measureSiteYAML)
        try site.write("content/posts/!!!.md", article("Bang", "Bang.", extra: "slug: \"算力 Growth!\"\n"))
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(site.files(under: "public").contains("posts/算力-growth/index.html"))
        #expect(site.read("public/index.html")?.contains(#"<a href="/posts/%E7%AE%97%E5%8A%9B-growth/">Bang</a>"#) == true)
    }
}

@Suite struct SummaryTests {
    /// 45 words, then an emphasis of 10: the cut falls inside the `em` after its 5th word
    /// (50 in all); the `em` and the `p` are closed, and the text ends in "…".
    @Test func latinSummaryIsCutInsideAnElementAndClosed() throws {
        let words = (1...45).map { "w\($0)" }.joined(separator: " ")
        let emphasis = (1...10).map { "e\($0)" }.joined(separator: " ")
        let site = try Fixture(measureTheme + measureSiteYAML)
        try site.write("content/posts/long.md", article("Long", "\(words) *\(emphasis)* tail.\n\nSecond paragraph."))
        #expect(site.build(now: november2026).diagnostics == [])
        expectFile(site, "public/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><ul><li><a href="/posts/long/">Long</a><div><p>w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 <em>e1 e2 e3 e4 e5…</em></p></div><span>w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 e1 e2 e3 e4 e5…</span></li></ul></body>
</html>

"""#)
    }

    /// Chinese is cut after a whole character: 84 characters fit 50 words (84 × 238/400 =
    /// 49.98); the 85th does not. Characters outside the BMP (four UTF-8 bytes) are kept whole.
    @Test func chineseSummaryIsCutAtACharacterInsideAnElement() throws {
        let site = try Fixture(measureTheme + measureSiteYAML)
        try site.write("content/posts/zh.zh-Hant.md",
                       article("算力", String(repeating: "算力", count: 40) + "**晶片小時計算**之後。"))
        try site.write("content/posts/ext.zh-Hant.md",
                       article("𠀀", String(repeating: "𠀀", count: 90), date: "2026-09-30"))
        #expect(site.build(now: november2026).diagnostics == [])
        expectFile(site, "public/zh-hant/index.html", #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><ul><li><a href="/zh-hant/posts/zh/">算力</a><div><p>算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力<strong>晶片小時…</strong></p></div><span>算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力算力晶片小時…</span></li><li><a href="/zh-hant/posts/ext/">𠀀</a><div><p>𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀…</p></div><span>𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀…</span></li></ul></body>
</html>

"""#)
    }

    /// The start of a mixed page is measured per script: 40 words (40) + 16 characters
    /// (9.52) fit, the 17th character does not (50.115).
    @Test func mixedSummaryCountsEachScript() throws {
        let site = try Fixture(measureTheme + measureSiteYAML)
        let words = String(repeating: "word ", count: 40)
        try site.write("content/posts/mixed.md", article("Mixed", words + String(repeating: "算", count: 30)))
        #expect(site.build(now: november2026).diagnostics == [])
        expectFile(site, "public/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title></head>
<body><ul><li><a href="/posts/mixed/">Mixed</a><div><p>word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word 算算算算算算算算算算算算算算算算…</p></div><span>word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word 算算算算算算算算算算算算算算算算…</span></li></ul></body>
</html>

"""#)
    }
}
