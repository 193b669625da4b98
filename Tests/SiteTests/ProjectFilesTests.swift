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
