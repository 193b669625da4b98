@testable import Markup
import Testing

@Suite struct URLSafetyTests {
    @Test(arguments: [
        ("/posts/page-7/", "/posts/page-7/"),
        ("https://example.org/a?b=1&c=2#top", "https://example.org/a?b=1&c=2#top"),
        ("-_.~!*'();:@&=+$,/?#%", "-_.~!*'();:@&=+$,/?#%"),
        ("a b", "a%20b"),
        ("/tags/算力/", "/tags/%E7%AE%97%E5%8A%9B/"),
        ("café", "caf%C3%A9"),
        ("[x]\\\"<>`{|}^", "%5Bx%5D%5C%22%3C%3E%60%7B%7C%7D%5E"),
        ("%20 already", "%20%20already"),
        ("", ""),
    ])
    func escapesWhatMayNotStandInAnHref(url: String, escaped: String) {
        #expect(URLSafety.escapeHref(url) == escaped)
    }
}
