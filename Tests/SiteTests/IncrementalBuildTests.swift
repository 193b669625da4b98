import Diagnostics
import Foundation
import Site
import SiteFixtures
import Testing

/// Issue 8: after each kind of edit, a rebuild that keeps the unchanged pages from the page
/// cache writes exactly what a clean build of the same input writes, and renders only the
/// pages the edit reaches. Every case starts from the repository's example site (both
/// languages, tables, figures, checks, charts, partials, i18n strings).
@Suite struct IncrementalBuildTests {
    /// The repository's `content/` and `templates/`, built once for every case (nil when that
    /// failed: every case then fails).
    static let builtRoot: URL? = {
        guard let site = try? Fixture(""),  // kept: every case copies it
              (try? FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)) != nil else { return nil }
        for folder in ["content", "templates"] {
            guard (try? FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder),
                                                     to: site.root.appendingPathComponent(folder))) != nil else { return nil }
        }
        site.keep = true
        let first = site.build()
        return first.diagnostics.isEmpty && first.keptPages == 0 ? site.root : nil
    }()

    /// A copy of the built example site: its sources, its output and its cache.
    func builtExample() throws -> Fixture {
        let original = try #require(Self.builtRoot, "the example site does not build")
        let site = try Fixture("")
        try FileManager.default.copyItem(at: original, to: site.root)
        return site
    }

    /// Applies `edit`, rebuilds, and compares the output with a clean build of the same input
    /// (no cache, another output folder). Returns the rebuild's report.
    func rebuild(after edit: (Fixture) throws -> Void) throws -> BuildReport {
        let site = try builtExample()
        defer { site.remove() }
        try edit(site)
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(!report.upToDate)
        let incremental = site.snapshot("public")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".reckon-cache"))
        let clean = site.build(output: "clean")
        #expect(clean.keptPages == 0)
        let expected = site.snapshot("clean")
        #expect(incremental.keys.sorted() == expected.keys.sorted())
        let differing = expected.keys.filter { incremental[$0] != expected[$0] }.sorted()
        #expect(differing == [], "the rebuild differs from a clean build")
        return report
    }

    func append(_ text: String, to path: String, in site: Fixture) throws {
        try site.write(path, (site.read(path) ?? "") + text)
    }

    func replace(_ old: String, with new: String, in path: String, of site: Fixture) throws {
        let text = try #require(site.read(path))
        #expect(text.contains(old), "\(path) no longer has `\(old)`")
        try site.write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// The pages every build renders whatever changed: the two taxonomy-terms pages, the 404
    /// page and the checks page.
    let alwaysRendered = 4

    @Test func editingAStylesheetRendersNoArticleOrList() throws {
        let report = try rebuild { site in
            try append("\nfooter { color: #333 }\n", to: "templates/assets/site.css", in: site)
        }
        #expect(report.pages - report.keptPages == alwaysRendered)
        // Both languages' Atom and RSS feeds and the sitemap are kept.
        #expect(report.keptFeedsAndSitemaps == 5)
    }

    @Test func editingAnArticleBodyRendersThatArticleOnly() throws {
        let report = try rebuild { site in
            try append("\nOne more paragraph at the end.\n", to: "content/posts/methods.md", in: site)
        }
        #expect(report.pages - report.keptPages == alwaysRendered + 1)
        // No file is gone and no id was lost: only the rendered pages' links are checked.
        #expect(report.linkCheckedPages == alwaysRendered + 1)
        // The English feeds show its body and are made again; the Chinese feeds and the
        // sitemap (URLs and dates) are kept.
        #expect(report.keptFeedsAndSitemaps == 3)
    }

    /// palm.md links to methods.md#sources. Renaming that heading leaves palm's page kept (its
    /// inputs did not change) but its link broken: the build must still find it.
    @Test func aLostIDFailsTheBuildEvenWhenTheLinkingPageIsKept() throws {
        let site = try makeExampleSite()
        defer { site.remove() }
        #expect(site.build().diagnostics == [])
        try site.write("content/posts/methods.md", "---\ntitle: Methods\ndate: 2026-10-13\n---\n## References\n\nKaplan et al. (2020).\n")
        let report = site.build()
        #expect(report.keptPages > 0)
        #expect(report.linkCheckedPages == report.pages)
        #expect(report.diagnostics == [.error(
            "page posts/palm/index.html links to /reports/posts/methods/#sources, but posts/methods/index.html has no id `sources`",
            at: SourceLocation(file: "content/posts/palm.md"))])
    }

    @Test func aDeletedTargetFailsTheBuildEvenWhenTheLinkingPageIsKept() throws {
        let site = try makeExampleSite()
        defer { site.remove() }
        #expect(site.build().diagnostics == [])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/chart.png"))
        let report = site.build()
        #expect(report.failed)
        // What a clean build reports: the page that shows the image is rendered again (the
        // content files changed) and names the missing file where it is written.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".reckon-cache"))
        let clean = site.build()
        #expect(clean.keptPages == 0)
        #expect(report.diagnostics == clean.diagnostics)
        #expect(report.diagnostics.map(\.location.file) == ["content/posts/palm.md"])
    }

    @Test func editingAnArticleTitleRendersItsNeighboursTranslationsAndLists() throws {
        let report = try rebuild { site in
            try replace("title: \"Methods\"", with: "title: \"Methods, revised\"", in: "content/posts/methods.md", of: site)
        }
        // Its page, its previous and next articles, its translation, and the lists that show it.
        #expect(report.pages - report.keptPages > alwaysRendered + 1)
        #expect(report.keptPages > 0)
    }

    @Test func addingAnArticle() throws {
        _ = try rebuild { site in
            try site.write("content/posts/a-new-note.md", "---\ntitle: A new note\ndate: 2025-01-02\ntags: [compute]\n---\nA short note that links to [the methods](methods.md).\n")
        }
    }

    @Test func deletingAnArticle() throws {
        _ = try rebuild { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/renting-vs-owning.md"))
            // The articles that linked to it now link elsewhere (else the build fails, as it should).
            for path in site.files(under: "content/posts") {
                let file = "content/posts/" + path
                let text = site.read(file) ?? ""
                if text.contains("renting-vs-owning.md") {
                    try site.write(file, text.replacingOccurrences(of: "renting-vs-owning.md", with: "methods.md"))
                }
            }
        }
    }

    @Test func renamingAnArticleUpdatesEveryLinkToIt() throws {
        let report = try rebuild { site in
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/posts/methods.md"),
                                             to: site.root.appendingPathComponent("content/posts/how-we-count.md"))
            for path in site.files(under: "content/posts") {
                let file = "content/posts/" + path
                let text = site.read(file) ?? ""
                if text.contains("](methods.md") || text.contains("](../posts/methods.md") {
                    try site.write(file, text.replacingOccurrences(of: "methods.md", with: "how-we-count.md"))
                }
            }
        }
        #expect(report.keptPages > 0)
    }

    /// The articles that link to methods.md are not edited: their links are resolved again
    /// and lead to the new URL.
    @Test func changingAnArticleSlugRendersTheArticlesThatLinkToIt() throws {
        let report = try rebuild { site in
            try replace("title: \"Methods\"", with: "title: \"Methods\"\nslug: how-we-count", in: "content/posts/methods.md", of: site)
        }
        #expect(report.keptPages > 0)
    }

    @Test func deletingAnOutputFileByHandRendersItAgain() throws {
        let report = try rebuild { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/posts/methods/index.html"))
        }
        #expect(report.pages - report.keptPages == alwaysRendered + 1)
    }

    @Test func editingACSVCell() throws {
        _ = try rebuild { site in
            try replace("Meta,23e9,", with: "Meta,23.5e9,", in: "content/data/net_profit_2022.csv", of: site)
        }
    }

    /// A partial, an i18n string and site.yaml reach every page: none is kept.
    @Test(arguments: [
        ("templates/partials/footer.html", "</footer>", "<p>Edited footer.</p></footer>"),
        ("templates/i18n/zh-Hant.yaml", "skip_to_content: \"跳至主要內容\"", "skip_to_content: \"跳到主要內容\""),
        ("content/site.yaml", "title: \"", "title: \"Revised: "),
    ])
    func editingWhatEveryPageReads(path: String, old: String, new: String) throws {
        let report = try rebuild { site in try replace(old, with: new, in: path, of: site) }
        #expect(report.keptPages == 0)
    }

    /// A byte changed inside a cache file (here a title in the front-matter cache) is caught
    /// by its checksum: the cache is ignored, not trusted.
    @Test(arguments: ["articles", "pages"])
    func aCacheChangedOnDiskIsIgnored(file: String) throws {
        _ = try rebuild { site in
            let cache = try cacheFile(file, of: site)
            var bytes = try [UInt8](Data(contentsOf: cache))
            let title = Array("Renting".utf8)
            let at = try #require(bytes.indices.first { bytes[$0...].starts(with: title) })
            bytes[at + 6] = UInt8(ascii: "q")
            try Data(bytes).write(to: cache)
            try append("\nOne more paragraph.\n", to: "content/posts/methods.md", in: site)
        }
    }

    /// Two builds of one site at once: the second waits for the first (`.reckon-cache/lock`).
    @Test func twoBuildsAtOnceBothSucceed() throws {
        let site = try builtExample()
        try append("\nOne more paragraph.\n", to: "content/posts/methods.md", in: site)
        let reports = ReportsBox()
        let root = site.root
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            reports.add(SiteBuilder.build(BuildOptions(siteDirectory: root, outputDirectory: root.appendingPathComponent("public"))))
        }
        #expect(reports.all.count == 2 && reports.all.allSatisfy { $0.diagnostics.isEmpty })
        let built = site.snapshot("public")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".reckon-cache"))
        _ = site.build(output: "clean")
        #expect(built == site.snapshot("clean"))
    }

    /// Each output folder keeps its own page cache and fingerprint: a build into another
    /// folder does not make the next build into the first render everything again.
    @Test func eachOutputFolderKeepsItsCaches() throws {
        let site = try builtExample()
        defer { site.remove() }
        #expect(site.build().diagnostics == [])  // the copied site's own fingerprint (its path changed)
        #expect(site.build(output: "preview").keptPages == 0)
        #expect(site.build().upToDate)
        #expect(site.build(output: "preview").upToDate)
        try append("\nOne more paragraph.\n", to: "content/posts/methods.md", in: site)
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(report.keptPages > 0 && report.keptPages < report.pages)
        // The caches of the four folders built into last are kept, the others removed.
        for output in ["a", "b", "c", "d"] { #expect(site.build(output: output).diagnostics == []) }
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".reckon-cache").path)
        #expect(names.filter { $0.hasPrefix("pages-") && !$0.hasSuffix(".old") }.count == 4)
        #expect(names.filter { $0.hasPrefix("fingerprint-") && !$0.hasSuffix(".old") }.count == 4)
        #expect(site.build(output: "d").upToDate)
        #expect(!site.build().upToDate)  // public's were the oldest: removed
        // A folder that is gone loses its caches first (a temporary folder a script built into).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("c"))
        #expect(site.build(output: "e").diagnostics == [])
        for output in ["public", "b", "d", "e"] { #expect(site.build(output: output).upToDate, "\(output)") }
    }

    /// A failed build removes its folder's fingerprint, not its page cache; that folder still
    /// counts as there when caches are pruned, so only the oldest pair goes.
    @Test func aFailedBuildDoesNotMakeItsFolderLookGone() throws {
        let site = try builtExample()
        defer { site.remove() }
        for output in ["a", "b", "c", "public"] { #expect(site.build(output: output).diagnostics == []) }
        let methods = try #require(site.read("content/posts/methods.md"))
        try site.write("content/posts/methods.md",
                       methods.replacingOccurrences(of: #"(?m)^date: .*$"#, with: "date: 2026-13-45", options: .regularExpression))
        #expect(site.build().failed)
        try site.write("content/posts/methods.md", methods)
        #expect(site.build(output: "d").diagnostics == [])
        let report = site.build()
        #expect(report.diagnostics == [] && report.keptPages > 0)  // public's page cache was kept
        #expect(!site.build(output: "a").upToDate)  // a's pair was the oldest
    }

    /// A build that fails after its pages were made (a broken link) leaves the last good
    /// build's page cache as it was, and no file of its own; the next build keeps pages.
    @Test func aFailedBuildLeavesThePageCacheAsItWas() throws {
        let site = try builtExample()
        defer { site.remove() }
        #expect(site.build().diagnostics == [])  // the copied site's own caches (its path changed)
        let before = try Data(contentsOf: cacheFile("pages", of: site))
        let methods = try #require(site.read("content/posts/methods.md"))
        try site.write("content/posts/methods.md", methods + "\nSee [the appendix](appendix.md).\n")
        #expect(site.build().failed)
        #expect(try Data(contentsOf: cacheFile("pages", of: site)) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".reckon-cache").path)
        #expect(!names.contains { $0.contains(".new-") }, "\(names)")
        try site.write("content/posts/methods.md", methods + "\nOne more paragraph.\n")
        let report = site.build()
        #expect(report.diagnostics == [] && report.keptPages > 0)
    }

    /// A replaced cache is set aside as NAME.old (freeing a large file's blocks is slow) and
    /// removed by the next build that goes past the up-to-date check.
    @Test func replacedCachesAreRemovedByTheNextBuild() throws {
        let site = try builtExample()
        defer { site.remove() }
        #expect(site.build().diagnostics == [])
        func inode(_ url: URL) -> UInt64? {
            var info = stat()
            return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        let pages = try cacheFile("pages", of: site)
        let aside = URL(fileURLWithPath: pages.path + ".old")
        let current = try #require(inode(pages))
        try append("\nOne more paragraph.\n", to: "content/posts/methods.md", in: site)
        #expect(site.build().diagnostics == [])
        #expect(inode(aside) == current)  // the cache it replaced, set aside
        let replacing = try #require(inode(pages))
        try append("\nAnd another.\n", to: "content/posts/methods.md", in: site)
        #expect(site.build().diagnostics == [])
        #expect(inode(aside) == replacing)  // the one before was removed
        #expect(site.build().upToDate)
    }

    /// A build killed while writing a cache leaves its temporary file (`NAME.new-PID`); the next
    /// build that writes (holding the site's lock, so no other build is writing) removes it, and
    /// keeps what is not a cache's temporary file.
    @Test func temporaryFilesOfKilledBuildsAreRemoved() throws {
        let site = try builtExample()
        defer { site.remove() }
        #expect(site.build().diagnostics == [])
        let folder = site.root.appendingPathComponent(".reckon-cache")
        let pages = try cacheFile("pages", of: site)
        let stale = [pages.path + ".new-999999", folder.appendingPathComponent("inputs.new-1").path]
        let kept = folder.appendingPathComponent("notes.txt").path
        for path in stale + [kept] { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        #expect(site.build().upToDate)  // nothing written: nothing removed yet
        #expect(stale.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        try append("\nOne more paragraph.\n", to: "content/posts/methods.md", in: site)
        #expect(site.build().diagnostics == [])
        #expect(stale.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(FileManager.default.fileExists(atPath: kept))
        #expect(try cacheFile("pages", of: site) == pages)  // the cache itself, written again
        #expect(site.build().upToDate)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let report = try rebuild { site in
            try append("\nOne more paragraph.\n", to: "content/posts/methods.md", in: site)
            let cache = try cacheFile("pages", of: site)
            var bytes = try [UInt8](Data(contentsOf: cache))
            bytes.removeLast(bytes.count / 2)
            try Data(bytes).write(to: cache)
        }
        #expect(report.keptPages == 0)
    }
}

/// The site's cache file of `kind`: `.reckon-cache/KIND`, or the one `KIND-HASH` of a cache
/// kept per output folder.
func cacheFile(_ kind: String, of site: Fixture) throws -> URL {
    let folder = site.root.appendingPathComponent(".reckon-cache")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { ($0 == kind || $0.hasPrefix(kind + "-")) && !$0.hasSuffix(".old") }
    #expect(names.count == 1, "one \(kind) cache: \(names)")
    return folder.appendingPathComponent(try #require(names.first))
}

final class ReportsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [BuildReport] = []
    func add(_ report: BuildReport) { lock.lock(); reports.append(report); lock.unlock() }
    var all: [BuildReport] { lock.lock(); defer { lock.unlock() }; return reports }
}
