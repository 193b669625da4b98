import Foundation

/// A fingerprint of everything a build reads, so that a rebuild with nothing changed can stop
/// before rendering and write nothing (issue 8).
///
/// It covers the bytes and paths of every file under `content/` and `templates/`, the options
/// that change the output (output folder, drafts, link warnings), and Reckon's own version. It
/// is stored in `SITE/.reckon-cache/fingerprint-HASH` (one per output folder, `OutputCaches`)
/// after a build that wrote its output, with the
/// path and size of every file it produced and the time the output holds for (`validFrom`
/// ..< `validUntil`: from the start of the build's day in the site's time zone until the
/// first future-dated article is due), and removed when a build fails. A file deleted
/// from the output, or whose size changed, makes the next build run; a file edited by hand
/// with its size kept is repaired by any change to an input, or by deleting `.reckon-cache/`.
struct BuildFingerprint: Equatable {
    /// Bumped when a change to Reckon changes its output for the same input.
    static let version = "reckon-output-1"

    var value: UInt64
    var files: Int
    /// The output is what a build would make at any time in `validFrom ..< validUntil`
    /// (seconds since 1970): from the start of the build's day in the site's time zone (a
    /// clock set back may take an article dated today out) until the start of the day of the
    /// first future-dated article (nil: none; with `--drafts` the time does not matter).
    var validFrom: Double? = nil
    var validUntil: Double? = nil

    /// Whether the output holds at `now`.
    func holds(at now: Date) -> Bool {
        let seconds = now.timeIntervalSince1970
        return (validFrom.map { seconds >= $0 } ?? true) && (validUntil.map { seconds < $0 } ?? true)
    }

    /// The hash of every input file (`StableHash` of its bytes; nil when it cannot be read),
    /// in the order of `paths` (`ProjectFiles.sourcePaths`), and the fingerprint over them and
    /// the options. Files are hashed on every
    /// core, except those whose stamp (`InputStamps`) shows they were not touched since they
    /// were last hashed; the new stamps come back for the caller to store for the next build
    /// (nil when they are the stored ones). The page cache and the article cache reuse the
    /// per-file hashes. The bytes of each article source it had to read come back too
    /// (`read`, by path): the load phase parses them instead of reading and hashing the file a
    /// second time (a tenth of a first build's kernel time at 10,000 pages).
    static func compute(_ files: ProjectFiles, options: BuildOptions, output: URL)
        -> (value: UInt64, hashes: [UInt64?], paths: [String], stamps: InputStamps?, read: [String: [UInt8]]) {
        // The last build's stamps are read on another thread while the folders are listed.
        let stored = Pending(jobs: options.jobs) { InputStamps.load(from: files) }
        let paths = files.sourcePaths
        let previous = stored.value
        let taken = InputStamps.now
        let root = files.root.path + "/"
        let folder = open(files.root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let recorded = previous?.entries(for: paths)
        let read = ReadArticles()
        let hashes = SiteBuilder.renderInParallel(count: paths.count, jobs: options.jobs) { index -> (stamp: InputStamps.Stamp, hash: UInt64, read: Bool)? in
            guard let stamp = folder >= 0 ? InputStamps.stamp(paths[index], in: folder) : InputStamps.stamp(root + paths[index]) else { return nil }
            if let previous, let known = previous.hash(recorded?[index], stamp: stamp) { return (stamp, known, false) }
            return ProjectFiles.read(root + paths[index]).map { bytes in
                if SiteBuilder.isArticleSource(paths[index]) { read.put(paths[index], bytes) }
                return (stamp, bytes.withUnsafeBytes { StableHash.of($0) }, true)
            }
        }
        var stamps = InputStamps(taken: taken)
        for (path, entry) in zip(paths, hashes) {
            if let entry { stamps.record(path, stamp: entry.stamp, hash: entry.hash) }
        }
        // Stored again only when a file was read (or one went away).
        let changed = hashes.contains(where: { $0?.read ?? false }) || stamps.entries.count != previous?.entries.count
        var hash = StableHash()
        hash.mix(version)
        hash.mix(output.standardizedFileURL.path)
        hash.mix("drafts=\(options.drafts) warn=\(options.linkWarnings)")
        for (path, entry) in zip(paths, hashes) {
            guard let fileHash = entry?.hash else { continue }
            hash.mix(path)
            hash.mix(fileHash)
        }
        return (hash.value, hashes.map { $0?.hash }, paths, changed ? stamps : nil, read.take())
    }

    /// `SITE/.reckon-cache/fingerprint-HASH`, HASH naming the output folder (`OutputCaches`).
    static func location(in files: ProjectFiles, output: String) -> URL {
        OutputCaches.url("fingerprint", output: output, in: files)
    }

    /// What the last build stored: its fingerprint, the output folder it wrote (as
    /// `PageCache.outputName` gives it) and every file it wrote there with its size. The file
    /// has the value, the number of files and the times the output holds from and until
    /// (seconds, `-` for none) on its first line, the folder on the second, then one line per
    /// file: its size and its path.
    struct Record {
        var fingerprint: BuildFingerprint
        var output: String
        var outputs: [PageCache.OutputFile]
    }

    /// Reads the record's text as bytes (splitting it as a `String` was a third of a rebuild with
    /// nothing changed); nil when it is missing or malformed.
    static func stored(in files: ProjectFiles, output: String) -> Record? {
        guard let bytes = ProjectFiles.read(location(in: files, output: output).path) else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        guard start == bytes.count, lines.count >= 2 else { return nil }  // every line ends in \n
        /// A decimal count (1 to 18 digits), read from the bytes.
        func number(_ text: ArraySlice<UInt8>) -> Int? {
            guard (1...18).contains(text.count) else { return nil }
            var value = 0
            for byte in text {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let head = lines[0].split(separator: UInt8(ascii: " "))
        func time(_ text: ArraySlice<UInt8>) -> Double?? {
            text.elementsEqual("-".utf8) ? .some(nil) : Double(String(decoding: text, as: UTF8.self)).map { .some($0) }
        }
        guard head.count == 4, let value = UInt64(String(decoding: head[0], as: UTF8.self), radix: 16),
              let count = number(head[1]), let validFrom = time(head[2]), let validUntil = time(head[3]),
              lines.count == count + 2 else { return nil }
        var outputs: [PageCache.OutputFile] = []
        outputs.reserveCapacity(count)
        for line in lines.dropFirst(2) {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")), let size = number(line[..<space]) else { return nil }
            outputs.append(PageCache.OutputFile(path: String(decoding: line[(space + 1)...], as: UTF8.self), size: size))
        }
        return Record(fingerprint: BuildFingerprint(value: value, files: count, validFrom: validFrom, validUntil: validUntil),
                      output: String(decoding: lines[1], as: UTF8.self), outputs: outputs)
    }

    /// The output folder named on the second line of the record at `url` (`outputName`), nil
    /// when there is none.
    static func recordedOutput(at url: URL) -> String? {
        guard let bytes = ProjectFiles.read(url.path) else { return nil }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        return lines.count >= 2 ? String(decoding: lines[1], as: UTF8.self) : nil
    }

    /// Whether every output file is in `directory` with its size: a file deleted or cut by hand
    /// makes the site not up to date.
    static func present(_ outputs: [PageCache.OutputFile], in directory: URL, jobs: Int?) -> Bool {
        OutputFolder(directory).holds(outputs, jobs: jobs)
    }

    /// - Parameters:
    ///   - output: The output folder, as `PageCache.outputName` gives it.
    ///   - outputs: Every file the build produced, with its size, sorted by path
    ///     (`OutputStage.producedFiles`).
    func store(in files: ProjectFiles, output: String, outputs: [PageCache.OutputFile]) {
        Self.write(encoded(output: output, outputs: outputs), in: files, output: output)
    }

    /// Writes a record made by `encoded(output:outputs:)` for the folder named `output`.
    static func write(_ bytes: [UInt8], in files: ProjectFiles, output: String) {
        let url = location(in: files, output: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var writer = CacheWriter()
        writer.write(bytes[...])
        writer.store(at: url, checked: false)  // text, read by `stored(in:)`
    }

    /// The record as `store` writes it (made while the build checks its output: sorting the
    /// paths of a 10,000-page site is some 20 million instructions).
    /// - Parameter outputs: Sorted by path (`OutputStage.producedFiles`).
    func encoded(output: String, outputs: [PageCache.OutputFile]) -> [UInt8] {
        // One file a line: a path with a line break is left out (then not checked).
        let listed = outputs.filter { !$0.path.containsBytes("\n") }
        func time(_ seconds: Double?) -> String { seconds.map { String(Int64($0.rounded(.down))) } ?? "-" }
        var bytes = Array("\(String(value, radix: 16)) \(listed.count) \(time(validFrom)) \(time(validUntil))\n\(output)\n".utf8)
        bytes.reserveCapacity(listed.count * 48)
        for file in listed {
            bytes += String(file.size).utf8
            bytes.append(UInt8(ascii: " "))
            bytes += file.path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    static func forget(in files: ProjectFiles, output: String) {
        try? FileManager.default.removeItem(at: location(in: files, output: output))
    }
}

/// The bytes of the articles `BuildFingerprint.compute` read, by path, put from its threads.
/// A table of its own, filled only when a file is read: a field in every per-file result made
/// a rebuild with nothing changed 0.35 M instructions slower.
private final class ReadArticles: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [String: [UInt8]] = [:]

    func put(_ path: String, _ value: [UInt8]) {
        lock.lock()
        bytes[path] = value
        lock.unlock()
    }

    func take() -> [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
