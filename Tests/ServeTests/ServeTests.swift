import Foundation
@testable import Serve
import SiteFixtures
import Testing

@Suite(.serialized) struct ServeTests {
    @Test func servesPagesAndReloadsAfterAnEdit() async throws {
        let site = try Fixture(serveSite)
        defer { site.remove() }
        let server = try await site.start()
        defer { Task { await server.stop() } }
        #expect(server.url == "http://127.0.0.1:\(server.port)/reports/")
        #expect(!server.initialReport.failed)

        let page = try get(server.port, "/reports/posts/hello/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("First title"))
        #expect(page.body.contains("new EventSource(\"/__reckon/events\")"))
        #expect(page.body.range(of: "<script>")!.lowerBound < page.body.range(of: "</body>")!.lowerBound)
        // The script is added to the response only, never to the built file.
        let onDisk = try #require(site.read("public/posts/hello/index.html"))
        #expect(onDisk.contains("First title") && !onDisk.contains("EventSource"))

        let css = try get(server.port, "/reports/assets/site.css")
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("EventSource"))
        let missing = try get(server.port, "/reports/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"]?.hasPrefix("text/html") == true)
        let folder = try get(server.port, "/reports/posts/hello")
        #expect(folder.status == 302 && folder.headers["location"] == "/reports/posts/hello/")

        let events = try RawConnection(port: server.port)
        try events.send("/__reckon/events", keepAlive: true)
        #expect(events.read(until: .now + .seconds(10)) { $0.contains("live reload") })
        #expect(events.text.contains("text/event-stream"))

        try site.write("content/posts/hello.md", """
        ---
        title: "Second title, after the edit"
        date: 2026-10-12
        summary: "A page to serve."
        ---
        Hello from the second version.
        """)
        #expect(events.read(until: .now + .seconds(10)) { $0.contains("event: reload") })
        let after = try get(server.port, "/reports/posts/hello/")
        #expect(after.status == 200)
        #expect(after.body.contains("Second title, after the edit"))
        #expect(!after.body.contains("First title"))
    }

    @Test func refusesPathsOutsideTheOutputFolder() async throws {
        let site = try Fixture(serveSite + "\n-- secret.txt --\nTOP SECRET\n")
        defer { site.remove() }
        let server = try await site.start()
        defer { Task { await server.stop() } }
        // A symlink inside the output folder that leads out of it.
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("public/leak.txt").path,
                                                   withDestinationPath: site.root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("public/up").path,
                                                   withDestinationPath: site.root.path)
        let attempts = [
            "/../Package.swift", "/%2e%2e/", "/..%2fsecret", "/reports/../secret.txt", "/reports/../../secret.txt",
            "/reports/%2e%2e/secret.txt", "/reports/%2E%2E%2Fsecret.txt", "/reports/..%2fsecret.txt",
            "/reports/..%5csecret.txt", "/reports/..\\secret.txt", "/reports/%00", "/reports/index.html%00.txt",
            "/reports/leak.txt", "/reports/up/secret.txt", "/reports/%252e%252e/secret.txt", "/reports/./index.html",
        ]
        for target in attempts {
            let response = try get(server.port, target)
            #expect([403, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.body.contains("TOP SECRET"), "\(target) leaked the file")
        }
        #expect(try get(server.port, "/reports/").status == 200)
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndSendsTheErrors() async throws {
        let site = try Fixture(serveSite)
        defer { site.remove() }
        let server = try await site.start()
        defer { Task { await server.stop() } }
        let events = try RawConnection(port: server.port)
        try events.send("/__reckon/events", keepAlive: true)
        #expect(events.read(until: .now + .seconds(10)) { $0.contains("live reload") })

        let good = try #require(site.read("content/site.yaml"))
        try site.write("content/site.yaml", good + "colour: blue\n")
        #expect(events.read(until: .now + .seconds(10)) { $0.contains("event: error") && $0.contains("\n\n") })
        #expect(events.text.contains("data: content/site.yaml:4:1: error: unknown key `colour`"))
        #expect(await server.events.lastError != nil)

        let page = try get(server.port, "/reports/posts/hello/")
        #expect(page.status == 200 && page.body.contains("First title"))
        // A page opened now gets the errors at once.
        let late = try RawConnection(port: server.port)
        try late.send("/__reckon/events", keepAlive: true)
        #expect(late.read(until: .now + .seconds(10)) { $0.contains("unknown key `colour`") })

        try site.write("content/site.yaml", good)
        #expect(events.read(until: .now + .seconds(10)) { $0.contains("event: reload") })
        #expect(await server.events.lastError == nil)
    }
}

@Suite struct StaticFilesTests {
    @Test func mapsPathsUnderTheBasePath() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-static-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("y".utf8).write(to: root.appendingPathComponent("a/index.html"))
        let files = StaticFiles(root: root, basePath: "/base/")
        let real = files.root
        #expect(files.resolve("/base/") == .file(real.appendingPathComponent("index.html")))
        #expect(files.resolve("/base/a/") == .file(real.appendingPathComponent("a/index.html")))
        #expect(files.resolve("/base/a/?q=1") == .file(real.appendingPathComponent("a/index.html")))
        #expect(files.resolve("/base/a") == .redirect("/base/a/"))
        #expect(files.resolve("/base") == .redirect("/base/"))
        #expect(files.resolve("/") == .redirect("/base/"))
        #expect(files.resolve("/other/") == .notFound)
        #expect(files.resolve("/base/b/") == .notFound)
        #expect(files.resolve("/base/../x") == .forbidden)
        #expect(files.resolve("/base/a%2findex.html") == .forbidden)
    }

    @Test func contentTypes() {
        let cases = ["a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.svg": "image/svg+xml",
                     "a.xml": "application/xml; charset=utf-8", "a.json": "application/json; charset=utf-8",
                     "a.csv": "text/csv; charset=utf-8", "a.PNG": "image/png", "a.jpg": "image/jpeg",
                     "a.txt": "text/plain; charset=utf-8", "a.pdf": "application/pdf", "a": "application/octet-stream"]
        for (name, type) in cases { #expect(StaticFiles.contentType(for: name) == type, "\(name)") }
    }

    @Test func injectsBeforeTheLastBodyEndTag() {
        let html = String(decoding: LiveReload.inject(into: Data("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)), as: UTF8.self)
        #expect(html.hasSuffix(LiveReload.script + "</BODY></html>"))
        #expect(LiveReload.script.contains("textContent") && !LiveReload.script.contains("innerHTML"))
    }
}

@Suite struct SourceSnapshotTests {
    /// The watcher sees exactly the build's inputs: files under content/ and templates/, not
    /// folders, hidden files (an editor's swap file) or anything else in the site folder.
    @Test func watchesTheFilesABuildReads() throws {
        let site = try Fixture(serveSite + """

        -- content/posts/.hello.md.swp --
        swap
        -- content/.hidden/notes.md --
        hidden
        -- README.md --
        not an input
        """)
        defer { site.remove() }
        let snapshot = SourceSnapshot(site: site.root)
        #expect(snapshot.files.keys.sorted() == [
            "content/posts/hello.md", "content/site.yaml",
            "templates/article.html", "templates/assets/site.css", "templates/base.html", "templates/index.html",
            "templates/partials/nav.html", "templates/term.html", "templates/terms.html",
        ])
        #expect(snapshot.files["content/posts/hello.md"]?[1] == 104)  // bytes
    }
}
