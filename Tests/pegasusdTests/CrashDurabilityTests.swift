import Foundation
import TestSupport
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Nothing acknowledged is lost: `pegasusd serve` killed with SIGKILL while clients create and
/// revoke keys, then started again on the same data folder.
@Suite struct CrashDurabilityTests {
    let temporary = TemporaryDirectory()
    var folder: String { temporary.file("data") }

    /// Sends one request; the status and JSON body, or `nil` when the server did not answer
    /// (it was killed mid-request).
    static func send(_ method: String, _ url: String, bearer: String, body: [String: Any]? = nil) async -> (Int, [String: Any])? {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = try? JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        guard let (data, response) = try? await LiveServer.httpSession.data(for: request) else { return nil }
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }

    @Test func everyAcknowledgedCreateAndRevokeSurvivesSIGKILL() async throws {
        let server = try ServeProcess(["--port", "0", "--data-dir", folder], environment: ["PEGASUS_THROTTLE_AUTH": "off"])
        let base = try #require(server.baseURL).absoluteString
        let access = try #require(await Self.send("POST", base + "/api/auth/register/", bearer: "",
                                                 body: ["email": "a@example.com", "password": "a long password"])?.1["access"] as? String)

        // Four clients each create keys and revoke every second one, recording only what was
        // acknowledged (201 / 204); the server is killed while they run.
        actor Ledger {
            var created: [String: String] = [:]   // id → key
            var revoked: Set<String> = []
            let enough: AsyncStream<Void>.Continuation
            init(enough: AsyncStream<Void>.Continuation) { self.enough = enough }
            func add(_ id: String, _ key: String) {
                created[id] = key
                if created.count == 40 { enough.yield() }
            }
            func revoke(_ id: String) { revoked.insert(id) }
        }
        let (enough, signal) = AsyncStream.makeStream(of: Void.self)
        let ledger = Ledger(enough: signal)
        let clients = Task {
            await withTaskGroup(of: Void.self) { group in
                for client in 0..<4 {
                    group.addTask {
                        for round in 0..<400 {
                            guard let (status, json) = await Self.send("POST", base + "/api/keys/", bearer: access, body: ["name": "c\(client) r\(round)"]),
                                  status == 201, let id = json["id"] as? String, let key = json["key"] as? String
                            else { return }
                            await ledger.add(id, key)
                            if round % 2 == 0 {
                                guard let (revoked, _) = await Self.send("DELETE", base + "/api/keys/\(id)/", bearer: access), revoked == 204 else { return }
                                await ledger.revoke(id)
                            }
                        }
                    }
                }
            }
            signal.finish()   // the clients stopped before 40 acknowledgements: the check below fails
        }
        // Kill once a good number of writes were acknowledged, in the middle of the stream.
        for await _ in enough { break }
        _ = server.stop(with: SIGKILL)
        await clients.value
        let created = await ledger.created
        let revoked = await ledger.revoked
        #expect(created.count >= 40)

        // Every acknowledged key is there; every acknowledged revocation stands.
        let restarted = try ServeProcess(["--port", "0", "--data-dir", folder])
        defer { _ = restarted.stop() }
        let data = PegasusdProcess(dataDirectory: folder)
        let listed = try data.run(["keys", "list", "--json"])
        let records = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        let byID = Dictionary(uniqueKeysWithValues: records.compactMap { record in (record["id"] as? String).map { ($0, record) } })
        for (id, _) in created {
            #expect(byID[id] != nil, "acknowledged key \(id) is missing")
            if revoked.contains(id) { #expect(byID[id]?["revoked"] as? Bool == true, "acknowledged revocation of \(id) was lost") }
        }
        // And they answer as keys: a kept one works over HTTP, a revoked one does not.
        let kept = try #require(created.first { !revoked.contains($0.key) })
        let keptBase = try #require(restarted.baseURL).absoluteString
        var probe = URLRequest(url: URL(string: keptBase + "/pegasus/employees/api/employees/")!)
        probe.setValue("Api-Key \(kept.value)", forHTTPHeaderField: "Authorization")
        let (_, keptAnswer) = try await LiveServer.httpSession.data(for: probe)
        #expect((keptAnswer as? HTTPURLResponse)?.statusCode == 200)
        if let gone = created.first(where: { revoked.contains($0.key) }) {
            probe.setValue("Api-Key \(gone.value)", forHTTPHeaderField: "Authorization")
            let (_, goneAnswer) = try await LiveServer.httpSession.data(for: probe)
            #expect((goneAnswer as? HTTPURLResponse)?.statusCode == 401)
        }
    }
}
