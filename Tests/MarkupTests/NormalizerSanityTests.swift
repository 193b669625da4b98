import Testing

/// The conformance comparison is only as good as its normalizer: it must keep real differences.
@Suite struct NormalizerTests {
    @Test func normalizerKeepsStructureAndText() {
        #expect(normalizeHTML("<p>a <em>b</em></p>\n<hr />") == "<p>a <em>b</em></p><hr>")
        #expect(normalizeHTML("<p>a</p>") != normalizeHTML("<p>b</p>"))
        #expect(normalizeHTML("<p><a href=\"x\">a</a></p>") != normalizeHTML("<p><a href=\"\">a</a></p>"))
        #expect(normalizeHTML("<ul>\n<li>a</li>\n</ul>") != normalizeHTML("<ul>\n<li><p>a</p></li>\n</ul>"))
        #expect(normalizeHTML("<p>x &quot;y&quot;</p><!-- raw HTML omitted -->") == "<p>x \"y\"</p>")
    }
}
