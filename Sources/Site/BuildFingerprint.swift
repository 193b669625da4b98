import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fingerprint of everything a build reads, so that a rebuild with nothing changed can stop
/// before rendering and write nothing (issue 8).
///
/// It covers the bytes and paths of every file under `content/` and `templates/`, the options
/// that change the output (output folder, drafts, link warnings), the current quarter hour
/// (which decides future-dated articles: every time zone's offset is a multiple of 15
/// minutes, so a date-only date starts on a quarter hour), and Reckon's own version. It is
/// stored in `SITE/.reckon-cache/fingerprint` after a build that wrote its output, with the
/// number of files it produced, and removed when a build fails. It does not look at the
/// output folder's files: a site edited by hand inside `public/` is repaired by any change to
/// an input, or by deleting `.reckon-cache/`.
struct BuildFingerprint: Equatable {
    /// Bumped when a change to Reckon changes its output for the same input.
    static let version = "reckon-output-1"

    var value: UInt64
    var files: Int

    /// FNV-1a over the inputs (64-bit; Fowler, Noll and Vo, IETF draft-eastlake-fnv).
    static func compute(_ files: ProjectFiles, options: BuildOptions, output: URL) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        func mix(_ text: String) {
            var copy = text
            copy.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: UInt8(0)) { mix($0) }  // a separator
        }
        let quarterHour = Int((options.now.timeIntervalSince1970 / 900).rounded(.down))
        mix(version)
        mix(output.standardizedFileURL.path)
        mix("drafts=\(options.drafts) warn=\(options.linkWarnings) quarter-hour=\(quarterHour)")
        for path in files.sourcePaths {
            mix(path)
            guard let data = FileManager.default.contents(atPath: files.url(path).path) else { continue }
            data.withUnsafeBytes { mix($0) }
        }
        return hash
    }

    static func location(in files: ProjectFiles) -> URL {
        files.root.appendingPathComponent(".reckon-cache/fingerprint")
    }

    /// The fingerprint stored by the last build, if any.
    static func stored(in files: ProjectFiles) -> BuildFingerprint? {
        guard let text = try? String(contentsOf: location(in: files), encoding: .utf8) else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count == 2, let value = UInt64(parts[0], radix: 16), let count = Int(parts[1]) else { return nil }
        return BuildFingerprint(value: value, files: count)
    }

    func store(in files: ProjectFiles) {
        let url = Self.location(in: files)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data("\(String(value, radix: 16)) \(self.files)\n".utf8).write(to: url)
    }

    static func forget(in files: ProjectFiles) {
        try? FileManager.default.removeItem(at: location(in: files))
    }
}
