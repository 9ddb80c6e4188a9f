import AuthGate
import KeyCore
import Synchronization
import Testing

/// A mutex-guarded value, for test permissions that record what they saw.
final class Synchronized<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func get() -> Value { mutex.withLock { $0 } }
    func set(_ value: Value) { mutex.withLock { $0 = value } }
}

/// The credentials one request presents: maybe a session, maybe an API key, on GET or POST.
struct CredentialMix: Sendable, CustomTestStringConvertible {
    enum Session: Sendable, CaseIterable { case none, alice, admin }
    enum Key: Sendable, CaseIterable { case none, bobs, alices, team }

    let session: Session
    let key: Key
    let method: String

    static let all: [CredentialMix] = Session.allCases.flatMap { session in
        Key.allCases.flatMap { key in ["GET", "POST"].map { CredentialMix(session: session, key: key, method: $0) } }
    }

    var testDescription: String { "session \(session), key \(key), \(method)" }

    var sessionUser: UserIdentity? {
        switch session {
        case .none: nil
        case .alice: Users.alice
        case .admin: Users.admin
        }
    }

    var keyPrincipal: Principal? {
        switch key {
        case .none: nil
        case .bobs: .apiKey(keyRecord(owner: KeyOwner(.user, "7")), user: Users.bob)
        case .alices: .apiKey(keyRecord(owner: KeyOwner(.user, "42")), user: Users.alice)
        case .team: .apiKey(keyRecord(owner: KeyOwner(.team, "acme")), user: nil)
        }
    }

    func request() -> AuthRequest {
        makeRequest(method, [
            StubAuthenticator(Schemes.cookie, sessionUser.map { .authenticated(.user($0)) } ?? .absent),
            StubAuthenticator(Schemes.apiKey, keyPrincipal.map { .authenticated($0) } ?? .absent),
        ])
    }
}

/// Compositions of the built-ins, as data, so the model can read them.
indirect enum Expression: Sendable, CustomStringConvertible {
    case isAuthenticated, isAdminUser, hasAPIKey, hasUserAPIKey, allowAny, readOnly
    case or(Expression, Expression), and(Expression, Expression), not(Expression)

    static let leaves: [Expression] = [.isAuthenticated, .isAdminUser, .hasAPIKey, .hasUserAPIKey, .allowAny, .readOnly]

    /// Leaves and their negations on one side; any leaf, negation or pair on the other; both
    /// operators, both orders.
    static let generated: [Expression] = {
        let small = leaves + leaves.map { .not($0) }
        let pairs = leaves.flatMap { left in leaves.flatMap { right in [Expression.or(left, right), .and(left, right)] } }
        let level1 = small + pairs
        let level2 = small.flatMap { left in
            level1.flatMap { right in [Expression.or(left, right), .and(left, right), .or(right, left), .and(right, left)] }
        }
        return level1 + level1.map { .not($0) } + level2
    }()

    var permission: any Permission {
        switch self {
        case .isAuthenticated: IsAuthenticated()
        case .isAdminUser: IsAdminUser()
        case .hasAPIKey: HasAPIKey()
        case .hasUserAPIKey: HasUserAPIKey()
        case .allowAny: AllowAny()
        case .readOnly: ReadOnly()
        case .or(let left, let right): left.permission | right.permission
        case .and(let left, let right): left.permission & right.permission
        case .not(let inner): !inner.permission
        }
    }

    var description: String {
        switch self {
        case .isAuthenticated: "IsAuthenticated"
        case .isAdminUser: "IsAdminUser"
        case .hasAPIKey: "HasAPIKey"
        case .hasUserAPIKey: "HasUserAPIKey"
        case .allowAny: "AllowAny"
        case .readOnly: "ReadOnly"
        case .or(let left, let right): "(\(left) | \(right))"
        case .and(let left, let right): "(\(left) & \(right))"
        case .not(let inner): "!\(inner)"
        }
    }
}

/// The rules of who acts, written plainly over ``Expression`` — the specification the algebra
/// is checked against:
/// - a credential permission allows on its credential's principal;
/// - `AllowAny`, `ReadOnly` and `!x` allow on no principal;
/// - `a | b` is `a`'s answer if `a` allows, else `b`'s;
/// - `a & b` allows when both do, on the first principal named, unless they name different
///   parties (then it denies).
enum Model {
    enum Outcome: Equatable, CustomStringConvertible {
        case denied
        /// Allowed, acting for this party: a user id, a key id for keys without a user, or
        /// `nil` when no credential decided.
        case allowed(party: String?)

        init(_ decision: Decision) {
            switch decision {
            case .deny: self = .denied
            case .allow(let principal): self = .allowed(party: principal.map(Model.party))
            }
        }

        var description: String {
            switch self {
            case .denied: "denied"
            case .allowed(let party): "allowed as \(party ?? "nobody")"
            }
        }
    }

    static func party(_ principal: Principal) -> String {
        principal.user.map { "user \($0.id)" } ?? "key \(principal.keyRecord?.id ?? "?")"
    }

    static func decide(_ expression: Expression, _ mix: CredentialMix) -> Outcome {
        let session = mix.sessionUser.map { party(.user($0)) }
        let key = mix.keyPrincipal.map(party)
        switch expression {
        case .isAuthenticated: return session.map { .allowed(party: $0) } ?? .denied
        case .isAdminUser: return mix.sessionUser?.isAdmin == true ? .allowed(party: session) : .denied
        case .hasAPIKey: return key.map { .allowed(party: $0) } ?? .denied
        case .hasUserAPIKey: return mix.keyPrincipal?.user != nil ? .allowed(party: key) : .denied
        case .allowAny: return .allowed(party: nil)
        case .readOnly: return mix.method == "GET" ? .allowed(party: nil) : .denied
        case .not(let inner): return decide(inner, mix) == .denied ? .allowed(party: nil) : .denied
        case .or(let left, let right):
            let first = decide(left, mix)
            return first == .denied ? decide(right, mix) : first
        case .and(let left, let right):
            guard case .allowed(let first) = decide(left, mix), case .allowed(let second) = decide(right, mix) else { return .denied }
            switch (first, second) {
            case (nil, _): return .allowed(party: second)
            case (_, nil): return .allowed(party: first)
            default: return first == second ? .allowed(party: first) : .denied
            }
        }
    }
}
