import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession

/// Lists a user's employees through the generated client, and with a personal access token
/// (`bots:read`) the bots of the token's workspace:
///
///     swift run ListEmployees http://127.0.0.1:8000 pgk_… [pgp_…]
///
/// Prints `name (department)` per employee, then `bot: name` per bot; exits 1 when the server
/// refuses.
@main
struct ListEmployees {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard (2...3).contains(arguments.count), let server = URL(string: arguments.first!) else {
            FileHandle.standardError.write(Data("usage: ListEmployees <server URL> <API key> [<access token>]\n".utf8))
            exit(2)
        }
        let key = arguments.dropFirst().first!
        let client = Client(
            serverURL: server, transport: URLSessionTransport(), middlewares: [Credential(authorization: "Api-Key \(key)")])
        switch try await client.employees_list() {
        case .ok(let ok):
            // A page of the list: {count, next, previous, results}.
            for employee in try ok.body.json.results {
                print("\(employee.name) (\(employee.department.rawValue))")
            }
        case let other:
            FileHandle.standardError.write(Data("refused: \(other)\n".utf8))
            exit(1)
        }
        guard let token = arguments.dropFirst(2).first else { return }
        let botsClient = Client(
            serverURL: server, transport: URLSessionTransport(), middlewares: [Credential(authorization: "Bearer \(token)")])
        switch try await botsClient.bots_list() {
        case .ok(let ok):
            for bot in try ok.body.json.results { print("bot: \(bot.name)") }
        case let other:
            FileHandle.standardError.write(Data("refused: \(other)\n".utf8))
            exit(1)
        }
    }
}

/// Adds `Authorization: <authorization>` to every request (`Api-Key pgk_…`, `Bearer pgp_…`):
/// the generator leaves credentials to middleware.
struct Credential: ClientMiddleware {
    let authorization: String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = authorization
        return try await next(request, body, baseURL)
    }
}
