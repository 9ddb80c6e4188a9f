import Foundation
import PropertyBased
import Testing
@testable import pegasusd

/// Every route under generated input — JSON bodies of any shape (strings with NUL, controls and
/// emoji, huge and fractional numbers, nesting), raw bytes, and odd path parameters — from a
/// signed-in owner of a Pro team: never a server error, always an RFC 9457 body when refused.
@Suite struct RequestPropertyTests {
    /// A JSON value made from a seed: deterministic, any shape, a few levels deep.
    static func json(seed: UInt64, depth: Int = 0) -> Any {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let strings = ["", " ", "\u{0}", "a\u{0}b", "\u{7}\u{1B}[31m", String(repeating: "👨‍👩‍👧‍👦", count: 20), "<script>", "x",
                       String(repeating: "y", count: 3_000), "2026-13-45T99:99:99Z", "pro", "owner", "chat-api-only", "bots:read"]
        switch next() % (depth > 2 ? 5 : 7) {
        case 0: return strings[Int(next() % UInt64(strings.count))]
        case 1: return [Int64.max, Int64.min, 0, -1, 30, 365, 1 << 53][Int(next() % 7)]
        case 2: return [1e308, -0.5, 3.14][Int(next() % 3)]
        case 3: return next() % 2 == 0
        case 4: return NSNull()
        case 5: return (0..<Int(next() % 4)).map { _ in json(seed: next(), depth: depth + 1) }
        default:
            let keys = ["name", "email", "password", "refresh", "scopes", "preset", "expires_in_days", "expires_at", "department",
                        "salary", "bot_id", "title", "content", "description", "model", "role", "seated", "content_type", "size_bytes", "zz"]
            var object: [String: Any] = [:]
            for _ in 0..<Int(next() % 6) { object[keys[Int(next() % UInt64(keys.count))]] = json(seed: next(), depth: depth + 1) }
            return object
        }
    }

    static let oddIDs = ["0", "-1", "%00", "..", "%2e%2e", "x%20y", String(repeating: "9", count: 300), "%F0%9F%91%A8", "null", "'"]

    /// The routes that read something: every body route, and every route with a parameter.
    static let probed = PegasusRoutes.table.endpoints.filter { $0.operation.requestBody != nil || $0.path.contains("{") }

    @Test func noGeneratedRequestMakesTheServerFail() async throws {
        try await LiveServer.serving { server in
            let owner = try await server.register("owner@example.com")
            _ = try await server.team("Acme", of: owner)
            let headers = owner.bearer
            await propertyCheck(count: 800, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...(Self.probed.count - 1))) { seed, index in
                let endpoint = Self.probed[index]
                let path = endpoint.path.replacing(/\{[a-z_]+\}/) { _ in Self.oddIDs[seed % Self.oddIDs.count] }
                let body: Data? = endpoint.operation.requestBody == nil ? nil
                    : seed % 5 == 0 ? Data((0..<(seed % 64)).map { UInt8(truncatingIfNeeded: $0 &* seed) })
                    : try? JSONSerialization.data(withJSONObject: Self.json(seed: UInt64(seed)), options: [.fragmentsAllowed])
                var sent = headers
                if body != nil { sent["Content-Type"] = "application/json" }
                guard let reply = try? await server.send(endpoint.method.rawValue, path, headers: sent, body: body) else {
                    Issue.record("no answer to \(endpoint.operation.label) at \(path)")
                    return
                }
                #expect(reply.status < 500, "\(endpoint.operation.label) \(path): \(reply.status) \(String(decoding: reply.body.prefix(300), as: UTF8.self))")
                if reply.status >= 400 {
                    #expect(reply.header("Content-Type") == "application/problem+json", "\(endpoint.operation.label): \(reply.status)")
                    #expect(reply.json["status"] as? Int == reply.status)
                }
            }
            #expect(try await server.send("GET", "/healthz").status == 200)
        }
    }
}
