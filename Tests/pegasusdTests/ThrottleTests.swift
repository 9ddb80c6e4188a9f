import AuthGateHummingbird
import Foundation
import Synchronization
import Testing
@testable import pegasusd

@Suite struct ThrottleTests {
    /// A clock the test moves by hand.
    final class Clock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
    }

    @Test(arguments: [("10/minute", 10, 60.0), ("5/s", 5, 1), ("100/hour", 100, 3_600), ("1000/day", 1_000, 86_400), ("3/min", 3, 60)])
    func ratesAreReadAsDRFWritesThem(text: String, requests: Int, period: Double) {
        #expect(ThrottleRate(text)?.requests == requests)
        #expect(ThrottleRate(text)?.period == period)
    }

    @Test(arguments: ["", "10", "ten/minute", "0/minute", "-1/minute", "10/fortnight", "10/"])
    func otherTextIsNoRate(text: String) {
        #expect(ThrottleRate(text) == nil)
    }

    @Test func pastTheRateItRefusesUntilTheOldestRequestLeavesTheWindow() throws {
        let clock = Clock()
        let throttle = Throttle(rate: ThrottleRate("3/minute")!, clock: { clock.now })
        for _ in 0..<3 { try throttle.check(["address:a"]) }
        do {
            try throttle.check(["address:a"])
            Issue.record("a fourth request in the minute got through")
        } catch let refusal as ProblemError {
            #expect(refusal.problem.status == 429 && refusal.problem.code == "throttled")
            #expect(refusal.headers[.retryAfter] == "60")
        }
        try throttle.check(["address:b"])   // another address has its own count
        clock.advance(60)
        try throttle.check(["address:a"])
    }

    /// Sign-in is counted per address and per account: an account guessed at from many
    /// addresses is refused too, and a refused request counts for neither.
    @Test func anyIdentityPastTheRateRefusesTheRequest() throws {
        let throttle = Throttle(rate: ThrottleRate("2/minute")!)
        try throttle.check(["address:1", "account:alice"])
        try throttle.check(["address:2", "account:alice"])
        #expect(throws: ProblemError.self) { try throttle.check(["address:3", "account:alice"]) }
        try throttle.check(["address:3", "account:bob"])
    }

    @Test func signInsPastTheRateGet429OverHTTP() async throws {
        try await LiveServer.serving({ $0.throttleAuth = "3/minute" }) { server in
            _ = try await server.register("alice@example.com")
            for _ in 0..<2 { #expect(try await server.send("POST", "/api/auth/login/", json: ["email": "alice@example.com", "password": "wrong password"]).status == 400) }
            let refused = try await server.send("POST", "/api/auth/login/", json: ["email": "alice@example.com", "password": "correct horse battery"])
            #expect(refused.status == 429)
            #expect(refused.code == "throttled")
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            #expect(try await server.send("GET", "/healthz").status == 200)
        }
    }

    /// Many one-off addresses must not grow the throttle's memory without bound: identities with
    /// no request left in the window are dropped once it holds twice as many as after the last
    /// pruning.
    @Test func identitiesOutsideTheWindowAreForgotten() throws {
        let clock = Clock()
        let throttle = Throttle(rate: ThrottleRate("5/second")!, clock: { clock.now })
        for address in 0..<5_000 { try throttle.check(["address:\(address)"]) }
        clock.advance(2)
        for address in 0..<4_000 { try throttle.check(["address:again-\(address)"]) }
        #expect(throttle.rememberedIdentities <= 4_000)
        #expect(throws: Never.self) { try throttle.check(["address:0"]) }
    }

    /// DRF's `anon` throttle: requests on no credential count per client address; a request
    /// with an API key is not counted against it.
    @Test func anonymousRequestsPastTheRateGet429() async throws {
        try await LiveServer.serving({ $0.throttleAnon = "3/minute" }) { server in
            let alice = try await server.register("alice@example.com")
            let key = try await server.createKey(for: alice)
            for _ in 0..<2 { #expect(try await server.send("GET", "/healthz").status == 200) }
            let refused = try await server.send("GET", "/healthz")
            #expect(refused.status == 429 && refused.code == "throttled")
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(key.key)"]).status == 200)
        }
    }

    /// DRF's `user` throttle: every credential of one user shares a count; another user has
    /// their own; anonymous requests are not counted.
    @Test func oneUsersRequestsPastTheRateGet429WhateverTheCredential() async throws {
        try await LiveServer.serving({ $0.throttleUser = "3/minute" }) { server in
            let alice = try await server.register("alice@example.com"), bob = try await server.register("bob@example.com")
            let aliceKey = try await server.createKey(for: alice), bobKey = try await server.createKey(for: bob)
            // alice's first request was the key creation.
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(aliceKey.key)"]).status == 200)
            #expect(try await server.send("GET", "/api/auth/user/", headers: alice.bearer).status == 200)
            let refused = try await server.send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(aliceKey.key)"])
            #expect(refused.status == 429 && refused.code == "throttled")
            #expect(try await server.send("GET", "/api/auth/user/", headers: alice.bearer).status == 429)
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(bobKey.key)"]).status == 200)
            #expect(try await server.send("GET", "/healthz").status == 200)
        }
    }

    @Test func everyThrottleSettingIsValidated() {
        for setting in [\ServerConfiguration.throttleAuth, \.throttleAnon, \.throttleUser] {
            var settings = ServerConfiguration()
            settings[keyPath: setting] = "lots"
            #expect(throws: CommandError.self) { try settings.validate() }
            settings[keyPath: setting] = "10/hour"
            #expect(throws: Never.self) { try settings.validate() }
        }
    }
}
