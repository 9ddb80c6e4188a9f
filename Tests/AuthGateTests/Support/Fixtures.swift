import AuthGate
import Foundation
import KeyCore
import Synchronization

/// The schemes pegasusd accepts, in its order.
enum Schemes {
    static let apiKey = SecurityScheme(name: "ApiKeyAuth", location: .authorizationKeyword("Api-Key"), role: .apiKey)
    static let jwt = SecurityScheme(name: "jwtAuth", location: .bearer(format: "JWT"), role: .interactive)
    static let cookie = SecurityScheme(name: "cookieAuth", location: .cookie("sessionid"), role: .interactive)
    static let pat = SecurityScheme(name: "patAuth", location: .bearer(format: nil), role: .accessToken)
}

enum Users {
    static let alice = UserIdentity(id: "42", email: "alice@example.com")
    static let bob = UserIdentity(id: "7", email: "bob@example.com")
    static let admin = UserIdentity(id: "1", email: "admin@example.com", isAdmin: true)
}

extension Denial {
    /// A 403 with its own code, to tell denials apart.
    static func forbidden(_ code: String) -> Denial { Denial(.forbidden, code: code, message: "No (\(code)).") }

    /// A 401 with its own code.
    static func unauthenticated(_ code: String) -> Denial { Denial(.unauthenticated, code: code, message: "Sign in (\(code)).") }

    /// What a refused credential answers.
    static let failed = Denial(
        .unauthenticated, code: Denial.Codes.authenticationFailed, message: "Invalid credential.", isCredentialFailure: true)
}

extension CredentialCheck {
    /// The public denial of a rejected credential, ignoring the log-only reason.
    var rejection: Denial? {
        if case .rejected(let denial, _) = self { denial } else { nil }
    }

    /// The log-only reason of a rejected credential.
    var rejectionReason: String? {
        if case .rejected(_, let reason) = self { reason } else { nil }
    }
}

/// A key record as a principal carries it, without a store.
func keyRecord(_ type: KeyType = .apiKey, owner: KeyOwner? = KeyOwner(.user, "42"), scopes: [String] = []) -> KeyRecord {
    KeyRecord(
        id: "3b241101-e2bb-4255-8caf-4136c566a962", type: type, lookupID: "AbCdEfGh1234", name: "test",
        owner: owner, scopes: scopes, createdAt: Date(timeIntervalSince1970: 1_800_000_000))
}

/// A request with `method` whose credentials are answered by `authenticators`.
func makeRequest(_ method: String = "GET", _ authenticators: [any Authenticator] = []) -> AuthRequest {
    AuthRequest(facts: RequestFacts(method: method, path: "/api/items/"), authenticators: authenticators)
}

/// A request from a signed-in `user` (through the JWT scheme).
func signedInRequest(_ method: String = "GET", as user: UserIdentity = Users.alice) -> AuthRequest {
    makeRequest(method, [StubAuthenticator(Schemes.jwt, .authenticated(.user(user)))])
}

/// Users by id.
struct StubDirectory: UserDirectory {
    let users: [UserIdentity]

    func user(id: String) async throws -> UserIdentity? { users.first { $0.id == id } }
}

/// Sessions by cookie value.
struct StubSessions: SessionResolver {
    let sessions: [String: ResolvedSession]

    func session(forCookie value: String) async throws -> ResolvedSession? { sessions[value] }
}

/// Bearer tokens by text.
struct StubTokens: BearerTokenVerifier {
    let tokens: [String: UserIdentity]

    func user(forToken token: String) async throws -> UserIdentity? { tokens[token] }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
}
