import Diagnostics
import Formulas
import Foundation
import Quantities
import Yams

/// A claim of a `check` block (DESIGN.md §5, `../shared/facts/CHECKS.md`):
///
/// ```yaml
/// - label: PaLM's training compute
///   stated: 2.56e24 [FLOP]            # a value, a range (9e6..17e6 [USD]) or a bound (> 3e5)
///   computed: training_flops(models["PaLM"].parameters, models["PaLM"].training_tokens)
///   tolerance: 5%                     # 5%, 0.5 orders, ± 0.2 (absolute), or exact (default)
///   expect: holds                     # or fails: a claim the report shows to be false
/// ```
struct Claim {
    enum Tolerance: Equatable {
        /// |stated − computed| ÷ computed ≤ fraction.
        case relative(Double)
        /// |log₁₀(stated ÷ computed)| ≤ orders.
        case orders(Double)
        /// |stated − computed| ≤ amount, in the stated value's unit.
        case absolute(Double)

        /// Reads `5%`, `0.5 orders` (or `order`, `orders of magnitude`), `± 0.2`, `+- 0.2`, `0.2`,
        /// `exact`; nil for anything else.
        init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed == "exact" { self = .relative(0); return }
            if trimmed.hasSuffix("%"), let number = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)), number >= 0 {
                self = .relative(number / 100)
                return
            }
            for suffix in ["orders of magnitude", "order of magnitude", "orders", "order"] where trimmed.hasSuffix(suffix) {
                guard let number = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0 else { return nil }
                self = .orders(number)
                return
            }
            var absolute = Substring(trimmed)
            for prefix in ["±", "+-", "+/-"] where absolute.hasPrefix(prefix) { absolute = absolute.dropFirst(prefix.count) }
            guard let number = Double(absolute.trimmingCharacters(in: .whitespaces)), number >= 0 else { return nil }
            self = .absolute(number)
        }
    }

    enum Bound: String {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    }

    enum Verdict: String, Sendable {
        case holds, fails
    }

    var label: String
    var labelLocation: SourceLocation
    /// The stated value as written, its bound if any, and its formula.
    var statedText: String
    var bound: Bound?
    var stated: Formulas.Expression
    var computed: Formulas.Expression
    var tolerance: Tolerance
    var toleranceText: String
    var expected: Verdict

    static let keys: Set<String> = ["label", "stated", "computed", "tolerance", "expect", "note"]

    /// Reads the claims of a `check` block: a YAML list of mappings (or one mapping).
    ///
    /// - Parameter location: Where the block's text starts (its first line, first column).
    static func parse(_ text: String, at location: SourceLocation) -> ([Claim], [Diagnostic]) {
        let reader = YAMLReader(file: location.file, firstLine: location.line)
        var diagnostics: [Diagnostic] = []
        let root: Yams.Node
        do {
            root = try reader.parse(text)
        } catch {
            return ([], error.diagnostics)
        }
        let items: [Yams.Node]
        switch root {
        case .sequence(let sequence): items = Array(sequence)
        case .mapping: items = [root]
        default:
            return ([], [.error("a check block holds claims: `- label: …` with stated, computed, tolerance", at: location)])
        }
        var claims: [Claim] = []
        for item in items {
            var fields: [String: (Yams.Node, SourceLocation)] = [:]
            for (key, value, keyLocation) in reader.fields(of: item, diagnostics: &diagnostics) {
                if keys.contains(key) {
                    fields[key] = (value, keyLocation)
                } else {
                    diagnostics.append(.error(unknownKeyMessage(key, known: keys), at: keyLocation))
                }
            }
            let itemLocation = reader.location(of: item.mark)
            func text(_ key: String) -> (String, SourceLocation)? {
                guard let (node, _) = fields[key], case .scalar(let scalar) = node else { return nil }
                var start = reader.location(of: node.mark)
                if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { start = start.advanced(by: 1) }
                return (scalar.string, start)
            }
            var missing: [String] = []
            for key in ["label", "stated", "computed"] where text(key) == nil { missing.append(key) }
            guard missing.isEmpty else {
                diagnostics.append(.error("a claim needs \(missing.map { "`\($0):`" }.joined(separator: ", "))", at: itemLocation))
                continue
            }
            let (label, labelLocation) = text("label")!
            var (statedText, statedLocation) = text("stated")!
            let (computedText, computedLocation) = text("computed")!
            var bound: Bound?
            for candidate in [Bound.greaterOrEqual, .lessOrEqual, .greater, .less] where statedText.hasPrefix(candidate.rawValue) {
                bound = candidate
                let rest = statedText.dropFirst(candidate.rawValue.count)
                let spaces = rest.prefix(while: { $0 == " " }).count
                statedLocation = statedLocation.advanced(by: candidate.rawValue.count + spaces)
                statedText = String(rest.dropFirst(spaces))
                break
            }
            var tolerance = Tolerance.relative(0)
            var toleranceText = "exact"
            if let (written, toleranceLocation) = text("tolerance") {
                if let parsed = Tolerance(written) {
                    tolerance = parsed
                    toleranceText = written
                } else {
                    diagnostics.append(.error("tolerance `\(written)` is not one of 5%, 0.5 orders, ± 0.2, exact", at: toleranceLocation))
                    continue
                }
            }
            var expected = Verdict.holds
            if let (written, expectLocation) = text("expect") {
                guard let verdict = Verdict(rawValue: written) else {
                    diagnostics.append(.error("expect must be `holds` or `fails`, not `\(written)`", at: expectLocation))
                    continue
                }
                expected = verdict
            }
            do throws(FormulaError) {
                let stated = try Formulas.Expression.parse(statedText, at: statedLocation)
                let computed = try Formulas.Expression.parse(computedText, at: computedLocation)
                claims.append(Claim(label: label, labelLocation: labelLocation, statedText: text("stated")!.0,
                                    bound: bound, stated: stated, computed: computed, tolerance: tolerance,
                                    toleranceText: toleranceText, expected: expected))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return (claims, diagnostics)
    }
}

/// The judgement of one claim: the numbers, the verdict, and what the computation read.
public struct CheckResult: Sendable, Equatable {
    public var label: String
    /// Where the claim's label is written.
    public var location: SourceLocation
    /// The page's URL and the check's id on it.
    public var pageURL: String
    public var pageTitle: String
    /// The language of the page the claim is on (BCP 47, as in front matter): a list of every
    /// claim of the site gives each row its own `lang`.
    public var language: String
    public var anchor: String
    public var stated: String
    public var computed: String
    /// Signed: `+1.2%`, `−0.38 orders`, `+0.02`; "" for a bound.
    public var offBy: String
    public var tolerance: String
    public var verdict: String
    public var expected: String
    public var formula: String
    /// `models[PaLM].parameters = 540 billion params`, in the order read.
    public var inputs: [String]

    /// Whether the verdict is the one the report expects.
    public var isExpected: Bool { verdict == expected }
}

extension Claim {
    /// Judges the claim (CHECKS.md): off by = (stated − computed) ÷ computed, or
    /// log₁₀(stated ÷ computed) for a tolerance in orders; a stated range holds when the
    /// computed value lies in it widened by the tolerance; a bound when the computed value
    /// satisfies it. A computed range is compared by its point nearest to the stated value.
    ///
    /// - Returns: The result, or a diagnostic when the claim cannot be computed (a formula
    ///   error, a missing input, values of different dimensions): never a silent pass.
    struct Judgement {
        var verdict: Verdict
        var stated: String
        var computed: String
        var offBy: String
        var inputs: [String]
    }

    /// - Parameter follow: Adds to a trace the reads of the definitions it used.
    func judge(in scope: Scope, language: String, follow: (Trace) -> Void) throws(DiagnosticError) -> Judgement {
        let trace = Trace()
        let statedValue: Value
        let computedValue: Value
        do throws(FormulaError) {
            statedValue = try stated.evaluate(in: scope)
            computedValue = try computed.evaluate(in: scope, trace: trace)
            follow(trace)
        } catch {
            throw DiagnosticError(error.diagnostic)
        }
        let inputs = PageFormulas.inputs(trace.reads, language: language)
        guard let s = Self.interval(statedValue) else {
            throw DiagnosticError(.error("the stated value of “\(label)” is \(statedValue.typeName), not a number", at: stated.location))
        }
        guard let c = Self.interval(computedValue) else {
            let what = computedValue == .null ? "a missing value (an input is empty)" : "a \(computedValue.typeName)"
            throw DiagnosticError(.error("cannot compute “\(label)”: the formula gives \(what)", at: computed.location))
        }
        guard s.dimension == c.dimension else {
            throw DiagnosticError(.error("cannot compare “\(label)”: stated in \(s.unit.symbol), computed in \(c.unit.symbol)",
                                   at: computed.location))
        }
        let statedText = statedValue.formatted(language: language)
        let computedText = computedValue.formatted(language: language)
        if let bound {
            let holds: Bool
            switch bound {
            case .greater: holds = c.lower > s.upper
            case .greaterOrEqual: holds = c.lower >= s.upper
            case .less: holds = c.upper < s.lower
            case .lessOrEqual: holds = c.upper <= s.lower
            }
            return Judgement(verdict: holds ? .holds : .fails, stated: "\(bound.rawValue) \(statedText)",
                             computed: computedText, offBy: "", inputs: inputs)
        }
        // The nearest points of the two intervals (equal when they overlap).
        let (sPoint, cPoint): (Double, Double)
        if s.upper < c.lower { (sPoint, cPoint) = (s.upper, c.lower) }
        else if c.upper < s.lower { (sPoint, cPoint) = (s.lower, c.upper) }
        else { (sPoint, cPoint) = (0, 0) }
        let overlap = !(s.upper < c.lower || c.upper < s.lower)
        let holds: Bool
        let offBy: String
        switch tolerance {
        case .relative(let fraction):
            let off = overlap ? 0 : (sPoint - cPoint) / cPoint
            guard off.isFinite else {
                throw DiagnosticError(.error("cannot judge “\(label)” relatively: the computed value is 0", at: computed.location))
            }
            holds = abs(off) <= fraction * (1 + 1e-12)
            offBy = Self.signed(off * 100, decimals: abs(off) >= 0.1 ? 0 : 1) + "%"
        case .orders(let orders):
            guard overlap || (sPoint > 0 && cPoint > 0) else {
                throw DiagnosticError(.error("cannot judge “\(label)” in orders of magnitude: a value is not positive", at: computed.location))
            }
            let off = overlap ? 0 : log10(sPoint / cPoint)
            holds = abs(off) <= orders * (1 + 1e-12)
            offBy = Self.signed(off, decimals: 2) + " orders"
        case .absolute(let amount):
            let factor = s.unit.factor
            let off = overlap ? 0 : (sPoint - cPoint) / factor
            holds = abs(off) <= amount * (1 + 1e-12)
            offBy = Self.signed(off, decimals: abs(off) >= 1 ? 1 : 2)
        }
        return Judgement(verdict: holds ? .holds : .fails, stated: statedText, computed: computedText, offBy: offBy,
                         inputs: inputs)
    }

    /// A value as an interval in base units with its unit; nil for non-numbers.
    static func interval(_ value: Value) -> Quantity? {
        switch value {
        case .number(let number): return number.isFinite ? Quantity(number) : nil
        case .quantity(let quantity): return quantity
        default: return nil
        }
    }

    /// `+157`, `+1.2`, `−0.38` (a true minus sign) with `decimals` decimals; `0` when it
    /// rounds to zero.
    static func signed(_ value: Double, decimals: Int) -> String {
        let text = CFormat.string("%.\(decimals)f", abs(value))
        if Double(text) == 0 { return "0" }
        return (value < 0 ? "−" : "+") + text
    }
}
