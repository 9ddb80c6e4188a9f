import AuthGate
import AuthGateHummingbird
import Foundation
import JWTKit

/// Issues and checks the login API's JWTs (HS256): short-lived access tokens and rotating
/// refresh tokens.
///
/// Every refresh token is recorded by its `jti` in a family that starts at sign-in. Refreshing
/// marks the token used and issues the next one of the family; presenting a used token again
/// means it was copied, so the whole family is revoked (refresh-token reuse detection). A family
/// ends ``familyLifetime`` after its sign-in however often it is refreshed: a stolen refresh
/// token cannot be kept alive for ever.
struct TokenIssuer: BearerTokenVerifier {
    let database: AppDatabase
    let accounts: AccountStore
    let keys: JWTKeyCollection
    let accessLifetime: TimeInterval
    let refreshLifetime: TimeInterval
    /// How long after its sign-in a refresh family can last.
    let familyLifetime: TimeInterval

    struct Claims: JWTPayload {
        enum Kind: String, Codable { case access, refresh }

        var sub: SubjectClaim
        var exp: ExpirationClaim
        var iat: IssuedAtClaim
        var jti: IDClaim
        var typ: Kind
        /// The refresh family (refresh tokens only).
        var fam: String?
        /// When the family started: its sign-in, in Unix seconds (refresh tokens only).
        var fst: Int?

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
        }
    }

    /// 400, as OAuth 2's token endpoint answers a bad grant (RFC 6749 §5.2): the request is
    /// wrong, not its authentication, so no 401 challenge applies.
    static let invalidRefresh = ProblemError(.badRequest, code: "invalid_refresh_token", detail: "The refresh token is invalid, expired or already used.")

    /// A signing key from `secret` (at least 32 bytes).
    static func keyCollection(secret: [UInt8]) async -> JWTKeyCollection {
        await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// A new access and refresh token for `user`, starting a new refresh family.
    func issue(for user: UserAccount) async throws -> TokenPair {
        try await issue(for: user.id, family: UUID().uuidString.lowercased(), startedAt: nil)
    }

    /// Exchanges a refresh token for a new pair. A used or revoked token revokes its family.
    func refresh(_ token: String) async throws -> TokenPair {
        guard let claims = try? await keys.verify(token, as: Claims.self), claims.typ == .refresh, let family = claims.fam else {
            throw Self.invalidRefresh
        }
        let now = Date()
        let jti = claims.jti.value
        let accepted = try await database.write { db -> Bool in
            // Marking it used is the check: of two instances refreshing the same token at once,
            // one changes the row and the other, finding it used, revokes the family.
            if try await db.execute("UPDATE refresh_token SET used_at = ? WHERE jti = ? AND used_at IS NULL AND revoked_at IS NULL", [now, jti]) > 0 {
                return true
            }
            try await db.execute("UPDATE refresh_token SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL", [now, family])
            return false
        }
        guard accepted, try await accounts.account(id: claims.sub.value) != nil else { throw Self.invalidRefresh }
        return try await issue(for: claims.sub.value, family: family, startedAt: claims.fst ?? Int(claims.iat.value.timeIntervalSince1970))
    }

    /// Revokes the family of `token` (sign-out). Unknown or invalid tokens are ignored: signing
    /// out must always succeed.
    func revoke(_ token: String) async throws {
        guard let claims = try? await keys.verify(token, as: Claims.self), let family = claims.fam else { return }
        try await database.write { db in
            try await db.execute("UPDATE refresh_token SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL", [Date(), family])
        }
    }

    func user(forToken token: String) async throws -> UserIdentity? {
        guard let claims = try? await keys.verify(token, as: Claims.self), claims.typ == .access else { return nil }
        return try await accounts.user(id: claims.sub.value)
    }

    /// An access token alone, for a browser's sign-in: its session cookie stands in for a refresh
    /// token, which page scripts could read.
    func accessToken(for user: UserAccount) async throws -> String {
        try await accessToken(for: user.id, at: Self.wholeSecondNow())
    }

    private func accessToken(for userID: String, at now: Date) async throws -> String {
        let claims = Claims(
            sub: .init(value: userID), exp: .init(value: now.addingTimeInterval(accessLifetime)), iat: .init(value: now),
            jti: .init(value: UUID().uuidString.lowercased()), typ: .access, fam: nil, fst: nil)
        return try await keys.sign(claims)
    }

    /// Whole seconds: JWT NumericDates with fractions trip up some client libraries.
    private static func wholeSecondNow() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// - Parameter startedAt: the family's sign-in (Unix seconds), or `nil` for a new family.
    private func issue(for userID: String, family: String, startedAt: Int?) async throws -> TokenPair {
        let now = Self.wholeSecondNow()
        let familyStart = startedAt ?? Int(now.timeIntervalSince1970)
        let refreshID = UUID().uuidString.lowercased()
        let refreshExpiry = min(
            now.addingTimeInterval(refreshLifetime), Date(timeIntervalSince1970: TimeInterval(familyStart) + familyLifetime))
        try await database.write { db in
            try await db.execute(
                "INSERT INTO refresh_token (jti, family, user_id, expires_at) VALUES (?, ?, ?, ?)", [refreshID, family, userID, refreshExpiry])
            try await db.execute("DELETE FROM refresh_token WHERE expires_at < ?", [now])
        }
        let refresh = Claims(
            sub: .init(value: userID), exp: .init(value: refreshExpiry), iat: .init(value: now),
            jti: .init(value: refreshID), typ: .refresh, fam: family, fst: familyStart)
        return TokenPair(access: try await accessToken(for: userID, at: now), refresh: try await keys.sign(refresh))
    }
}

/// A new access token and the next refresh token of its family.
struct TokenPair: Codable {
    let access: String
    let refresh: String
}
