import Foundation
import Site
import Testing

/// Tags and categories in both languages. English tag counts: compute 3, cost 2, energy 2,
/// alpha 1, 算力 1.
let taxonomySite = minimalTheme + """

-- content/site.yaml --
title: "Notes"
base_url: "https://example.org/"
language: en
languages: [en, zh-Hant]
taxonomies: [tags, categories]
-- content/posts/a.md --
---
title: "A"
date: 2026-10-05
tags: [compute, energy]
categories: [analysis]
---
A.
-- content/posts/b.md --
---
title: "B"
date: 2026-10-04
tags: [cost, compute, 算力]
categories: [analysis, data]
---
B.
-- content/posts/c.md --
---
title: "C"
date: 2026-10-03
tags: [energy, alpha, compute]
---
C.
-- content/posts/d.md --
---
title: "D"
date: 2026-10-02
tags: [cost]
---
D.
-- content/posts/a.zh-Hant.md --
---
title: "甲"
date: 2026-10-05
tags: [算力, 能源]
categories: [分析]
---
甲。
"""

@Suite struct TaxonomyTests {
    func built() throws -> Fixture {
        let site = try Fixture(taxonomySite)
        #expect(site.build(now: november2026).diagnostics == [])
        return site
    }

    @Test func onePagePerTermAndATermsPagePerTaxonomyAndLanguage() throws {
        let site = try built()
        #expect(site.files(under: "public").filter { $0.hasSuffix(".html") } == [
            "categories/analysis/index.html", "categories/data/index.html", "categories/index.html", "index.html",
            "posts/a/index.html", "posts/b/index.html", "posts/c/index.html", "posts/d/index.html",
            "tags/alpha/index.html", "tags/compute/index.html", "tags/cost/index.html", "tags/energy/index.html",
            "tags/index.html", "tags/算力/index.html",
            "zh-hant/categories/index.html", "zh-hant/categories/分析/index.html", "zh-hant/index.html",
            "zh-hant/posts/a/index.html", "zh-hant/tags/index.html", "zh-hant/tags/算力/index.html",
            "zh-hant/tags/能源/index.html",
        ])
    }

    /// Most used first; equal counts by name.
    @Test func termsPageIsOrderedByCountThenName() throws {
        let site = try built()
        expectFile(site, "public/tags/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>tags</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/tags/compute/">compute</a> <span>3</span></li><li><a href="/tags/cost/">cost</a> <span>2</span></li><li><a href="/tags/energy/">energy</a> <span>2</span></li><li><a href="/tags/alpha/">alpha</a> <span>1</span></li><li><a href="/tags/%E7%AE%97%E5%8A%9B/">算力</a> <span>1</span></li></ul></body>
</html>

"""#)
        expectFile(site, "public/categories/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>categories</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/categories/analysis/">analysis</a> <span>2</span></li><li><a href="/categories/data/">data</a> <span>1</span></li></ul></body>
</html>

"""#)
        expectFile(site, "public/zh-hant/tags/index.html", #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>tags</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/zh-hant/tags/%E7%AE%97%E5%8A%9B/">算力</a> <span>1</span></li><li><a href="/zh-hant/tags/%E8%83%BD%E6%BA%90/">能源</a> <span>1</span></li></ul></body>
</html>

"""#)
    }

    @Test func termPageListsItsArticlesNewestFirst() throws {
        let site = try built()
        expectFile(site, "public/tags/compute/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>compute</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/posts/a/">A</a></li><li><a href="/posts/b/">B</a></li><li><a href="/posts/c/">C</a></li></ul></body>
</html>

"""#)
        expectFile(site, "public/zh-hant/tags/%E7%AE%97%E5%8A%9B/index.html".removingPercentEncoding!, #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>算力</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><a href="/">Notes</a></nav><ul><li><a href="/zh-hant/posts/a/">甲</a></li></ul></body>
</html>

"""#)
    }

    /// Without `taxonomies` in site.yaml only `tags` exists: `categories` is an unknown key.
    @Test func categoriesMustBeConfigured() throws {
        let message = "unknown key `categories`: known keys are date, draft, lang, layout, slug, summary, tags, title, translationKey"
        let site = try Fixture(taxonomySite.replacingOccurrences(of: "taxonomies: [tags, categories]\n", with: ""))
        #expect(site.build(now: november2026).diagnostics == [
            .error(message, at: SourceLocation(file: "content/posts/a.md", line: 5, column: 1)),
            .error(message, at: SourceLocation(file: "content/posts/a.zh-Hant.md", line: 5, column: 1)),
            .error(message, at: SourceLocation(file: "content/posts/b.md", line: 5, column: 1)),
        ])
    }
}
