/// What an integer field accepts, declared once for the server's check and the schema's
/// `minimum`/`maximum` (see ``TextRule``).
public struct IntegerRule: Sendable, Hashable {
    public let minimum: Int?
    public let maximum: Int?

    public init(minimum: Int? = nil, maximum: Int? = nil) {
        precondition(minimum == nil || maximum == nil || minimum! <= maximum!, "an empty range allows nothing")
        self.minimum = minimum
        self.maximum = maximum
    }

    /// `true` when `value` is within the bounds.
    public func allows(_ value: Int) -> Bool {
        (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }

    /// The bounds in words: "zero or more", "1 to 10", "at most 5".
    public var description: String {
        switch (minimum, maximum) {
        case (0?, nil): "zero or more"
        case (let low?, nil): "at least \(low)"
        case (nil, let high?): "at most \(high)"
        case (let low?, let high?): "\(low) to \(high)"
        case (nil, nil): "any whole number"
        }
    }
}
