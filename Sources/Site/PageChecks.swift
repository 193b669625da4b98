import DOM
import Diagnostics

/// The checks every built page passes before anything is written (issue 5), judged from the
/// facts the HTML writer gathered on its walk (`PageFacts`): ids are unique; every `img` has
/// `alt`; no URL is `javascript:`; one `<title>` in the head and a `lang` on `<html>`; every
/// `aria-labelledby` names an id of the page.
enum PageChecks {
    static func diagnostics(_ facts: PageFacts, outputPath: String, source: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ problem: String) {
            diagnostics.append(.error("page \(outputPath): \(problem)", at: SourceLocation(file: source)))
        }
        if facts.rootName == "html" && facts.rootLang.isEmpty { report("`<html>` has no `lang`") }
        for element in facts.javascriptURLs { report("\(element) has a `javascript:` URL") }
        for (id, element) in facts.duplicateIDs { report("\(element) repeats the id `\(id)`: ids must be unique on a page") }
        for element in facts.imagesWithoutAlt {
            report("\(element) has no `alt`: describe the image (`![what it shows](…)` in Markdown)")
        }
        if facts.rootName == "html" && facts.titlesInHead != 1 {
            report(facts.titlesInHead == 0 ? "the page has no `<title>`" : "the page has \(facts.titlesInHead) `<title>` elements in its head; it needs one")
        }
        for reference in facts.labelledBy {
            for id in reference.ids where !facts.ids.contains(id) {
                report("\(reference.element) is labelled by `\(id)`, which is no id on the page")
            }
        }
        return diagnostics
    }
}

/// Checks a feed this build wrote: well-formed XML with the elements Atom (RFC 4287 §4.1) and
/// RSS 2.0 require.
enum FeedChecks {
    static func check(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        let location = SourceLocation(file: path)
        let document: Document
        do {
            document = try Document.parseXML(String(decoding: bytes, as: UTF8.self), file: path)
        } catch {
            return error.diagnostics
        }
        guard let root = document.root else { return [.error("the feed is empty", at: location)] }
        var diagnostics: [Diagnostic] = []
        func require(_ names: [String], in element: Node, what: String) {
            let present = Set(element.children.filter { $0.kind == .element }.map(\.name))
            for name in names where !present.contains(name) {
                diagnostics.append(.error("\(what) has no `<\(name)>`", at: location))
            }
        }
        switch root.name {
        case "feed":
            require(["id", "title", "updated", "author"], in: root, what: "the Atom feed")
            let selfLink = root.children.contains { $0.name == "link" && $0.attribute("rel") == "self" }
            if !selfLink { diagnostics.append(.error("the Atom feed has no `<link rel=\"self\">`", at: location)) }
            for entry in root.children where entry.name == "entry" {
                require(["id", "title", "updated", "link"], in: entry, what: "an Atom entry")
            }
        case "rss":
            guard let channel = root.children.first(where: { $0.name == "channel" }) else {
                return [.error("the RSS feed has no `<channel>`", at: location)]
            }
            require(["title", "link", "description"], in: channel, what: "the RSS channel")
            for item in channel.children where item.name == "item" {
                require(["title", "link", "guid"], in: item, what: "an RSS item")
            }
        default:
            diagnostics.append(.error("the feed's root is `<\(root.name)>`, neither `<feed>` nor `<rss>`", at: location))
        }
        return diagnostics
    }
}
