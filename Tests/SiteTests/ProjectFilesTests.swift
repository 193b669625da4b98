import Diagnostics
import Foundation
@testable import Site
import Testing

/// Nothing outside the site folder is read, whether a file or one of its folders is the link
/// that leads out; links that stay inside are followed.
@Suite struct ProjectFilesTests {
    @Test func linksLeadingOutsideAreRefusedAndLinksInsideAreRead() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("reckon-links-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: base) }
        let site = base.appendingPathComponent("site"), outside = base.appendingPathComponent("outside")
        for folder in [site.appendingPathComponent("content/posts"), site.appendingPathComponent("content/data"), outside] {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("secret\n".utf8).write(to: outside.appendingPathComponent("secret.csv"))
        try Data("---\ntitle: Real\n---\nHello.\n".utf8).write(to: site.appendingPathComponent("content/posts/real.md"))
        try manager.createSymbolicLink(at: site.appendingPathComponent("content/data/secret.csv"),
                                       withDestinationURL: outside.appendingPathComponent("secret.csv"))
        try manager.createSymbolicLink(at: site.appendingPathComponent("content/elsewhere"), withDestinationURL: outside)
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("content/posts/alias.md").path, withDestinationPath: "real.md")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("content/inner").path, withDestinationPath: "posts")

        let files = ProjectFiles(root: site)
        for path in ["content/data/secret.csv", "content/elsewhere/secret.csv"] {
            #expect(throws: DiagnosticError.self) { try files.bytes(path) }
            do { _ = try files.bytes(path) } catch {
                #expect(error.diagnostics == [.error(
                    "`\(path)` leads outside the site folder: Reckon reads only files inside it", at: SourceLocation(file: path))])
            }
        }
        let real = Array("---\ntitle: Real\n---\nHello.\n".utf8)
        #expect(try files.bytes("content/posts/real.md") == real)
        #expect(try files.bytes("content/posts/alias.md") == real)
        #expect(try files.bytes("content/inner/real.md") == real)
        // Asked again (the folders' real paths are remembered), the answers are the same.
        #expect(throws: DiagnosticError.self) { try files.bytes("content/elsewhere/secret.csv") }
        #expect(try files.bytes("content/inner/alias.md") == real)
        #expect(throws: DiagnosticError.self) { try files.bytes("content/posts/missing.md") }
        do { _ = try files.bytes("content/posts/missing.md") } catch {
            #expect(error.diagnostics == [.error("cannot read `content/posts/missing.md`",
                                                 at: SourceLocation(file: "content/posts/missing.md"))])
        }
    }
}

/// The inputs a build lists (`ProjectFiles.files(under:)`): every regular file, in `String`
/// order of the path, hidden names skipped, links followed to what they are.
@Suite struct ListingTests {
    @Test(arguments: [false, true])
    func listsInStringOrder(nonASCII: Bool) throws {
        let manager = FileManager.default
        let site = manager.temporaryDirectory.appendingPathComponent("reckon-listing-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: site) }
        var files = ["content/posts/b.md", "content/post.md", "content/posts/a.md", "content/Posts/c.md",
                     "content/posts-2/a.md", "content/posts/a.md.bak", "content/z/deep/er/x.csv"]
        if nonASCII { files += ["content/é.md", "content/e\u{301}z.md", "content/ê/x.md", "content/e.md"] }
        for hidden in ["content/.draft.md", "content/.git/config", "content/posts/.DS_Store"] {
            try manager.createDirectory(at: site.appendingPathComponent(hidden).deletingLastPathComponent(),
                                        withIntermediateDirectories: true)
            try Data("x".utf8).write(to: site.appendingPathComponent(hidden))
        }
        for file in files {
            try manager.createDirectory(at: site.appendingPathComponent(file).deletingLastPathComponent(),
                                        withIntermediateDirectories: true)
            try Data(file.utf8).write(to: site.appendingPathComponent(file))
        }
        // A link to a file is listed as a file; a link to a folder is listed into; a dangling one is not.
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("content/alias.md").path,
                                       withDestinationPath: "post.md")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("content/linked").path,
                                       withDestinationPath: "z/deep")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("content/gone.md").path,
                                       withDestinationPath: "missing.md")
        let listed = ProjectFiles(root: site).files(under: "content")
        let expected = (files + ["content/alias.md", "content/linked/er/x.csv"]).sorted()
        #expect(listed == expected)
    }
}
