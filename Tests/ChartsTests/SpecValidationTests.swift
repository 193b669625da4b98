import Charts
import Testing

@Suite("Chart spec validation")
struct SpecValidationTests {
    let data = ChartData(rows: [["name": .string("a"), "value": .number(1), "when": day("2024-01-01")]],
                         fields: ["name", "value", "when"])

    func errors(_ spec: ChartSpec) -> [ChartSpecError] {
        spec.validate(against: data)
    }

    @Test func everyProblemIsReportedAtItsKeyPath() {
        let spec = ChartSpec(mark: .point,
                             x: ChannelSpec(field: "nmae"),
                             y: ChannelSpec(field: "name", scale: .log, format: "fancy"),
                             color: ColorSpec(field: "colour"),
                             width: 50)
        #expect(errors(spec) == [
            ChartSpecError("x.field", .unknownField("nmae", available: ["name", "value", "when"])),
            ChartSpecError("y.scale", .scaleMismatch(.log, valueKind: "text")),
            ChartSpecError("y.format", .unknownValue("fancy", allowed: ["compact", "percent", "plain", "power", "zh"])),
            ChartSpecError("color.field", .unknownField("colour", available: ["name", "value", "when"])),
            ChartSpecError("width", .invalidSize(50)),
        ])
    }

    @Test func formatsApplyOnlyToNumericScales() {
        let spec = ChartSpec(mark: .point, x: ChannelSpec(field: "when", format: "zh"), y: ChannelSpec(field: "value"))
        #expect(errors(spec) == [ChartSpecError("x.format", .formatUnsupported(.time))])
    }

    @Test func marksNeedTheirChannels() {
        #expect(errors(ChartSpec(mark: .bar, y: ChannelSpec(field: "value"))) == [ChartSpecError("x", .missingChannel(.bar))])
        #expect(errors(ChartSpec(mark: .rule, y: ChannelSpec(field: "value"))) == [])
    }

    @Test func enumeratedValuesAreParsedWithTheirKeyPath() throws {
        #expect(throws: ChartSpecError("y.scale", .unknownValue("sqrt", allowed: ["linear", "log", "time", "band"]))) {
            try ScaleKind.parse("sqrt", at: "y.scale")
        }
        #expect(throws: ChartSpecError("mark", .unknownValue("pie", allowed: ["point", "line", "bar", "area", "rule"]))) {
            try MarkKind.parse("pie")
        }
        #expect(try Trend.Kind.parse("power") == .power)
        #expect(ChartSpecError("y.scale", .unknownValue("sqrt", allowed: ["linear", "log"])).message
                == "`y.scale` cannot be `sqrt`: use one of `linear`, `log`")
    }

    @Test func domainsFormatsLabelsAndTrendsAreChecked() {
        let spec = ChartSpec(mark: .bar,
                             x: ChannelSpec(field: "name"),
                             y: ChannelSpec(field: "value", scale: .log, format: "zh", domain: [.number(0), .number(10)]),
                             label: LabelSpec(field: "name"),
                             trend: Trend(kind: .linear, a: 0, b: .nan))
        #expect(errors(spec) == [
            ChartSpecError("y.domain", .invalidDomain("a log scale's bounds must be greater than zero")),
            ChartSpecError("label", .labelsUnsupported(.bar)),
            ChartSpecError("trend", .trendUnsupported("a trend needs continuous `x` and `y` scales, not band scales")),
            ChartSpecError("trend.fit", .trendUnsupported("its parameters are not finite numbers")),
        ])
    }

    @Test func layoutThrowsEveryError() {
        #expect(throws: ChartSpecErrors([ChartSpecError("y", .missingChannel(.point))])) {
            try layoutChart(ChartSpec(mark: .point, x: ChannelSpec(field: "value")), data)
        }
    }

    @Test func scalesAreInferredFromTheData() {
        let spec = ChartSpec(mark: .point, x: ChannelSpec(field: "when"), y: ChannelSpec(field: "value"))
        #expect(spec.resolvedScale(for: "x", data: data) == .time)
        #expect(spec.resolvedScale(for: "y", data: data) == .linear)
        let bars = ChartSpec(mark: .bar, x: ChannelSpec(field: "value"), y: ChannelSpec(field: "name"))
        #expect(bars.resolvedScale(for: "x", data: data) == .linear)
        #expect(bars.resolvedScale(for: "y", data: data) == .band)
    }
}
