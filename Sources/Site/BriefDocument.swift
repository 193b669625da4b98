import DOM
import Diagnostics
import Foundation
import Markup

/// The rewrites that make rendered articles fit in one self-contained briefing document.
///
/// - Ids: each article's ids get a prefix (`a2-`), and every reference to them follows
///   (`href="#…"`, `aria-labelledby`, `aria-describedby`, `for`, `headers`, `url(#…)`), so two
///   articles with a `#figure-1` or a chart `chart-1-title` do not collide.
/// - Links inside the site: to an article of the brief → its section (`#a2`, `#a2-heading`);
///   to anything else (another article, a data file, a chart's SVG) → the link's text.
/// - Images of the site become `data:` URIs; an image on another host becomes a link to it
///   (so an endnote), with its `alt` as text.
/// - Links to the web stay links and get numbered endnotes (`BriefDocument.addEndnotes`).
enum BriefDocument {
    /// What the links of the brief's articles may point to.
    struct Targets {
        /// `/` or `/reports/`.
        var basePath: String
        /// An article's path below the base path (`posts/palm/`) → its section id in the brief.
        var sections: [String: String]
        var files: ProjectFiles
    }

    /// Elements under `node` (itself included), in document order.
    static func elements(_ node: Node) -> [Node] {
        var result: [Node] = []
        func visit(_ node: Node) {
            if node.kind == .element { result.append(node) }
            for child in node.children where child.kind == .element || child.kind == .fragment { visit(child) }
        }
        visit(node)
        return result
    }

    /// Replaces `element` by its children.
    static func unwrap(_ element: Node) {
        for child in element.children { element.insertBefore(child) }
        element.remove()
    }

    static let idListAttributes = ["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "for"]

    /// `#frag` with `frag` percent-decoded, prefixed and escaped again.
    static func fragmentLink(_ id: String) -> String {
        "#" + URLSafety.escapeHref(id)
    }

    /// Prefixes every id under `body` and every same-page reference to one.
    static func prefixIDs(_ body: Node, prefix: String) {
        for element in elements(body) {
            for attribute in element.attributes where attribute.namespaceURI == nil {
                let value = attribute.value
                switch attribute.name {
                case "id":
                    element.setAttribute("id", prefix + value)
                case "href" where value.hasPrefix("#") && value.count > 1:
                    let fragment = String(value.dropFirst())
                    element.setAttribute("href", fragmentLink(prefix + (fragment.removingPercentEncoding ?? fragment)))
                case _ where idListAttributes.contains(attribute.name):
                    element.setAttribute(attribute.name, value.split(separator: " ").map { prefix + $0 }.joined(separator: " "))
                default:
                    if value.contains("url(#") {
                        element.setAttribute(attribute.name, value.replacingOccurrences(of: "url(#", with: "url(#" + prefix))
                    }
                }
            }
        }
    }

    /// True for a link the brief keeps as a link to the web (and lists as an endnote).
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://") || lower.hasPrefix("//")
    }

    /// The site path (below the base path, percent-decoded, without query or fragment) of a
    /// link into the site, and its fragment; nil for a link elsewhere.
    static func sitePath(_ url: String, basePath: String) -> (path: String, fragment: String)? {
        guard url.hasPrefix(basePath) || (url.hasPrefix("/") && !url.hasPrefix("//")) else { return nil }
        var rest = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : String(url.dropFirst())
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        return (rest.removingPercentEncoding ?? rest, fragment.removingPercentEncoding ?? fragment)
    }

    /// Makes one article's body self-contained: see the type's documentation. Call after
    /// `prefixIDs` (its same-page links are then already the brief's).
    static func rewriteLinks(_ body: Node, source: String, targets: Targets, in document: Document) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A chart's "download this chart (SVG)" line points at a file of the site.
        for element in elements(body) where element.name == "p" && element.attribute("class") == "chart-download" {
            element.unlink()
            document.discard(element)
        }
        for element in elements(body) {
            if element.attribute("srcset") != nil { element.removeAttribute("srcset") }
            if element.name == "a", let href = element.attribute("href") {
                if href.isEmpty || href.hasPrefix("#") || isWebLink(href) || href.lowercased().hasPrefix("mailto:") { continue }
                if let (path, fragment) = sitePath(href, basePath: targets.basePath) {
                    let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
                    if let section = targets.sections[folder] ?? targets.sections[folder + "/"] {
                        element.setAttribute("href", fragmentLink(fragment.isEmpty ? section : section + "-" + fragment))
                        continue
                    }
                }
                unwrap(element)
            } else if element.name == "img" {
                let src = element.attribute("src") ?? ""
                let alt = element.attribute("alt") ?? ""
                if src.lowercased().hasPrefix("data:") { continue }
                if isWebLink(src) {
                    let link = document.createElement("a")
                    link.setAttribute("href", src)
                    link.append(document.createText(alt.isEmpty ? src : alt))
                    element.insertBefore(link)
                    element.remove()
                } else if let (path, _) = sitePath(src, basePath: targets.basePath), !path.isEmpty {
                    do {
                        let bytes = try targets.files.bytes("content/" + path)
                        element.setAttribute("src", "data:\(mediaType(path));base64," + Data(bytes).base64EncodedString())
                    } catch {
                        diagnostics.append(.error("the image \(src) cannot be read for the brief: \(error.diagnostics.first?.message ?? "")",
                                                  at: SourceLocation(file: source)))
                    }
                } else {
                    element.insertBefore(document.createText(alt))
                    element.remove()
                }
            } else if element.attribute("src") != nil, !(element.attribute("src") ?? "").lowercased().hasPrefix("data:") {
                element.unlink()  // audio, video, iframe: Markdown makes none, and the brief embeds none
            }
        }
        return diagnostics
    }

    static func mediaType(_ path: String) -> String {
        switch path.split(separator: ".").last?.lowercased() ?? "" {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }

    // MARK: Key figures

    static let blockNames: Set<String> = ["p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                                          "blockquote", "figcaption", "caption"]

    /// The sentence around the first link to `#figureID` in `body`, whitespace collapsed ("" when
    /// the figure is not in the body's text), and whether it stands in running text (a paragraph
    /// or a list item, not a table cell or a heading).
    static func context(ofFigure figureID: String, in body: Node) -> (sentence: String, inProse: Bool) {
        let href = fragmentLink(figureID)
        guard let link = elements(body).first(where: { $0.name == "a" && $0.attribute("href") == href }) else { return ("", false) }
        var block = link
        while let parent = block.parent, !blockNames.contains(block.name), parent != body { block = parent }
        var text: [Character] = []
        var range = 0..<0
        func collect(_ node: Node) {
            if node == link {
                let start = text.count
                text += Array(node.text)
                range = start..<text.count
                return
            }
            switch node.kind {
            case .text: text += Array(node.text)
            case .element where node.name == "details" || node.name == "svg" || node.name == "sup": return
            default: for child in node.children { collect(child) }
            }
        }
        collect(block)
        let sentence = sentence(text, around: range)
        return (sentence, (block.name == "p" || block.name == "li") && sentence.count > range.count + 12)
    }

    /// The sentence of `text` holding `range`: from after the previous sentence end (`.` `!` `?`
    /// before a space, or `。！？；`) to its own end, collapsed and cut to about 300 characters.
    static func sentence(_ text: [Character], around range: Range<Int>) -> String {
        func endsSentence(_ index: Int) -> Bool {
            let character = text[index]
            if "。！？；".contains(character) { return true }
            if ".!?".contains(character) { return index + 1 == text.count || text[index + 1].isWhitespace }
            return false
        }
        var start = range.lowerBound
        while start > 0 && !endsSentence(start - 1) { start -= 1 }
        var end = range.upperBound
        while end < text.count && !endsSentence(end) { end += 1 }
        if end < text.count { end += 1 }
        var sentence = String(text[start..<end]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if sentence.count > 300 {
            let figureStart = text[start..<range.lowerBound].count
            let from = max(0, figureStart - 140)
            sentence = (from > 0 ? "…" : "") + String(Array(sentence)[from..<min(sentence.count, from + 280)]) + "…"
        }
        return sentence
    }

    // MARK: Endnotes

    /// Numbers every link to the web under `root` in document order (a URL seen before keeps
    /// its number), puts `<sup class="endnote-ref"><a href="#brief-note-N">N</a></sup>` after
    /// each, and lists the URLs as `<li id="brief-note-N">` in the element with id
    /// `brief-endnotes`; with no link, that element's parent is removed. Links inside that
    /// element and inside SVG are left alone. Returns the URLs in order.
    @discardableResult
    static func addEndnotes(_ root: Node, in document: Document) -> [String] {
        let all = elements(root)
        let list = all.first { $0.attribute("id") == "brief-endnotes" }
        var numbers: [String: Int] = [:]
        var urls: [String] = []
        func isSkipped(_ element: Node) -> Bool {
            var node: Node? = element
            while let current = node {
                if current.name == "svg" || current.attribute("id") == "brief-endnotes" { return true }
                node = current.parent
            }
            return false
        }
        for element in all where element.name == "a" && !isSkipped(element) {
            guard let href = element.attribute("href"), isWebLink(href) else { continue }
            let url = href.hasPrefix("//") ? "https:" + href : href
            if href != url { element.setAttribute("href", url) }
            let number: Int
            if let known = numbers[url] {
                number = known
            } else {
                urls.append(url)
                number = urls.count
                numbers[url] = number
            }
            let marker = document.createElement("sup")
            marker.setAttribute("class", "endnote-ref")
            let back = document.createElement("a")
            back.setAttribute("href", "#brief-note-\(number)")
            back.append(document.createText(String(number)))
            marker.append(back)
            if let next = element.nextSibling {
                next.insertBefore(marker)
            } else {
                element.parent?.append(marker)
            }
        }
        guard let list else { return urls }
        if urls.isEmpty {
            (list.parent ?? list).remove()
            return urls
        }
        for (index, url) in urls.enumerated() {
            let item = document.createElement("li")
            item.setAttribute("id", "brief-note-\(index + 1)")
            let link = document.createElement("a")
            link.setAttribute("href", url)
            link.append(document.createText(url))
            item.append(link)
            list.append(item)
        }
        return urls
    }
}
