extension ChartSpec {
    /// Every problem with this spec for `data`: channels the mark needs, fields the data lacks,
    /// scales that cannot show the field's values, unusable domains, unknown format names,
    /// sizes out of range. Returns `[]` when the spec can be laid out.
    public func validate(against data: ChartData, options: ChartOptions = ChartOptions()) -> [ChartSpecError] {
        var errors: [ChartSpecError] = []
        if mark != .rule {
            if x == nil { errors.append(ChartSpecError("x", .missingChannel(mark))) }
            if y == nil { errors.append(ChartSpecError("y", .missingChannel(mark))) }
        } else if x == nil && y == nil {
            errors.append(ChartSpecError("y", .missingChannel(mark)))
        }
        for (name, channel) in [("x", x), ("y", y)] {
            guard let channel else { continue }
            errors += validate(channel, at: name, data: data, options: options)
        }
        if let color, !data.fields.contains(color.field) {
            errors.append(ChartSpecError("color.field", .unknownField(color.field, available: data.fields)))
        }
        if let label {
            if !data.fields.contains(label.field) {
                errors.append(ChartSpecError("label.field", .unknownField(label.field, available: data.fields)))
            }
            if mark != .point && mark != .line {
                errors.append(ChartSpecError("label", .labelsUnsupported(mark)))
            }
        }
        if let trend {
            if x == nil || y == nil {
                errors.append(ChartSpecError("trend", .trendUnsupported("a trend needs both `x` and `y`")))
            } else if resolvedScale(for: "x", data: data) == .band || resolvedScale(for: "y", data: data) == .band {
                errors.append(ChartSpecError("trend", .trendUnsupported("a trend needs continuous `x` and `y` scales, not band scales")))
            }
            if !trend.a.isFinite || !trend.b.isFinite || !trend.origin.isFinite {
                errors.append(ChartSpecError("trend.fit", .trendUnsupported("its parameters are not finite numbers")))
            }
        }
        for (name, size) in [("width", width), ("height", height)] where !(100...4000).contains(size) {
            errors.append(ChartSpecError(name, .invalidSize(size)))
        }
        return errors
    }

    private func validate(_ channel: ChannelSpec, at name: String, data: ChartData, options: ChartOptions) -> [ChartSpecError] {
        var errors: [ChartSpecError] = []
        guard data.fields.contains(channel.field) else {
            return [ChartSpecError("\(name).field", .unknownField(channel.field, available: data.fields))]
        }
        let kinds = Set(data.rows.indices.map { data.value(channel.field, row: $0) }.filter { $0 != .missing }.map(\.kindName))
        if let scale = channel.scale {
            switch scale {
            case .linear, .log:
                if kinds.contains("text") {
                    errors.append(ChartSpecError("\(name).scale", .scaleMismatch(scale, valueKind: "text")))
                } else if scale == .log && kinds.contains("date") {
                    errors.append(ChartSpecError("\(name).scale", .scaleMismatch(scale, valueKind: "date")))
                }
            case .time:
                if kinds.contains("text") {
                    errors.append(ChartSpecError("\(name).scale", .scaleMismatch(scale, valueKind: "text")))
                }
            case .band:
                break
            }
        }
        let scale = resolvedScale(for: name, data: data)
        if let format = channel.format {
            if scale == .time || scale == .band {
                errors.append(ChartSpecError("\(name).format", .formatUnsupported(scale)))
            } else if options.formats[format] == nil {
                errors.append(ChartSpecError("\(name).format", .unknownValue(format, allowed: options.formats.keys.sorted())))
            }
        }
        if let domain = channel.domain {
            switch scale {
            case .band:
                if domain.isEmpty || domain.contains(where: { $0.categoryName == nil }) {
                    errors.append(ChartSpecError("\(name).domain", .invalidDomain("list the categories in order")))
                }
            case .linear, .log, .time:
                let values = domain.compactMap(\.continuousValue)
                if domain.count != 2 || values.count != 2 {
                    errors.append(ChartSpecError("\(name).domain", .invalidDomain("give two \(scale == .time ? "dates" : "numbers"), the lower and upper bound")))
                } else if scale == .log && values.contains(where: { $0 <= 0 }) {
                    errors.append(ChartSpecError("\(name).domain", .invalidDomain("a log scale's bounds must be greater than zero")))
                } else if values[0] == values[1] {
                    errors.append(ChartSpecError("\(name).domain", .invalidDomain("the two bounds are equal")))
                }
            }
        }
        return errors
    }

    /// The scale a channel uses: the spec's, or inferred from the data (any date → time, any
    /// text → band, numbers → linear). Bar charts put a band scale on `x` unless `y` is one.
    public func resolvedScale(for channel: String, data: ChartData) -> ScaleKind {
        guard let spec = channel == "x" ? x : y else { return .linear }
        if let scale = spec.scale { return scale }
        let values = data.rows.indices.map { data.value(spec.field, row: $0) }
        var inferred: ScaleKind = .linear
        if values.contains(where: { if case .string = $0 { return true } else { return false } }) {
            inferred = .band
        } else if values.contains(where: { if case .date = $0 { return true } else { return false } }) {
            inferred = .time
        }
        if mark == .bar && channel == "x" && inferred != .band {
            let other = y.map { spec -> ScaleKind in
                if let scale = spec.scale { return scale }
                let values = data.rows.indices.map { data.value(spec.field, row: $0) }
                return values.contains(where: { if case .string = $0 { return true } else { return false } }) ? .band : .linear
            }
            if other != .band { return .band }
        }
        return inferred
    }
}
