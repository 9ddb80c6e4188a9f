import AuthGateHummingbird
import Foundation
import PasswordHashing
import SchemaKit

/// An email and password, as the register and login APIs and `users create` take them.
struct Credentials: Decodable, Sendable {
    let email: String
    let password: String

    static let maximumEmailLength = 254
    static let minimumPasswordLength = 8
    /// What crypt(3) can hash, in bytes: one rule for registration, login and the hasher.
    static let maximumPasswordBytes = PasswordHasher.maximumPasswordBytes

    /// The email, trimmed and with a lower-cased domain, when it looks like an address.
    func validatedEmail() throws(ProblemError) -> String {
        let email = email.trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= Self.maximumEmailLength, parts.count == 2, !parts[0].isEmpty,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0.isNewline })
        else {
            throw ProblemError(.badRequest, code: "invalid_email", detail: "Enter a valid email address.")
        }
        return "\(parts[0])@\(parts[1].lowercased())"
    }

    /// What any password given to the API must be, at sign-up and at sign-in alike: at most
    /// ``maximumPasswordBytes`` bytes, and no NUL or other control character.
    func validatePasswordShape() throws(ProblemError) {
        if password.utf8.count > Self.maximumPasswordBytes {
            throw ProblemError(.badRequest, code: "password_too_long",
                               detail: "The password must be at most \(Self.maximumPasswordBytes) bytes.")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ProblemError(.badRequest, code: "invalid_password", detail: "The password cannot contain control characters.")
        }
    }

    /// Django's default validators, in short: long enough, not only digits, not the email.
    func validatePassword(for email: String) throws(ProblemError) {
        try validatePasswordShape()
        if password.count < Self.minimumPasswordLength {
            throw ProblemError(.badRequest, code: "password_too_short",
                           detail: "The password must be at least \(Self.minimumPasswordLength) characters.")
        }
        if password.allSatisfy(\.isNumber) {
            throw ProblemError(.badRequest, code: "password_entirely_numeric", detail: "The password cannot be entirely numeric.")
        }
        if password.lowercased() == email.lowercased() || password.lowercased() == email.split(separator: "@").first?.lowercased() {
            throw ProblemError(.badRequest, code: "password_too_similar", detail: "The password is too similar to the email.")
        }
    }
}

extension Credentials: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "email"].format = "email"
        schema[property: "password"].format = "password"
        schema[property: "password"].description = "At least \(minimumPasswordLength) characters, not only digits, not the email."
    }
}
