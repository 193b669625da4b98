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

    @Test func anotherOutputFolderOrOptionBuildsAgain() throws {
        let site = try makeExampleSite()
        _ = site.build()
        #expect(!site.build(output: "elsewhere").upToDate)
        #expect(!site.build(output: "elsewhere", drafts: true).upToDate)
    }
}
