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

/// Writes a build's output (DESIGN.md §8) without holding it in memory and without touching
/// the previous site until the build has passed.
///
/// Each file is handed over as soon as it is made, from any render task: when the output
/// folder already has the same bytes it is only noted; otherwise it is written into
/// `OUTPUT/.reckon-staging/` under a number (a flat folder: no tree of folders to create
/// twice). `commit()` then renames every staged file into place (one atomic rename per
/// file), removes the files the build no longer produces and the staging folder; `discard()`
/// removes the staging folder alone, so a failed build leaves the previous site as it was.
///
/// When the output folder does not exist yet there is no previous site to keep: files are
/// written in place, `commit()` has nothing to move, and `discard()` removes the folder.
/// Files are written with `open`/`write`, not `FileManager.createFile`, which fsyncs every file.
final class OutputStage: @unchecked Sendable {
    static let stagingName = ".reckon-staging"

    let directory: String
    let staging: String
    /// false for `reckon check`: nothing is written, paths are only counted.
    let writes: Bool
    private let lock = NSLock()
    private var producedPaths: Set<String> = []
    /// Every file handed over, with its size, in the order handed over (a path handed over
    /// twice is here twice: `producedFiles` keeps the last).
    private var files: [PageCache.OutputFile] = []
    /// Output path → number of its file in the staging folder.
    private var stagedPaths: [(path: String, number: Int)] = []
    private var writtenInPlace = 0
    private var unchangedCount = 0
    private var createdFolders: Set<String> = []
    private var problems: [Diagnostic] = []
    private let createdOutput: Bool

    /// - Parameter directory: The output folder (created when missing and something is written).
    init(directory: URL, writes: Bool) {
        self.directory = directory.standardizedFileURL.path
        self.staging = self.directory + "/" + Self.stagingName
        self.writes = writes
        createdOutput = writes && !FileManager.default.fileExists(atPath: self.directory)
        if writes { try? FileManager.default.removeItem(atPath: staging) }  // left by a crash
    }

    /// Every output path of the build so far.
    var produced: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return producedPaths
    }

    /// Problems writing the staging folder (a full disk, a permission).
    var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return problems
    }

    /// Hands over one output file (path relative to the output folder).
    func put(_ path: String, _ bytes: [UInt8]) {
        lock.lock()
        producedPaths.insert(path)
        files.append(PageCache.OutputFile(path: path, size: bytes.count))
        lock.unlock()
        guard writes else { return }
        do {
            if createdOutput {
                let target = directory + "/" + path
                try makeFolder(for: target)
                try Self.write(bytes, to: target, name: path)
                lock.lock(); writtenInPlace += 1; lock.unlock()
                return
            }
            if Self.sameBytes(at: directory + "/" + path, as: bytes) {
                lock.lock(); unchangedCount += 1; lock.unlock()
                return
            }
            lock.lock()
            let number = stagedPaths.count
            stagedPaths.append((path, number))
            lock.unlock()
            try makeFolder(for: staging + "/0")
            try Self.write(bytes, to: staging + "/" + String(number), name: path)
        } catch {
            lock.lock(); problems += error.diagnostics; lock.unlock()
        }
    }

    /// Keeps files the output folder already has, unread (a page the cache says is unchanged).
    func keep(_ files: [PageCache.OutputFile]) {
        lock.lock()
        producedPaths.reserveCapacity(producedPaths.count + files.count)
        for file in files { producedPaths.insert(file.path) }
        self.files += files
        unchangedCount += files.count
        lock.unlock()
    }

    /// Every output file of the build so far with its size, sorted by path (`sorted(byPath:)`),
    /// each path once (with the size it was last handed over with).
    var producedFiles: [PageCache.OutputFile] {
        lock.lock()
        let handed = files
        lock.unlock()
        let sorted = handed.sorted(byPath: { $0.path })  // stable: of equal paths, the last handed over is last
        return sorted.indices.compactMap { index in
            index + 1 < sorted.count && sorted[index + 1].path == sorted[index].path ? nil : sorted[index]
        }
    }

    /// Moves the staged files into the output folder and removes stale files: those of
    /// `previouslyWritten` (the files the last build wrote here) that this build did not
    /// produce, or, when that list is not known, every file under the folder this build did
    /// not produce; then the folders left empty.
    func commit(previouslyWritten: [String]? = nil) throws(DiagnosticError) -> WriteSummary {
        var summary = WriteSummary(written: writtenInPlace, unchanged: unchangedCount, removed: 0)
        guard writes, !createdOutput else { return summary }
        for (path, number) in stagedPaths.sorted(by: { $0.path < $1.path }) {
            let target = directory + "/" + path
            try makeFolder(for: target)
            guard rename(staging + "/" + String(number), target) == 0 else { throw Self.cannotWrite(path, at: target, code: errno) }
            summary.written += 1
        }
        try? FileManager.default.removeItem(atPath: staging)
        if let previouslyWritten {
            summary.removed = remove(previouslyWritten.filter { !producedPaths.contains($0) })
        } else {
            summary.removed = removeStale(keeping: producedPaths)
        }
        return summary
    }

    /// Removes these files (paths relative to the output folder), then each folder above them
    /// that is left empty. Returns the number of files removed.
    private func remove(_ stale: [String]) -> Int {
        var removed = 0
        var folders: Set<String> = []
        for path in stale where !path.split(separator: "/").contains("..") && unlink(directory + "/" + path) == 0 {
            removed += 1
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        // Deepest first; rmdir fails, as it should, on a folder that still holds something.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(directory + "/" + folder) }
        return removed
    }

    /// Forgets the staged files: the output folder is left as it was before the build.
    func discard() {
        guard writes else { return }
        try? FileManager.default.removeItem(atPath: createdOutput ? directory : staging)
    }

    private static func sameBytes(at path: String, as bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        return ProjectFiles.read(path) == bytes
    }

    /// Creates the folders above `file` (`mkdir -p`), each once per build.
    private func makeFolder(for file: String) throws(DiagnosticError) {
        let folder = String(file[..<file.lastIndex(of: "/")!])
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        if known { return }
        try Self.createFolder(folder)
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// `mkdir`, and on `ENOENT` the folder above first: one system call for a folder whose
    /// parent exists (a page's own folder), not a `stat` of it and of its parent before the
    /// `mkdir` (some 0.15 s of CPU at 10,000 pages). A folder that exists already is fine, also
    /// when another render thread has just made it.
    private static func createFolder(_ path: String) throws(DiagnosticError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try createFolder(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw DiagnosticError(.error("cannot create folder \(path): \(String(cString: strerror(errno)))", at: SourceLocation(file: path)))
    }

    /// Writes `bytes` to `path` with `open`/`write`; `name` is the path the message gives.
    static func write(_ bytes: [UInt8], to path: String, name: String) throws(DiagnosticError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw cannotWrite(name, at: path, code: errno) }
        let ok = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        close(descriptor)
        guard ok else { throw cannotWrite(name, at: path, code: errno) }
    }

    /// The error for output file `name` not written at `path` (absolute, where the message
    /// points), with `errno` `code`. When a file stands where a folder above `path` should be
    /// (`ENOTDIR`), the message names that file: "Not a directory" alone did not say which.
    static func cannotWrite(_ name: String, at path: String, code: Int32) -> DiagnosticError {
        var reason = String(cString: strerror(code))
        if code == ENOTDIR {
            var folder = path
            var info = stat()
            while let slash = folder.lastIndex(of: "/"), slash > folder.startIndex {
                folder = String(folder[..<slash])
                guard stat(folder, &info) == 0 else { continue }  // under the file: not found either
                if (info.st_mode & S_IFMT) != S_IFDIR { reason = "\(folder) is a file, where the output needs a folder" }
                break
            }
        }
        return DiagnosticError(.error("cannot write \(name): \(reason)", at: SourceLocation(file: path)))
    }

    /// Writes every byte to `descriptor`, again after a signal interrupts; false on an error
    /// (`errno` says which).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Removes files under the output folder that this build did not produce, then folders
    /// left empty. Returns the number of files removed. A `readdir` walk that does not descend
    /// into folders the build produced nothing in only to keep them: every entry is looked up
    /// in `produced` (or the set of its folders) and only the others are removed.
    private func removeStale(keeping produced: Set<String>) -> Int {
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
        var pending: [String] = [""]
        while let current = pending.popLast() {
            guard let handle = opendir(current.isEmpty ? directory : directory + "/" + current) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let relative = current.isEmpty ? name : current + "/" + name
                if produced.contains(relative) { continue }
                let path = directory + "/" + relative
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    pending.append(relative)
                    if !folders.contains(relative) { otherFolders.append(path) }
                } else if unlink(path) == 0 {
                    removed += 1
                }
            }
        }
        for folder in otherFolders.sorted(by: >) { rmdir(folder) }  // fails, as it should, when not empty
        return removed
    }
}

/// Writes text to a file descriptor (`STDOUT_FILENO`, `STDERR_FILENO`) with `write(2)`
/// (`OutputStage.writeAll`). Not `print`, whose dynamic casts of its argument scan every
/// protocol conformance in the binary on first use, nor `FileHandle` with `Data`, whose generic
/// initializer does too (a third of a million instructions each). A failed write (the stream
/// closed or full) is ignored, as print ignores it.
public func writeText(_ text: String, to descriptor: Int32) {
    var copy = text
    copy.withUTF8 { _ = OutputStage.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
}
