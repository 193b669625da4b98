@testable import DOM
import Testing

/// The page check for `javascript:` URLs looks at the value's bytes: leading spaces, tabs and
/// line feeds skipped, the scheme compared in any ASCII case.
@Suite struct JavaScriptURLTests {
    @Test(arguments: [
        ("javascript:alert(1)", true),
        ("  \tJavaScript:void(0)", true),
        ("\nJAVASCRIPT:", true),
        ("javascript", false),
        ("javascripts:x", false),
        ("java script:x", false),
        ("https://example.org/javascript:", false),
        ("", false),
        ("javascrİpt:x", false),
        ("\u{0}javascript:x", false),
    ])
    func recognisesTheScheme(url: String, isJavaScript: Bool) {
        #expect(HTMLBytesWriter.isJavaScriptURL(Array(url.utf8)) == isJavaScript)
    }
}
