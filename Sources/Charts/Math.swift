import Foundation

/// log10 that is exact on powers of ten (glibc's is; this guards other platforms' libms).
func log10Exact(_ value: Double) -> Double {
    let result = log10(value)
    let rounded = result.rounded()
    if abs(result - rounded) < 1e-12, pow(10, rounded) == value { return rounded }
    return result
}

/// 10ˣ. For integer exponents the result is the double nearest the decimal 1eN (as the
/// literal `1e23` is), which `pow` does not guarantee beyond 10²².
func pow10(_ exponent: Double) -> Double {
    if exponent == exponent.rounded(), abs(exponent) <= 340 {
        return Double("1e\(Int(exponent))")!
    }
    return pow(10, exponent)
}

/// k × 10ⁿ as the double nearest the decimal `kEn` (so 3 × 10⁻¹ is exactly the literal 0.3).
func decimal(_ k: Int, exponent: Int) -> Double {
    Double("\(k)e\(exponent)")!
}
