import Formulas
import Testing

/// A table as the site builds it: rows are records whose origin is `NAME[KEY]`.
func table(_ name: String, _ rows: [(String, [(String, Value)])]) -> Value {
    .list(rows.map { key, fields in
        var record = Record([("name", .string(key))] + fields)
        record.origin = "\(name)[\(key)]"
        return .record(record)
    })
}

let tracedScope = Scope(variables: [
    "models": table("models", [
        ("PaLM (540B)", [("parameters", .number(540.35e9)), ("training_tokens", .number(780e9))]),
        ("GPT-4", [("parameters", .null), ("training_tokens", .null)]),
    ]),
    "plain": ["parameters": 1],
    "k": 6,
])

@Suite struct TraceTests {
    func trace(_ source: String, in scope: Scope = tracedScope) throws -> (Value, Trace) {
        let trace = Trace()
        let value = try Expression.parse(source, at: start).evaluate(in: scope, trace: trace)
        return (value, trace)
    }

    /// `table[key].field` is recorded with the value read; the table itself as a whole read.
    @Test func recordsCellReadsWithTheirValues() throws {
        let (value, trace) = try trace("k * models[\"PaLM (540B)\"].parameters * models[\"PaLM (540B)\"].training_tokens")
        #expect(value == .number(6 * 540.35e9 * 780e9))
        #expect(trace.reads == [
            Trace.Read(path: "models", value: .string("table of 2 rows")),
            Trace.Read(path: "models[PaLM (540B)].parameters", value: .number(540.35e9)),
            Trace.Read(path: "models[PaLM (540B)].training_tokens", value: .number(780e9)),
        ])
        #expect(trace.names == ["k", "models"])
    }

    /// Each path once, in the order first read; a missing cell is read as `null`.
    @Test func eachPathIsRecordedOnce() throws {
        let (value, trace) = try trace("models[\"GPT-4\"].parameters + models[\"GPT-4\"].parameters")
        #expect(value == .null)
        #expect(trace.reads == [
            Trace.Read(path: "models", value: .string("table of 2 rows")),
            Trace.Read(path: "models[GPT-4].parameters", value: .null),
        ])
        #expect(trace.names == ["models"])
    }

    /// Fields of records without an origin are not inputs; names are still noted.
    @Test func recordsWithoutOriginAreNotInputs() throws {
        let (value, trace) = try trace("plain.parameters + k")
        #expect(value == .number(7))
        #expect(trace.reads == [])
        #expect(trace.names == ["plain", "k"])
    }

    /// A whole table passed to a function is one read, named by the table.
    @Test func wholeTableReadsAreNamed() throws {
        let (value, trace) = try trace("count(column(models, 'parameters'))")
        #expect(value == .number(1))
        #expect(trace.reads == [Trace.Read(path: "models", value: .string("table of 2 rows"))])
    }

    /// A row bound to a name keeps its origin, so reads through the name name the row.
    @Test func readsThroughANameNameTheRow() throws {
        let palm = try Expression.parse("models[\"PaLM (540B)\"]", at: start).evaluate(in: tracedScope)
        let (_, trace) = try trace("palm.parameters", in: tracedScope.binding("palm", to: palm))
        #expect(trace.reads == [Trace.Read(path: "models[PaLM (540B)].parameters", value: .number(540.35e9))])
        #expect(trace.names == ["palm"])
    }

    /// `merge` adds another trace's reads after its own, skipping paths already read.
    @Test func mergeAddsNewPathsOnly() throws {
        let (_, trace) = try trace("models[\"PaLM (540B)\"].parameters")
        trace.merge([
            Trace.Read(path: "models[PaLM (540B)].parameters", value: .number(0)),
            Trace.Read(path: "hardware[TPU v4].peak", value: .number(275e12)),
        ])
        #expect(trace.reads == [
            Trace.Read(path: "models", value: .string("table of 2 rows")),
            Trace.Read(path: "models[PaLM (540B)].parameters", value: .number(540.35e9)),
            Trace.Read(path: "hardware[TPU v4].peak", value: .number(275e12)),
        ])
    }

    /// `Record.setting` keeps the origin (derived columns are set on table rows); origin is not
    /// part of equality.
    @Test func originSurvivesSetting() {
        var row = Record([("name", "PaLM (540B)"), ("parameters", .number(540.35e9))])
        row.origin = "models[PaLM (540B)]"
        let derived = row.setting("compute_6nd", to: .number(2.528838e24))
        #expect(derived.origin == "models[PaLM (540B)]")
        #expect(derived.keys == ["name", "parameters", "compute_6nd"])
        let replaced = derived.setting("parameters", to: .number(1))
        #expect(replaced.origin == "models[PaLM (540B)]")
        #expect(replaced.keys == ["name", "parameters", "compute_6nd"])
        #expect(replaced["parameters"] == .number(1))
        var other = Record([("name", "PaLM (540B)"), ("parameters", .number(540.35e9))])
        other.origin = nil
        #expect(Value.record(row) == Value.record(other))
    }
}

@Suite struct BracketTraceTests {
    @Test func bracketReadsOfARowAreTraced() throws {
        var row = Record([("Model", "AlexNet"), ("Publication date", "2012-09-30")])
        row.origin = "epoch[AlexNet]"
        let trace = Trace()
        let value = try Expression.parse("r[\"Publication date\"]", at: .init(file: "t")).evaluate(
            in: Scope(variables: ["r": .record(row)]), trace: trace)
        #expect(value == "2012-09-30")
        #expect(trace.reads == [Trace.Read(path: "epoch[AlexNet].Publication date", value: "2012-09-30")])
    }
}
