import Foundation
import KeyCore

/// Gives keys imported from djangorestframework-api-key pegasusd owners: a Django user id is
/// matched to its email (from Django's user table, or a mapping file), and the email to the
/// pegasusd account that has it.
struct DjangoUserMapping {
    /// Django user id → email.
    let emails: [String: String]

    /// A key whose Django owner has no pegasusd user, and why.
    struct Unmapped {
        let key: StoredKey
        let djangoUser: String
        let reason: String

        var description: String { "key \(key.record.lookupID) of Django user \(djangoUser) (\(reason))" }
    }

    /// Reads a mapping file: one `DJANGO_USER_ID,EMAIL` per line; blank lines and lines starting
    /// with `#` are skipped.
    static func emails(inFile path: String) throws -> [String: String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandError("cannot read the user map \(path): \(CommandError.reason(error))")
        }
        var emails: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, !fields[0].isEmpty, fields[1].contains("@") else {
                throw CommandError("\(path), line \(number + 1): expected DJANGO_USER_ID,EMAIL")
            }
            emails[fields[0]] = fields[1]
        }
        return emails
    }

    /// `keys` with each Django user owner replaced by the pegasusd user it maps to, and those
    /// whose owner maps to none. Keys owned by no one or by a team are kept as they are.
    func apply(to keys: [StoredKey], accounts: AccountStore) async throws -> (mapped: [StoredKey], unmapped: [Unmapped]) {
        var mapped: [StoredKey] = [], unmapped: [Unmapped] = []
        for key in keys {
            guard let owner = key.record.owner, owner.kind == .user else {
                mapped.append(key)
                continue
            }
            guard let email = emails[owner.id] else {
                unmapped.append(Unmapped(key: key, djangoUser: owner.id, reason: "no email known"))
                continue
            }
            guard let account = try await accounts.account(email: email) else {
                unmapped.append(Unmapped(key: key, djangoUser: owner.id, reason: "no pegasusd user \(email)"))
                continue
            }
            var owned = key
            owned.record.owner = KeyOwner(.user, account.id)
            mapped.append(owned)
        }
        return (mapped, unmapped)
    }
}
