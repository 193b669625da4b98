import Diagnostics
import Foundation  // pow

/// Computes the value of a `Syntax` tree in a scope. Pure: it reads the scope and calls
/// functions from the scope's table, nothing else. Recursion is bounded by the parser's
/// depth limit, and there are no loops in the language, so evaluation always terminates.
struct Evaluator {
    let location: SourceLocation

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
        return value
    }

    /// `.field` of a record (`null` when missing) or of `null` (`null`); an error otherwise.
    func evaluateMember(_ base: Syntax, _ field: String, at node: Syntax, in scope: Scope) throws -> Value {
        switch try evaluate(base, in: scope) {
        case .record(let record): return record[field] ?? .null
        case .null: return .null
        case let other: throw error(.noFields(field, type: other.typeName), at: node)
        }
    }

    func evaluateIndex(_ base: Syntax, _ index: Syntax, at node: Syntax, in scope: Scope) throws -> Value {
        let container = try evaluate(base, in: scope)
        return try self.index(container, by: try evaluate(index, in: scope), at: node)
    }

    func evaluateNegation(_ operand: Syntax, at node: Syntax, in scope: Scope) throws -> Value {
        let value = try evaluate(operand, in: scope)
        guard case .number(let number) = value else {
            throw error(.invalidOperand("-", value.typeName), at: node)
        }
        return .number(-number)
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

    /// `list[i]` (negative counts from the end), `string[i]` (a character), `record["key"]`;
    /// out of range, a missing key, or any index of `null` gives `null`.
    func index(_ base: Value, by index: Value, at node: Syntax) throws -> Value {
        switch (base, index) {
        case (.null, _):
            return .null
        case (.record(let record), .string(let key)):
            return record[key] ?? .null
        case (.list(let items), .number(let number)):
            guard let i = try position(number, count: items.count, at: node) else { return .null }
            return items[i]
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
            return try function.call(arguments)
        } catch {
            throw self.error(.functionFailed(name, message: error.message), at: node)
        }
    }

    /// Arithmetic and comparison (not `and`/`or`, which short-circuit above).
    /// Quantities go here later: a `(.quantity, .quantity)` case per operator with the unit
    /// algebra from `Quantities` (and `.number` promoted to a dimensionless quantity).
    func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at node: Syntax) throws -> Value {
        switch (op, left, right) {
        case (.equal, _, _): return .bool(left == right)
        case (.notEqual, _, _): return .bool(left != right)
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
