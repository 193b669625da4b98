import Foundation
import Site
import Testing

/// 2026-11-01T00:00:00Z: a fixed "now", after every date the fixtures use.
let november2026 = Date(timeIntervalSince1970: 1_793_491_200)

extension Fixture {
    /// Builds with a fixed "now" (never the clock), so future-dated articles are decided the
    /// same way on every run.
    func build(now: Date, output: String = "public", drafts: Bool = false, jobs: Int? = nil) -> BuildReport {
        SiteBuilder.build(BuildOptions(siteDirectory: root, outputDirectory: root.appendingPathComponent(output),
                                       drafts: drafts, now: now, jobs: jobs))
    }

    /// Every output file's path as UTF-8 bytes (Swift compares strings by canonical
    /// equivalence, so only bytes tell a decomposed `é` from a precomposed one).
    func pathBytes(under folder: String) -> [[UInt8]] {
        files(under: folder).map { Array($0.utf8) }
    }
}

/// Expects the whole file at `path` to be `expected`.
func expectFile(_ site: Fixture, _ path: String, _ expected: String,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let actual = site.read(path)
    #expect(actual == expected, "\(path)", sourceLocation: sourceLocation)
}
