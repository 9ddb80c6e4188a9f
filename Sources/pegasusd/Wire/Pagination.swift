import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import SchemaKit

/// The page a list request asks for with `?page=` (1 when absent), at most ``pageSize`` items,
/// and the ``Page`` it answers with: DRF's `PageNumberPagination` with `PAGE_SIZE = 50`.
struct Pagination: Sendable {
    static let pageSize = 50
    static let parameter = QueryParameter("page", type: Int.self, description: "A page number within the list, from 1 (the default).")

    /// The page number asked for.
    let number: Int
    private let path: String
    private let query: [(String, String)]
    private let host: String?

    /// DRF's answer to a page that is not a positive whole number or lies past the end.
    static let invalidPage = ProblemError(.notFound, code: "invalid_page", detail: "Invalid page.")
    /// How the schema documents that answer, on every paginated list.
    static let invalidPageAnswer = ResponseDescription.problem(404, "Invalid page: not a whole number from 1, or past the last page.", body: ProblemDetails.self)

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        if let text = parameters.get("page") {
            // Past `Int.max / pageSize` no page can exist, and its offset would overflow.
            guard let number = Int(text), (1...(Int.max / Self.pageSize)).contains(number) else { throw Self.invalidPage }
            self.number = number
        } else {
            number = 1
        }
        path = request.uri.path
        query = parameters.map { (String($0.key), String($0.value)) }.filter { $0.0 != "page" }
        host = request.head.authority
    }

    var offset: Int { (number - 1) * Self.pageSize }
    var limit: Int { Self.pageSize }

    /// The page of `results` (already this page's items) out of `count` in all.
    /// - Throws: 404 `invalid_page` for a page past the last one (page 1 of an empty list is fine).
    func page<Item>(_ results: [Item], count: Int) throws -> Page<Item> {
        guard number == 1 || offset < count else { throw Self.invalidPage }
        return Page(
            count: count,
            next: offset + results.count < count ? address(of: number + 1) : nil,
            previous: number > 1 ? address(of: number - 1) : nil,
            results: results)
    }

    /// The page of an in-memory list.
    func page<Item>(of all: [Item]) throws -> Page<Item> {
        try page(Array(all.dropFirst(offset).prefix(limit)), count: all.count)
    }

    /// The absolute address of page `page` with the request's other query parameters, as DRF
    /// builds it (`http://host/path?page=2`); path and query only when no `Host` was sent.
    private func address(of page: Int) -> String {
        let pairs = query + (page == 1 ? [] : [("page", String(page))])
        let queryText = pairs.isEmpty ? "" : "?" + pairs.map { "\(Self.escaped($0.0))=\(Self.escaped($0.1))" }.joined(separator: "&")
        return (host.map { "http://\($0)" } ?? "") + path + queryText
    }

    private static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? text
    }
}
