import DOM

/// Atom 1.0 (RFC 4287) and RSS 2.0 feeds of one language's newest articles, built as a DOM and
/// written by `XMLSerializer` (control characters XML forbids are removed there). URLs are
/// absolute, including those inside the content; dates are in the site's time zone.
struct FeedWriter {
    let calendar: SiteCalendar
    /// How many articles a feed carries.
    static let limit = 20

    struct Entry {
        var article: Article
        var rendered: RenderedArticle
        var permalink: String
    }

    /// `atom.xml`. The feed's `updated` is its newest entry's date (not the build time), so two
    /// builds of the same input are identical.
    func atom(language: String, title: String, description: String, entries: [Entry], selfURL: String,
              homeURL: String) -> [UInt8] {
        let document = Document()
        let feed = document.createElement("feed")
        document.root = feed
        feed.setAttribute("xmlns", "http://www.w3.org/2005/Atom")
        feed.setAttribute("xml:lang", language)
        add("title", title, to: feed, in: document)
        if !description.isEmpty { add("subtitle", description, to: feed, in: document) }
        addLink(homeURL, rel: "alternate", type: "text/html", to: feed, in: document)
        addLink(selfURL, rel: "self", type: "application/atom+xml", to: feed, in: document)
        add("id", homeURL, to: feed, in: document)
        let newest = entries.compactMap(\.article.date).max()
        add("updated", newest.map(calendar.rfc3339) ?? "1970-01-01T00:00:00Z", to: feed, in: document)
        let author = document.createElement("author")
        add("name", title, to: author, in: document)
        feed.append(author)
        add("generator", "Reckon", to: feed, in: document)
        for entry in entries.prefix(Self.limit) {
            let element = document.createElement("entry")
            add("title", entry.article.title, to: element, in: document)
            addLink(entry.permalink, rel: "alternate", type: "text/html", to: element, in: document)
            add("id", entry.permalink, to: element, in: document)
            let date = entry.article.date.map(calendar.rfc3339) ?? "1970-01-01T00:00:00Z"
            add("published", date, to: element, in: document)
            add("updated", date, to: element, in: document)
            for tag in entry.article.tags {
                let category = document.createElement("category")
                category.setAttribute("term", tag)
                element.append(category)
            }
            if !entry.rendered.summaryText.isEmpty { add("summary", entry.rendered.summaryText, to: element, in: document) }
            let content = add("content", entry.rendered.feedHTML, to: element, in: document)
            content.setAttribute("type", "html")
            feed.append(element)
        }
        return XMLSerializer().bytes(document)
    }

    /// `rss.xml`, with an `atom:link rel="self"` as the RSS Advisory Board recommends.
    func rss(language: String, title: String, description: String, entries: [Entry], selfURL: String,
             homeURL: String) -> [UInt8] {
        let document = Document()
        let rss = document.createElement("rss")
        document.root = rss
        rss.setAttribute("version", "2.0")
        rss.setAttribute("xmlns:atom", "http://www.w3.org/2005/Atom")
        let channel = document.createElement("channel")
        rss.append(channel)
        add("title", title, to: channel, in: document)
        add("link", homeURL, to: channel, in: document)
        add("description", description.isEmpty ? title : description, to: channel, in: document)
        add("language", language, to: channel, in: document)
        add("generator", "Reckon", to: channel, in: document)
        if let newest = entries.compactMap(\.article.date).max() {
            add("lastBuildDate", calendar.rfc822(newest), to: channel, in: document)
        }
        let selfLink = document.createElement("atom:link")
        selfLink.setAttribute("href", selfURL)
        selfLink.setAttribute("rel", "self")
        selfLink.setAttribute("type", "application/rss+xml")
        channel.append(selfLink)
        for entry in entries.prefix(Self.limit) {
            let item = document.createElement("item")
            add("title", entry.article.title, to: item, in: document)
            add("link", entry.permalink, to: item, in: document)
            let guid = add("guid", entry.permalink, to: item, in: document)
            guid.setAttribute("isPermaLink", "true")
            if let date = entry.article.date { add("pubDate", calendar.rfc822(date), to: item, in: document) }
            for tag in entry.article.tags { add("category", tag, to: item, in: document) }
            add("description", entry.rendered.feedHTML, to: item, in: document)
            channel.append(item)
        }
        return XMLSerializer().bytes(document)
    }

    @discardableResult
    private func add(_ name: String, _ text: String, to parent: Node, in document: Document) -> Node {
        let element = document.createElement(name)
        element.append(document.createText(text))
        parent.append(element)
        return element
    }

    private func addLink(_ href: String, rel: String, type: String, to parent: Node, in document: Document) {
        let link = document.createElement("link")
        link.setAttribute("href", href)
        link.setAttribute("rel", rel)
        link.setAttribute("type", type)
        parent.append(link)
    }
}
