import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What writing the output did.
public struct WriteSummary: Sendable, Equatable {
    public var written: Int
    public var unchanged: Int
    public var removed: Int

    public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
    }
}

/// Writes a finished build into the output folder (DESIGN.md §8): only files whose bytes
/// changed, each to a temporary name in its folder then renamed over the old one, and files
/// no longer produced removed. Nothing outside the output folder is touched.
///
/// Files are written with `open`/`write`, not `FileManager.createFile`, which fsyncs every file.
struct OutputWriter {
    let directory: URL

    /// - Parameter files: Output-relative path → bytes.
    /// - Throws: a diagnostic naming the path that could not be written.
    func write(_ files: [String: [UInt8]]) throws(DiagnosticError) -> WriteSummary {
        var summary = WriteSummary()
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create the output folder: \(error.localizedDescription)",
                                         at: SourceLocation(file: directory.path)))
        }
        var createdFolders: Set<String> = []
        for path in files.keys.sorted() {
            let bytes = files[path]!
            let target = directory.appendingPathComponent(path)
            // Read the old file only when its size matches: most changed files change size.
            var info = stat()
            if stat(target.path, &info) == 0, Int(info.st_size) == bytes.count,
               let existing = manager.contents(atPath: target.path), existing.elementsEqual(bytes) {
                summary.unchanged += 1
                continue
            }
            let folder = target.deletingLastPathComponent().path
            if !createdFolders.contains(folder) {
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw DiagnosticError(.error("cannot create folder \(folder): \(error.localizedDescription)",
                                                 at: SourceLocation(file: path)))
                }
                createdFolders.insert(folder)
            }
            try Self.writeAtomically(bytes, to: target.path, name: path)
            summary.written += 1
        }
        summary.removed = removeStale(keeping: Set(files.keys))
        return summary
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String, name: String) throws(DiagnosticError) {
        let temporary = path + ".reckon-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(.error("cannot write \(name): \(String(cString: strerror(errno)))", at: SourceLocation(file: name)))
        }
        var offset = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(.error("cannot write \(name): \(String(cString: strerror(errno)))", at: SourceLocation(file: name)))
        }
    }

    /// Removes files under the output folder that this build did not produce, then folders
    /// left empty. Returns the number of files removed. Only paths the build did not produce
    /// are looked at more closely (a produced path, or a folder of one, is kept as it is).
    private func removeStale(keeping produced: Set<String>) -> Int {
        let manager = FileManager.default
        let root = directory.standardizedFileURL.path
        guard let enumerator = manager.enumerator(atPath: root) else { return 0 }
        var folders: Set<String> = []
        for path in produced {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if !folders.insert(folder).inserted { break }
            }
        }
        var removed = 0
        var otherFolders: [String] = []
        for case let relative as String in enumerator {
            if produced.contains(relative) || folders.contains(relative) { continue }
            let path = root + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                otherFolders.append(path)
            } else if unlink(path) == 0 {
                removed += 1
            }
        }
        for folder in otherFolders.sorted(by: >) where (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? manager.removeItem(atPath: folder)
        }
        return removed
    }
}
