import Testing
@testable import pegasusd

/// The probes a supervisor polls: liveness touches nothing, readiness reads the database.
struct HealthTests {
    @Test(arguments: ["/livez", "/healthz"])
    func eachProbeAnswersOKWithoutACredential(path: String) async throws {
        try await LiveServer.serving { server in
            let reply = try await server.send("GET", path)
            #expect(reply.status == 200 && reply.json["status"] as? String == "ok")
        }
    }
}
