import OpenAPIKit
import OpenAPIKit30

extension OpenAPIGenerator {
    /// Builds the document in `version` and runs OpenAPIKit's validations on it (references
    /// resolve, operationIds are unique, every path parameter is declared, responses exist, …).
    ///
    /// - Throws: ``SchemaError`` when the document cannot be built, or OpenAPIKit's
    ///   `ValidationErrorCollection` listing every problem found.
    public func validate(_ version: OpenAPIVersion = .v3_0_3) throws {
        switch version {
        case .v3_0_3: try document30().validate()
        case .v3_1_0: try document31().validate()
        }
    }
}
