/// The schemes a server accepts and the answers it gives when a permission denies.
///
/// ```swift
/// let gate = Gatekeeper(authenticators: [sessionAuth, jwtAuth, APIKeyAuthenticator(keys: keys, users: users)])
/// do {
///     let auth = try await gate.authorize(gate.request(for: facts), by: IsAuthenticated() | HasUserAPIKey())
///     let user = auth.user   // the user of the credential that decided
/// } catch let refusal as Refusal {
///     // answer refusal.status with refusal.challenges and refusal.problem as JSON
/// }
/// ```
public struct Gatekeeper: Sendable {
    /// Tried in this order where several of one role could answer (two interactive schemes, say).
    public let authenticators: [any Authenticator]
    /// The `realm` of `WWW-Authenticate` challenges.
    public let realm: String
    /// Handed to every request as ``AuthRequest/context``, for permissions that need the
    /// application's data.
    public let context: (any Sendable)?

    public init(authenticators: [any Authenticator], realm: String = "pegasus", context: (any Sendable)? = nil) {
        self.authenticators = authenticators
        self.realm = realm
        self.context = context
    }

    /// Every scheme the server accepts, for security descriptions and the schema.
    public var schemes: [SecurityScheme] { authenticators.map(\.scheme) }

    /// A fresh per-request view of `facts`; its credentials are verified lazily.
    public func request(for facts: RequestFacts) -> AuthRequest {
        AuthRequest(facts: facts, authenticators: authenticators, context: context)
    }

    /// Decides `permission` for `request`.
    /// - Returns: the ``Authorization``: who the decision allowed on, and the way to object checks.
    /// - Throws: the ``Refusal`` to send when the permission denies; an authenticator's error when
    ///   a credential could not be checked (its store is down).
    public func authorize(_ request: AuthRequest, by permission: any Permission) async throws -> Authorization {
        switch try await permission.evaluate(request) {
        case .allow(let principal):
            return Authorization(request: request.on(principal), permission: permission, gatekeeper: self)
        case .deny(let denial):
            throw await refusal(for: denial, of: request, by: permission)
        }
    }

    /// The answer to `denial`: 401 with a challenge for each scheme `permission` accepts on
    /// this method (marked `error="invalid_token"` where that scheme's credential failed), or
    /// 403, with a Bearer `insufficient_scope` challenge when scopes are missing.
    public func refusal(for denial: Denial, of request: AuthRequest, by permission: any Permission) async -> Refusal {
        var challenges: [String] = []
        switch denial.status {
        case .unauthenticated:
            let refused = await request.refusals()
            let accepted = permission.securityAlternatives(for: request.facts.method, schemes: schemes).schemeNames
            // One challenge per scheme word (a JWT and a PAT are both "Bearer"), marked failed
            // if any credential behind it failed.
            var words: [(word: String, parameters: String, failed: Bool)] = []
            for scheme in schemes where accepted.contains(scheme.name) {
                guard let (word, parameters) = challenge(for: scheme) else { continue }
                let failed = refused[scheme.name] != nil
                if let index = words.firstIndex(where: { $0.word == word }) {
                    words[index].failed = words[index].failed || failed
                } else {
                    words.append((word, parameters, failed))
                }
            }
            challenges = words.map { #"\#($0.word) realm="\#(realm)"\#($0.parameters)\#($0.failed ? #", error="invalid_token""# : "")"# }
        case .forbidden:
            if !denial.missingScopes.isEmpty {
                challenges.append(#"Bearer realm="\#(realm)", error="insufficient_scope", scope="\#(denial.missingScopes.joined(separator: " "))""#)
            }
        }
        let problem = ProblemDetails(status: denial.status.rawValue, code: denial.code, detail: denial.message)
        return Refusal(problem: problem, challenges: challenges)
    }

    /// The auth-scheme word and extra parameters of `scheme`'s challenge. A cookie is not an
    /// HTTP authentication scheme (RFC 9110 §11.6.1), so it gets none.
    private func challenge(for scheme: SecurityScheme) -> (word: String, parameters: String)? {
        switch scheme.location {
        case .authorizationKeyword(let keyword): (keyword, "")
        case .header(let name): ("Api-Key", #", header="\#(name)""#)
        case .bearer: ("Bearer", "")
        case .cookie: nil
        }
    }
}

/// A denied request's answer, ready for any HTTP framework to send.
public struct Refusal: Error, Sendable, Equatable {
    public var problem: ProblemDetails
    /// `WWW-Authenticate` field values, one per challenge.
    public var challenges: [String]

    public var status: Int { problem.status }
}
