import Foundation
import Testing
@testable import Site

/// The article cache matches its entries to the build's article paths by position, and by
/// path only when articles were added, removed or renamed.
@Suite struct ArticleCacheTests {
    func withCache(_ names: [String], _ body: (ProjectFiles, [String: UInt64]) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-articles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let files = ProjectFiles(root: root)
        let config = try SiteConfig.parse("title: T\nbase_url: https://example.com/\n", file: "content/site.yaml")
        let loader = ArticleLoader(config: config)
        var hashes: [String: UInt64] = [:]
        let entries = try names.enumerated().map { index, name in
            let path = "content/posts/\(name).md"
            hashes[path] = UInt64(100 + index)
            let article = try loader.load(path: path, text: "---\ntitle: Title \(name)\ndate: 2026-01-0\(index + 1)\n---\nBody.\n")
            return ArticleCache.Entry(article: article, fileHash: UInt64(100 + index), hasCheckBlock: false, stored: nil)
        }
        ArticleCache.store(entries, configKey: "key", in: files)
        try body(files, hashes)
    }

    func titles(_ files: ProjectFiles, _ hashes: [String: UInt64], _ names: [String]) throws -> [String?] {
        let paths = names.map { "content/posts/\($0).md" }
        let cache = try #require(ArticleCache.load(from: files, configKey: "key", sources: paths))
        #expect(cache.count == 3)
        return paths.enumerated().map { index, path in
            cache.entry(at: index, source: path, fileHash: hashes[path] ?? 0)?.article.title
        }
    }

    @Test func matchesByPositionAndByPathAfterAChange() throws {
        try withCache(["b", "d", "f"]) { files, hashes in
            let same = try titles(files, hashes, ["b", "d", "f"])
            #expect(same == ["Title b", "Title d", "Title f"])
            // One added before the others, one removed, one renamed: each found by its path.
            let added = try titles(files, hashes, ["a", "b", "d", "f"])
            #expect(added == [nil, "Title b", "Title d", "Title f"])
            let removed = try titles(files, hashes, ["b", "f"])
            #expect(removed == ["Title b", "Title f"])
            let renamed = try titles(files, hashes, ["b", "e", "f"])
            #expect(renamed == ["Title b", nil, "Title f"])
            // Same length, same positions, other names: nothing taken for another article.
            let others = try titles(files, hashes, ["x", "y", "z"])
            #expect(others == [nil, nil, nil])
        }
    }

    @Test func anEditedFileIsNotTaken() throws {
        try withCache(["b", "d", "f"]) { files, hashes in
            var edited = hashes
            edited["content/posts/d.md"] = 999
            let found = try titles(files, edited, ["b", "d", "f"])
            #expect(found == ["Title b", nil, "Title f"])
            #expect(ArticleCache.load(from: files, configKey: "other", sources: []) == nil)
        }
    }
}
