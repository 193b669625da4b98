import Diagnostics
import Foundation
import Site
import Testing

/// The small site every end-to-end test starts from: three articles in two languages,
/// a table, an image beside an article, and a base URL with a path.
let exampleSite = minimalTheme + """

-- content/site.yaml --
title: "Compute notes"
base_url: "https://example.org/reports/"
language: en
languages: [en, zh-Hant]
-- content/posts/palm.md --
---
title: "PaLM's compute"
date: 2026-10-12
tags: [compute]
summary: "Chip-hours & FLOP."
---
## Chip-hours

PaLM ran on 6,144 TPU v4 chips; see [the methods](methods.md#sources) and
[the table](../data/models.csv). ![A chart](chart.png)

| model | FLOP |
| --- | ---: |
| PaLM | 2.56e24 |
-- content/posts/methods.md --
---
title: Methods
date: 2026-10-13
---
## Sources

Kaplan et al. (2020) give `C ≈ 6·N·D`.
-- content/posts/palm.zh-Hant.md --
---
title: "PaLM 的算力"
date: 2026-10-11
---
## 晶片小時

PaLM 用了
6144 顆晶片。
-- content/data/models.csv --
name,parameters [param]
PaLM,540e9
"""

func makeExampleSite() throws -> Fixture {
    let fixture = try Fixture(exampleSite)
    try fixture.write("content/posts/chart.png", bytes: [0x89, 0x50, 0x4E, 0x47])
    return fixture
}

@Suite struct EndToEndTests {
    @Test func buildsEveryPageAtPrettyURLsUnderTheBasePath() throws {
        let site = try makeExampleSite()
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(report.pages == 7)
        #expect(site.files(under: "public") == [
            "assets/site.css", "atom.xml", "data/models.csv", "data/models.json", "index.html", "posts/chart.png",
            "posts/methods/index.html", "posts/palm/index.html", "robots.txt", "rss.xml", "sitemap.xml",
            "tags/compute/index.html", "tags/index.html", "zh-hant/atom.xml", "zh-hant/index.html",
            "zh-hant/posts/palm/index.html", "zh-hant/rss.xml",
        ])
    }

    @Test func indexListsArticlesNewestFirstWithSummaries() throws {
        let site = try makeExampleSite()
        _ = site.build()
        #expect(site.read("public/index.html") == #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Compute notes</title><link rel="stylesheet" href="/reports/assets/site.css"></head>
<body><nav><a href="/reports/">Compute notes</a></nav><ul><li><a href="/reports/posts/methods/">Methods</a> <span>Kaplan et al. (2020) give C ≈ 6·N·D.</span></li><li><a href="/reports/posts/palm/">PaLM's compute</a> <span>Chip-hours &amp; FLOP.</span></li></ul></body>
</html>
"""# + "\n")
    }

    /// The index of a language lists its articles and those with no translation in it.
    @Test func languageIndexAddsUntranslatedArticles() throws {
        let site = try makeExampleSite()
        _ = site.build()
        #expect(site.read("public/zh-hant/index.html") == #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>Compute notes</title><link rel="stylesheet" href="/reports/assets/site.css"></head>
<body><nav><a href="/reports/">Compute notes</a></nav><ul><li><a href="/reports/posts/methods/">Methods</a> <span>Kaplan et al. (2020) give C ≈ 6·N·D.</span></li><li><a href="/reports/zh-hant/posts/palm/">PaLM 的算力</a> <span>PaLM 用了 6144 顆晶片。</span></li></ul></body>
</html>
"""# + "\n")
    }

    @Test func articlePageHasResolvedLinksTablesAndHeadingIDs() throws {
        let site = try makeExampleSite()
        _ = site.build()
        #expect(site.read("public/posts/palm/index.html") == #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>PaLM's compute</title><link rel="stylesheet" href="/reports/assets/site.css"></head>
<body><nav><a href="/reports/">Compute notes</a></nav><article><h1>PaLM's compute</h1><time datetime="2026-10-12">12 October 2026</time><div><h2 id="chip-hours">Chip-hours</h2>
<p>PaLM ran on 6,144 TPU v4 chips; see <a href="/reports/posts/methods/#sources">the methods</a> and
<a href="/reports/data/models.csv">the table</a>. <img src="/reports/posts/chart.png" alt="A chart"></p>
<table>
<thead>
<tr>
<th>model</th>
<th style="text-align: right">FLOP</th>
</tr>
</thead>
<tbody>
<tr>
<td>PaLM</td>
<td style="text-align: right">2.56e24</td>
</tr>
</tbody>
</table>
</div></article></body>
</html>
"""# + "\n")
    }

    @Test func chineseArticleGoesUnderItsLanguageWithChineseDates() throws {
        let site = try makeExampleSite()
        _ = site.build()
        #expect(site.read("public/zh-hant/posts/palm/index.html") == #"""
<!DOCTYPE html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>PaLM 的算力</title><link rel="stylesheet" href="/reports/assets/site.css"></head>
<body><nav><a href="/reports/">Compute notes</a></nav><article><h1>PaLM 的算力</h1><time datetime="2026-10-11">2026年10月11日</time><div><h2 id="晶片小時">晶片小時</h2>
<p>PaLM 用了
6144 顆晶片。</p>
</div></article></body>
</html>
"""# + "\n")
    }

    @Test func secondBuildWritesNothingAndIsByteIdentical() throws {
        let site = try makeExampleSite()
        let first = site.build()
        let before = site.snapshot("public")
        let second = site.build()
        #expect(first.write == WriteSummary(written: 17, unchanged: 0, removed: 0))
        #expect(second.write == WriteSummary(written: 0, unchanged: 17, removed: 0))
        #expect(site.snapshot("public") == before)
    }

    @Test func aFailedFirstBuildLeavesNoOutputFolder() throws {
        let site = try makeExampleSite()
        try site.write("content/posts/methods.md", "---\ntitle: Methods\n---\nSee [nothing](missing.md).\n")
        #expect(site.build().failed)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
    }

    @Test func noStagingFolderIsLeftAfterAFirstBuildOrARebuild() throws {
        let site = try makeExampleSite()
        let staging = site.root.appendingPathComponent("public/.reckon-staging").path
        #expect(site.build().write == WriteSummary(written: 17, unchanged: 0, removed: 0))
        #expect(!FileManager.default.fileExists(atPath: staging))
        try site.write("content/posts/methods.md", "---\ntitle: Methods, again\ndate: 2026-10-13\n---\n## Sources\n\nBody.\n")
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(report.write?.written ?? 0 > 0)
        #expect(!FileManager.default.fileExists(atPath: staging))
        #expect(site.read("public/posts/methods/index.html")?.contains("<h1>Methods, again</h1>") == true)
    }

    /// A first build creates the output folder and every folder above it that is missing.
    @Test func aFirstBuildCreatesTheMissingFoldersAboveTheOutput() throws {
        let site = try makeExampleSite()
        let report = site.build(output: "out/a/b")
        #expect(report.diagnostics == [])
        #expect(report.write == WriteSummary(written: 17, unchanged: 0, removed: 0))
        #expect(site.files(under: "out/a/b") == site.files(under: "out/a/b").sorted())
        #expect(site.files(under: "out/a/b").contains("zh-hant/posts/palm/index.html"))
        #expect(site.files(under: "out") == site.files(under: "out/a/b").map { "a/b/" + $0 })
    }

    /// A file where the output needs a folder: the build fails, naming the first output file it
    /// could not write and the file in the way, and leaves that file and the rest alone.
    @Test func aFileWhereTheOutputNeedsAFolderFailsTheBuild() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/zh-hant"))
        try site.write("public/zh-hant", "a file, not a folder\n")
        let report = site.build()
        #expect(report.failed)
        let output = site.root.appendingPathComponent("public").standardizedFileURL.path
        #expect(report.diagnostics.map(\.message) == ["cannot write zh-hant/atom.xml: \(output)/zh-hant is a file, where the output needs a folder"])
        #expect(report.diagnostics.map(\.location.file) == [output + "/zh-hant/atom.xml"])
        #expect(site.read("public/zh-hant") == "a file, not a folder\n")
        #expect(site.read("public/posts/palm/index.html") != nil)
    }

    @Test func removedArticleIsRemovedFromTheOutput() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/palm.zh-Hant.md"))
        let report = site.build()
        // The Chinese index, both Chinese feeds and the sitemap change; the page goes.
        #expect(report.write == WriteSummary(written: 4, unchanged: 12, removed: 1))
        #expect(!site.files(under: "public").contains("zh-hant/posts/palm/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/zh-hant/posts/palm").path),
                "the folder left empty goes too")
    }

    /// Stale files are the ones the last build wrote and this one does not; with no record of
    /// the last build (no `.reckon-cache/`), every file the build does not produce.
    @Test func aFileAddedToTheOutputByHandIsKeptUnlessThereIsNoRecordOfTheLastBuild() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try site.write("public/CNAME", "reports.example.org\n")
        try site.write("content/posts/methods.md", "---\ntitle: Methods\ndate: 2026-10-13\n---\n## Sources\n\nEdited.\n")
        #expect(site.build().write?.removed == 0)
        #expect(site.read("public/CNAME") == "reports.example.org\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".reckon-cache"))
        #expect(site.build().write == WriteSummary(written: 0, unchanged: 17, removed: 1))
        #expect(site.read("public/CNAME") == nil)
    }

    /// A build with --warn publishes broken links as warnings; the next build without it must
    /// still find them, though the page with the link is kept from the cache.
    @Test func brokenLinksPublishedWithWarnAreErrorsInTheNextBuild() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try site.write("content/posts/palm.md", (site.read("content/posts/palm.md") ?? "") + "\nSee [nowhere](/nowhere/).\n")
        let warned = SiteBuilder.build(BuildOptions(siteDirectory: site.root, outputDirectory: site.root.appendingPathComponent("public"),
                                                    linkWarnings: true))
        #expect(!warned.failed)
        #expect(warned.diagnostics.map(\.severity) == [.warning])
        try site.write("content/posts/methods.md", "---\ntitle: Methods\ndate: 2026-10-13\n---\n## Sources\n\nEdited.\n")
        let report = site.build()
        #expect(report.keptPages > 0)
        #expect(report.diagnostics == [.error("page posts/palm/index.html links to /reports/nowhere/, which this build does not produce",
                                              at: SourceLocation(file: "content/posts/palm.md"))])
    }

    /// Two articles swap slugs; a page that links to one's heading by its URL is kept, but the
    /// page now at that URL has no such id.
    @Test func swappedSlugsBreakAFragmentLinkFromAKeptPage() throws {
        let site = try makeExampleSite()
        try site.write("content/posts/a.md", "---\ntitle: Alpha\ndate: 2025-01-01\nslug: aaa\n---\n## Alpha\n\nText.\n")
        try site.write("content/posts/b.md", "---\ntitle: Beta\ndate: 2025-01-02\nslug: bbb\n---\n## Beta\n\nText.\n")
        try site.write("content/posts/note.md", "---\ntitle: Note\ndate: 2026-10-14\n---\nSee [alpha](/posts/aaa/#alpha).\n")
        #expect(site.build().diagnostics == [])
        try site.write("content/posts/a.md", "---\ntitle: Alpha\ndate: 2025-01-01\nslug: bbb\n---\n## Alpha\n\nText.\n")
        try site.write("content/posts/b.md", "---\ntitle: Beta\ndate: 2025-01-02\nslug: aaa\n---\n## Beta\n\nText.\n")
        let report = site.build()
        #expect(report.keptPages > 0)
        #expect(report.diagnostics == [.error(
            "page posts/note/index.html links to /reports/posts/aaa/#alpha, but posts/aaa/index.html has no id `alpha`",
            at: SourceLocation(file: "content/posts/note.md"))])
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try makeExampleSite()
        try site.write("content/posts/later.md", "---\ntitle: Later\ndraft: true\n---\nSoon.\n")
        #expect(site.build().pages == 7)
        #expect(site.build(output: "with-drafts", drafts: true).pages == 8)
    }
}
