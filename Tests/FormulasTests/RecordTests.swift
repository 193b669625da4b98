import Formulas
import Testing

/// Records keep their fields in order; small ones are searched in order, larger ones through an
/// index built past `indexedFrom` fields: both must read, repeat and set keys alike.
@Suite struct RecordTests {
    func fields(_ count: Int) -> [(String, Value)] {
        (0..<count).map { ("k\($0)", .number(Double($0))) }
    }

    @Test(arguments: [3, 8, 9, 40])
    func readsEveryFieldAndNothingElse(count: Int) {
        let record = Record(fields(count))
        #expect(record.count == count)
        #expect(record.keys == (0..<count).map { "k\($0)" })
        for i in 0..<count { #expect(record["k\(i)"] == .number(Double(i))) }
        #expect(record["k\(count)"] == nil)
        #expect(record["K0"] == nil)
    }

    @Test(arguments: [3, 8, 9, 40])
    func aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue(count: Int) {
        let record = Record(fields(count) + [("k1", .string("again")), ("new", .bool(true)), ("k0", .null)])
        #expect(record.keys == (0..<count).map { "k\($0)" } + ["new"])
        #expect(record["k1"] == .string("again"))
        #expect(record["k0"] == .null)
        #expect(record["new"] == .bool(true))
        #expect(record.fields.map(\.0) == record.keys)
    }

    @Test func settingAppendsOrReplacesAcrossTheIndexThreshold() {
        var record = Record(fields(7))
        for i in 7..<12 { record = record.setting("k\(i)", to: .number(Double(i))) }
        record = record.setting("k3", to: .string("three"))
        #expect(record.keys == (0..<12).map { "k\($0)" })
        #expect(record["k3"] == .string("three"))
        #expect(record["k11"] == .number(11))
        let original = Record(fields(7))
        #expect(original.setting("k9", to: .null).count == 8)
        #expect(original.count == 7)
        // A record indexed from the start (more than `indexedFrom` fields at init).
        let large = Record(fields(20)).setting("k25", to: .null).setting("k4", to: .string("four"))
        #expect(large.keys == (0..<20).map { "k\($0)" } + ["k25"])
        #expect(large["k4"] == .string("four"))
        #expect(large["k25"] == .null)
        #expect(large["k19"] == .number(19))
    }

    @Test func equalityIgnoresFieldOrder() {
        let forward = Value.record(Record(fields(10)))
        let backward = Value.record(Record(fields(10).reversed()))
        #expect(forward == backward)
        #expect(forward != .record(Record(fields(9))))
    }
}
