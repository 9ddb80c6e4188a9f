import Foundation
import SchemaKit
import Synchronization

/// The OpenAPI document the server serves, rendered once per version and format.
///
/// The schema routes are part of the route table they describe, so the document gets its
/// generator after the table is complete (``describe(_:)``), before the server starts.
final class APIDocument: Sendable {
    private let generator = Mutex<OpenAPIGenerator?>(nil)
    private let rendered = Mutex<[String: Data]>([:])

    func describe(_ generator: OpenAPIGenerator) {
        self.generator.withLock { $0 = generator }
    }

    func render(_ version: OpenAPIVersion, as format: DocumentFormat) throws -> Data {
        let key = "\(version) \(format)"
        if let cached = rendered.withLock({ $0[key] }) { return cached }
        guard let generator = generator.withLock({ $0 }) else {
            preconditionFailure("the route table was not described before serving")
        }
        let document = try generator.render(version, as: format)
        rendered.withLock { $0[key] = document }
        return document
    }
}
