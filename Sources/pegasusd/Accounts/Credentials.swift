import AuthGateHummingbird
import Foundation
import SchemaKit

/// An email and password, as the register and login APIs and `users create` take them.
struct Credentials: Decodable, Sendable {
    let email: String
    let password: String

    static let maximumEmailLength = 254
    static let minimumPasswordLength = 8
    /// crypt(3) reads at most this much meaningfully; longer input is a mistake or an attack.
    static let maximumPasswordLength = 1024

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

    /// Django's default validators, in short: long enough, not only digits, not the email.
    func validatePassword(for email: String) throws(ProblemError) {
        if password.count < Self.minimumPasswordLength {
            throw ProblemError(.badRequest, code: "password_too_short",
                           detail: "The password must be at least \(Self.minimumPasswordLength) characters.")
        }
        if password.utf8.count > Self.maximumPasswordLength {
            throw ProblemError(.badRequest, code: "password_too_long",
                           detail: "The password must be at most \(Self.maximumPasswordLength) bytes.")
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
