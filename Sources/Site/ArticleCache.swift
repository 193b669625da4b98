import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The front matter of every article as the last build loaded it, so that a rebuild does not
/// parse the YAML of the files that did not change (issue 8): `SITE/.reckon-cache/articles`.
///
/// An entry is used when the file's hash (`StableHash` of its bytes) and `site.yaml` (its
/// languages and taxonomies decide how front matter reads) are what they were. The article
/// then comes without its body: the build reads the file again only to render the page,
/// when the page cache cannot keep it. Whether the body has a `check` block (which decides
/// whether pages link to `/checks/`) is kept with it.
struct ArticleCache {
    static let version = "reckon-articles-1/" + BuildFingerprint.version

    private let bytes: [UInt8]
    /// For each source asked for (`load(from:configKey:sources:)`, by position), its stored
    /// entry's file hash and bytes, when there is one.
    private let found: [(fileHash: UInt64, range: Range<Int>)?]
    /// The number of articles stored.
    let count: Int

    /// An article as loaded, the hash of its file, and whether its body has a `check` block.
    struct Entry {
        var article: Article
        var fileHash: UInt64
        var hasCheckBlock: Bool
        /// The entry as stored, when it came from the cache (written back as it is).
        var stored: ArraySlice<UInt8>?
    }

    static func location(in files: ProjectFiles) -> URL {
        files.root.appendingPathComponent(".reckon-cache/articles")
    }

    /// The key of what decides how front matter reads: Reckon's version and `site.yaml`.
    static func configKey(siteYAMLHash: UInt64) -> String {
        var hash = StableHash()
        hash.mix(version)
        hash.mix(siteYAMLHash)
        return hash.hex
    }

    /// The entries stored for `configKey`, matched to `sources` (the articles' paths, in the
    /// order the build lists them); nil when there are none, they were stored for another
    /// `site.yaml`, or the file is damaged.
    static func load(from files: ProjectFiles, configKey: String, sources: [String]) -> ArticleCache? {
        guard let bytes = CacheWriter.readChecked(location(in: files)) else { return nil }
        return ArticleCache(bytes: bytes, configKey: configKey, sources: sources)
    }

    /// Entries are stored in the order the articles' paths were listed, so they are matched to
    /// `sources` by position, comparing bytes; a table of the stored paths is made only when
    /// an article was added, removed or renamed. (Making a string of every stored path and a
    /// table of them was 2% of a one-edit rebuild.)
    private init?(bytes: [UInt8], configKey: String, sources: [String]) {
        var reader = CacheReader(bytes)
        var stored: [(source: Range<Int>, fileHash: UInt64, range: Range<Int>)] = []
        do throws(CacheReader.Damaged) {
            guard try reader.string() == configKey else { return nil }
            let count = try reader.count()
            stored.reserveCapacity(count)
            for _ in 0..<count {
                let source = try reader.raw(try reader.count())
                let fileHash = try reader.uint()
                stored.append((source, fileHash, try reader.raw(try reader.count())))
            }
            guard reader.atEnd else { return nil }
        } catch {
            return nil
        }
        func same(_ range: Range<Int>, _ text: String) -> Bool {
            var copy = text
            return copy.withUTF8 { bytes.holds(UnsafeRawBufferPointer($0), at: range) }
        }
        var found: [(fileHash: UInt64, range: Range<Int>)?] = []
        found.reserveCapacity(sources.count)
        var byPath: [String: Int]?
        for (index, source) in sources.enumerated() {
            if byPath == nil, index < stored.count, same(stored[index].source, source) {
                found.append((stored[index].fileHash, stored[index].range))
                continue
            }
            if byPath == nil {
                var table: [String: Int] = [:]
                table.reserveCapacity(stored.count)
                for (position, entry) in stored.enumerated() {
                    table[String(decoding: bytes[entry.source], as: UTF8.self)] = position
                }
                byPath = table
            }
            found.append(byPath?[source].map { (stored[$0].fileHash, stored[$0].range) })
        }
        self.bytes = bytes
        self.found = found
        self.count = stored.count
    }

    /// The article stored for `sources[index]` (with an empty body) when its file still
    /// hashes to `fileHash`.
    func entry(at index: Int, source: String, fileHash: UInt64) -> Entry? {
        guard index < found.count, let (stored, range) = found[index], stored == fileHash else { return nil }
        var reader = CacheReader(bytes, range: range)
        do throws(CacheReader.Damaged) {
            let article = try reader.articleMeta()
            let hasCheckBlock = try reader.bool()
            guard reader.atEnd, article.source == source else { return nil }
            return Entry(article: article, fileHash: fileHash, hasCheckBlock: hasCheckBlock, stored: bytes[range])
        } catch {
            return nil
        }
    }

    static func store(_ entries: [Entry], configKey: String, in files: ProjectFiles) {
        var writer = CacheWriter()
        writer.write(configKey)
        writer.write(entries.count)
        for entry in entries {
            let blob: ArraySlice<UInt8>
            if let stored = entry.stored {
                blob = stored
            } else {
                var encoder = CacheWriter()
                encoder.write(meta: entry.article)
                encoder.write(entry.hasCheckBlock)
                blob = encoder.bytes[...]
            }
            writer.write(entry.article.source)
            writer.write(entry.fileHash)
            writer.write(blob.count)
            writer.write(blob)
        }
        writer.store(at: location(in: files))
    }

    static func forget(in files: ProjectFiles) {
        try? FileManager.default.removeItem(at: location(in: files))
    }
}
