import DOM
import Diagnostics

/// The checks every built page passes before anything is written (issue 5), run on the page's
/// DOM in its render task: ids are unique; every `img` has `alt`; no URL is `javascript:`;
/// one `<title>` in the head and a `lang` on `<html>`; every `aria-labelledby` names an id of
/// the page. Also collects the page's links and ids for the site-wide link check.
struct PageChecks {
    var links: [String] = []
    var ids: Set<String> = []
    var diagnostics: [Diagnostic] = []
    private var labelledBy: [(ids: [Substring], element: String)] = []
    private var titles = 0
    let outputPath: String
    let source: String

    init(root: Node, outputPath: String, source: String) {
        self.outputPath = outputPath
        self.source = source
        if root.name == "html" {
            if (root.attribute("lang") ?? "").isEmpty { report("`<html>` has no `lang`") }
        }
        visit(root, inHead: false)
        if root.name == "html" && titles != 1 {
            report(titles == 0 ? "the page has no `<title>`" : "the page has \(titles) `<title>` elements in its head; it needs one")
        }
        for reference in labelledBy {
            for id in reference.ids where !ids.contains(String(id)) {
                report("\(reference.element) is labelled by `\(id)`, which is no id on the page")
            }
        }
    }

    private mutating func report(_ problem: String) {
        diagnostics.append(.error("page \(outputPath): \(problem)", at: SourceLocation(file: source)))
    }

    /// `<img src="a.png">`: the element as a reader of the HTML would find it.
    static func describe(_ node: Node) -> String {
        let attributes = node.attributes.prefix(2).map { " \($0.name)=\"\($0.value.prefix(60))\"" }.joined()
        return "`<\(node.name)\(attributes)>`"
    }

    private mutating func visit(_ node: Node, inHead: Bool) {
        for attribute in node.attributes {
            switch attribute.name {
            case "href", "src", "action", "formaction", "poster", "data":
                links.append(attribute.value)
                let scheme = attribute.value.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }).prefix(11).lowercased()
                if scheme == "javascript:" { report("\(Self.describe(node)) has a `javascript:` URL") }
            case "id":
                if ids.contains(attribute.value) {
                    report("\(Self.describe(node)) repeats the id `\(attribute.value)`: ids must be unique on a page")
                }
                ids.insert(attribute.value)
            case "aria-labelledby":
                labelledBy.append((attribute.value.split(separator: " "), Self.describe(node)))
            default:
                break
            }
        }
        if node.name == "img" && node.attribute("alt") == nil {
            report("\(Self.describe(node)) has no `alt`: describe the image (`![what it shows](…)` in Markdown)")
        }
        if node.name == "title" && inHead { titles += 1 }
        for child in node.children where child.kind == .element {
            visit(child, inHead: inHead || node.name == "head")
        }
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
