import Foundation
import SchemaKit

/// One page of a list, as Django REST Framework's `PageNumberPagination` answers it:
/// `{count, next, previous, results}`, `next` and `previous` being the addresses of the
/// neighbouring pages (`null` at either end).
struct Page<Item> {
    let count: Int
    let next: String?
    let previous: String?
    let results: [Item]

    /// The same page with its items turned into what the API shows.
    func map<Shown>(_ transform: (Item) throws -> Shown) rethrows -> Page<Shown> {
        Page<Shown>(count: count, next: next, previous: previous, results: try results.map(transform))
    }

    /// ``map(_:)`` for a transform that reads the stores, one item after the other.
    func map<Shown>(_ transform: (Item) async throws -> Shown) async rethrows -> Page<Shown> {
        var shown: [Shown] = []
        shown.reserveCapacity(results.count)
        for item in results { shown.append(try await transform(item)) }
        return Page<Shown>(count: count, next: next, previous: previous, results: shown)
    }
}

extension Page: Sendable where Item: Sendable {}

/// Named like a list in operationIds (`employees_list`).
extension Page: ListPage {}

extension Page: Codable where Item: Codable {
    /// `next` and `previous` are written as `null` rather than left out, as DRF does.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(next, forKey: .next)
        try container.encode(previous, forKey: .previous)
        try container.encode(results, forKey: .results)
    }
}

extension Page: JSONWritable where Item: JSONWritable & Codable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("count"); json.integer(count)
        json.key("next"); if let next { json.string(next) } else { json.null() }
        json.key("previous"); if let previous { json.string(previous) } else { json.null() }
        json.key("results"); json.beginArray()
        for item in results { item.write(to: &json) }
        json.endArray()
        json.endObject()
    }
}
