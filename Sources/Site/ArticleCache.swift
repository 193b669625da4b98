import Foundation

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
    private var entries: [String: (fileHash: UInt64, range: Range<Int>)] = [:]

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

    /// The entries stored for `configKey`; nil when there are none, they were stored for
    /// another `site.yaml`, or the file is damaged.
    static func load(from files: ProjectFiles, configKey: String) -> ArticleCache? {
        guard let bytes = CacheWriter.readChecked(location(in: files)) else { return nil }
        return ArticleCache(bytes: bytes, configKey: configKey)
    }

    private init?(bytes: [UInt8], configKey: String) {
        self.bytes = bytes
        var reader = CacheReader(bytes)
        do throws(CacheReader.Damaged) {
            guard try reader.string() == configKey else { return nil }
            for _ in 0..<(try reader.count()) {
                let source = try reader.string()
                let fileHash = try reader.uint()
                entries[source] = (fileHash, try reader.raw(try reader.count()))
            }
            guard reader.atEnd else { return nil }
        } catch {
            return nil
        }
    }

    /// The number of articles stored.
    var count: Int { entries.count }

    /// The article stored for `source` (with an empty body) when its file still hashes to
    /// `fileHash`.
    func entry(_ source: String, fileHash: UInt64) -> Entry? {
        guard let (stored, range) = entries[source], stored == fileHash else { return nil }
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
