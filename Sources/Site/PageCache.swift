import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last build rendered, so that a rebuild renders again only the pages whose inputs
/// changed (issue 8): `SITE/.reckon-cache/pages`, written after a build that wrote its
/// output, for that output folder only.
///
/// Each article page and each list page has an entry: a key over everything its rendering
/// reads, and what the later phases need of it (links, ids, warnings, checks, summary, feed
/// copy), so that a page whose key still matches is not rendered and its file in the output
/// is kept as it is. What a page's key covers:
///
/// - every page: Reckon's output version, `content/site.yaml`, every file under `templates/`
///   except `templates/assets/` (layouts, partials, i18n strings), the site's newest year and
///   whether it has a checks page;
/// - an article: its file's bytes, its previous and next article and its translations (title,
///   URL, language), whether it is in a feed; when it evaluated a formula, every file under
///   `content/data/`; and what its relative links were looked up as, looked up again in this
///   build's articles and content files (a verifying trace: Mokhov, Mitchell and Peyton Jones,
///   "Build systems à la carte", ICFP 2018), so a renamed, re-slugged or deleted target
///   renders the page again (looked up only when the build's articles' URLs or content files
///   changed: `PageKeys.linksWorld`);
/// - a list page: its place (kind, language, taxonomy, term, number of pages, neighbours) and,
///   for each article it lists, what lists show of it (title, URL, date, terms, summary,
///   reading time);
/// - a feed: its language and, for each entry, the whole key of the entry's article page;
///   the sitemap: each page's URL and date. A kept feed or sitemap is not validated again
///   (a cache is only written after a build that passed).
///
/// A page is also rendered again when its output file is missing or has another size. A file
/// edited by hand inside the output with its size kept is not noticed; deleting
/// `.reckon-cache/` (or the output folder) makes the next build render everything.
struct PageCache {
    /// Bumped when the entries' shape or meaning changes.
    static let version = "reckon-pages-6/" + BuildFingerprint.version

    /// A page's key (and the other keys of `PageKeys`): the `StableHash` of what it hashes,
    /// stored as a number. (Stored and compared as 16 hex digits, a key cost a string of its
    /// own wherever it was made, read or mixed into another.)
    typealias Key = UInt64

    /// The file's bytes; entries are decoded when asked for, on the render tasks.
    private let bytes: [UInt8]
    /// Whether the build that wrote the cache found no link problem (a build with `--warn`
    /// may have published broken links as warnings: its pages' links must be checked again).
    private(set) var linksChecked = false
    /// `PageKeys.linksWorld` of the build that wrote the cache.
    private(set) var linksWorld = ""
    /// Where each entry is in `bytes`: articles by source path, lists by output path.
    private var articleEntries = NameIndex()
    private var listEntries = NameIndex()

    /// An output file and its size in bytes.
    struct OutputFile: Equatable {
        var path: String
        var size: Int
    }

    struct ArticleEntry {
        var key: Key
        /// The data tables' key, when the page evaluated formulas.
        var dataKey: Key?
        /// The key of the page's links, resolved.
        var linksKey: Key
        /// What list pages show of the article.
        var listKey: Key
        var outputs: [OutputFile]
        var article: RenderedArticle

        /// Everything the page was made from: its key, data key and links key (a feed's key
        /// mixes them for each of its entries).
        var pageKey: PageKey { PageKey(key: key, dataKey: dataKey, linksKey: linksKey) }

        /// The entry as stored (its key first, so a changed page is found without decoding the rest).
        var encoded: [UInt8] {
            var writer = CacheWriter()
            writer.write(key); writer.write(dataKey); writer.write(linksKey); writer.write(listKey)
            writer.write(outputs.count)
            for output in outputs { writer.write(output.path); writer.write(output.size) }
            writer.write(article)
            return writer.bytes
        }
    }

    struct ListEntry {
        /// nil for an entry that only records a page's facts (its ids): it never matches.
        var key: Key?
        var output: OutputFile
        var page: RenderedPage

        var encoded: [UInt8] {
            var writer = CacheWriter()
            writer.write(key); writer.write(output.path); writer.write(output.size); writer.write(page)
            return writer.bytes
        }
    }

    /// A stored entry: its bytes in the cache it came from, or new bytes.
    struct Stored: Sendable {
        var bytes: ArraySlice<UInt8>

        init(bytes: ArraySlice<UInt8>) { self.bytes = bytes }

        /// A list page's entry (or, with no key, the facts of a page made every time), its file
        /// `size` bytes.
        init(key: Key?, page: RenderedPage, size: Int) {
            bytes = ListEntry(key: key, output: OutputFile(path: page.outputPath, size: size), page: page).encoded[...]
        }
    }

    /// `SITE/.reckon-cache/pages-HASH`, HASH naming the output folder (`OutputCaches`).
    static func location(in files: ProjectFiles, output: String) -> URL {
        OutputCaches.url("pages", output: output, in: files)
    }

    /// The entries of the last build into the output folder named `output` (`outputName`), if
    /// any (a cache of another version or output folder, or a damaged one, counts as none).
    static func load(from files: ProjectFiles, output: String) -> PageCache? {
        guard let bytes = CacheWriter.readChecked(location(in: files, output: output)) else { return nil }
        return PageCache(bytes: bytes, output: output)
    }

    /// The output folder as the caches name it: relative to the site when inside it (so a
    /// copied site keeps its cache), else absolute; links resolved.
    static func outputName(_ output: URL, files: ProjectFiles) -> String {
        let path = output.standardizedFileURL.resolvingSymlinksInPath().path
        return path.hasPrefix(files.rootPath + "/") ? String(path.dropFirst(files.rootPath.count + 1)) : path
    }

    /// The path of the output folder that `outputName` gave `name`.
    static func outputPath(named name: String, files: ProjectFiles) -> String {
        name.hasPrefix("/") ? name : files.rootPath + "/" + name
    }

    private init?(bytes: [UInt8], output: String) {
        self.bytes = bytes
        var reader = CacheReader(bytes)
        do throws(CacheReader.Damaged) {
            guard try reader.string() == Self.version, try reader.string() == output else { return nil }
            linksWorld = try reader.string()
            let articleCount = try reader.count()
            articleEntries = NameIndex(capacity: articleCount)
            for _ in 0..<articleCount {
                let name = try reader.raw(try reader.count())
                articleEntries.add(name: name, value: try reader.raw(try reader.count()), in: bytes)
            }
            let listCount = try reader.count()
            listEntries = NameIndex(capacity: listCount)
            for _ in 0..<listCount {
                let name = try reader.raw(try reader.count())
                listEntries.add(name: name, value: try reader.raw(try reader.count()), in: bytes)
            }
            linksChecked = try reader.bool()  // last: known only after the entries were written
            guard reader.atEnd else { return nil }
        } catch {
            return nil
        }
    }

    /// An article entry's keys, mixed into the key of a feed it is in.
    struct PageKey: Sendable {
        var key: Key
        var dataKey: Key?
        var linksKey: Key

        static let none = PageKey(key: 0, dataKey: nil, linksKey: 0)

        func mix(into hash: inout StableHash) {
            hash.mix(key); hash.mix(dataKey != nil); hash.mix(dataKey ?? 0); hash.mix(linksKey)
        }
    }

    /// The entry of an article whose key is `key`, with its stored bytes; nil when there is
    /// none, its key differs or it is damaged. Its link targets are read only when asked for.
    func article(_ source: String, key: Key, linkTargets: Bool) -> (ArticleEntry, Stored)? {
        guard let range = articleEntries.find(source, in: bytes) else { return nil }
        var reader = CacheReader(bytes, range: range)
        do throws(CacheReader.Damaged) {
            guard try reader.uint() == key else { return nil }
            let header = try Self.articleHeader(&reader)
            let entry = ArticleEntry(key: key, dataKey: header.dataKey, linksKey: header.linksKey, listKey: header.listKey,
                                     outputs: header.outputs, article: try reader.article(linkTargets: linkTargets))
            guard reader.atEnd else { return nil }
            return (entry, Stored(bytes: bytes[range]))
        } catch {
            return nil
        }
    }

    /// An article entry's fields after its key, up to its page. (Returned as they are: an
    /// entry made with an empty page, to be replaced, cost two boxes made and freed per page.)
    private static func articleHeader(_ reader: inout CacheReader) throws(CacheReader.Damaged)
        -> (dataKey: Key?, linksKey: Key, listKey: Key, outputs: [OutputFile]) {
        let dataKey = try reader.optionalUInt(), linksKey = try reader.uint(), listKey = try reader.uint()
        let count = try reader.count()
        var outputs: [OutputFile] = []
        outputs.reserveCapacity(count)
        for _ in 0..<count { outputs.append(OutputFile(path: try reader.string(), size: try reader.int())) }
        return (dataKey, linksKey, listKey, outputs)
    }

    /// The ids the last build's page of article `source` had, whatever its key, when that
    /// page was at `outputPath` (nil when there was no such page, or it was elsewhere).
    func ids(ofArticle source: String, at outputPath: String) -> Set<String>? {
        guard let range = articleEntries.find(source, in: bytes) else { return nil }
        var reader = CacheReader(bytes, range: range)
        return try? { () throws(CacheReader.Damaged) -> Set<String>? in
            _ = try reader.uint()
            _ = try Self.articleHeader(&reader)
            let page = try reader.page()
            return page.outputPath == outputPath ? page.ids : nil
        }() ?? nil
    }

    /// The ids the last build's page at `outputPath` had (a list, a taxonomy's terms, the
    /// checks or 404 page), whatever its key.
    func ids(ofPage outputPath: String) -> Set<String>? {
        guard let range = listEntries.find(outputPath, in: bytes) else { return nil }
        var reader = CacheReader(bytes, range: range)
        return try? { () throws(CacheReader.Damaged) in try Self.listEntry(key: try reader.optionalUInt(), &reader).page.ids }()
    }

    /// The entry of a list page whose key is `key`, as for `article(_:key:)`.
    func list(_ outputPath: String, key: Key) -> (ListEntry, Stored)? {
        guard let range = listEntries.find(outputPath, in: bytes) else { return nil }
        var reader = CacheReader(bytes, range: range)
        do throws(CacheReader.Damaged) {
            guard try reader.optionalUInt() == key else { return nil }
            let entry = try Self.listEntry(key: key, &reader)
            guard reader.atEnd else { return nil }
            return (entry, Stored(bytes: bytes[range]))
        } catch {
            return nil
        }
    }

    /// A list entry's fields after its key.
    private static func listEntry(key: Key?, _ reader: inout CacheReader) throws(CacheReader.Damaged) -> ListEntry {
        let output = OutputFile(path: try reader.string(), size: try reader.int())
        return ListEntry(key: key, output: output, page: try reader.page(lazily: true))
    }

    /// Writes a cache of `articles` and `lists` (name, entry) for the output folder named
    /// `output` (`outputName`), to a temporary name, then renamed into place.
    static func store(articles: [(String, Stored)], lists: [(String, Stored)], output: String, linksChecked: Bool,
                      linksWorld: String, in files: ProjectFiles) {
        Writer(articles: articles, lists: lists, output: output, linksWorld: linksWorld, in: files, jobs: 1)
            .finish(linksChecked: linksChecked)
    }

    /// Writes the page cache while the build checks and commits its output: the entries (all
    /// but the link check's verdict, which ends the file) to a temporary file on another
    /// thread as soon as the pages are made; `finish` adds the verdict and renames the file
    /// into place, `abandon` removes it. (Written after the commit, the 16 MB cache of a
    /// 10,000-page site was a tenth of a one-edit rebuild.)
    final class Writer: @unchecked Sendable {
        private let file: CacheFile?
        private let written = DispatchGroup()

        /// - Parameter jobs: 1 writes the entries at once, on the calling thread.
        init(articles: [(String, Stored)], lists: [(String, Stored)], output: String, linksWorld: String,
             in files: ProjectFiles, jobs: Int?) {
            let file = CacheFile(PageCache.location(in: files, output: output), checked: true)
            self.file = file
            guard let file else { return }
            let write: @Sendable () -> Void = {
                var header = CacheWriter()
                header.write(PageCache.version)
                header.write(output)
                header.write(linksWorld)
                file.append(header.bytes[...])
                for entries in [articles, lists] {
                    var count = CacheWriter()
                    count.write(entries.count)
                    file.append(count.bytes[...])
                    for (name, stored) in entries {
                        var head = CacheWriter()  // the entries themselves are appended as they are, not copied into one array
                        head.write(name); head.write(stored.bytes.count)
                        file.append(head.bytes[...])
                        file.append(stored.bytes)
                    }
                }
            }
            if jobs ?? ProcessInfo.processInfo.activeProcessorCount > 1 {
                DispatchQueue.global().async(group: written, execute: write)
            } else {
                write()
            }
        }

        /// - Parameter linksChecked: Whether the build found no link problem.
        func finish(linksChecked: Bool) {
            written.wait()
            guard let file else { return }
            var trailer = CacheWriter()
            trailer.write(linksChecked)
            file.append(trailer.bytes[...])
            file.finish()
        }

        func abandon() {
            written.wait()
            file?.abandon()
        }
    }

    static func forget(in files: ProjectFiles, output: String) {
        try? FileManager.default.removeItem(at: location(in: files, output: output))
    }
}

/// The caches kept per output folder, `pages` and `fingerprint`: one pair for each folder the
/// site was built into, named `KIND-HASH` (HASH: the `StableHash` of the folder's
/// `PageCache.outputName`), so that building into a second folder (a preview, the tests'
/// copy) does not throw away the first folder's. `kept` pairs are kept; `prune(in:)` removes
/// the others (an up-to-date build writes no cache, so "oldest" means written longest ago).
enum OutputCaches {
    static let kept = 4
    static let kinds = ["pages", "fingerprint"]

    static func url(_ kind: String, output: String, in files: ProjectFiles) -> URL {
        var hash = StableHash()
        hash.mix(output)
        return files.root.appendingPathComponent(".reckon-cache/\(kind)-\(hash.hex)")
    }

    /// Removes the pairs of all but `kept` output folders, and the single `pages` and
    /// `fingerprint` files of Reckon versions before them. Folders that no longer exist (a
    /// temporary folder a test or script built into) go first, then those whose caches were
    /// written longest ago (by modification time, then name). Runs after this build's own
    /// caches are written; builds of one site take turns (`SiteBuilder.lockSite`).
    static func prune(in files: ProjectFiles) {
        let folder = files.root.appendingPathComponent(".reckon-cache")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var newest: [String: Double] = [:]  // output hash → the latest modification time of its files
        for name in names {
            if kinds.contains(name) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                continue
            }
            // KIND-HASH only (a file replaced, KIND-HASH.old, or being written, .new-PID, is not a pair).
            guard !name.contains("."), let kind = kinds.first(where: { name.hasPrefix($0 + "-") }) else { continue }
            var info = stat()
            guard stat(folder.appendingPathComponent(name).path, &info) == 0 else { continue }
            let time = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            let hash = String(name.dropFirst(kind.count + 1))
            newest[hash] = max(newest[hash] ?? 0, time)
        }
        guard newest.count > kept else { return }
        // A pair's folder, as its fingerprint names it. Without a fingerprint (a failed build
        // removes it) the folder counts as there.
        func exists(_ hash: String) -> Bool {
            guard let name = BuildFingerprint.recordedOutput(at: folder.appendingPathComponent("fingerprint-\(hash)")) else {
                return true
            }
            return FileManager.default.fileExists(atPath: PageCache.outputPath(named: name, files: files))
        }
        let present = Dictionary(uniqueKeysWithValues: newest.keys.map { ($0, exists($0)) })
        let byAge = newest.sorted { a, b in
            if present[a.key] != present[b.key] { return present[a.key] == true }
            return a.value != b.value ? a.value > b.value : a.key < b.key
        }
        for (hash, _) in byAge.dropFirst(kept) {
            for kind in kinds { try? FileManager.default.removeItem(at: folder.appendingPathComponent("\(kind)-\(hash)")) }
        }
    }
}

/// The output folder, for asking whether the files a build wrote are still there: opened
/// once, each file looked up from it (`fstatat`), not from the root. (Standardizing the
/// folder's path per page took three quarters of the check's time.)
final class OutputFolder: Sendable {
    /// The open folder; negative when it cannot be opened (it does not exist yet).
    private let descriptor: Int32

    init(_ directory: URL) {
        descriptor = open(directory.standardizedFileURL.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether every file is in the folder with its size.
    func holds(_ outputs: some Collection<PageCache.OutputFile>) -> Bool {
        guard descriptor >= 0 else { return outputs.isEmpty }
        return outputs.allSatisfy { file in
            var info = stat()
            return fstatat(descriptor, file.path, &info, 0) == 0 && Int(info.st_size) == file.size
        }
    }

    /// `holds(_:)` for many files, on `jobs` threads (all cores when nil).
    func holds(_ outputs: [PageCache.OutputFile], jobs: Int?) -> Bool {
        let found = SiteBuilder.renderInParallel(count: outputs.count, jobs: jobs) { index in
            self.holds(outputs[index...index])
        }
        return !found.contains(false)
    }
}

/// The keys of a build's pages (see `PageCache`): what each page's rendering reads, hashed.
/// A class: the render tasks share it, with the page renderer it holds (as an optional struct,
/// each task's unwrapping copied the renderer's fields through generic value witnesses, about
/// 1,000 instructions a page).
final class PageKeys: Sendable {
    /// What every page reads: Reckon's version, site.yaml, the templates, the site's year and
    /// checks page.
    let site: PageCache.Key
    /// Every file under `content/data/`.
    let data: PageCache.Key
    /// Everything `links(_:)` looks targets up in: every article's source path and URL, and
    /// every content file. When it is the last build's, no article's links key can have
    /// changed, and none is computed again.
    let linksWorld: String
    let renderer: PageRenderer

    /// - Parameter fileHashes: Each input file's hash, by project-relative path.
    init(fileHashes: [String: UInt64], renderer: PageRenderer) {
        self.renderer = renderer
        var site = StableHash()
        var data = StableHash()
        site.mix(PageCache.version)
        let keyed = fileHashes.filter { path, _ in
            path == "content/site.yaml" || path.hasBytePrefix("templates/") || path.hasBytePrefix("content/data/")
        }
        for (path, hash) in keyed.sorted(byPath: \.key) {
            if path == "content/site.yaml" || (path.hasPrefix("templates/") && !path.hasPrefix("templates/assets/")) {
                site.mix(path); site.mix(hash)
            } else if path.hasPrefix("content/data/") {
                data.mix(path); data.mix(hash)
            }
        }
        site.mix(renderer.year)
        site.mix(renderer.hasChecks)
        self.site = site.value
        self.data = data.value
        // Summed per entry, so the tables' order does not matter (and nothing is sorted).
        var urls: UInt64 = 0, files: UInt64 = 0
        for (source, url) in renderer.links.articleURLs {
            var entry = StableHash()
            entry.mix(source); entry.mix(url)
            urls &+= entry.value
        }
        for file in renderer.links.contentFiles {
            var entry = StableHash()
            entry.mix(file)
            files &+= entry.value
        }
        var world = StableHash()
        world.mix(renderer.links.articleURLs.count); world.mix(urls)
        world.mix(renderer.links.contentFiles.count); world.mix(files)
        linksWorld = world.hex
    }

    /// An article page's key, before its links and data are looked at.
    func article(_ article: Article, fileHash: UInt64) -> PageCache.Key {
        var hash = StableHash()
        hash.mix(site)
        hash.mix(article.source)
        hash.mix(fileHash)
        // A static function with the hash passed inout: a nested function capturing `hash`
        // had every use of it checked for exclusive access at run time.
        let neighbours = renderer.plan.neighbours[article.source]
        Self.mix(neighbours?.previous ?? nil, into: &hash)
        Self.mix(neighbours?.next ?? nil, into: &hash)
        let translations = renderer.plan.translations[article.source] ?? []
        hash.mix(translations.count)
        for translation in translations { Self.mix(translation, into: &hash) }
        hash.mix(renderer.feedSources.contains(article.source))
        return hash.value
    }

    /// What an article's page shows of another (a neighbour, a translation).
    private static func mix(_ other: Article?, into hash: inout StableHash) {
        hash.mix(other?.source ?? ""); hash.mix(other?.title ?? ""); hash.mix(other?.urlPath ?? "")
        hash.mix(other?.language ?? "")
    }

    /// The key of an article's links as this build would resolve them: for each path its
    /// relative links were looked up as, the article there (its URL) or the content file.
    func links(_ targets: [String]) -> PageCache.Key {
        var hash = StableHash()
        for target in targets {
            hash.mix(target); hash.mix(renderer.links.articleURLs[target] ?? "\u{0}")
            hash.mix(renderer.links.contentFiles.contains(target))
        }
        return hash.value
    }

    /// What list pages show of an article: its fields and its rendered summary.
    func listing(_ article: Article, rendered: RenderedArticle) -> PageCache.Key {
        var hash = StableHash()
        hash.mix(article.source); hash.mix(article.title); hash.mix(article.urlPath); hash.mix(article.language)
        hash.mix(article.date?.description ?? ""); hash.mix(article.summary)
        for (taxonomy, terms) in article.terms.sorted(by: { $0.key < $1.key }) {
            hash.mix(taxonomy); hash.mix(terms.count)
            for term in terms { hash.mix(term) }
        }
        hash.mix(rendered.summaryNodes()); hash.mix(rendered.summaryText); hash.mix(rendered.readingMinutes)
        return hash.value
    }

    /// The key of a file made from other pages (a feed, the sitemap): the site's key and
    /// `parts`, everything the file is made of in order (for a feed, each entry's page key,
    /// which covers what the feed shows of it).
    /// - Parameter parts: Mixes them (with their count) into the hash.
    func generated(_ name: String, parts: (inout StableHash) -> Void) -> PageCache.Key {
        var hash = StableHash()
        hash.mix(site); hash.mix(name)
        parts(&hash)
        return hash.value
    }

    /// A list page's key.
    /// - Parameter listing: The `listing` key of an article, by its position in the plan.
    func list(_ list: SitePlan.ListPage, listing: (Int) -> PageCache.Key?) -> PageCache.Key {
        var hash = StableHash()
        hash.mix(site)
        hash.mix(list.kind.rawValue); hash.mix(list.language); hash.mix(list.taxonomy ?? ""); hash.mix(list.term ?? "")
        hash.mix(list.number); hash.mix(list.count); hash.mix(list.urlPath)
        hash.mix(list.number > 1 ? list.urlPaths[list.number - 2] : "")
        hash.mix(list.number < list.count ? list.urlPaths[list.number] : "")
        hash.mix(list.articles.count)
        for (source, position) in zip(list.articles, list.positions) {
            hash.mix(source)
            let key = listing(position)
            hash.mix(key != nil); hash.mix(key ?? 0)
        }
        return hash.value
    }
}
