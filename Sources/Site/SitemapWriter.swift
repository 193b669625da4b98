import DOM

/// `sitemap.xml` (sitemaps.org protocol 0.9: absolute, percent-encoded `loc`, W3C dates) and
/// `robots.txt` pointing at it.
struct SitemapWriter {
    struct Entry: Comparable {
        /// Absolute URL, percent-encoded.
        var location: String
        var lastModified: Day?

        static func < (a: Entry, b: Entry) -> Bool { a.location < b.location }
    }

    func sitemap(_ entries: [Entry]) -> [UInt8] {
        let document = Document()
        let set = document.createElement("urlset")
        document.root = set
        set.setAttribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")
        for entry in entries.sorted() {
            let url = document.createElement("url")
            let location = document.createElement("loc")
            location.append(document.createText(entry.location))
            url.append(location)
            if let day = entry.lastModified {
                let modified = document.createElement("lastmod")
                modified.append(document.createText(day.description))
                url.append(modified)
            }
            set.append(url)
        }
        return XMLSerializer().bytes(document)
    }

    func robots(sitemapURL: String) -> [UInt8] {
        Array("User-agent: *\nAllow: /\n\nSitemap: \(sitemapURL)\n".utf8)
    }
}
