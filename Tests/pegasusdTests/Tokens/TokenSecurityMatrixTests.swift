import AuthGate
import Foundation
import Testing
@testable import pegasusd

/// Generated from the route table, not hand-picked: every operation against a token of every
/// single scope, and every item route of one workspace against another workspace's token.
@Suite struct TokenSecurityMatrixTests {
    /// What the route table says an operation needs from a token: `nil` when no token gets
    /// through, else the scopes it must carry.
    static func tokenScopes(of endpoint: PegasusEndpoint) -> Set<String>? {
        let alternatives = endpoint.permission.securityAlternatives(
            for: endpoint.method.rawValue, schemes: PegasusRoutes.schemes(ServerConfiguration()))
        return alternatives.requirements.first { $0.keys.contains("patAuth") }.map { Set($0["patAuth"] ?? []) }
    }

    /// The operations that need some credential (anonymous ones are open to tokens as to anyone).
    static let guarded = PegasusRoutes.table.endpoints.filter {
        $0.permission.securityAlternatives(for: $0.method.rawValue, schemes: PegasusRoutes.schemes(ServerConfiguration())) != .anonymous
    }

    /// The path with every `{parameter}` filled with an id nothing has.
    static func concrete(_ path: String) -> String {
        path.replacing(/\{[a-z_]+\}/) { _ in UUID().uuidString.lowercased() }
    }

    @Test func everyProductOperationNamesTheScopeATokenNeeds() {
        // The gateway's check takes a token of any scopes: nginx names the ones it requires (AuthCheckTests).
        let product = Self.guarded.filter { $0.path.hasPrefix("/api/") && !$0.operation.tags.contains("gateway") && Self.tokenScopes(of: $0) != nil }
        #expect(product.count >= 17)
        for endpoint in product {
            #expect(Self.tokenScopes(of: endpoint)?.count == 1, "\(endpoint.operation.label)")
        }
    }

    /// A token with exactly one scope gets through an operation iff the operation needs that
    /// scope; otherwise it is refused (401 where no token is accepted, 403 for a missing
    /// scope). "Gets through" is any answer but 401/403: unknown ids give 404, empty bodies 400.
    @Test(arguments: Scope.allCases)
    func aSingleScopeTokenReachesExactlyTheOperationsThatNeedIt(scope: Scope) async throws {
        try await LiveServer.serving { server in
            let owner = try await server.register("owner@example.com")
            _ = try await server.team("Acme", of: owner)
            let (token, _) = try await server.token(for: owner, scopes: [scope.rawValue])
            for endpoint in Self.guarded {
                let needs = Self.tokenScopes(of: endpoint)
                let hasBody = [.post, .put, .patch].contains(endpoint.method)
                let reply = try await server.send(
                    endpoint.method.rawValue, Self.concrete(endpoint.path), headers: bearer(token), json: hasBody ? [String: Any]() : nil)
                let allowed = ![401, 403].contains(reply.status)
                let expected = needs.map { $0.isSubset(of: [scope.rawValue]) } ?? false
                #expect(allowed == expected, "\(scope.rawValue) on \(endpoint.operation.label): \(reply.status) \(reply.code ?? "")")
                if !allowed, needs != nil {
                    #expect(reply.status == 403 && reply.code == "insufficient_scope", "\(endpoint.operation.label)")
                }
            }
        }
    }

    /// A token of workspace A with every scope, against the ids of workspace B's objects and of
    /// another user's personal workspace: always 404, as for an id that does not exist, and
    /// nothing of B's changes.
    @Test func aTokenNeverReachesAnotherWorkspacesObjects() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let bob = try await server.register("bob@example.com")
            _ = try await server.team("Alice's team", of: alice)
            let alicesToken = try await server.token(for: alice, scopes: Scope.allCases.map(\.rawValue)).token

            var foreign: [[String: String]] = []
            for workspace in [try await server.team("Bob's team", of: bob), try await server.personalWorkspace(of: bob)] {
                try await server.server.services.workspaces.setPlan(.pro, of: workspace)
                try await server.activate(workspace, for: bob)
                let bobs = bearer(try await server.token(for: bob, scopes: Scope.allCases.map(\.rawValue)).token)
                let bot = try await server.bot("Bob's bot", headers: bobs)
                let document = try await server.send("POST", "/api/bots/\(bot)/documents/", headers: bobs,
                                                     json: ["name": "a.txt", "content_type": "text/plain", "size_bytes": 3]).json["id"] as! String
                let conversation = try await server.send("POST", "/api/conversations/", headers: bobs, json: ["bot_id": bot]).json["id"] as! String
                foreign.append(["id": bot, "document_id": document, "conversation": conversation])
            }
            let items = PegasusRoutes.table.endpoints.filter { $0.path.contains("{id}") && Self.tokenScopes(of: $0) != nil }
            #expect(items.count >= 8)
            for ids in foreign {
                for endpoint in items {
                    let id = endpoint.path.hasPrefix("/api/conversations/") ? ids["conversation"]! : ids["id"]!
                    let path = endpoint.path.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(of: "{document_id}", with: ids["document_id"]!)
                    let hasBody = [.post, .put, .patch].contains(endpoint.method)
                    let body: [String: Any] = endpoint.path.hasSuffix("/messages/") ? ["content": "hello"]
                        : endpoint.path.hasSuffix("/documents/") ? ["name": "b.txt", "content_type": "text/plain", "size_bytes": 1] : ["name": "Mine now"]
                    let reply = try await server.send(endpoint.method.rawValue, path, headers: bearer(alicesToken), json: hasBody ? body : nil)
                    #expect(reply.status == 404, "\(endpoint.operation.label) on another workspace's object: \(reply.status)")
                }
            }
            // Bob's objects are untouched and Alice's lists show none of them.
            #expect(try await server.send("GET", "/api/bots/", headers: bearer(alicesToken)).json["count"] as? Int == 0)
            let bobsToken = bearer(try await server.token(for: bob, scopes: ["bots:read"]).token)
            #expect(try await server.send("GET", "/api/bots/", headers: bobsToken).json["count"] as? Int == 1)
        }
    }

    /// The same table for the other credentials: an API key gets through exactly the operations
    /// that list `ApiKeyAuth` (the user-level APIs), a signed-in owner exactly those that list
    /// `jwtAuth`; everything else refuses them with 401.
    @Test func apiKeysAndSignInsReachExactlyTheOperationsThatListTheirScheme() async throws {
        try await LiveServer.serving { server in
            let owner = try await server.register("owner@example.com")
            _ = try await server.team("Acme", of: owner)
            let (key, _) = try await server.createKey(for: owner)
            let schemes = PegasusRoutes.schemes(ServerConfiguration())
            for (scheme, headers) in [("ApiKeyAuth", ["Authorization": "Api-Key \(key)"]), ("jwtAuth", owner.bearer)] {
                for endpoint in Self.guarded {
                    let accepted = endpoint.permission.securityAlternatives(for: endpoint.method.rawValue, schemes: schemes).schemeNames.contains(scheme)
                    let hasBody = [.post, .put, .patch].contains(endpoint.method)
                    // Leave the caller's own account and session alone.
                    if endpoint.path == "/api/auth/logout/" { continue }
                    // Introspection lists ApiKeyAuth for a service's key only (IntrospectionTests).
                    if endpoint.permission is HasServiceAPIKey { continue }
                    let reply = try await server.send(
                        endpoint.method.rawValue, Self.concrete(endpoint.path), headers: headers, json: hasBody ? [String: Any]() : nil)
                    #expect(![401, 403].contains(reply.status) == accepted, "\(scheme) on \(endpoint.operation.label): \(reply.status) \(reply.code ?? "")")
                }
            }
        }
    }
}
