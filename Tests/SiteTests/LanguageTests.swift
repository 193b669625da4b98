import Foundation
import Site
import Testing

/// A theme that shows what languages give a page: `lang`, the translations (as `hreflang`
/// alternates in the head and links in the article), the language menu, interface strings
/// and the date as the page's language writes it.
let languageTheme = """
-- templates/base.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:lang="page.lang">
<head><meta charset="utf-8"/><title r:text="page.title">t</title><link r:each="t in page.translations" rel="alternate" r:hreflang="t.lang" r:href="t.url"/></head>
<body><nav><a r:href="site.home_url" r:text="site.title">home</a> <a r:each="l in site.languages" r:href="l.url" r:hreflang="l.code" r:text="l.name">l</a></nav><main r:slot="main">fallback</main></body>
</html>
-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><h1 r:text="page.title">T</h1><p><span r:text="i18n.published">P</span> <time r:datetime="page.date" r:text="page.date_text">d</time> <span r:text="i18n.tagged">T</span></p><p r:each="t in page.translations"><a r:href="t.url" r:hreflang="t.lang" r:text="t.title">x</a></p><div r:content="page.content"/></article>
</html>
-- templates/index.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="p in pages" r:lang="p.lang"><a r:href="p.url" r:text="p.title">x</a> <time r:text="p.date_text">d</time></li></ul>
</html>
-- templates/term.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a></li></ul>
</html>
-- templates/terms.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="t in terms"><a r:href="t.url" r:text="t.name">x</a></li></ul>
</html>
"""

/// Two languages; translations found both ways: by file name (`palm.zh-Hant.md`) and by
/// `translationKey` (`growth.md` and `算力增長.md`); `methods.md` is not translated.
let languageSite = languageTheme + """

-- content/site.yaml --
title: "Compute notes"
base_url: "https://example.org/"
language: en
languages: [en, zh-Hant]
timezone: "Asia/Taipei"
-- templates/i18n/en.yaml --
published: "Published"
tagged: "Notes"
language_name: "English"
-- templates/i18n/zh-Hant.yaml --
published: "發佈於"
language_name: "繁體中文"
site_title: "算力筆記"
-- content/posts/palm.md --
---
title: "PaLM's compute"
date: 2026-10-12
tags: [compute]
---
PaLM ran on 6144 chips.
-- content/posts/palm.zh-Hant.md --
---
title: "PaLM 的算力"
date: 2026-10-12
tags: [算力]
---
PaLM 用了 6144 顆晶片。
-- content/posts/growth.md --
---
title: "Compute growth"
date: 2026-10-10
translationKey: growth
---
Compute grew.
-- content/posts/算力增長.md --
---
title: "算力增長"
date: 2026-10-01
lang: zh-Hant
translationKey: growth
---
算力增長了。
-- content/posts/methods.md --
---
title: Methods
date: 2026-10-09
---
How we count.
"""

@Suite struct LanguageTests {
    func built() throws -> Fixture {
        let site = try Fixture(languageSite)
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [])
        return site
    }

    /// The default language at the root, the other under `/zh-hant/`, each with its index,
    /// tag pages and feeds.
    @Test func defaultLanguageAtTheRootOthersUnderTheirCode() throws {
        let site = try built()
        #expect(site.files(under: "public") == [
            "atom.xml", "index.html", "posts/growth/index.html", "posts/methods/index.html", "posts/palm/index.html",
            "robots.txt", "rss.xml", "sitemap.xml", "tags/compute/index.html", "tags/index.html",
            "zh-hant/atom.xml", "zh-hant/index.html", "zh-hant/posts/palm/index.html", "zh-hant/posts/算力增長/index.html",
            "zh-hant/rss.xml", "zh-hant/tags/index.html", "zh-hant/tags/算力/index.html",
        ])
    }

    @Test func englishArticleLinksItsTranslationWithHreflang() throws {
        let site = try built()
        expectFile(site, "public/posts/palm/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>PaLM's compute</title><link rel="alternate" hreflang="zh-Hant" href="/zh-hant/posts/palm/"></head>
<body><nav><a href="/">Compute notes</a> <a href="/" hreflang="en">English</a><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a></nav><article><h1>PaLM's compute</h1><p><span>Published</span> <time datetime="2026-10-12">12 October 2026</time> <span>Notes</span></p><p><a href="/zh-hant/posts/palm/" hreflang="zh-Hant">PaLM 的算力</a></p><div><p>PaLM ran on 6144 chips.</p>
</div></article></body>
</html>

"""#)
    }

    @Test func chineseArticleHasChineseDateStringsAndFallbacks() throws {
        let site = try built()
        expectFile(site, "public/zh-hant/posts/palm/index.html", #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>PaLM 的算力</title><link rel="alternate" hreflang="en" href="/posts/palm/"></head>
<body><nav><a href="/zh-hant/">算力筆記</a> <a href="/" hreflang="en">English</a><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a></nav><article><h1>PaLM 的算力</h1><p><span>發佈於</span> <time datetime="2026-10-12">2026年10月12日</time> <span>Notes</span></p><p><a href="/posts/palm/" hreflang="en">PaLM's compute</a></p><div><p>PaLM 用了 6144 顆晶片。</p>
</div></article></body>
</html>

"""#)
    }

    @Test func translationFoundByTranslationKey() throws {
        let site = try built()
        expectFile(site, "public/zh-hant/posts/%E7%AE%97%E5%8A%9B%E5%A2%9E%E9%95%B7/index.html".removingPercentEncoding!, #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>算力增長</title><link rel="alternate" hreflang="en" href="/posts/growth/"></head>
<body><nav><a href="/zh-hant/">算力筆記</a> <a href="/" hreflang="en">English</a><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a></nav><article><h1>算力增長</h1><p><span>發佈於</span> <time datetime="2026-10-01">2026年10月1日</time> <span>Notes</span></p><p><a href="/posts/growth/" hreflang="en">Compute growth</a></p><div><p>算力增長了。</p>
</div></article></body>
</html>

"""#)
        expectFile(site, "public/posts/growth/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Compute growth</title><link rel="alternate" hreflang="zh-Hant" href="/zh-hant/posts/%E7%AE%97%E5%8A%9B%E5%A2%9E%E9%95%B7/"></head>
<body><nav><a href="/">Compute notes</a> <a href="/" hreflang="en">English</a><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a></nav><article><h1>Compute growth</h1><p><span>Published</span> <time datetime="2026-10-10">10 October 2026</time> <span>Notes</span></p><p><a href="/zh-hant/posts/%E7%AE%97%E5%8A%9B%E5%A2%9E%E9%95%B7/" hreflang="zh-Hant">算力增長</a></p><div><p>Compute grew.</p>
</div></article></body>
</html>

"""#)
    }

    /// The English index lists the English articles; the Chinese one its own articles and
    /// `methods`, which has no Chinese translation.
    @Test func eachLanguageIndexListsItsArticlesAndUntranslatedOnes() throws {
        let site = try built()
        expectFile(site, "public/index.html", #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Compute notes</title></head>
<body><nav><a href="/">Compute notes</a> <a href="/" hreflang="en">English</a><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a></nav><ul><li lang="en"><a href="/posts/palm/">PaLM's compute</a> <time>12 October 2026</time></li><li lang="en"><a href="/posts/growth/">Compute growth</a> <time>10 October 2026</time></li><li lang="en"><a href="/posts/methods/">Methods</a> <time>9 October 2026</time></li></ul></body>
</html>

"""#)
        expectFile(site, "public/zh-hant/index.html", #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>算力筆記</title></head>
<body><nav><a href="/zh-hant/">算力筆記</a> <a href="/" hreflang="en">English</a><a href="/zh-hant/" hreflang="zh-Hant">繁體中文</a></nav><ul><li lang="zh-Hant"><a href="/zh-hant/posts/palm/">PaLM 的算力</a> <time>2026年10月12日</time></li><li lang="en"><a href="/posts/methods/">Methods</a> <time>9 October 2026</time></li><li lang="zh-Hant"><a href="/zh-hant/posts/%E7%AE%97%E5%8A%9B%E5%A2%9E%E9%95%B7/">算力增長</a> <time>2026年10月1日</time></li></ul></body>
</html>

"""#)
    }

    /// Every HTML page carries the `lang` of its language.
    @Test func everyPageHasItsLanguage() throws {
        let site = try built()
        let pages = site.files(under: "public").filter { $0.hasSuffix(".html") }
        #expect(pages.count == 11)
        for page in pages {
            let html = site.read("public/" + page) ?? ""
            let lang = page.hasPrefix("zh-hant/") ? "zh-Hant" : "en"
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(lang)\">\n"), "\(page)")
        }
    }

    /// Dates in each language's own form.
    @Test func datesAreWrittenPerLanguage() {
        let day = Day(year: 2026, month: 10, day: 12)
        #expect(day.text(language: "en") == "12 October 2026")
        #expect(day.text(language: "zh-Hant") == "2026年10月12日")
        #expect(Day(year: 2026, month: 1, day: 5).text(language: "en") == "5 January 2026")
        #expect(Day(year: 2026, month: 1, day: 5).text(language: "zh-Hant") == "2026年1月5日")
    }
}
