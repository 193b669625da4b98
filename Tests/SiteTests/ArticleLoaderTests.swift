import Testing
@testable import Site

/// What an article takes from its path: the slug from the file name (less `.md` and a
/// language suffix), the translation key from the folders under content/ and the slug.
@Suite struct ArticleLoaderTests {
    @Test(arguments: [
        ("content/about.md", "about", "about", "en"),
        ("content/posts/growth.md", "growth", "posts/growth", "en"),
        ("content/posts/2024/q1/Growth Rates.zh-Hant.md", "growth-rates", "posts/2024/q1/growth-rates", "zh-Hant"),
        ("content/posts/算力.md", "算力", "posts/算力", "en"),
        ("content/notes/v1.2.md", "v1-2", "notes/v1-2", "en"),
    ])
    func takesSlugTranslationKeyAndLanguageFromThePath(path: String, slug: String, key: String, language: String) throws {
        let config = try SiteConfig.parse("title: T\nbase_url: https://example.com/\nlanguages: [en, zh-Hant]\n",
                                          file: "content/site.yaml")
        let article = try ArticleLoader(config: config).load(path: path, text: "---\ntitle: T\n---\nBody.\n")
        #expect(article.slug == slug)
        #expect(article.translationKey == key)
        #expect(article.language == language)
    }
}
