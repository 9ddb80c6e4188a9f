import AuthGateHummingbird
import FieldRules
import Foundation
import PasswordHashing
import SchemaKit

/// An email and password, as the register and login APIs and `users create` take them.
struct Credentials: Decodable, Sendable {
    let email: String
    let password: String

    /// 254 is the longest address SMTP carries.
    static let emailRule = TextRule(lengths: 3...254)
    /// At least 8 characters (Django's minimum), at most 127: four UTF-8 bytes each at most, so
    /// any password the rule allows fits crypt(3)'s limit (``PasswordHasher/maximumPasswordBytes``).
    /// Kept as typed: no trimming. The same rule at sign-up and sign-in.
    static let passwordRule = TextRule(lengths: 8...127, trims: false, requiresText: false)

    /// The email, trimmed and with a lower-cased domain, when it is an address in the common
    /// subset of RFC 5322 (dot-atoms of ASCII, a domain of LDH labels): every address it accepts
    /// is one a client's `format: email` validator accepts too.
    func validatedEmail() throws(ProblemError) -> String {
        guard case .success(let email) = Self.emailRule.validated(email), let at = email.lastIndex(of: "@"),
              Self.isDotAtom(email[..<at], maximumLength: 64), Self.isHostName(email[email.index(after: at)...])
        else {
            throw ProblemError(.badRequest, code: "invalid_email", detail: "Enter a valid email address.")
        }
        return email[..<at] + "@" + email[email.index(after: at)...].lowercased()
    }

    /// RFC 5322's dot-atom: atext characters in dot-separated, non-empty runs.
    private static func isDotAtom(_ text: Substring, maximumLength: Int) -> Bool {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        return (1...maximumLength).contains(text.count)
            && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(atext.contains) }
    }

    /// Two or more labels of letters, digits and inner hyphens, each at most 63 characters.
    private static func isHostName(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// What any password given to the API must be, at sign-up and at sign-in alike
    /// (``passwordRule``).
    func validatePasswordShape() throws(ProblemError) {
        switch Self.passwordRule.validated(password) {
        case .success: return
        case .failure(.length(let lengths)) where password.unicodeScalars.count < lengths.lowerBound:
            throw ProblemError(.badRequest, code: "password_too_short", detail: "The password must be at least \(lengths.lowerBound) characters.")
        case .failure(.length(let lengths)):
            throw ProblemError(.badRequest, code: "password_too_long", detail: "The password must be at most \(lengths.upperBound) characters.")
        case .failure(let violation):
            throw ProblemError(.badRequest, code: "invalid_password", detail: "The password \(violation).")
        }
    }

    /// The rule, then Django's other default validators in short: not only digits, not the email.
    /// (These two depend on the account, so the schema states them in words only.)
    func validatePassword(for email: String) throws(ProblemError) {
        try validatePasswordShape()
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
        schema.setExample(["email": "ada@example.com", "password": "correct horse battery"])
        schema[property: "email"].format = "email"
        schema[property: "email"].textRule = emailRule
        schema[property: "password"].format = "password"
        schema[property: "password"].textRule = passwordRule
        schema[property: "password"].description = "Not only digits, and not the email."
    }
}
