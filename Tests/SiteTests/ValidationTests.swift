import Diagnostics
import Foundation
import Site
import Testing

/// The checks every build runs on its own output before writing (issue 5): one fixture per
/// kind of failure, each with its exact diagnostic; the build fails and writes nothing.
@Suite struct ValidationTests {
    func failure(_ change: (Fixture) throws -> Void) throws -> [Diagnostic] {
        let site = try makeExampleSite()
        try change(site)
        let report = site.build()
        #expect(report.failed)
        #expect(site.files(under: "public") == [], "a failed build writes nothing")
        return report.diagnostics
    }

    @Test func theExampleFixturePassesEveryCheck() throws {
        let site = try makeExampleSite()
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(!report.failed)
    }

    @Test func aTemplateLinkToAPageTheBuildDoesNotMakeFails() throws {
        let found = try failure { site in
            let nav = "<nav xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:r=\"urn:reckon:template\"><a r:href=\"url('about/')\">About</a></nav>\n"
            try site.write("templates/partials/nav.html", nav)
        }
        #expect(found.contains(.error("page index.html links to /reports/about/, which this build does not produce",
                                      at: SourceLocation(file: "templates/index.html"))))
        #expect(found.contains(.error("page posts/palm/index.html links to /reports/about/, which this build does not produce",
                                      at: SourceLocation(file: "content/posts/palm.md"))))
    }

    @Test func aLinkToAMissingFragmentFails() throws {
        let found = try failure { site in
            let palm = site.read("content/posts/palm.md")!.replacingOccurrences(of: "methods.md#sources", with: "methods.md#results")
            try site.write("content/posts/palm.md", palm)
        }
        #expect(found == [.error("page posts/palm/index.html links to /reports/posts/methods/#results, but posts/methods/index.html has no id `results`",
                                 at: SourceLocation(file: "content/posts/palm.md"))])
    }

    @Test func aDuplicateIDFails() throws {
        let found = try failure { site in
            let article = site.read("templates/article.html")!.replacingOccurrences(of: "<h1 r:text", with: "<h1 id=\"x\" r:text")
                .replacingOccurrences(of: "<time r:datetime", with: "<time id=\"x\" r:datetime")
            try site.write("templates/article.html", article)
        }
        #expect(found.contains(.error("page posts/palm/index.html: `<time id=\"x\" datetime=\"2026-10-12\">` repeats the id `x`: ids must be unique on a page",
                                      at: SourceLocation(file: "content/posts/palm.md"))))
    }

    @Test func aHeadingNamedLikeATemplateIDGetsAnotherID() throws {
        let site = try makeExampleSite()
        let nav = "<nav xmlns=\"http://www.w3.org/1999/xhtml\" id=\"sources\"><a href=\"/reports/\">home</a></nav>\n"
        try site.write("templates/partials/nav.html", nav)
        let palm = site.read("content/posts/palm.md")!.replacingOccurrences(of: "methods.md#sources", with: "methods.md#sources-1")
        try site.write("content/posts/palm.md", palm)
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(site.read("public/posts/methods/index.html")!.contains("<h2 id=\"sources-1\">Sources</h2>"))
    }

    @Test func anImageWithoutAltFails() throws {
        let found = try failure { site in
            let nav = "<nav xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"/reports/assets/site.css\"/></nav>\n"
            try site.write("templates/partials/nav.html", nav)
        }
        #expect(found.contains(.error("page index.html: `<img src=\"/reports/assets/site.css\">` has no `alt`: describe the image (`![what it shows](…)` in Markdown)",
                                      at: SourceLocation(file: "templates/index.html"))))
    }

    @Test func aJavaScriptURLFromATemplateFails() throws {
        let found = try failure { site in
            let nav = "<nav xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\" JavaScript:alert(1)\">x</a></nav>\n"
            try site.write("templates/partials/nav.html", nav)
        }
        #expect(found.contains(.error("page index.html: `<a href=\" JavaScript:alert(1)\">` has a `javascript:` URL",
                                      at: SourceLocation(file: "templates/index.html"))))
    }

    @Test func aPageWithoutLangOrTitleFails() throws {
        let found = try failure { site in
            let base = site.read("templates/base.html")!.replacingOccurrences(of: " r:lang=\"page.lang\"", with: "")
                .replacingOccurrences(of: "<title r:text=\"page.title\">t</title>", with: "")
            try site.write("templates/base.html", base)
        }
        let location = SourceLocation(file: "templates/index.html")
        #expect(found.contains(.error("page index.html: `<html>` has no `lang`", at: location)))
        #expect(found.contains(.error("page index.html: the page has no `<title>`", at: location)))
    }

    @Test func anUnresolvedAriaLabelFails() throws {
        let found = try failure { site in
            let nav = "<nav xmlns=\"http://www.w3.org/1999/xhtml\" aria-labelledby=\"nav-title\"><a href=\"/reports/\">home</a></nav>\n"
            try site.write("templates/partials/nav.html", nav)
        }
        #expect(found.contains(.error("page index.html: `<nav aria-labelledby=\"nav-title\">` is labelled by `nav-title`, which is no id on the page",
                                      at: SourceLocation(file: "templates/index.html"))))
    }

    /// A location shorter than the schema's 12-character minimum (`http://a.b/` has 11).
    @Test func aSitemapEntryTheSchemaRejectsFails() throws {
        let found = try failure { site in
            let config = site.read("content/site.yaml")!.replacingOccurrences(of: "https://example.org/reports/", with: "http://a.b/")
            try site.write("content/site.yaml", config)
        }
        #expect(found == [.error(
            "does not match its XML schema: Element '{http://www.sitemaps.org/schemas/sitemap/0.9}loc': [facet 'minLength'] The value has a length of '11'; this underruns the allowed minimum length of '12'.",
            at: SourceLocation(file: "sitemap.xml", line: 2))])
    }

    @Test func warnLowersLinkChecksToWarnings() throws {
        let site = try makeExampleSite()
        let palm = site.read("content/posts/palm.md")!.replacingOccurrences(of: "methods.md#sources", with: "methods.md#results")
        try site.write("content/posts/palm.md", palm)
        var options = BuildOptions(siteDirectory: site.root, outputDirectory: site.root.appendingPathComponent("public"))
        options.linkWarnings = true
        let report = SiteBuilder.build(options)
        #expect(!report.failed)
        #expect(report.diagnostics == [.warning("page posts/palm/index.html links to /reports/posts/methods/#results, but posts/methods/index.html has no id `results`",
                                                at: SourceLocation(file: "content/posts/palm.md"))])
    }
}

@Suite struct DiagnosticFormatTests {
    let diagnostics: [Diagnostic] = [
        .warning("raw HTML is not rendered", at: SourceLocation(file: "content/b.md", line: 3, column: 1)),
        .error("link to a missing article: `x.md`, \"quoted\"\n100%", at: SourceLocation(file: "content/a,b.md", line: 12, column: 5)),
        .error("page index.html: the page has no `<title>`", at: SourceLocation(file: "templates/index.html")),
    ]

    @Test func jsonListsEveryDiagnosticSorted() {
        #expect(DiagnosticFormat.json.render(diagnostics, renderer: DiagnosticRenderer { _ in nil }) == """
            [{"file":"content/a,b.md","line":12,"column":5,"severity":"error","message":"link to a missing article: `x.md`, \\"quoted\\"\\n100%"},
            {"file":"content/b.md","line":3,"column":1,"severity":"warning","message":"raw HTML is not rendered"},
            {"file":"templates/index.html","line":0,"column":0,"severity":"error","message":"page index.html: the page has no `<title>`"}]
            """)
    }

    @Test func githubWritesWorkflowCommandsWithEscapes() {
        #expect(DiagnosticFormat.github.render(diagnostics, renderer: DiagnosticRenderer { _ in nil }) == """
            ::error file=content/a%2Cb.md,line=12,col=5::link to a missing article: `x.md`, "quoted"%0A100%25
            ::warning file=content/b.md,line=3,col=1::raw HTML is not rendered
            ::error file=templates/index.html::page index.html: the page has no `<title>`
            """)
    }
}
