import DOM
import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the page cache's binary format: unsigned LEB128 integers, strings as a length and
/// their UTF-8 bytes, arrays as a count and their elements. Little-endian, no alignment.
/// (JSON through `Codable` cost about 40% of a one-edit rebuild of 1,000 pages.)
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ number: UInt64) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ number: Int) { write(UInt64(bitPattern: Int64(number))) }
    /// A flag, then the number when there is one.
    mutating func write(_ number: UInt64?) {
        write(number != nil)
        if let number { write(number) }
    }
    mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }
    mutating func write(_ number: Double) { write(number.bitPattern) }

    mutating func write(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            write(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }

    /// Sorted, so the same set is written the same way.
    mutating func write(_ texts: Set<String>) { write(texts.sorted()) }

    mutating func write(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    /// Writes the bytes to `url` (see `CacheFile`). A cache that cannot be written is no
    /// error: the next build does without it.
    /// - Parameter checked: End the file with a checksum, for `CacheWriter.readChecked`: a
    ///   cache damaged on disk is then ignored, not trusted.
    func store(at url: URL, checked: Bool = true) {
        guard let file = CacheFile(url, checked: checked) else { return }
        file.append(bytes[...])
        file.finish()
    }

    /// A file written with a checksum (`CacheFile`), without it, when the checksum matches.
    static func readChecked(_ url: URL) -> [UInt8]? {
        guard var file = ProjectFiles.read(url.path), file.count >= 8 else { return nil }
        let sum = file.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: file.count - 8, as: UInt64.self)) }
        file.removeLast(8)
        var checksum = Checksum()
        file.withUnsafeBytes { checksum.add($0) }
        return sum == checksum.value ? file : nil
    }

    mutating func write(_ location: SourceLocation) {
        write(location.file); write(location.line); write(location.column)
    }

    mutating func write(_ diagnostics: [Diagnostic]) {
        write(diagnostics.count)
        for diagnostic in diagnostics {
            write(diagnostic.severity == .error); write(diagnostic.message); write(diagnostic.location)
        }
    }

    mutating func write(_ nodes: [MarkupNode]) {
        write(nodes.count)
        for node in nodes {
            switch node {
            case .text(let text): write(0); write(text)
            case .comment(let text): write(1); write(text)
            case .element(let element):
                write(2); write(element.name); write(element.prefix); write(element.namespaceURI)
                write(element.attributes.count)
                for attribute in element.attributes {
                    write(attribute.name); write(attribute.prefix); write(attribute.namespaceURI); write(attribute.value)
                    write(attribute.location); write(attribute.valueLocation)
                }
                write(element.children)
                write(element.location)
            }
        }
    }

    mutating func write(_ checks: [CheckResult]) {
        write(checks.count)
        for check in checks {
            write(check.label); write(check.location); write(check.pageURL); write(check.pageTitle); write(check.language)
            write(check.anchor); write(check.stated); write(check.computed); write(check.offBy); write(check.tolerance)
            write(check.verdict); write(check.expected); write(check.formula); write(check.inputs)
        }
    }

    mutating func write(_ page: RenderedPage) {
        write(page.outputPath); write(page.source); write(page.hasOutput); write(page.diagnostics); write(page.copies)
        write(page.links); write(page.ids); write(page.reportedLinks)
    }

    /// An article's front matter and where its body starts; not the body.
    mutating func write(meta article: Article) {
        write(article.source); write(article.title); write(article.date?.description); write(article.terms.count)
        for (taxonomy, terms) in article.terms.sorted(by: { $0.key < $1.key }) { write(taxonomy); write(terms) }
        write(article.language); write(article.draft); write(article.summary); write(article.layout)
        write(article.layoutLocation); write(article.translationKey); write(article.slug); write(article.urlPath)
        write(article.bodyFirstLine)
    }

    mutating func write(_ article: RenderedArticle) {
        write(article.page)
        var summary = CacheWriter()  // length first, so a reader can leave it encoded
        summary.write(article.summaryNodes())
        write(summary.bytes.count); write(summary.bytes[...])
        write(article.summaryText); write(article.feedHTML)
        write(article.readingMinutes); write(article.checks); write(article.chartFiles.keys.sorted()); write(article.droppedLabels)
        write(article.linkTargets); write(article.evaluatesFormulas)
    }
}

/// Reads what `CacheWriter` wrote. Every read checks the bounds: a cut or damaged cache
/// throws, and the build treats it as no cache.
struct CacheReader {
    struct Damaged: Error {}

    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var atEnd: Bool { offset >= end }

    /// A number as `write(_: UInt64)` wrote it (7 bits a byte, low bits first). Inlined, with a
    /// first test for a number of one byte: most are lengths and counts below 128, and 50,000
    /// calls of the whole loop were 2.4 million instructions of a one-edit rebuild of 1,000 pages.
    @inline(__always)
    mutating func uint() throws(Damaged) -> UInt64 {
        if offset < end {
            let byte = bytes[offset]
            if byte < 0x80 {
                offset += 1
                return UInt64(byte)
            }
        }
        return try longUInt()
    }

    private mutating func longUInt() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(Damaged) -> Int { Int(Int64(bitPattern: try uint())) }

    /// What `write(_: UInt64?)` wrote.
    mutating func optionalUInt() throws(Damaged) -> UInt64? { try bool() ? try uint() : nil }

    mutating func count() throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw Damaged() }  // every element takes a byte or more
        return value
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard offset < end else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func double() throws(Damaged) -> Double { Double(bitPattern: try uint()) }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Damaged) -> [String] {
        let number = try count()
        var result: [String] = []
        result.reserveCapacity(number)
        for _ in 0..<number { result.append(try string()) }
        return result
    }

    /// Steps over a list written by `write(_: [String])` without making its strings: `[]`.
    mutating func skippedStrings() throws(Damaged) -> [String] {
        for _ in 0..<(try count()) { _ = try raw(try count()) }
        return []
    }

    /// The next `length` bytes, unread.
    mutating func raw(_ length: Int) throws(Damaged) -> Range<Int> {
        guard length >= 0, length <= end - offset else { throw Damaged() }
        defer { offset += length }
        return offset..<offset + length
    }

    mutating func location() throws(Damaged) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func diagnostics() throws(Damaged) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for _ in 0..<(try count()) {
            let severity: Diagnostic.Severity = try bool() ? .error : .warning
            result.append(Diagnostic(severity, try string(), at: try location()))
        }
        return result
    }

    mutating func nodes() throws(Damaged) -> [MarkupNode] {
        var result: [MarkupNode] = []
        for _ in 0..<(try count()) {
            switch try int() {
            case 0: result.append(.text(try string()))
            case 1: result.append(.comment(try string()))
            case 2:
                let name = try string(), prefix = try optionalString(), namespace = try optionalString()
                var attributes: [MarkupAttribute] = []
                for _ in 0..<(try count()) {
                    attributes.append(MarkupAttribute(name: try string(), prefix: try optionalString(),
                                                      namespaceURI: try optionalString(), value: try string(),
                                                      location: try location(), valueLocation: try location()))
                }
                let children = try nodes()
                result.append(.element(MarkupElement(name: name, prefix: prefix, namespaceURI: namespace,
                                                     attributes: attributes, children: children, location: try location())))
            default: throw Damaged()
            }
        }
        return result
    }

    mutating func checks() throws(Damaged) -> [CheckResult] {
        var result: [CheckResult] = []
        for _ in 0..<(try count()) {
            result.append(CheckResult(label: try string(), location: try location(), pageURL: try string(),
                                      pageTitle: try string(), language: try string(), anchor: try string(),
                                      stated: try string(), computed: try string(), offBy: try string(),
                                      tolerance: try string(), verdict: try string(), expected: try string(),
                                      formula: try string(), inputs: try strings()))
        }
        return result
    }

    /// - Parameter lazily: Leave the page's links, ids and reported links encoded
    ///   (`RenderedPage.encodedLinks`), only walked over.
    mutating func page(lazily: Bool = false) throws(Damaged) -> RenderedPage {
        let outputPath = try string(), source = try string(), hasOutput = try bool(), diagnostics = try diagnostics()
        let copies = try strings()
        if lazily {
            let start = offset
            for _ in 0..<3 { for _ in 0..<(try count()) { _ = try raw(try count()) } }
            return RenderedPage(outputPath: outputPath, source: source, hasOutput: hasOutput, diagnostics: diagnostics,
                                copies: copies, encodedLinks: (bytes, start..<offset))
        }
        let (links, ids, reported) = try linkFacts()
        return RenderedPage(outputPath: outputPath, source: source, html: [], hasOutput: hasOutput, diagnostics: diagnostics,
                            copies: copies, links: links, ids: ids, reportedLinks: reported)
    }

    /// A page's links, ids and reported links, as `write(_: RenderedPage)` ends it.
    mutating func linkFacts() throws(Damaged) -> (links: [String], ids: Set<String>, reported: Set<String>) {
        (try strings(), Set(try strings()), Set(try strings()))
    }

    /// What `write(meta:)` wrote, as an article with an empty body.
    mutating func articleMeta() throws(Damaged) -> Article {
        let source = try string(), title = try string()
        var date: Day?
        if let text = try optionalString() {
            guard let day = Day(text) else { throw Damaged() }
            date = day
        }
        var terms: [String: [String]] = [:]
        for _ in 0..<(try count()) { terms[try string()] = try strings() }
        return Article(source: source, title: title, date: date, terms: terms, language: try string(), draft: try bool(),
                       summary: try string(), layout: try string(), layoutLocation: try location(),
                       translationKey: try string(), slug: try string(), urlPath: try string(), body: "",
                       bodyFirstLine: try int())
    }

    /// - Parameter linkTargets: Whether to read the article's link targets (`[]` otherwise):
    ///   only a build whose link world changed looks at a kept page's.
    mutating func article(linkTargets: Bool = true) throws(Damaged) -> RenderedArticle {
        let page = try page(lazily: true), summary = try raw(try count())
        let summaryText = try raw(try count()), feedHTML = try raw(try count())
        let minutes = try double(), checks = try checks()
        let charts = try strings()
        return RenderedArticle(page: page, summary: [], summaryText: "",
                               encoded: .init(bytes: bytes, summary: summary, summaryText: summaryText, feedHTML: feedHTML),
                               feedHTML: "",
                               readingMinutes: minutes, checks: checks,
                               chartFiles: Dictionary(charts.map { ($0, []) }, uniquingKeysWith: { first, _ in first }),
                               droppedLabels: try int(), linkTargets: try linkTargets ? strings() : skippedStrings(),
                               evaluatesFormulas: try bool())
    }
}

/// The entries of a cache file, found by name without a string made of each stored name: a
/// table from the name's `StableHash` to its entry (entries whose names share a hash are
/// chained), the name then compared byte for byte. Indexing the 1,420 entries of a 1,000-page
/// site's page cache by `String` (each name made and hashed with SipHash) took 2.7 million
/// instructions, on the thread whose result the plan then waited for.
struct NameIndex {
    /// `StableHash.of`; a test gives every name one hash, to chain them all.
    private let hash: @Sendable (UnsafeRawBufferPointer) -> UInt64
    private var firstByHash: [UInt64: Int] = [:]
    /// Per entry, in the order added: where its name and its bytes are, and the next entry
    /// whose name has the same hash (-1: none).
    private var names: [Range<Int>] = []
    private var values: [Range<Int>] = []
    private var next: [Int] = []

    init(capacity: Int = 0, hash: @escaping @Sendable (UnsafeRawBufferPointer) -> UInt64 = StableHash.of) {
        self.hash = hash
        firstByHash.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
    }

    /// Adds the entry named by `bytes[name]`; a name added again replaces the entry (the last
    /// one counts, as in a dictionary).
    mutating func add(name: Range<Int>, value: Range<Int>, in bytes: [UInt8]) {
        bytes.withUnsafeBytes { all in
            let wanted = UnsafeRawBufferPointer(rebasing: all[name])
            let key = hash(wanted)
            let chained = firstByHash.updateValue(names.count, forKey: key) ?? -1  // one table lookup
            var entry = chained
            while entry >= 0 {
                if bytes.holds(wanted, at: names[entry]) {
                    firstByHash[key] = chained
                    values[entry] = value
                    return
                }
                entry = next[entry]
            }
            next.append(chained)
            names.append(name)
            values.append(value)
        }
    }

    /// Where the entry named `name` is in `bytes`; nil when there is none.
    func find(_ name: String, in bytes: [UInt8]) -> Range<Int>? {
        var name = name
        return name.withUTF8 { utf8 -> Range<Int>? in
            let wanted = UnsafeRawBufferPointer(utf8)
            var entry = firstByHash[hash(wanted)] ?? -1
            while entry >= 0 {
                if bytes.holds(wanted, at: names[entry]) { return values[entry] }
                entry = next[entry]
            }
            return nil
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether `self[range]` is exactly `wanted` (a name stored in a cache against the one asked
    /// for, compared with `memcmp`: no string made of the stored bytes).
    func holds(_ wanted: UnsafeRawBufferPointer, at range: Range<Int>) -> Bool {
        range.count == wanted.count && (range.isEmpty || withUnsafeBytes {
            memcmp($0.baseAddress! + range.lowerBound, wanted.baseAddress!, range.count) == 0
        })
    }
}

/// A cache file being written: to a temporary name of this process's own (two builds of one
/// site never share it), in 256 KiB pieces (a 10,000-page cache is not copied into one array
/// first), optionally ended by a `Checksum` of everything before it; renamed into place by
/// `finish()`, so a reader never sees half a file.
final class CacheFile: @unchecked Sendable {  // used by one thread at a time (PageCache.Writer hands it over)
    private let url: URL
    private let temporary: String
    private let descriptor: Int32
    private let checked: Bool
    private var buffer: [UInt8] = []
    private var checksum = Checksum()
    private var failed = false

    init?(_ url: URL, checked: Bool) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        self.url = url
        self.checked = checked
        temporary = url.path + Self.temporaryMarker + String(getpid())
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        buffer.reserveCapacity(Self.capacity)
    }

    /// The buffer's size. It never grows: bytes are written out before it would overflow, and
    /// slices of a quarter of it or more (a whole cache made in memory) go out as they are, not
    /// copied (a grown or copied-into buffer is fresh memory, faulted in page by page).
    private static let capacity = 1 << 18

    func append(_ bytes: ArraySlice<UInt8>) {
        if bytes.count >= Self.capacity / 4 {
            flush()
            bytes.withUnsafeBytes { write($0) }
            return
        }
        if buffer.count + bytes.count > Self.capacity { flush() }
        buffer.append(contentsOf: bytes)
    }

    private func flush(hashing: Bool = true) {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { write($0, hashing: hashing) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: UnsafeRawBufferPointer, hashing: Bool = true) {
        if checked && hashing { checksum.add(bytes) }
        failed = failed || !OutputStage.writeAll(bytes, to: descriptor)
    }

    /// Closes and removes the file, leaving what was in place before.
    func abandon() {
        close(descriptor)
        unlink(temporary)
    }

    /// Writes what is left (and the checksum), then renames the file into place.
    func finish() {
        flush()
        if checked {
            withUnsafeBytes(of: checksum.value.littleEndian) { buffer.append(contentsOf: $0) }
            flush(hashing: false)
        }
        close(descriptor)
        if failed {
            unlink(temporary)
        } else {
            // The file replaced is renamed aside, not removed here: freeing its blocks took up
            // to 13 ms for the 16 MB page cache of a 10,000-page site. The next build removes
            // it on another thread (`removeReplaced`).
            rename(url.path, url.path + Self.replacedSuffix)
            rename(temporary, url.path)
        }
    }

    static let replacedSuffix = ".old"
    /// Between a cache's name and the process number in the name of its temporary file.
    static let temporaryMarker = ".new-"

    /// Removes from `folder` the caches that later ones replaced (`finish`), and, when
    /// `temporaries` (the caller holds the site's lock, `SiteBuilder.lockSite`: no other build
    /// is writing there), the temporary files of other processes: builds that were killed
    /// before they renamed theirs into place.
    static func removeReplaced(in folder: URL, temporaries: Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let own = temporaryMarker + String(getpid())
        for name in names where name.hasSuffix(replacedSuffix)
            || (temporaries && name.contains(temporaryMarker) && !name.hasSuffix(own)) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
