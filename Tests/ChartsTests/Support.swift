import Charts
import Diagnostics
import DOM
import Foundation
import Testing

typealias SourceLocation = Diagnostics.SourceLocation

/// A linear congruential generator (Numerical Recipes constants: a = 1664525,
/// c = 1013904223, m = 2³²), so test data is the same on every run and machine.
struct LCG {
    var state: UInt32

    init(seed: UInt32) { state = seed }

    mutating func next() -> UInt32 {
        state = state &* 1_664_525 &+ 1_013_904_223
        return state
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next()) / 4_294_967_296 }

    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }
}

/// The folder holding the golden files.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Compares `text` with `Golden/NAME`. With `RECKON_UPDATE_GOLDEN=1` the golden file is
/// (re)written; on a mismatch `NAME.changed.svg` is written beside it for review.
func expectGolden(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = goldenFolder.appendingPathComponent(name)
    let changed = goldenFolder.appendingPathComponent(
        (name as NSString).deletingPathExtension + ".changed." + (name as NSString).pathExtension)
    if ProcessInfo.processInfo.environment["RECKON_UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(at: changed)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try text.write(to: changed, atomically: true, encoding: .utf8)
        Issue.record("no golden file \(name): run with RECKON_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected == text {
        try? FileManager.default.removeItem(at: changed)
    } else {
        try text.write(to: changed, atomically: true, encoding: .utf8)
        Issue.record("\(name) differs from its golden file: see \(changed.lastPathComponent)", sourceLocation: sourceLocation)
    }
}

func day(_ text: String) -> ChartValue {
    .date(CalendarDate(iso: text)!)
}
