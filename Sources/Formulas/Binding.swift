/// A named expression, as written in a template's `r:let="name = expression"`.
public struct Binding: Sendable {
    /// The name the value is bound to in the element's scope.
    public let name: String
    /// The expression computing the value.
    public let expression: Expression

    public init(name: String, expression: Expression) {
        self.name = name
        self.expression = expression
    }
}
