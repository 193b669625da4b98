import Markup
import Foundation
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Compute ≈ 6·N·D", "compute-6-n-d"),
        ("十年算力增長", "十年算力增長"),
        ("  Training  cost (2023)! ", "training-cost-2023"),
        ("snake_case-and CAPS", "snake_case-and-caps"),
        ("!!", ""),
        ("Cafe\u{301} crème", "café-crème"),
    ])
    func slugs(text: String, slug: String) {
        #expect(text.precomposed.slug == slug)
    }

    /// ASCII comes back as it is; other text in NFC, as Foundation makes it.
    @Test(arguments: ["plain ascii 42", "", "Cafe\u{301}", "cr\u{E8}me", "\u{1100}\u{1161}", "A\u{30A}"])
    func precomposedIsNFC(text: String) {
        #expect(text.precomposed == text.precomposedStringWithCanonicalMapping)
        #expect(Array(text.precomposed.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }
}
