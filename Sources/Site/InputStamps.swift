import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The size, modification and status-change times and inode of every input as last hashed, with its hash, so
/// that a rebuild hashes again only the files that were touched (as git's index and ninja's
/// log do): `SITE/.reckon-cache/inputs`.
///
/// A stamp is trusted only when the file was last modified more than a second before it was
/// hashed: a file written twice within one tick of a coarse file-system clock keeps its
/// modification time, so a recent stamp proves nothing and that file is read again (git's
/// "racily clean" rule).
struct InputStamps {
    static let version = "reckon-inputs-2/" + StableHash.algorithm

    struct Stamp: Equatable {
        var size: Int
        /// Modification time in nanoseconds since 1970.
        var modified: Int
        /// Status-change time (ctime), which no program can set back: a file copied over
        /// with `cp -p` keeps its old modification time but not this.
        var changed: Int
        var inode: UInt64
    }

    /// Project-relative paths in the order they were recorded (`ProjectFiles.sourcePaths`),
    /// and for each the stamp and the hash of the bytes.
    private(set) var paths: [String] = []
    private(set) var entries: [(stamp: Stamp, hash: UInt64)] = []
    /// When the hashes were taken, in nanoseconds since 1970.
    private(set) var taken: Int

    init(taken: Int) { self.taken = taken }

    static func location(in files: ProjectFiles) -> URL {
        files.root.appendingPathComponent(".reckon-cache/inputs")
    }

    /// Now, in nanoseconds since 1970.
    static var now: Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// The file's stamp, or nil when it cannot be read as a regular file. A relative `path` is
    /// looked up from the open `folder` (`fstatat`: a shorter walk than from the root).
    static func stamp(_ path: String, in folder: Int32 = AT_FDCWD) -> Stamp? {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                     changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// The recorded entry of each of `paths`, by position: matched by position when the
    /// paths are the recorded ones in the same order (no input added, removed or renamed:
    /// nothing is hashed), else by path.
    func entries(for paths: [String]) -> [(stamp: Stamp, hash: UInt64)?] {
        if paths == self.paths { return entries.map { $0 } }
        let byPath = Dictionary(zip(self.paths, entries), uniquingKeysWith: { first, _ in first })
        return paths.map { byPath[$0] }
    }

    /// The recorded hash when the file's stamp is still `stamp` and the stamp can be trusted.
    func hash(_ entry: (stamp: Stamp, hash: UInt64)?, stamp: Stamp) -> UInt64? {
        guard let entry, entry.stamp == stamp, max(stamp.modified, stamp.changed) < taken - 1_000_000_000 else { return nil }
        return entry.hash
    }

    /// Records the next path (in `ProjectFiles.sourcePaths` order).
    mutating func record(_ path: String, stamp: Stamp, hash: UInt64) {
        paths.append(path)
        entries.append((stamp, hash))
    }

    static func load(from files: ProjectFiles) -> InputStamps? {
        guard let bytes = CacheWriter.readChecked(location(in: files)) else { return nil }
        var reader = CacheReader(bytes)
        do throws(CacheReader.Damaged) {
            guard try reader.string() == version else { return nil }
            var stamps = InputStamps(taken: try reader.int())
            let count = try reader.count()
            stamps.paths.reserveCapacity(count)
            stamps.entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let stamp = Stamp(size: try reader.int(), modified: try reader.int(), changed: try reader.int(),
                                  inode: try reader.uint())
                stamps.record(path, stamp: stamp, hash: try reader.uint())
            }
            return reader.atEnd ? stamps : nil
        } catch {
            return nil
        }
    }

    func store(in files: ProjectFiles) {
        var writer = CacheWriter()
        writer.write(Self.version)
        writer.write(taken)
        writer.write(entries.count)
        for (path, entry) in zip(paths, entries) {
            writer.write(path); writer.write(entry.stamp.size); writer.write(entry.stamp.modified)
            writer.write(entry.stamp.changed); writer.write(entry.stamp.inode); writer.write(entry.hash)
        }
        writer.store(at: Self.location(in: files))
    }
}
