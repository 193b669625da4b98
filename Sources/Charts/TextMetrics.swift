/// Estimated text widths for layout without a font engine.
///
/// Widths are advance widths in thousandths of an em. Printable ASCII uses the Helvetica
/// metrics (Adobe Core 14 AFM), which Arial and Liberation Sans share; they were checked
/// against the `hmtx` table of LiberationSans-Regular.ttf on the build machine (2048 units/em,
/// scaled to 1000). Charts set `font-family: Helvetica, Arial, "Liberation Sans", sans-serif`
/// so that these widths hold. Other characters fall into classes: CJK ideographs, kana,
/// Hangul and full-width forms are 1 em; superscript digits 0.333–0.365 em; other Latin
/// letters take the average lower-case width (0.556 em); anything else 0.6 em.
public enum TextMetrics {
    /// Advance widths of U+0020 … U+007E, in 1/1000 em.
    static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  //  !"#$%&'()*+,-./
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0-9 :;<=>?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @A-O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P-Z [\]^_
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // `a-o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,       // p-z {|}~
    ]

    /// The advance width of one character, in 1/1000 em.
    public static func units(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch v {
        case 0x20...0x7E: return ascii[Int(v - 0x20)]
        case 0xA0: return 278
        case 0xD7, 0x2212, 0xB1: return 584            // × − ±
        case 0x2013: return 556                        // –
        case 0x2014, 0x2026, 0x2192, 0x2190: return 1000  // — … → ←
        case 0x2191, 0x2193: return 500                // ↑ ↓
        case 0x2018, 0x2019: return 222
        case 0x201C, 0x201D: return 333
        case 0xB7: return 278
        case 0xB0: return 400
        case 0xB9, 0xB2, 0xB3: return 333              // ¹ ² ³
        case 0x2070...0x207F: return 365               // ⁰ ⁴…⁹ ⁻ (fallback font)
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFF:
            return 1000                                // CJK, kana, Hangul, full-width forms
        case 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF: return 556  // other Latin, Greek, Cyrillic
        case 0x300...0x36F, 0x200B...0x200D, 0xFE00...0xFE0F: return 0  // combining marks, ZW*
        default: return 600
        }
    }

    /// The width of `text` set at `fontSize` user units.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var total = 0
        for scalar in text.unicodeScalars { total += units(scalar) }
        return Double(total) / 1000 * fontSize
    }

    /// The width of the widest line of a multi-line label ("Apr\n2023").
    public static func blockWidth(_ text: String, fontSize: Double) -> Double {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { width(String($0), fontSize: fontSize) }.max() ?? 0
    }
}
