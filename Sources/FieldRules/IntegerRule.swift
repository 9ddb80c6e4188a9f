/// What an integer field accepts, declared once for the server's check and the schema's
/// `minimum`/`maximum` or `enum` (see ``TextRule``).
public struct IntegerRule: Sendable, Hashable {
    public let minimum: Int?
    public let maximum: Int?
    /// The only values allowed, when the field is a choice (`expires_in_days`: 30, 60, …).
    public let allowedValues: [Int]?

    /// Values within inclusive bounds.
    public init(minimum: Int? = nil, maximum: Int? = nil) {
        precondition(minimum == nil || maximum == nil || minimum! <= maximum!, "an empty range allows nothing")
        self.minimum = minimum
        self.maximum = maximum
        allowedValues = nil
    }

    /// One of `values`.
    public init(oneOf values: [Int]) {
        precondition(!values.isEmpty, "an empty choice allows nothing")
        minimum = nil
        maximum = nil
        allowedValues = values
    }

    /// `true` when `value` is allowed.
    public func allows(_ value: Int) -> Bool {
        if let allowedValues { return allowedValues.contains(value) }
        return (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }

    /// What is allowed, in words: "zero or more", "1 to 10", "one of 30, 60, 90".
    public var description: String {
        if let allowedValues { return "one of " + allowedValues.map(String.init).joined(separator: ", ") }
        return switch (minimum, maximum) {
        case (0?, nil): "zero or more"
        case (let low?, nil): "at least \(low)"
        case (nil, let high?): "at most \(high)"
        case (let low?, let high?): "\(low) to \(high)"
        case (nil, nil): "any whole number"
        }
    }
}
