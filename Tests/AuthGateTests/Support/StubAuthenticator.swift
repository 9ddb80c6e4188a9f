import AuthGate
import Synchronization

/// Counts calls across copies of the value that holds it.
final class CallCounter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func increment() { count.withLock { $0 += 1 } }
}

/// An authenticator with a fixed answer that counts how often it was asked.
struct StubAuthenticator: Authenticator {
    let scheme: SecurityScheme
    let answer: CredentialCheck
    let calls = CallCounter()

    init(_ scheme: SecurityScheme, _ answer: CredentialCheck) {
        self.scheme = scheme
        self.answer = answer
    }

    func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck {
        calls.increment()
        return answer
    }
}

/// A permission with fixed request- and object-level answers that counts how often each is asked.
struct StubPermission: Permission {
    let requestDecision: Decision
    let objectDecision: Decision
    let requestCalls = CallCounter()
    let objectCalls = CallCounter()

    init(_ requestDecision: Decision, object objectDecision: Decision = .allow(on: nil)) {
        self.requestDecision = requestDecision
        self.objectDecision = objectDecision
    }

    /// Allows (or denies with a 403 of its own) the request; the object is allowed.
    init(allows: Bool) {
        self.init(allows ? .allow(on: nil) : .deny(.forbidden("stub_denied")))
    }

    /// Allows the request; allows the object or denies it with a 403 of its own.
    init(allowsObject: Bool) {
        self.init(.allow(on: nil), object: allowsObject ? .allow(on: nil) : .deny(.forbidden("stub_object_denied")))
    }

    func evaluate(_ request: AuthRequest) async throws -> Decision {
        requestCalls.increment()
        return requestDecision
    }

    func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        objectCalls.increment()
        return objectDecision
    }

    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}
