import Quantities
import Testing


@Suite struct CFormatTests {
    @Test(arguments: [
        ("%.16e", 0.1, "1.0000000000000001e-01"),
        ("%.16e", 46.25e6, "4.6250000000000000e+07"),
        ("%.2f", 2.675, "2.67"),  // the binary value is just below 2.675, as in C
        ("%.0f", 6144, "6144"),
        ("%.15g", 0.1 + 0.2, "0.3"),
        ("%.100f", -1.5, "-1.5" + String(repeating: "0", count: 99)),  // longer than the first buffer
    ])
    func formatsLikeC(format: String, value: Double, expected: String) {
        #expect(CFormat.string(format, value) == expected)
    }
}
