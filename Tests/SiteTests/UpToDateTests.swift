import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Site
import Testing

/// A rebuild with no input changed does nothing (issue 8); any change to an input, a failed
/// build in between, or a missing output folder brings back a full build.
@Suite struct UpToDateTests {
    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let site = try makeExampleSite()
        let first = site.build()
        #expect(!first.upToDate)
        let before = site.snapshot("public")
        let second = site.build()
        #expect(second.upToDate)
        #expect(second.diagnostics == [])
        #expect(second.write == WriteSummary(written: 0, unchanged: 17, removed: 0))
        #expect(site.snapshot("public") == before)
    }

    @Test func aChangedInputBuildsAgain() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try site.write("content/posts/methods.md", "---\ntitle: Methods\ndate: 2026-10-13\n---\n## Sources\n\nKaplan et al. (2020), again.\n")
        let report = site.build()
        #expect(!report.upToDate)
        #expect(site.read("public/posts/methods/index.html")?.contains("again.") == true)
    }

    /// Files unchanged for over a second are not read again (their size, times and inode are
    /// compared instead); an edit that keeps the size and puts the modification time back is
    /// still seen, through the status-change time.
    @Test func aSameSizeEditWithItsModificationTimePutBackBuildsAgain() throws {
        let site = try makeExampleSite()
        let path = site.root.appendingPathComponent("content/posts/methods.md").path
        try site.write("content/posts/methods.md", "---\ntitle: Methods\ndate: 2026-10-13\n---\n## Sources\n\nVersion A.\n")
        var before = stat()
        #expect(stat(path, &before) == 0)
        Thread.sleep(forTimeInterval: 1.2)  // older than a second: its stamp is trusted
        _ = site.build()
        #expect(site.build().upToDate)
        // In place (same inode), as `cp -p` over the file would.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data("---\ntitle: Methods\ndate: 2026-10-13\n---\n## Sources\n\nVersion B.\n".utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]  // the exact times, nanoseconds included
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size && after.st_ino == before.st_ino)
        let report = site.build()
        #expect(!report.upToDate)
        #expect(site.read("public/posts/methods/index.html")?.contains("Version B.") == true)
    }

    @Test func aChangedTemplateBuildsAgain() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try site.write("templates/assets/site.css", "body { margin: 1em }\n")
        #expect(!site.build().upToDate)
        #expect(site.read("public/assets/site.css") == "body { margin: 1em }\n")
    }

    @Test func aFailedBuildForgetsTheFingerprint() throws {
        let site = try makeExampleSite()
        _ = site.build()
        let good = site.read("content/posts/methods.md")!
        try site.write("content/posts/methods.md", "---\ntitle: [Methods\n---\n")
        #expect(site.build().failed)
        try site.write("content/posts/methods.md", good)
        // The inputs are those of the first build again, but the failure forgot its fingerprint.
        #expect(!site.build().upToDate)
    }

    @Test func aMissingOutputFolderBuildsAgain() throws {
        let site = try makeExampleSite()
        _ = site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public"))
        let report = site.build()
        #expect(!report.upToDate)
        #expect(site.files(under: "public").count == 17)
    }

    /// The output holds from the start of the build's day in the site's time zone until the
    /// day a future-dated article is due: later that day (across quarter hours) a rebuild is
    /// up to date; on the due day the article comes out; with the clock set back before the
    /// build's day, the site is built again and the article goes.
    @Test func theOutputHoldsUntilTheNextArticleIsDue() throws {
        let site = try makeExampleSite()
        try site.write("content/site.yaml", (site.read("content/site.yaml") ?? "") + "timezone: \"Asia/Taipei\"\n")
        try site.write("content/posts/later.md", "---\ntitle: Later\ndate: 2026-11-03\n---\nNot yet.\n")
        let morning = november2026.addingTimeInterval(2 * 3600)  // 2026-11-01 10:00 in Taipei
        #expect(!site.build(now: morning).upToDate)
        #expect(site.read("public/posts/later/index.html") == nil)
        #expect(site.build(now: morning.addingTimeInterval(13 * 3600)).upToDate)  // 23:00 the same day
        let due = november2026.addingTimeInterval(40 * 3600)  // 2026-11-03 00:00 in Taipei
        #expect(site.build(now: due.addingTimeInterval(-1)).upToDate)
        #expect(!site.build(now: due).upToDate)
        #expect(site.read("public/posts/later/index.html")?.contains("Not yet.") == true)
        #expect(site.build(now: due.addingTimeInterval(600)).upToDate)
        #expect(!site.build(now: morning).upToDate)
        #expect(site.read("public/posts/later/index.html") == nil)
    }

    /// With `--drafts` the time does not matter: every article is in.
    @Test func withDraftsTheTimeDoesNotMatter() throws {
        let site = try makeExampleSite()
        try site.write("content/posts/later.md", "---\ntitle: Later\ndate: 2026-11-03\n---\nNot yet.\n")
        #expect(!site.build(now: november2026, drafts: true).upToDate)
        #expect(site.read("public/posts/later/index.html") != nil)
        #expect(site.build(now: november2026.addingTimeInterval(-40 * 86400), drafts: true).upToDate)
        #expect(site.build(now: november2026.addingTimeInterval(400 * 86400), drafts: true).upToDate)
    }

    @Test func anotherOutputFolderOrOptionBuildsAgain() throws {
        let site = try makeExampleSite()
        _ = site.build()
        #expect(!site.build(output: "elsewhere").upToDate)
        #expect(!site.build(output: "elsewhere", drafts: true).upToDate)
    }
}
