import Foundation

/// The steps a person takes, as one call each.
extension LiveServer {
    struct SignedIn {
        let access: String
        let refresh: String
        let userID: String
        /// `Cookie` header value carrying the session and CSRF cookies.
        let cookie: String
        let csrfToken: String
        var bearer: [String: String] { ["Authorization": "Bearer \(access)"] }
    }

    struct StepFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Registers `email` (signing in) and returns the tokens and cookies.
    func register(_ email: String, password: String = "correct horse battery") async throws -> SignedIn {
        try Self.signedIn(try await send("POST", "/api/auth/register/", json: ["email": email, "password": password]), expecting: 201)
    }

    func login(_ email: String, password: String = "correct horse battery") async throws -> SignedIn {
        try Self.signedIn(try await send("POST", "/api/auth/login/", json: ["email": email, "password": password]), expecting: 200)
    }

    /// Creates an API key over the API as `user`; returns the full key and its id.
    func createKey(for user: SignedIn, name: String = "test key", expiresAt: String? = nil) async throws -> (key: String, id: String) {
        var body: [String: Any] = ["name": name]
        if let expiresAt { body["expires_at"] = expiresAt }
        let reply = try await send("POST", "/api/keys/", headers: user.bearer, json: body)
        guard reply.status == 201, let key = reply.json["key"] as? String, let id = reply.json["id"] as? String else {
            throw StepFailed(description: "create key: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return (key, id)
    }

    /// Adds an employee with `headers` as credentials; returns its id.
    func addEmployee(_ name: String, headers: [String: String]) async throws -> String {
        let reply = try await send(
            "POST", "/pegasus/employees/api/employees/", headers: headers,
            json: ["name": name, "department": "engineering", "salary": 1000])
        guard reply.status == 201, let id = reply.json["id"] as? String else {
            throw StepFailed(description: "add employee: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return id
    }

    private static func signedIn(_ reply: Reply, expecting status: Int) throws -> SignedIn {
        guard reply.status == status, let access = reply.json["access"] as? String, let refresh = reply.json["refresh"] as? String,
            let user = reply.json["user"] as? [String: Any], let userID = user["id"] as? String
        else { throw StepFailed(description: "sign in: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))") }
        // Set-Cookie fields arrive joined; take each name=value before its attributes.
        let setCookie = reply.header("Set-Cookie") ?? ""
        let pairs = setCookie.components(separatedBy: ", ").compactMap { $0.split(separator: ";").first.map(String.init) }
        let csrf = pairs.first { $0.hasPrefix("csrftoken=") || $0.hasPrefix("__Host-csrftoken=") }.map { String($0.drop { $0 != "=" }.dropFirst()) } ?? ""
        return SignedIn(access: access, refresh: refresh, userID: userID, cookie: pairs.joined(separator: "; "), csrfToken: csrf)
    }
}
