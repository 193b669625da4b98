import Diagnostics
import Foundation
import Markup

/// Resolves link and image destinations written in articles (DESIGN.md §3): links to other
/// articles may be written as source paths (`methods.md`, `../posts/palm.md#compute`) and
/// become their URLs; links to other files inside `content/` (`../data/models.csv`, a
/// picture beside the article) are copied to the output; site-absolute paths (`/about/`) get
/// the base path. A target that does not exist is an error at the link.
struct ContentLinks: Sendable {
    /// Source path of each article → its path below the base path.
    let articleURLs: [String: String]
    /// Every file under `content/`.
    let contentFiles: Set<String>
    /// `/` or `/reports/`.
    let basePath: String

    struct Resolution: Equatable {
        var url: String
        /// A content file to copy to the output (project-relative), if any.
        var copy: String?
        var diagnostic: Diagnostic?
        /// The project-relative path a relative link was looked up as (`content/posts/x.md`):
        /// the resolution depends on this build's articles and content files only through it.
        var target: String?
    }

    func resolve(_ destination: String, from article: Article, at location: SourceLocation) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return Resolution(url: destination)
        }
        var path = destination
        var suffix = ""
        if let cut = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(path[cut...])
            path = String(path[..<cut])
        }
        if path.hasPrefix("/") {
            return Resolution(url: basePath + path.dropFirst() + suffix)
        }
        let decoded = path.containsBytes("%") ? path.removingPercentEncoding ?? path : path
        guard let target = Self.normalize(article.directory + "/" + decoded), target.hasPrefix("content/") else {
            return Resolution(url: destination, diagnostic: .error(
                "link `\(destination)` leads outside the content folder", at: location))
        }
        // A Markdown file outside content/data/ is an article's source; a missing one is taken for
        // a missing article.
        if target.hasSuffix(".md"), SiteBuilder.isArticleSource(target) || !contentFiles.contains(target) {
            guard let url = articleURLs[target] else {
                if contentFiles.contains(target) {
                    // An article that did not load: its error is reported there. The link keeps
                    // the address its source would have, which the link check expects
                    // (`SiteBuilder.failedArticleSources`); the Markdown is not copied.
                    return Resolution(url: basePath + target.dropFirst("content/".count) + suffix, target: target)
                }
                return Resolution(url: destination, diagnostic: .error(
                    "link to a missing article: `\(destination)` (no file \(target))", at: location), target: target)
            }
            return Resolution(url: basePath + url + suffix, target: target)
        }
        guard contentFiles.contains(target) else {
            return Resolution(url: destination, diagnostic: .error(
                "link to a missing file: `\(destination)` (no file \(target))", at: location), target: target)
        }
        return Resolution(url: basePath + target.dropFirst("content/".count) + suffix, copy: target, target: target)
    }

    /// `content/posts/../data/x.csv` → `content/data/x.csv`; nil when `..` climbs above the top.
    static func normalize(_ path: String) -> String? {
        // Most paths have no `.`, `..` or empty segment to remove: they are already normal.
        if !path.isEmpty, !path.hasPrefix("."), !path.hasPrefix("/"), !path.hasSuffix("/"),
           !path.containsBytes("/."), !path.containsBytes("//") {
            return path
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `https:`, `mailto:`, `tel:`…: an RFC 3986 scheme followed by `:`.
    static func hasScheme(_ url: String) -> Bool {
        // ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":", on the UTF-8 bytes.
        var first = true
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !first
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            default: return false
            }
            first = false
        }
        return false
    }
}
