import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps request paths to files of the output folder, refusing anything that would leave it.
public struct StaticFiles: Sendable {
    /// What a request path resolves to.
    public enum Resolution: Sendable, Equatable {
        /// A regular file inside the output folder (its real path).
        case file(URL)
        /// A folder asked for without the trailing slash: redirect to this path.
        case redirect(String)
        /// Outside the base path, or no such file.
        case notFound
        /// Traversal, encoded separators, backslashes, NUL, or a symlink leading out.
        case forbidden
    }

    /// The output folder, with symlinks resolved.
    public let root: URL
    /// The site's base path, starting and ending with `/` (`/reckon/` or `/`).
    public let basePath: String

    public init(root: URL, basePath: String) {
        let path = root.standardizedFileURL.path
        self.root = URL(fileURLWithPath: Self.realPath(path) ?? path)
        var base = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !base.hasSuffix("/") { base += "/" }
        self.basePath = base
    }

    /// Resolves the raw (still percent-encoded) path of a request target.
    public func resolve(_ rawPath: String) -> Resolution {
        let raw = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard raw.hasPrefix("/") else { return .forbidden }
        // Encoded separators and NUL never name a file of the site.
        let lowered = raw.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") { return .forbidden }
        guard let path = raw.removingPercentEncoding else { return .forbidden }
        if path.contains("\\") || path.contains("\0") { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }

        let rest: Substring
        if path.hasPrefix(basePath) {
            rest = path.dropFirst(basePath.count)
        } else if path + "/" == basePath || path == "/" {
            return .redirect(basePath)
        } else {
            return .notFound
        }
        let components = rest.split(separator: "/").map(String.init)
        var candidate = components.reduce(root) { $0.appendingPathComponent($1) }
        let wantsFolder = rest.isEmpty || rest.hasSuffix("/")
        if wantsFolder { candidate = candidate.appendingPathComponent("index.html") }

        guard let real = Self.realPath(candidate.path) else {
            // Missing, or a dangling link: either way nothing to serve. A link that leads out
            // of the folder is refused even when its target is missing.
            return .notFound
        }
        guard contains(real) else { return .forbidden }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if wantsFolder { return .notFound }
            return .redirect(path + "/")
        }
        return .file(URL(fileURLWithPath: real))
    }

    /// The site's 404 page, when the build made one.
    public var notFoundPage: URL? {
        let url = root.appendingPathComponent("404.html")
        guard let real = Self.realPath(url.path), contains(real),
              FileManager.default.isReadableFile(atPath: real) else { return nil }
        return URL(fileURLWithPath: real)
    }

    func contains(_ realPath: String) -> Bool {
        let base = root.path
        return realPath == base || realPath.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The Content-Type for a file name, by extension.
    public static func contentType(for name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "xml", "xsl", "xsd": return "application/xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "wasm": return "application/wasm"
        case "zip": return "application/zip"
        default: return "application/octet-stream"
        }
    }
}

/// The live-reload script, added to served pages only (never to the files on disk).
public enum LiveReload {
    public static let eventsPath = "/__reckon/events"

    /// Opens an EventSource: `reload` reloads the page; `error` shows the build's diagnostics in
    /// a fixed panel (set with textContent, so nothing in them is markup).
    public static let script = """
    <script>(function(){var s=new EventSource("\(eventsPath)"),p=null;\
    s.addEventListener("reload",function(){location.reload();});\
    s.addEventListener("error",function(e){if(typeof e.data!=="string")return;\
    if(!p){p=document.createElement("pre");p.id="reckon-build-errors";\
    p.style.cssText="position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1em;background:#2b0b0b;color:#ffe0e0;font:13px/1.4 monospace;white-space:pre-wrap;border-top:4px solid #e5484d";\
    document.body.appendChild(p);}\
    p.textContent="reckon: the build failed; this is the last good build.\\n\\n"+e.data;});})();</script>
    """

    /// `html` with the script before the last `</body>` (or at the end when there is none).
    public static func inject(into html: Data) -> Data {
        let text = String(decoding: html, as: UTF8.self)
        if let range = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            var result = text
            result.insert(contentsOf: script, at: range.lowerBound)
            return Data(result.utf8)
        }
        return Data((text + script).utf8)
    }
}
