import Foundation
import SchemaKit
import Synchronization

/// The OpenAPI document the server serves, rendered on first request per version and format,
/// then served from memory.
final class APIDocument: Sendable {
    private let generator: OpenAPIGenerator
    private let rendered = Mutex<[String: Data]>([:])

    init(_ generator: OpenAPIGenerator) {
        self.generator = generator
    }

    func render(_ version: OpenAPIVersion, as format: DocumentFormat) throws -> Data {
        let key = "\(version) \(format)"
        if let cached = rendered.withLock({ $0[key] }) { return cached }
        let document = try generator.render(version, as: format)
        rendered.withLock { $0[key] = document }
        return document
    }
}
