/// Why a password could not be hashed: a NUL byte in it, or settings libxcrypt refuses.
public struct PasswordHashingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "password hashing failed: \(reason)" }
}
