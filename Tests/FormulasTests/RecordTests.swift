import Formulas
import Testing

/// Records keep their fields in order; small ones are searched in order, larger ones through an
/// index built past `indexedFrom` fields: both must read, repeat and set keys alike.
@Suite struct RecordTests {
    func fields(_ count: Int) -> [(String, Value)] {
        (0..<count).map { ("k\($0)", .number(Double($0))) }
    }

    @Test(arguments: [3, 32, 33, 50])
    func readsEveryFieldAndNothingElse(count: Int) {
        let record = Record(fields(count))
        #expect(record.count == count)
        #expect(record.keys == (0..<count).map { "k\($0)" })
        for i in 0..<count { #expect(record["k\(i)"] == .number(Double(i))) }
        #expect(record["k\(count)"] == nil)
        #expect(record["K0"] == nil)
    }

    @Test(arguments: [3, 32, 33, 50])
    func aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue(count: Int) {
        let record = Record(fields(count) + [("k1", .string("again")), ("new", .bool(true)), ("k0", .null)])
        #expect(record.keys == (0..<count).map { "k\($0)" } + ["new"])
        #expect(record["k1"] == .string("again"))
        #expect(record["k0"] == .null)
        #expect(record["new"] == .bool(true))
        #expect(record.fields.map(\.0) == record.keys)
    }

    @Test func settingAppendsOrReplacesAcrossTheIndexThreshold() {
        var record = Record(fields(31))
        for i in 31..<36 { record = record.setting("k\(i)", to: .number(Double(i))) }
        record = record.setting("k3", to: .string("three"))
        #expect(record.keys == (0..<36).map { "k\($0)" })
        #expect(record["k3"] == .string("three"))
        #expect(record["k35"] == .number(35))
        let original = Record(fields(31))
        #expect(original.setting("k33", to: .null).count == 32)
        #expect(original.count == 31)
        // A record indexed from the start (more than `indexedFrom` fields at init).
        let large = Record(fields(40)).setting("k45", to: .null).setting("k4", to: .string("four"))
        #expect(large.keys == (0..<40).map { "k\($0)" } + ["k45"])
        #expect(large["k4"] == .string("four"))
        #expect(large["k45"] == .null)
        #expect(large["k39"] == .number(39))
    }

    @Test func equalityIgnoresFieldOrder() {
        let forward = Value.record(Record(fields(10)))
        let backward = Value.record(Record(fields(10).reversed()))
        #expect(forward == backward)
        #expect(forward != .record(Record(fields(9))))
    }
}
