import Foundation
import Testing
@testable import pegasusd

/// `/api/auth/`: register, login, refresh rotation, logout, the current user, sessions + CSRF.
struct AuthAPITests {
    @Test func registerSignsInAndTheUserEndpointAnswers() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("Alice@Example.COM")
            let me = try await server.send("GET", "/api/auth/user/", headers: alice.bearer)
            #expect(me.status == 200)
            #expect(me.json["email"] as? String == "Alice@example.com")
            #expect(me.json["id"] as? String == alice.userID)
            #expect(me.json["password_hash"] == nil)
        }
    }

    @Test func registrationRefusesBadInputWithClearCodes() async throws {
        try await LiveServer.serving { server in
            _ = try await server.register("alice@example.com")
            let cases: [([String: Any], Int, String)] = [
                (["email": "not-an-email", "password": "correct horse"], 400, "invalid_email"),
                (["email": "bob@example.com", "password": "short"], 400, "password_too_short"),
                (["email": "bob@example.com", "password": "1234567890"], 400, "password_entirely_numeric"),
                (["email": "bob@example.com", "password": "bob@example.com"], 400, "password_too_similar"),
                (["email": "ALICE@example.com", "password": "correct horse"], 409, "email_taken"),
                (["email": "bob@example.com"], 400, "invalid_body"),
            ]
            for (body, status, code) in cases {
                let reply = try await server.send("POST", "/api/auth/register/", json: body)
                #expect(reply.status == status, "\(body)")
                #expect(reply.code == code, "\(body)")
            }
        }
    }

    @Test func loginWithAWrongPasswordOrUnknownEmailGetsTheSameRefusal() async throws {
        try await LiveServer.serving { server in
            _ = try await server.register("alice@example.com")
            let wrong = try await server.send("POST", "/api/auth/login/", json: ["email": "alice@example.com", "password": "wrong password"])
            let unknown = try await server.send("POST", "/api/auth/login/", json: ["email": "nobody@example.com", "password": "wrong password"])
            #expect(wrong.status == 400)
            #expect(wrong.body == unknown.body)
            #expect(try await server.login("alice@example.com").userID.isEmpty == false)
        }
    }

    @Test func refreshRotatesAndAReusedRefreshTokenRevokesTheFamily() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let first = try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.refresh])
            #expect(first.status == 200)
            let rotated = try #require(first.json["refresh"] as? String)
            let access = try #require(first.json["access"] as? String)
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Authorization": "Bearer \(access)"]).status == 200)

            let reused = try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.refresh])
            #expect(reused.status == 400)
            #expect(reused.code == "invalid_refresh_token")
            // The reuse means the token was copied: its successor dies with it.
            #expect(try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": rotated]).status == 400)
        }
    }

    /// Each refresh issues the next token of the family, but never one that outlives the family:
    /// every token's expiry is at most the sign-in plus `refresh_family_seconds`.
    @Test func refreshingNeverExtendsAFamilyPastItsAbsoluteLifetime() async throws {
        try await LiveServer.serving({ $0.sessionSeconds = 86_400; $0.refreshFamilySeconds = 3_600 }) { server in
            let alice = try await server.register("alice@example.com")
            let signIn = try Self.claims(of: alice.refresh)
            let familyEnd = try #require(signIn["iat"] as? Int) + 3_600
            #expect(signIn["exp"] as? Int == familyEnd)
            var refresh = alice.refresh
            for _ in 0..<3 {
                let next = try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": refresh])
                refresh = try #require(next.json["refresh"] as? String)
                #expect(try Self.claims(of: refresh)["exp"] as? Int == familyEnd)
            }
        }
        try await LiveServer.serving({ $0.sessionSeconds = 600 }) { server in
            let claims = try Self.claims(of: try await server.register("bob@example.com").refresh)
            #expect((claims["exp"] as? Int).map { $0 - (claims["iat"] as? Int ?? 0) } == 600)
        }
    }

    /// A browser (it sends `Sec-Fetch-Site`) signs in with its session cookie and is handed no
    /// refresh token a page script could read; API clients still get one.
    @Test(arguments: ["/api/auth/register/", "/api/auth/login/"])
    func aBrowsersSignInGetsNoRefreshToken(path: String) async throws {
        try await LiveServer.serving { server in
            if path.hasSuffix("login/") { _ = try await server.register("alice@example.com") }
            let reply = try await server.send(
                "POST", path, headers: ["Sec-Fetch-Site": "same-origin"], json: ["email": "alice@example.com", "password": "correct horse battery"])
            #expect(reply.status == (path.hasSuffix("login/") ? 200 : 201))
            #expect(reply.json["refresh"] == nil)
            let access = try #require(reply.json["access"] as? String)
            #expect(try await server.send("GET", "/api/auth/user/", headers: bearer(access)).status == 200)
            let cookie = (reply.header("Set-Cookie") ?? "").components(separatedBy: ", ").compactMap { $0.split(separator: ";").first }.joined(separator: "; ")
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": cookie]).status == 200)
            #expect(try await server.login("alice@example.com").refresh.isEmpty == false)
        }
    }

    /// The claims of a JWT, read without checking its signature.
    static func claims(of token: String) throws -> [String: Any] {
        var payload = token.split(separator: ".")[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
        let data = try #require(Data(base64Encoded: payload))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func anAccessTokenIsNotARefreshTokenAndViceVersa() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            #expect(try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.access]).status == 400)
            let asBearer = try await server.send("GET", "/api/auth/user/", headers: ["Authorization": "Bearer \(alice.refresh)"])
            #expect(asBearer.status == 401)
            #expect(asBearer.challenges.contains(#"Bearer realm="pegasus", error="invalid_token""#))
        }
    }

    @Test func logoutRevokesTheRefreshTokenAndEndsTheSession() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": alice.cookie]).status == 200)

            // Without the CSRF token another site could sign Alice out: refused, the session lives.
            let forged = try await server.send("POST", "/api/auth/logout/", headers: ["Cookie": alice.cookie], json: ["refresh": alice.refresh])
            #expect(forged.status == 403 && forged.code == "csrf_failed")
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": alice.cookie]).status == 200)

            let out = try await server.send(
                "POST", "/api/auth/logout/", headers: ["Cookie": alice.cookie, "X-CSRFToken": alice.csrfToken], json: ["refresh": alice.refresh])
            #expect(out.status == 200)
            #expect(out.header("Set-Cookie")?.contains("sessionid=;") == true)
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": alice.cookie]).status == 401)
            #expect(try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.refresh]).status == 400)
        }
    }

    @Test func sessionWritesNeedTheCSRFHeader() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let body: [String: Any] = ["name": "Ada", "department": "hr", "salary": 1]
            let path = "/pegasus/employees/api/employees/"

            let without = try await server.send("POST", path, headers: ["Cookie": alice.cookie], json: body)
            #expect(without.status == 403)
            #expect(without.code == "csrf_failed")
            let wrong = try await server.send("POST", path, headers: ["Cookie": alice.cookie, "X-CSRFToken": "nope"], json: body)
            #expect(wrong.status == 403)
            let with = try await server.send("POST", path, headers: ["Cookie": alice.cookie, "X-CSRFToken": alice.csrfToken], json: body)
            #expect(with.status == 201)
            #expect(try await server.send("GET", path, headers: ["Cookie": alice.cookie]).results.count == 1)
        }
    }

    /// Browsers send `Origin` on every cookie-carrying write: this site's own origin passes,
    /// another site's is refused (the Host a request names reaches the check over real HTTP/1.1).
    @Test func aCookieWriteFromThisSitesPagesPassesAndFromAnotherSiteIsRefused() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let own = "http://127.0.0.1:\(server.baseURL.port!)"
            for (origin, status) in [(own, 201), ("http://evil.example", 403), ("http://127.0.0.1:1", 403)] {
                let reply = try await server.send(
                    "POST", "/api/keys/", headers: ["Cookie": alice.cookie, "X-CSRFToken": alice.csrfToken, "Origin": origin], json: ["name": "k"])
                #expect(reply.status == status, "\(origin): \(reply.status) \(reply.code ?? "")")
            }
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndTheCSRFCookieIsReadable() async throws {
        try await LiveServer.serving { server in
            let reply = try await server.send("POST", "/api/auth/register/", json: ["email": "a@example.com", "password": "correct horse"])
            let cookies = (reply.header("Set-Cookie") ?? "").components(separatedBy: ", ")
            #expect(cookies.first { $0.hasPrefix("sessionid=") }?.contains("HttpOnly") == true)
            #expect(cookies.first { $0.hasPrefix("csrftoken=") }?.contains("HttpOnly") == false)
        }
    }

    /// Input crypt(3) cannot take is a 400 at sign-up and sign-in alike, never a 500.
    @Test func passwordsCryptCannotHashAre400sNot500s() async throws {
        try await LiveServer.serving { server in
            _ = try await server.register("alice@example.com")
            let tooLong = String(repeating: "x", count: 600)
            for (path, password, code) in [
                ("/api/auth/register/", tooLong, "password_too_long"), ("/api/auth/login/", tooLong, "password_too_long"),
                ("/api/auth/register/", "nul\u{0}password", "invalid_password"), ("/api/auth/login/", "nul\u{0}password", "invalid_password"),
            ] {
                let reply = try await server.send("POST", path, json: ["email": "alice@example.com", "password": password])
                #expect(reply.status == 400 && reply.code == code, "\(path): \(reply.status) \(reply.code ?? "")")
            }
            #expect(try await server.send("GET", "/healthz").status == 200)
        }
    }

    /// The refresh token to revoke may come in a chunked body (no Content-Length), as HTTP/1.1
    /// clients streaming a body send it.
    @Test func logoutReadsAChunkedBody() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let sent = try await ExternalTool.system("curl").run([
                "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", server.baseURL.absoluteString + "/api/auth/logout/",
                "-H", "Content-Type: application/json", "-H", "Transfer-Encoding: chunked",
                "--data-binary", #"{"refresh": "\#(alice.refresh)"}"#,
            ])
            #expect(sent.output == "200")
            #expect(try await server.send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.refresh]).status == 400)
        }
    }

    /// Behind HTTPS the cookies are `Secure` with the `__Host-` prefix (whole host, no Domain), and
    /// the session is read back from that name; the schema names it too.
    @Test func behindHTTPSTheCookiesAreSecureHostCookies() async throws {
        try await LiveServer.serving({ $0.secureCookies = true }) { server in
            let alice = try await server.register("alice@example.com")
            #expect(alice.cookie.hasPrefix("__Host-sessionid=") && alice.cookie.contains("__Host-csrftoken="))
            let registered = try await server.send("POST", "/api/auth/login/", json: ["email": "alice@example.com", "password": "correct horse battery"])
            let setCookie = registered.header("Set-Cookie") ?? ""
            #expect(setCookie.contains("; Secure; HttpOnly") && !setCookie.contains("Domain="))
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": alice.cookie]).status == 200)
            #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": "sessionid=" + alice.cookie.drop { $0 != "=" }.dropFirst()]).status == 401)
            let schema = String(decoding: try PegasusRoutes.openAPI(server.server.configuration).render(.v3_0_3, as: .json), as: UTF8.self)
            #expect(schema.contains(#""name" : "__Host-sessionid""#))
        }
    }
}
