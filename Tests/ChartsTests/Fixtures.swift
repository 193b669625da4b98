import Charts
import Foundation

/// Chart fixtures for the golden files: the kinds of chart the example report draws.
/// Figures are rounded, illustrative values in the right orders of magnitude (not a data source).
enum Fixtures {
    static let all: [(name: String, spec: ChartSpec, data: ChartData)] = [
        ("point-time-log", computeOverTime.spec, computeOverTime.data),
        ("point-log-log", costAgainstParameters.spec, costAgainstParameters.data),
        ("bar", chipHoursByPhase.spec, chipHoursByPhase.data),
        ("bar-zh", chineseBars.spec, chineseBars.data),
        ("bar-grouped", groupedBars.spec, groupedBars.data),
        ("bar-horizontal", horizontalBars.spec, horizontalBars.data),
        ("line", pricePerGPUHour.spec, pricePerGPUHour.data),
        ("area", areaOverTime.spec, areaOverTime.data),
        ("rule", rules.spec, rules.data),
    ]

    static var computeOverTime: (spec: ChartSpec, data: ChartData) {
        let models: [(String, String, Double, String)] = [
            ("AlexNet", "2012-09-30", 4.7e17, "Vision"), ("Seq2seq", "2014-09-10", 7.3e18, "Language"),
            ("VGG16", "2014-09-04", 1.2e19, "Vision"), ("ResNet-152", "2015-12-10", 1.0e19, "Vision"),
            ("AlphaGo Lee", "2016-01-27", 1.9e21, "Games"), ("GNMT", "2016-09-26", 6.9e21, "Language"),
            ("Transformer", "2017-06-12", 7.4e18, "Language"), ("AlphaGo Zero", "2017-10-18", 3.4e23, "Games"),
            ("BERT-Large", "2018-10-11", 2.9e20, "Language"), ("GPT-2", "2019-02-14", 1.5e21, "Language"),
            ("T5-11B", "2019-10-23", 3.3e22, "Language"), ("GPT-3", "2020-05-28", 3.1e23, "Language"),
            ("Gopher", "2021-12-08", 6.3e23, "Language"), ("Chinchilla", "2022-03-29", 5.8e23, "Language"),
            ("PaLM", "2022-04-04", 2.5e24, "Language"), ("GPT-4", "2023-03-15", 2.1e25, "Language"),
            ("Gemini Ultra", "2023-12-06", 5.0e25, "Language"), ("Llama 3.1 405B", "2024-07-23", 3.8e25, "Language"),
        ]
        var rows: [[String: ChartValue]] = models.map {
            ["model": .string($0.0), "date": .date(CalendarDate(iso: $0.1)!), "compute": .number($0.2), "domain": .string($0.3)]
        }
        var random = LCG(seed: 7)
        for i in 0..<24 {
            let year = random.uniform(2013, 2024.5)
            let seconds = (year - 1970) * Trend.secondsPerYear
            let trend = 2e21 * exp(1.5 * (year - 2018))
            let compute = trend * pow(10, random.uniform(-2.2, 0.6))
            rows.append(["model": .missing, "date": .date(CalendarDate(secondsSinceEpoch: seconds).secondsSinceEpoch),
                         "compute": .number((compute / 1e15).rounded() * 1e15), "domain": .string(i % 3 == 0 ? "Vision" : "Language")])
        }
        let spec = ChartSpec(
            mark: .point,
            x: ChannelSpec(field: "date", title: "Publication date"),
            y: ChannelSpec(field: "compute", scale: .log, title: "Training compute (FLOP)"),
            color: ColorSpec(field: "domain"),
            label: LabelSpec(field: "model"),
            trend: Trend(kind: .exponential, a: 2e21, b: 1.5, origin: 2018, annotation: "doubling every 5.5 months"),
            title: "Training compute of notable models",
            caption: "Source: Epoch AI, Notable AI Models (rounded).")
        return (spec, ChartData(rows: rows, fields: ["model", "date", "compute", "domain"]))
    }

    static var costAgainstParameters: (spec: ChartSpec, data: ChartData) {
        var random = LCG(seed: 11)
        var rows: [[String: ChartValue]] = []
        let names = ["GPT-2", "T5-11B", "GPT-3", "Gopher", "PaLM", "Chinchilla", "LLaMA-65B", "BLOOM"]
        for i in 0..<40 {
            let parameters = pow(10, random.uniform(8, 11.8))
            let cost = 3e-13 * pow(parameters, 1.62) * pow(10, random.uniform(-0.5, 0.5))
            rows.append(["name": i < names.count ? .string(names[i]) : .missing,
                         "parameters": .number((parameters / 1e6).rounded() * 1e6),
                         "cost": .number(cost.rounded())])
        }
        let spec = ChartSpec(
            mark: .point,
            x: ChannelSpec(field: "parameters", scale: .log, title: "Parameters"),
            y: ChannelSpec(field: "cost", scale: .log, title: "Training cost (USD)"),
            label: LabelSpec(field: "name"),
            trend: Trend(kind: .power, a: 3e-13, b: 1.62, annotation: "cost ∝ parameters^1.62, R² = 0.87"),
            title: "Training cost against parameters")
        return (spec, ChartData(rows: rows, fields: ["name", "parameters", "cost"]))
    }

    static var chipHoursByPhase: (spec: ChartSpec, data: ChartData) {
        let rows: [[String: ChartValue]] = [
            ["phase": .string("Pod 1 (6,144 chips)"), "chipHours": .number(7_372_800)],
            ["phase": .string("Pod 2 (3,072 chips)"), "chipHours": .number(1_032_192)],
            ["phase": .string("Evaluation"), "chipHours": .number(250_000)],
        ]
        let spec = ChartSpec(mark: .bar, x: ChannelSpec(field: "phase", title: "Phase"),
                             y: ChannelSpec(field: "chipHours", title: "TPU v4 chip-hours"),
                             title: "PaLM chip-hours by phase", width: 480, height: 320)
        return (spec, ChartData(rows: rows, fields: ["phase", "chipHours"]))
    }

    static var chineseBars: (spec: ChartSpec, data: ChartData) {
        let rows: [[String: ChartValue]] = [
            ["模型": .string("GPT-3"), "成本": .number(4_600_000)],
            ["模型": .string("PaLM"), "成本": .number(27_000_000)],
            ["模型": .string("GPT-4"), "成本": .number(78_000_000)],
            ["模型": .string("Gemini Ultra"), "成本": .number(191_000_000)],
        ]
        let spec = ChartSpec(mark: .bar, x: ChannelSpec(field: "模型", title: "模型"),
                             y: ChannelSpec(field: "成本", title: "訓練成本（美元）", format: "zh"),
                             title: "訓練成本", caption: "資料來源：Epoch AI（四捨五入）。", width: 520, height: 340)
        return (spec, ChartData(rows: rows, fields: ["模型", "成本"]))
    }

    static var horizontalBars: (spec: ChartSpec, data: ChartData) {
        let rows: [[String: ChartValue]] = [
            ["階段": .string("預訓練（第一個 TPU v4 Pod）"), "晶片小時": .number(7_372_800)],
            ["階段": .string("預訓練（第二個 Pod）"), "晶片小時": .number(1_032_192)],
            ["階段": .string("評估"), "晶片小時": .number(250_000)],
            ["階段": .string("消融實驗"), "晶片小時": .number(41_000)],
        ]
        let spec = ChartSpec(mark: .bar, x: ChannelSpec(field: "晶片小時", title: "晶片小時", format: "zh"),
                             y: ChannelSpec(field: "階段"), title: "PaLM 各階段的晶片小時", width: 560, height: 260)
        return (spec, ChartData(rows: rows, fields: ["階段", "晶片小時"]))
    }

    static var groupedBars: (spec: ChartSpec, data: ChartData) {
        var rows: [[String: ChartValue]] = []
        for (year, values) in [("2022", [1.2, 0.8, 0.5]), ("2023", [2.4, 1.9, 1.1]), ("2024", [3.9, 3.1, 2.6])] {
            for (provider, value) in zip(["AWS", "Azure", "GCP"], values) {
                rows.append(["year": .string(year), "provider": .string(provider), "spend": .number(value * 1e9)])
            }
        }
        let spec = ChartSpec(mark: .bar, x: ChannelSpec(field: "year", title: "Year"),
                             y: ChannelSpec(field: "spend", title: "GPU spend (USD)"),
                             color: ColorSpec(field: "provider"), title: "GPU spend by provider", width: 520, height: 340)
        return (spec, ChartData(rows: rows, fields: ["year", "provider", "spend"]))
    }

    static var pricePerGPUHour: (spec: ChartSpec, data: ChartData) {
        var rows: [[String: ChartValue]] = []
        let series: [(String, Double, Double)] = [("AWS A100", 4.1, 0.985), ("Azure A100", 3.7, 0.982),
                                                  ("Lambda H100", 2.9, 0.99), ("CoreWeave H100", 4.8, 0.975)]
        for (name, start, decay) in series {
            for month in stride(from: 0, to: 30, by: 2) {
                let date = CalendarDate(year: 2022, month: 7 + month, day: 1)
                let normalized = CalendarDate(daysSinceEpoch: date.daysSinceEpoch)
                rows.append(["series": .string(name), "month": .date(normalized),
                             "price": .number((start * pow(decay, Double(month)) * 100).rounded() / 100)])
            }
        }
        let spec = ChartSpec(mark: .line, x: ChannelSpec(field: "month", title: "Month"),
                             y: ChannelSpec(field: "price", title: "Price per GPU-hour (USD)"),
                             color: ColorSpec(field: "series"), title: "Price per GPU-hour")
        return (spec, ChartData(rows: rows, fields: ["series", "month", "price"]))
    }

    static var areaOverTime: (spec: ChartSpec, data: ChartData) {
        var rows: [[String: ChartValue]] = []
        var random = LCG(seed: 3)
        var total = 0.0
        for week in 0..<40 {
            total += random.uniform(0, 3)
            rows.append(["week": .date(CalendarDate(daysSinceEpoch: CalendarDate(year: 2023, month: 10, day: 1).daysSinceEpoch + 7 * week)),
                         "models": .number((total * 10).rounded() / 10)])
        }
        let spec = ChartSpec(mark: .area, x: ChannelSpec(field: "week", title: "Week"),
                             y: ChannelSpec(field: "models", title: "Models released (cumulative)"),
                             title: "Cumulative model releases", width: 560, height: 300)
        return (spec, ChartData(rows: rows, fields: ["week", "models"]))
    }

    static var rules: (spec: ChartSpec, data: ChartData) {
        let rows: [[String: ChartValue]] = [
            ["year": .number(2019), "share": .number(0.12)], ["year": .number(2020), "share": .number(0.31)],
            ["year": .number(2021), "share": .number(-0.05)], ["year": .number(2022), "share": .number(0.44)],
            ["year": .number(2023), "share": .number(0.27)],
        ]
        let spec = ChartSpec(mark: .rule, x: ChannelSpec(field: "year", title: "Year", format: "plain"),
                             y: ChannelSpec(field: "share", title: "Change in share", format: "percent"),
                             title: "Year-on-year change", width: 480, height: 300)
        return (spec, ChartData(rows: rows, fields: ["year", "share"]))
    }
}
