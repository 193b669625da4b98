import Foundation
import Site
import Testing

/// Two clean builds of the same input are byte-identical whatever the thread count, time
/// zone, locale and working folder.
@Suite struct DeterminismTests {
    /// Languages, CJK slugs, taxonomies, feeds, a 404 page: every kind of output.
    func makeSite() throws -> Fixture {
        let site = try Fixture(languageSite + """

-- templates/404.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<p r:fill="main">Not here.</p>
</html>
-- content/posts/more.md --
---
title: "More"
date: 2026-10-12
tags: [compute, cost, 算力]
---
## Chip-hours

A [link](palm.md) and **more** words.
""")
        return site
    }

    @Test func threadCountDoesNotChangeTheOutput() throws {
        let site = try makeSite()
        #expect(site.build(now: november2026, output: "one", jobs: 1).diagnostics == [])
        #expect(site.build(now: november2026, output: "four", jobs: 4).diagnostics == [])
        let one = site.snapshot("one")
        #expect(one.count == 21)
        #expect(one == site.snapshot("four"))
        #expect(site.pathBytes(under: "one") == site.pathBytes(under: "four"))
    }

    /// Runs `reckon` with exactly `environment`; returns its exit status and standard error.
    static func run(_ arguments: [String], environment: [String: String], in folder: URL) throws -> (Int32, String) {
        let executable: URL = try #require(builtExecutable("reckon"), "build the `reckon` product first")
        let result = try runToEnd(executable, arguments, environment: environment, in: folder)
        return (result.status, result.errorText)
    }

    /// The command line under Tokyo time and a Chinese locale, from inside the site with
    /// relative paths, on one thread; then under Los Angeles time and the C locale, from
    /// another folder with absolute paths, on three: the same bytes, and the same as an
    /// in-process build.
    @Test func timeZoneLocaleAndWorkingFolderDoNotChangeTheOutput() throws {
        let site = try makeSite()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let epoch = "1793491200"  // november2026
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let first = try Self.run(["build", ".", "--output", "out-tokyo", "--jobs", "1"],
                                 environment: ["TZ": "Asia/Tokyo", "LANG": "zh_TW.UTF-8", "LC_ALL": "zh_TW.UTF-8",
                                               "SOURCE_DATE_EPOCH": epoch, "PATH": path],
                                 in: site.root)
        #expect(first.0 == 0, "\(first.1)")
        let second = try Self.run(["build", site.root.path, "--output", site.root.appendingPathComponent("out-la").path, "--jobs", "3"],
                                  environment: ["TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C",
                                                "SOURCE_DATE_EPOCH": epoch, "PATH": path],
                                  in: elsewhere)
        #expect(second.0 == 0, "\(second.1)")
        let tokyo = site.snapshot("out-tokyo")
        #expect(tokyo.count == 21)
        #expect(tokyo == site.snapshot("out-la"))
        #expect(site.pathBytes(under: "out-tokyo") == site.pathBytes(under: "out-la"))
        #expect(site.build(now: november2026, output: "in-process").diagnostics == [])
        #expect(tokyo == site.snapshot("in-process"))
    }

    /// `SOURCE_DATE_EPOCH` is "now": in Taipei, 2026-10-12T15:59:00Z is still the 12th, so an
    /// article dated the 13th is left out; 2026-10-12T16:30:00Z is the 13th, so it is in.
    @Test(arguments: [("1791820740", false), ("1791822600", true)])
    func sourceDateEpochIsNow(epoch: String, included: Bool) throws {
        let site = try Fixture(minimalTheme + """

-- content/site.yaml --
title: "Notes"
base_url: "https://example.org/"
timezone: "Asia/Taipei"
-- content/posts/today.md --
---
title: "Today"
date: 2026-10-13
---
T.
-- content/posts/yesterday.md --
---
title: "Yesterday"
date: 2026-10-12
---
Y.
""")
        let result = try Self.run(["build", site.root.path],
                                  environment: ["TZ": "UTC", "SOURCE_DATE_EPOCH": epoch,
                                                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                                  in: site.root)
        #expect(result.0 == 0, "\(result.1)")
        #expect(site.files(under: "public").contains("posts/yesterday/index.html"))
        #expect(site.files(under: "public").contains("posts/today/index.html") == included)
    }
}
