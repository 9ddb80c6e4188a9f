import Foundation
import OpenAPIKit
import OpenAPIKit30
internal import OpenAPIKitCompat

/// Generates the OpenAPI document of an API from its route descriptions, its security schemes,
/// and the Swift types its routes read and answer.
///
/// ```swift
/// let generator = OpenAPIGenerator(
///     info: DocumentInfo(title: "Pegasus", version: "1.0.0"),
///     securitySchemes: [.apiKey("ApiKeyAuth", header: "Authorization", description: "Api-Key <key>")],
///     routes: routes
/// )
/// let yaml = try generator.render(.v3_0_3, as: .yaml)
/// ```
///
/// The same input always gives the same bytes: components and keys are sorted, names are derived
/// from types (never hashed), and nothing depends on dictionary order.
public struct OpenAPIGenerator: Sendable {
    /// The document's `info` and `servers`.
    public var info: DocumentInfo
    /// The schemes routes name in their security (`components.securitySchemes`).
    public var securitySchemes: [SecuritySchemeDescription]
    /// Every operation of the API, in any order.
    public var routes: [OperationDescription]
    /// How coding keys become property names (``PropertyNaming/snakeCase`` for types read with
    /// `.convertFromSnakeCase`).
    public var propertyNaming: PropertyNaming

    /// A generator of the document of `routes`.
    public init(
        info: DocumentInfo,
        securitySchemes: [SecuritySchemeDescription] = [],
        routes: [OperationDescription],
        propertyNaming: PropertyNaming = .codingKeys
    ) {
        self.info = info
        self.securitySchemes = securitySchemes
        self.routes = routes
        self.propertyNaming = propertyNaming
    }

    /// The document in OpenAPI 3.0.3.
    public func document30() throws(SchemaError) -> OpenAPIKit30.OpenAPI.Document {
        try DocumentBuilder(self, wrapping: .openAPI30).build()
    }

    /// The document in OpenAPI 3.1.0: the 3.0 model converted by OpenAPIKitCompat, with nullable
    /// references written `anyOf: [$ref, {type: 'null'}]`.
    public func document31() throws(SchemaError) -> OpenAPIKit.OpenAPI.Document {
        try DocumentBuilder(self, wrapping: .openAPI31).build().convert(to: .v3_1_0).withoutSpelledOutDefaults()
    }

    /// The document in `version`, serialized as `format`.
    public func render(_ version: OpenAPIVersion = .v3_0_3, as format: DocumentFormat = .json) throws(SchemaError) -> Data {
        switch version {
        case .v3_0_3: try format.encode(document30())
        case .v3_1_0: try format.encode(document31())
        }
    }
}
