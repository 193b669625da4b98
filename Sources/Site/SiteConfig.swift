import Diagnostics
import Foundation
import Markup
import Yams

/// `content/site.yaml`: the settings of a whole site.
///
/// ```yaml
/// title: "The economics of training large AI models"
/// description: "…"
/// base_url: "https://example.org/reckon/"   # may carry a path; every link respects it
/// language: en                               # the default language, served at the root
/// languages: [en, zh-Hant]                    # others go under /LANG/ (lower case)
/// timezone: "UTC"                           # IANA name; date-only front matter dates are read in it
/// paginate: 10                               # list pages hold this many articles
/// taxonomies: [tags]                         # front matter keys that group articles
/// credits:
///   - { name: "Epoch AI", url: "https://epoch.ai/data", license: "CC BY 4.0" }
/// ```
public struct SiteConfig: Sendable, Equatable {
    public struct Credit: Sendable, Equatable {
        public var name: String
        public var url: String
        public var license: String
    }

    public var title: String
    public var description: String
    /// Absolute URL ending in `/`, e.g. `https://example.org/reckon/`.
    public var baseURL: String
    /// The path part of `baseURL`, starting and ending with `/` (`/reckon/`, or `/`).
    public var basePath: String
    public var language: String
    public var languages: [String]
    public var timezone: String
    public var credits: [Credit]
    /// Articles per list page (index, taxonomy term pages).
    public var paginate: Int
    /// Taxonomy names; each is also a front matter key (`tags: [a, b]`).
    public var taxonomies: [String]

    static let keys: Set<String> = ["title", "description", "base_url", "language", "languages", "timezone",
                                    "credits", "paginate", "taxonomies"]

    /// Reads `site.yaml`. Every problem is reported: unknown keys (with a suggestion), a missing
    /// title or base URL, a base URL that is not absolute http(s).
    static func parse(_ text: String, file: String) throws(DiagnosticError) -> SiteConfig {
        let reader = YAMLReader(file: file, firstLine: 1)
        let root = try reader.parse(text)
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig(title: "", description: "", baseURL: "/", basePath: "/", language: "en",
                                languages: [], timezone: "UTC", credits: [], paginate: 10, taxonomies: ["tags"])
        var sawTitle = false, sawBase = false
        for (key, value, location) in reader.fields(of: root, diagnostics: &diagnostics) {
            switch key {
            case "title":
                config.title = reader.string(value, key: key, diagnostics: &diagnostics) ?? ""
                sawTitle = true
            case "description":
                config.description = reader.string(value, key: key, diagnostics: &diagnostics) ?? ""
            case "base_url":
                sawBase = true
                guard let url = reader.string(value, key: key, diagnostics: &diagnostics) else { break }
                if let (base, path) = Self.splitBaseURL(url) {
                    config.baseURL = base
                    config.basePath = path
                } else {
                    diagnostics.append(.error("base_url must be an absolute http(s) URL such as `https://example.org/reports/`",
                                              at: reader.location(of: value.mark)))
                }
            case "language":
                config.language = reader.string(value, key: key, diagnostics: &diagnostics) ?? "en"
            case "languages":
                config.languages = reader.strings(value, key: key, diagnostics: &diagnostics)
            case "timezone":
                let name = reader.string(value, key: key, diagnostics: &diagnostics) ?? "UTC"
                if TimeZone(identifier: name) == nil {
                    diagnostics.append(.error("unknown time zone `\(name)`: use an IANA name such as `UTC` or `Asia/Taipei`",
                                              at: reader.location(of: value.mark)))
                } else {
                    config.timezone = name
                }
            case "paginate":
                let text = reader.string(value, key: key, diagnostics: &diagnostics) ?? ""
                if let count = Int(text), count > 0 {
                    config.paginate = count
                } else {
                    diagnostics.append(.error("`paginate` must be a whole number above 0", at: reader.location(of: value.mark)))
                }
            case "taxonomies":
                config.taxonomies = reader.strings(value, key: key, diagnostics: &diagnostics)
                for name in config.taxonomies where ArticleLoader.keys.contains(name) || name.slug != name {
                    diagnostics.append(.error("`\(name)` cannot be a taxonomy: use a lower-case name that is not a front matter key",
                                              at: reader.location(of: value.mark)))
                }
            case "credits":
                guard case .sequence(let items) = value else {
                    diagnostics.append(.error("`credits` must be a list of `{ name, url, license }`", at: reader.location(of: value.mark)))
                    break
                }
                for item in items {
                    var credit = Credit(name: "", url: "", license: "")
                    for (field, fieldValue, fieldLocation) in reader.fields(of: item, diagnostics: &diagnostics) {
                        let text = reader.string(fieldValue, key: field, diagnostics: &diagnostics) ?? ""
                        switch field {
                        case "name": credit.name = text
                        case "url": credit.url = text
                        case "license": credit.license = text
                        default: diagnostics.append(.error("unknown credit field `\(field)`: use name, url and license", at: fieldLocation))
                        }
                    }
                    config.credits.append(credit)
                }
            default:
                diagnostics.append(.error(unknownKeyMessage(key, known: keys), at: location))
            }
        }
        if !sawTitle { diagnostics.append(.error("site.yaml has no `title`", at: SourceLocation(file: file, line: 1, column: 1))) }
        if !sawBase { diagnostics.append(.error("site.yaml has no `base_url`, e.g. `base_url: \"https://example.org/\"`", at: SourceLocation(file: file, line: 1, column: 1))) }
        if config.languages.isEmpty { config.languages = [config.language] }
        if !config.languages.contains(config.language) { config.languages.insert(config.language, at: 0) }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return config
    }

    /// Splits `https://example.org/reports` into (`https://example.org/reports/`, `/reports/`).
    static func splitBaseURL(_ url: String) -> (String, String)? {
        guard let schemeEnd = url.range(of: "://"),
              ["http", "https"].contains(url[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        guard let host = afterScheme.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else { return nil }
        var path = String(afterScheme.dropFirst(host.count))
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return (url[..<schemeEnd.upperBound] + host + path, path)
    }

    /// The origin of `baseURL` (`https://example.org`), to make site paths absolute.
    public var origin: String {
        String(baseURL.dropLast(basePath.count))
    }

    /// The URL path prefix of pages in `language`: `` for the default, `zh-hant/` otherwise.
    public func languagePrefix(_ language: String) -> String {
        language == self.language ? "" : language.lowercased() + "/"
    }
}

/// "unknown key `titel`: did you mean `title`?" or the list of known keys.
func unknownKeyMessage(_ key: String, known: Set<String>) -> String {
    if let closest = key.closest(among: known.sorted()) {
        return "unknown key `\(key)`: did you mean `\(closest)`?"
    }
    return "unknown key `\(key)`: known keys are \(known.sorted().joined(separator: ", "))"
}

public extension SiteConfig {
    /// Reads `SITE/content/site.yaml`; nil when it is missing or has errors (`reckon serve` reads
    /// the base path from it, the build reports the errors).
    static func read(siteDirectory: URL) -> SiteConfig? {
        let url = siteDirectory.appendingPathComponent("content/site.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? parse(String(decoding: data, as: UTF8.self), file: "content/site.yaml")
    }
}
