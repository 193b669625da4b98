import Diagnostics
import Foundation  // pow
import Quantities

/// Computes the value of a `Syntax` tree in a scope. Pure: it reads the scope and calls
/// functions from the scope's table, nothing else. Recursion is bounded by the parser's
/// depth limit, and there are no loops in the language, so evaluation always terminates.
struct Evaluator {
    let location: SourceLocation
    /// Where reads of table rows and tables are recorded, when asked for.
    var trace: Trace? = nil

    func error(_ reason: FormulaError.Reason, at node: Syntax) -> FormulaError {
        FormulaError(reason, at: location.advanced(by: node.offset))
    }

    /// Dispatches on the node's kind. Kept thin, with each kind's work in its own function:
    /// this frame is on the stack once per level of nesting, and debug builds give every
    /// temporary of every case its own slot.
    func evaluate(_ node: Syntax, in scope: Scope) throws -> Value {
        switch node.kind {
        case .literal(let value): value
        case .list(let items): try evaluateList(items, in: scope)
        case .name(let name): try lookUp(name, at: node, in: scope)
        case .member(let base, let field): try evaluateMember(base, field, at: node, in: scope)
        case .index(let base, let index): try evaluateIndex(base, index, at: node, in: scope)
        case .call(let name, let arguments): try call(name, arguments, at: node, in: scope)
        case .negate(let operand): try evaluateNegation(operand, at: node, in: scope)
        case .not(let operand): .bool(try !evaluate(operand, in: scope).isTruthy)
        case .binary(let op, let left, let right): try evaluateBinary(op, left, right, at: node, in: scope)
        case .conditional(let condition, let whenTrue, let whenFalse):
            try evaluateConditional(condition, whenTrue, whenFalse, in: scope)
        case .convert(let operand, let unit): try convert(operand, to: unit, at: node, in: scope)
        }
    }

    func evaluateList(_ items: [Syntax], in scope: Scope) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try evaluate(item, in: scope)) }
        return .list(values)
    }

    func lookUp(_ name: String, at node: Syntax, in scope: Scope) throws -> Value {
        guard let value = scope.value(of: name) else {
            throw error(.unknownName(name, suggestion: name.closest(among: scope.names)), at: node)
        }
        trace?.lookedUp(name)
        if let trace, case .list(let rows) = value, case .record(let first)? = rows.first, first.origin != nil {
            trace.record(name, .string("table of \(rows.count) rows"))
        }
        return value
    }

    /// `.field` of a record (`null` when missing) or of `null` (`null`); an error otherwise.
    func evaluateMember(_ base: Syntax, _ field: String, at node: Syntax, in scope: Scope) throws -> Value {
        switch try evaluate(base, in: scope) {
        case .record(let record):
            let value = record[field] ?? .null
            if let trace, let origin = record.origin { trace.record("\(origin).\(field)", value) }
            return value
        case .null: return .null
        case let other: throw error(.noFields(field, type: other.typeName), at: node)
        }
    }

    func evaluateIndex(_ base: Syntax, _ index: Syntax, at node: Syntax, in scope: Scope) throws -> Value {
        let container = try evaluate(base, in: scope)
        return try self.index(container, by: try evaluate(index, in: scope), at: node)
    }

    /// `-x` of a number or quantity; `null` stays `null` (a missing value propagates).
    func evaluateNegation(_ operand: Syntax, at node: Syntax, in scope: Scope) throws -> Value {
        switch try evaluate(operand, in: scope) {
        case .number(let number): return .number(-number)
        case .quantity(let quantity): return Value(quantity.negated())
        case .null: return .null
        case let value: throw error(.invalidOperand("-", value.typeName), at: node)
        }
    }

    /// `x | in unit`: the same value shown in `unit`; `null` stays `null`.
    func convert(_ operand: Syntax, to unit: Quantities.Unit, at node: Syntax, in scope: Scope) throws -> Value {
        let quantity: Quantity
        switch try evaluate(operand, in: scope) {
        case .number(let number): quantity = Quantity(number)
        case .quantity(let value): quantity = value
        case .null: return .null
        case let value: throw error(.invalidOperand("in", value.typeName), at: node)
        }
        do {
            return Value(try quantity.converted(to: unit))
        } catch {
            throw self.error(.quantity(error.reason), at: node)
        }
    }

    /// `and`/`or` evaluate the right side only when needed and give booleans.
    func evaluateBinary(
        _ op: BinaryOperator, _ left: Syntax, _ right: Syntax, at node: Syntax, in scope: Scope
    ) throws -> Value {
        switch op {
        case .and:
            guard try evaluate(left, in: scope).isTruthy else { return .bool(false) }
            return .bool(try evaluate(right, in: scope).isTruthy)
        case .or:
            if try evaluate(left, in: scope).isTruthy { return .bool(true) }
            return .bool(try evaluate(right, in: scope).isTruthy)
        default:
            let a = try evaluate(left, in: scope)
            return try apply(op, a, try evaluate(right, in: scope), at: node)
        }
    }

    func evaluateConditional(
        _ condition: Syntax, _ whenTrue: Syntax, _ whenFalse: Syntax, in scope: Scope
    ) throws -> Value {
        try evaluate(try evaluate(condition, in: scope).isTruthy ? whenTrue : whenFalse, in: scope)
    }

    /// `list[i]` (negative counts from the end), `string[i]` (a character), `record["key"]`,
    /// `table["key"]` (a list of records: the first row whose first field equals the key, see
    /// `Value.row(forKey:)`); out of range, a missing key, or any index of `null` gives `null`.
    func index(_ base: Value, by index: Value, at node: Syntax) throws -> Value {
        switch (base, index) {
        case (.null, _):
            return .null
        case (.record(let record), .string(let key)):
            let value = record[key] ?? .null
            if let trace, let origin = record.origin { trace.record("\(origin).\(key)", value) }
            return value
        case (.list(let items), .number(let number)):
            guard let i = try position(number, count: items.count, at: node) else { return .null }
            return items[i]
        case (.list(let rows), .string(let key)) where rows.allSatisfy(\.isRecordOrNull):
            if let row = Value.row(in: rows, forKey: index, column: nil) { return row }
            // A data table (its rows have an origin): a key that names no row is a mistake.
            if case .record(let first)? = rows.first, let origin = first.origin,
               let table = origin.split(separator: "[").first.map(String.init) {
                let keys = rows.compactMap { row -> String? in
                    guard case .record(let record) = row, let name = record.keys.first, case .string(let text)? = record[name] else { return nil }
                    return text
                }
                let suggestion = key.closest(among: keys) ?? keys.first { $0.lowercased().hasPrefix(key.lowercased()) }
                throw error(.unknownRow(key, table: table, suggestion: suggestion), at: node)
            }
            return .null
        case (.string(let text), .number(let number)):
            guard let i = try position(number, count: text.count, at: node) else { return .null }
            return .string(String(text[text.index(text.startIndex, offsetBy: i)]))
        default:
            throw error(.invalidIndex(type: base.typeName, index: index.typeName), at: node)
        }
    }

    private func position(_ number: Double, count: Int, at node: Syntax) throws -> Int? {
        guard number == number.rounded(), number.isFinite else { throw error(.fractionalIndex(number), at: node) }
        guard abs(number) <= Double(count) else { return nil }
        let i = number < 0 ? count + Int(number) : Int(number)
        return i < count ? i : nil
    }

    func call(_ name: String, _ argumentNodes: [Syntax], at node: Syntax, in scope: Scope) throws -> Value {
        guard let function = scope.functions[name] else {
            throw error(.unknownFunction(name, suggestion: name.closest(among: scope.functions.names)), at: node)
        }
        guard function.arity.contains(argumentNodes.count) else {
            throw error(.wrongArgumentCount(name, expected: function.arity, found: argumentNodes.count), at: node)
        }
        var arguments: [Value] = []
        for argument in argumentNodes { arguments.append(try evaluate(argument, in: scope)) }
        do {
            return try function.call(arguments, context: FunctionContext(language: scope.language))
        } catch {
            throw self.error(.functionFailed(name, message: error.message), at: node)
        }
    }

    /// Arithmetic and comparison (not `and`/`or`, which short-circuit above).
    ///
    /// A `null` operand of arithmetic or of `< <= > >=` gives `null`: a missing value
    /// propagates (and prints as "n/a" through the formatters). Numbers compute as Doubles;
    /// when either side is a quantity, both are (a number is a dimensionless quantity) and the
    /// unit algebra and interval arithmetic of `Quantities` apply, with their errors at the
    /// operator ("cannot add USD and FLOP").
    func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at node: Syntax) throws -> Value {
        switch (op, left, right) {
        case (.equal, _, _): return .bool(left == right)
        case (.notEqual, _, _): return .bool(left != right)
        case (_, .null, _), (_, _, .null): return .null
        case (_, .quantity, .quantity), (_, .quantity, .number), (_, .number, .quantity):
            return try applyToQuantities(op, left, right, at: node)
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (_, .number(let a), .number(let b)):
            switch op {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide, .remainder:
                guard b != 0 else { throw error(.divisionByZero, at: node) }
                return .number(op == .divide ? a / b : a.truncatingRemainder(dividingBy: b))
            case .power: return .number(pow(a, b))
            case .less: return .bool(a < b)
            case .lessOrEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterOrEqual: return .bool(a >= b)
            case .and, .or, .equal, .notEqual: break
            }
        case (_, .string(let a), .string(let b)) where op.isComparison:
            let order = Evaluator.compareScalars(a, b)
            switch op {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            case .greaterOrEqual: return .bool(order >= 0)
            default: break
            }
        default: break
        }
        throw error(.invalidOperands(op.rawValue, left.typeName, right.typeName), at: node)
    }

    func applyToQuantities(_ op: BinaryOperator, _ left: Value, _ right: Value, at node: Syntax) throws -> Value {
        guard let a = left.asQuantity, let b = right.asQuantity else {
            throw error(.invalidOperands(op.rawValue, left.typeName, right.typeName), at: node)
        }
        do {
            switch op {
            case .add: return Value(try a.adding(b))
            case .subtract: return Value(try a.subtracting(b))
            case .multiply: return Value(try a.multiplied(by: b))
            case .divide: return Value(try a.divided(by: b))
            case .power: return Value(try a.raised(to: b))
            case .less: return .bool(try a.compare(.less, b))
            case .lessOrEqual: return .bool(try a.compare(.lessOrEqual, b))
            case .greater: return .bool(try a.compare(.greater, b))
            case .greaterOrEqual: return .bool(try a.compare(.greaterOrEqual, b))
            case .remainder, .and, .or, .equal, .notEqual: break
            }
        } catch {
            throw self.error(.quantity(error.reason), at: node)
        }
        throw error(.invalidOperands(op.rawValue, left.typeName, right.typeName), at: node)
    }

    /// Orders strings by Unicode scalar values: -1, 0 or 1.
    static func compareScalars(_ a: String, _ b: String) -> Int {
        var x = a.unicodeScalars.makeIterator(), y = b.unicodeScalars.makeIterator()
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let p?, let q?) where p != q: return p.value < q.value ? -1 : 1
            default: continue
            }
        }
    }
}
