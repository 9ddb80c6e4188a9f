import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession

/// Lists a user's employees through the generated client:
///
///     swift run ListEmployees http://127.0.0.1:8000 pgk_…
///
/// Prints `name (department)` per employee; exits 1 when the server refuses.
@main
struct ListEmployees {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 2, let server = URL(string: arguments.first!) else {
            FileHandle.standardError.write(Data("usage: ListEmployees <server URL> <API key>\n".utf8))
            exit(2)
        }
        let client = Client(
            serverURL: server, transport: URLSessionTransport(), middlewares: [APIKeyAuthentication(key: arguments.last!)])
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
    }
}

/// Adds `Authorization: Api-Key <key>` to every request (the generator leaves credentials to
/// middleware).
struct APIKeyAuthentication: ClientMiddleware {
    let key: String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Api-Key \(key)"
        return try await next(request, body, baseURL)
    }
}
