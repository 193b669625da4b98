import Foundation
import Markup

/// Which pages a build makes, decided from the loaded articles before anything is rendered:
/// the articles listed per language (newest first), translations, previous/next links,
/// taxonomy terms and paginated list pages.
///
/// Order of articles on lists and feeds: date, newest first; articles of the same date by
/// title (Unicode scalar order), then by source path; undated articles last.
struct SitePlan: Sendable {
    /// A paginated list page: the index of a language, or the page of one taxonomy term.
    struct ListPage: Sendable {
        enum Kind: String, Sendable { case index, term }
        var kind: Kind
        var language: String
        /// For a term page: taxonomy and term as written.
        var taxonomy: String?
        var term: String?
        /// Source paths of the articles on this page, in order.
        var articles: [String]
        /// Where each of `articles` is in the plan's `articles` (no table lookup by path).
        var positions: [Int]
        /// 1-based page number and page count.
        var number: Int
        var count: Int
        /// The path below the base path of page `n` of this list.
        var urlPaths: [String]
        var urlPath: String { urlPaths[number - 1] }
    }

    /// The terms index of one taxonomy in one language (`/tags/`).
    struct TermsPage: Sendable {
        var language: String
        var taxonomy: String
        /// (term, path below the base path, number of articles), most articles first, then by name.
        var terms: [(term: String, urlPath: String, count: Int)]
        var urlPath: String
    }

    var articles: [Article]
    /// Source path → article.
    var bySource: [String: Article]
    /// Language → its articles, newest first.
    var byLanguage: [String: [Article]]
    /// Source path → the other articles with its translation key (none for an article that
    /// has no translation: read it with `?? []`).
    var translations: [String: [Article]]
    /// Source path → (older, newer) neighbour in its language's list.
    var neighbours: [String: (previous: Article?, next: Article?)]
    var lists: [ListPage]
    var termsPages: [TermsPage]
    /// Each term's slug, as spelled in front matter (`termSlug`, made once per spelling).
    var termSlugs: [String: String] = [:]

    /// - Parameters:
    ///   - articles: All loaded articles.
    ///   - today: Articles dated after this day are left out unless `includeDrafts`.
    static func make(_ all: [Article], config: SiteConfig, today: Day, includeDrafts: Bool) -> SitePlan {
        let published = all.filter { includeDrafts || (!$0.draft && ($0.date.map { $0 <= today } ?? true)) }
        // Sorted by keys read once per article, not twice per comparison.
        let keys = published.map(ListingKey.init)
        let articles = keys.indices.sorted { keys[$0].isListed(before: keys[$1]) }.map { published[$0] }
        var plan = SitePlan(articles: articles, bySource: [:], byLanguage: [:], translations: [:], neighbours: [:],
                            lists: [], termsPages: [])
        plan.bySource.reserveCapacity(articles.count)
        plan.neighbours.reserveCapacity(articles.count)
        // Each language's articles, as positions in `articles`. A site has a few languages:
        // an article's is found among them by comparing, not by a table lookup per article.
        var languages: [(language: String, positions: [Int])] = []
        for (position, article) in articles.enumerated() {
            plan.bySource[article.source] = article
            if let known = languages.firstIndex(where: { $0.language == article.language }) {
                languages[known].positions.append(position)
            } else {
                languages.append((article.language, [position]))
            }
        }
        for (language, positions) in languages { plan.byLanguage[language] = positions.map { articles[$0] } }
        let positionsByLanguage = Dictionary(uniqueKeysWithValues: languages.map { ($0.language, $0.positions) })
        // The articles of each translation key, as chains of indices in `articles` (one table
        // lookup per article, no array per key): `first` of a key, then `next` of each article.
        var first: [String: Int] = [:]
        first.reserveCapacity(articles.count)
        var next = [Int](repeating: -1, count: articles.count)
        var translated = [Bool](repeating: false, count: articles.count)
        for index in articles.indices.reversed() {
            if let following = first.updateValue(index, forKey: articles[index].translationKey) {
                next[index] = following
                translated[index] = true
                translated[following] = true
            }
        }
        func group(of index: Int) -> [Article] {
            var members: [Article] = []
            var member = first[articles[index].translationKey] ?? -1
            while member >= 0 { members.append(articles[member]); member = next[member] }
            return members
        }
        func order(of language: String) -> Int { config.languages.firstIndex(of: language) ?? 0 }
        for index in articles.indices where translated[index] {
            let article = articles[index]
            plan.translations[article.source] = group(of: index).filter { $0.source != article.source }
                .sorted { order(of: $0.language) < order(of: $1.language) }
        }
        for language in config.languages {
            let list = plan.byLanguage[language] ?? []
            for (index, article) in list.enumerated() {
                plan.neighbours[article.source] = (index + 1 < list.count ? list[index + 1] : nil,
                                                   index > 0 ? list[index - 1] : nil)
            }
            // The index of a language lists its articles and those with no translation in it.
            let shown = articles.indices.filter { index in
                articles[index].language == language
                    || !translated[index] || !group(of: index).contains { $0.language == language }
            }
            let prefix = config.languagePrefix(language)
            plan.lists += paginate(shown.map { articles[$0].source }, positions: shown, kind: .index, language: language,
                                   taxonomy: nil, term: nil, base: prefix, perPage: config.paginate)
            for taxonomy in config.taxonomies {
                // Spellings with the same slug (`AI`, `ai`) are one term, shown as its most used
                // spelling (ties: the first in Unicode order). Each spelling and each slug is
                // numbered when first seen: one table lookup per use of a term, not three, and
                // an article's few terms are checked for repeats in short reused lists.
                var spellingIDs: [String: Int] = [:]
                var spellings: [(term: String, slug: Int, uses: Int)] = []  // uses: articles using it
                var slugIDs: [String: Int] = [:]
                var slugs: [(slug: String, sources: [String], positions: [Int])] = []
                var seenSpellings: [Int] = [], seenSlugs: [Int] = []
                for position in positionsByLanguage[language] ?? [] {
                    let article = articles[position]
                    guard let terms = article.terms[taxonomy], !terms.isEmpty else { continue }
                    seenSpellings.removeAll(keepingCapacity: true)
                    seenSlugs.removeAll(keepingCapacity: true)
                    for term in terms {
                        let id: Int
                        if let known = spellingIDs[term] {
                            id = known
                        } else {
                            let slug: String
                            if let known = plan.termSlugs[term] {
                                slug = known
                            } else {
                                slug = termSlug(term)
                                plan.termSlugs[term] = slug
                            }
                            let slugID: Int
                            if let known = slugIDs[slug] {
                                slugID = known
                            } else {
                                slugID = slugs.count
                                slugIDs[slug] = slugID
                                slugs.append((slug, [], []))
                            }
                            id = spellings.count
                            spellingIDs[term] = id
                            spellings.append((term, slugID, 0))
                        }
                        // Two spellings of one term list the article once.
                        guard !seenSpellings.contains(id) else { continue }
                        seenSpellings.append(id)
                        let slugID = spellings[id].slug
                        if !seenSlugs.contains(slugID) {
                            seenSlugs.append(slugID)
                            slugs[slugID].sources.append(article.source)
                            slugs[slugID].positions.append(position)
                        }
                        spellings[id].uses += 1
                    }
                }
                guard !slugs.isEmpty else { continue }
                var spellingsOfSlug = [[Int]](repeating: [], count: slugs.count)
                for (id, spelling) in spellings.enumerated() { spellingsOfSlug[spelling.slug].append(id) }
                var terms: [(String, String, Int)] = []
                for slugID in slugs.indices.sorted(by: { slugs[$0].slug < slugs[$1].slug }) {
                    let name = spellingsOfSlug[slugID].map { spellings[$0] }.min { $0.uses != $1.uses ? $0.uses > $1.uses
                        : $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars) }!.term
                    let (slug, sources, positions) = slugs[slugID]
                    let base = prefix + taxonomy + "/" + slug + "/"
                    plan.lists += paginate(sources, positions: positions, kind: .term, language: language, taxonomy: taxonomy,
                                           term: name, base: base, perPage: config.paginate)
                    terms.append((name, base, sources.count))
                }
                terms.sort { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
                plan.termsPages.append(TermsPage(language: language, taxonomy: taxonomy, terms: terms,
                                                 urlPath: prefix + taxonomy + "/"))
            }
        }
        return plan
    }

    /// What the listing order reads of an article.
    struct ListingKey {
        var date: Day?
        var title: String
        var source: String

        init(_ article: Article) {
            date = article.date
            title = article.title
            source = article.source
        }

        /// The listing order: newest first; same day by title (Unicode scalars), then source
        /// path; undated last.
        func isListed(before other: ListingKey) -> Bool {
            switch (date, other.date) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: break
            }
            if title != other.title { return title.unicodeScalars.lexicographicallyPrecedes(other.title.unicodeScalars) }
            return source < other.source
        }
    }

    /// A term's URL segment: its slug, CJK kept (terms without letters or digits are refused
    /// when the article is loaded).
    static func termSlug(_ term: String) -> String {
        term.precomposed.slug
    }

    /// Pages of `perPage` articles: `base`, then `base/page/2/`, …; one empty page for an empty list.
    static func paginate(_ sources: [String], positions: [Int], kind: ListPage.Kind, language: String, taxonomy: String?,
                         term: String?, base: String, perPage: Int) -> [ListPage] {
        let count = max(1, (sources.count + perPage - 1) / perPage)
        let paths = (1...count).map { $0 == 1 ? base : base + "page/\($0)/" }
        return (1...count).map { number in
            let range = min(sources.count, (number - 1) * perPage)..<min(sources.count, number * perPage)
            return ListPage(kind: kind, language: language, taxonomy: taxonomy, term: term, articles: Array(sources[range]),
                            positions: Array(positions[range]), number: number, count: count, urlPaths: paths)
        }
    }
}
