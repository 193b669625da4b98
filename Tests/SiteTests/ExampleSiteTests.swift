import Foundation
import Site
import Testing

/// The real example report in `content/` and `templates/` at the repository root.
@Suite struct ExampleSiteTests {
    @Test func exampleReportBuildsCleanlyAndEachLanguageIndexLinksItsArticles() throws {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(siteDirectory: repository, outputDirectory: output))
        #expect(report.diagnostics.filter { $0.severity == .error } == [])
        #expect(report.articles >= 4)
        // Every article is listed on the index of its language (one page: the site has fewer
        // articles than `paginate`).
        let articles = try FileManager.default.subpathsOfDirectory(atPath: output.path)
            .filter { $0.hasSuffix("/index.html") && $0.contains("posts/") }
        #expect(articles.count == report.articles)
        for article in articles {
            let language = article.hasPrefix("zh-hant/") ? "zh-hant/" : ""
            let index = try String(contentsOf: output.appendingPathComponent(language + "index.html"), encoding: .utf8)
            let url = "/reckon/" + article.dropLast("index.html".count)
            #expect(index.contains("href=\"\(url)\""), "the \(language)index.html does not link \(url)")
        }
        let chinese = articles.filter { $0.hasPrefix("zh-hant/") }
        #expect(!chinese.isEmpty)
        for page in chinese {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("<html lang=\"zh-Hant\">"))
        }
        // The checks page is in the site's language; each claim and its numbers are in their
        // article's, and the verdict in the page's.
        let checks = try String(contentsOf: output.appendingPathComponent("checks/index.html"), encoding: .utf8)
        #expect(checks.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(checks.contains("""
            <td lang="zh-Hant"><a href="/reckon/zh-hant/posts/brain-and-silicon/#check-1">人腦有 6,000 萬億個連結（860 億個神經元 × 每個 7,000 個連結；說法 #25）</a><br><small>大腦與矽</small></td>
                  <td lang="zh-Hant">6000兆</td>
                  <td lang="zh-Hant">602兆</td>
                  <td>+897% (10%)</td>
                  <td><span class="check-verdict">Fails</span>
            """))
        #expect(checks.contains("""
            <td lang="en"><a href="/reckon/posts/renting-vs-owning/#check-1">Ten thousand A100s for a month on DGX Cloud cost about $46 million (claim #23)</a>
            """))
    }
}
