import Foundation
import Site

/// A site written from one string of `-- path --` sections (Hugo's integration-test style),
/// into a fresh temporary folder, removed when the fixture goes away (unless `keep` is set).
/// Shared by the test targets that build whole sites (SiteTests, ServeTests).
public final class Fixture {
    /// Leave the folder when the fixture goes away (a fixture built once and copied by others).
    public var keep = false

    deinit { if !keep { remove() } }

    public let root: URL

    public init(_ text: String) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("reckon-fixture-\(UUID().uuidString)")
        var path: String?
        var lines: [Substring] = []
        func flush() throws {
            guard let path else { return }
            try write(path, lines.joined(separator: "\n") + "\n")
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func build(output: String = "public", drafts: Bool = false) -> BuildReport {
        SiteBuilder.build(BuildOptions(siteDirectory: root, outputDirectory: root.appendingPathComponent(output), drafts: drafts))
    }

    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under `folder`, relative to it, sorted.
    public func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).path + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// Path → bytes of every file under `folder`.
    public func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in files(under: folder) {
            result[path] = FileManager.default.contents(atPath: root.appendingPathComponent(folder + "/" + path).path)
        }
        return result
    }

    /// Deletes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A minimal theme: a layout, an article template, an index, a partial and a stylesheet.
public let minimalTheme = """
-- templates/base.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:lang="page.lang">
<head><meta charset="utf-8"/><title r:text="page.title">t</title><link rel="stylesheet" r:href="url('assets/site.css')"/></head>
<body><div r:include="partials/nav.html" r:omit=""/><main r:slot="main">fallback</main></body>
</html>
-- templates/partials/nav.html --
<nav xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template"><a r:href="url('')" r:text="site.title">home</a></nav>
-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><h1 r:text="page.title">T</h1><time r:datetime="page.date" r:text="page.date_text">d</time><div r:content="page.content"/></article>
</html>
-- templates/index.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a> <span r:text="p.summary">s</span></li></ul>
</html>
-- templates/term.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a></li></ul>
</html>
-- templates/terms.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="t in terms"><a r:href="t.url" r:text="t.name">x</a> <span r:text="t.count">1</span></li></ul>
</html>
-- templates/assets/site.css --
body { margin: 0 }
"""

/// A `content/site.yaml` section for a fixture: English and Traditional Chinese at `baseURL`,
/// then `extra` (more lines, each starting with a newline).
public func siteYAML(title: String, baseURL: String = "https://example.org/", extra: String = "") -> String {
    "\n-- content/site.yaml --\ntitle: \"\(title)\"\nbase_url: \"\(baseURL)\"\nlanguage: en\nlanguages: [en, zh-Hant]" + extra
}

/// The barest layout: a title and the `main` slot (no stylesheet, no navigation), for themes
/// whose tests assert whole pages.
public let bareLayout = """
-- templates/base.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:lang="page.lang">
<head><meta charset="utf-8"/><title r:text="page.title">t</title></head>
<body><main r:slot="main">fallback</main></body>
</html>
"""
