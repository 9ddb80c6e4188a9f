/// A permission's answer for one request (or one object).
public enum Decision: Hashable, Sendable {
    case allow
    case deny(Denial)

    public var isAllowed: Bool { self == .allow }

    /// The denial, or `nil` when allowed.
    public var denial: Denial? {
        if case .deny(let denial) = self { denial } else { nil }
    }
}
