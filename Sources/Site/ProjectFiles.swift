import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the files of a site folder. Paths are project-relative (`content/posts/x.md`);
/// nothing outside the folder is read: a symbolic link that leads out of it is refused.
struct ProjectFiles: Sendable {
    /// The site folder, absolute, with symbolic links resolved.
    let root: URL
    /// `root.path`, made once.
    let rootPath: String
    /// Each input's hash as the build's fingerprint took it: a file read again later must
    /// still have those bytes, or the caches would record one version under another's hash.
    var expectedHashes: [String: UInt64] = [:]
    /// The real path of each folder a file was read from.
    private let realFolders = RealFolders()

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        rootPath = self.root.path
    }

    func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file under `folder`, sorted by path; hidden files and folders skipped.
    /// A `readdir` walk: Foundation's URL enumerator with resource values cost about 350,000
    /// instructions a file.
    /// The names are gathered as bytes (`PathBytes`) and a string is made once per file, after
    /// sorting.
    func files(under folder: String) -> [String] {
        var result = PathBytes()
        var pending: [String] = [folder]
        while let current = pending.popLast() {
            guard let directory = opendir(rootPath + "/" + current) else { continue }
            defer { closedir(directory) }
            let prefix = Array((current + "/").utf8)
            while let entry = readdir(directory) {
                let type = Int32(entry.pointee.d_type)
                withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    let name = UnsafeRawBufferPointer(rebasing: raw.prefix(while: { $0 != 0 }))
                    guard let first = name.first, first != UInt8(ascii: ".") else { return }
                    switch type {
                    case Int32(DT_DIR): pending.append(current + "/" + String(decoding: name, as: UTF8.self))
                    case Int32(DT_REG): result.append(prefix, name)
                    case Int32(DT_LNK), Int32(DT_UNKNOWN):
                        let path = current + "/" + String(decoding: name, as: UTF8.self)
                        var info = stat()
                        guard stat(rootPath + "/" + path, &info) == 0 else { return }
                        if (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) }
                        else if (info.st_mode & S_IFMT) == S_IFREG { result.append(path.utf8) }
                    default: return
                    }
                }
            }
        }
        return result.order { result.string($0) < result.string($1) }.map(result.string)
    }

    /// Every input a build reads: the files under `content/` and then `templates/`, each folder
    /// sorted, hidden files skipped. The up-to-date fingerprint hashes these, and `reckon serve`
    /// watches them (through `SiteBuilder.sourcePaths(site:)`).
    var sourcePaths: [String] {
        files(under: "content") + files(under: "templates")
    }

    /// The bytes of a file inside the project.
    ///
    /// - Throws: a diagnostic when the file cannot be read or is a link leading outside.
    func bytes(_ path: String) throws(DiagnosticError) -> [UInt8] {
        let file = rootPath + "/" + path
        // Where the file really is: its folder's real path (resolved once per folder) and its
        // name, unless the file itself is a link, which is resolved whole.
        var info = stat()
        let real: String?
        if lstat(file, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK, let slash = file.lastIndex(of: "/") {
            real = realFolders.resolve(String(file[..<slash]))
        } else {
            real = Self.realPath(file)
        }
        guard let inside = real else {
            throw DiagnosticError(.error("cannot read `\(path)`", at: SourceLocation(file: path)))
        }
        guard inside == rootPath || inside.hasPrefix(rootPath + "/") else {
            throw DiagnosticError(.error("`\(path)` leads outside the site folder: Reckon reads only files inside it",
                                         at: SourceLocation(file: path)))
        }
        guard let bytes = Self.read(file) else {
            throw DiagnosticError(.error("cannot read `\(path)`", at: SourceLocation(file: path)))
        }
        if let expected = expectedHashes[path], bytes.withUnsafeBytes({ StableHash.of($0) }) != expected {
            throw DiagnosticError(.error("`\(path)` changed while the site was being built: build again",
                                         at: SourceLocation(file: path)))
        }
        return bytes
    }

    /// A file's bytes by absolute path (`open`, `fstat`, `read`), or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Read into uninitialized memory: zeroing it first was a pass over every byte (20 MB of
        // caches at 10,000 pages). One byte more than the size: the read that finds the end.
        let capacity = Int(info.st_size) + 1
        var failed = false
        var result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let count = fill(buffer.baseAddress!, capacity, from: descriptor)
            initialized = count ?? 0
            failed = count == nil
        }
        if failed { return nil }
        if result.count == capacity {
            // It grew since `fstat`: the rest, a block at a time.
            var block = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                guard let count = block.withUnsafeMutableBufferPointer({ fill($0.baseAddress!, $0.count, from: descriptor) })
                else { return nil }
                result.append(contentsOf: block[..<count])
                if count < block.count { break }  // the end
            }
        }
        return result
    }

    /// Reads from `descriptor` into `buffer` until it holds `capacity` bytes or the file ends (a
    /// read interrupted by a signal is made again): the number of bytes read, nil on an error.
    private static func fill(_ buffer: UnsafeMutablePointer<UInt8>, _ capacity: Int, from descriptor: Int32) -> Int? {
        var filled = 0
        while filled < capacity {
            let count = Glibc.read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// A text file as Reckon reads it: UTF-8 required, BOM dropped, CRLF and CR turned into LF.
    func text(_ path: String) throws(DiagnosticError) -> String {
        try Self.decode(try bytes(path), path: path)
    }

    static func decode(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            var line = 1
            var valid = body.startIndex
            // Find the line of the first invalid byte for the message.
            while valid < body.endIndex {
                let end = body[valid...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
                if String(validating: body[valid..<end], as: UTF8.self) == nil { break }
                line += 1
                valid = end == body.endIndex ? end : body.index(after: end)
            }
            throw DiagnosticError(.error("not valid UTF-8: save the file as UTF-8", at: SourceLocation(file: path, line: line)))
        }
        guard text.containsBytes("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension ProjectFiles {
    /// `realpath(3)`: the absolute path with every link resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Real paths of folders, each resolved once (`realpath` reads every component's link: nine
/// system calls a file, 1.5% of a build).
final class RealFolders: @unchecked Sendable {  // the table is read and written under the lock
    private var paths: [String: String?] = [:]
    private let lock = NSLock()

    func resolve(_ folder: String) -> String? {
        lock.lock()
        if let known = paths[folder] { lock.unlock(); return known }
        lock.unlock()
        let real = ProjectFiles.realPath(folder)
        lock.lock()
        paths[folder] = real
        lock.unlock()
        return real
    }
}
