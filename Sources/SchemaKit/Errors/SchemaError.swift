/// Why a document could not be generated, each with a human message and a stable machine code.
///
/// Routes are named as `METHOD /path` (e.g. `GET /api/keys/{id}/`), types by their full Swift
/// name, so the message says exactly what to fix.
public enum SchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A route path that is not `/`-rooted or has a malformed `{parameter}` (route, reason).
    case invalidPath(route: String, reason: String)
    /// A declared path parameter that the path does not contain.
    case unknownPathParameter(route: String, name: String)
    /// Two routes with the same method and path (parameters compared by position, not name).
    case duplicateRoute(String)
    /// Two routes whose operationIds are the same: derived, overridden or both.
    case duplicateOperationID(String, first: String, second: String)
    /// A route with no response: OpenAPI requires at least one.
    case noResponses(route: String)
    /// A content type OpenAPI cannot read (route, content type).
    case invalidContentType(route: String, contentType: String)
    /// A route's security names a scheme that is not among the document's security schemes.
    case unknownSecurityScheme(route: String, scheme: String)
    /// A route's security is `[]` (nothing gets through). OpenAPI reads `security: []` as
    /// "no credential needed", the opposite, so it is refused.
    case unsatisfiableSecurity(route: String)
    /// Two security schemes with the same component name.
    case duplicateSecurityScheme(String)
    /// Two different types whose component names are the same (name, both types).
    case componentNameCollision(String, first: String, second: String)
    /// A type whose `init(from:)` could not be probed (type, reason).
    case unreadableType(String, reason: String)
    /// A ``SchemaRefining`` type refines a property it does not have (type, property).
    case unknownRefinedProperty(type: String, property: String)
    /// A ``SchemaRefining`` type gives a text or integer rule to a schema of another type.
    case ruleOnWrongType(type: String, rule: String, schema: String)
    /// A server URL that is not a URL.
    case invalidServerURL(String)
    /// The document could not be serialized (reason).
    case encodingFailed(String)

    /// A stable, machine-readable code (`snake_case`).
    public var code: String {
        switch self {
        case .invalidPath: "invalid_path"
        case .unknownPathParameter: "unknown_path_parameter"
        case .duplicateRoute: "duplicate_route"
        case .duplicateOperationID: "duplicate_operation_id"
        case .noResponses: "no_responses"
        case .invalidContentType: "invalid_content_type"
        case .unknownSecurityScheme: "unknown_security_scheme"
        case .unsatisfiableSecurity: "unsatisfiable_security"
        case .duplicateSecurityScheme: "duplicate_security_scheme"
        case .componentNameCollision: "component_name_collision"
        case .unreadableType: "unreadable_type"
        case .unknownRefinedProperty: "unknown_refined_property"
        case .ruleOnWrongType: "rule_on_wrong_type"
        case .invalidServerURL: "invalid_server_url"
        case .encodingFailed: "encoding_failed"
        }
    }

    /// What went wrong and what to change, naming the routes or types concerned.
    public var description: String {
        switch self {
        case .invalidPath(let route, let reason):
            "\(route): invalid path: \(reason)"
        case .unknownPathParameter(let route, let name):
            "\(route): path parameter '\(name)' is declared but the path has no {\(name)}"
        case .duplicateRoute(let route):
            "\(route) is described twice"
        case .duplicateOperationID(let id, let first, let second):
            "operationId '\(id)' is used by both \(first) and \(second); override one of them"
        case .noResponses(let route):
            "\(route): a route needs at least one response"
        case .invalidContentType(let route, let contentType):
            "\(route): '\(contentType)' is not a content type"
        case .unknownSecurityScheme(let route, let scheme):
            "\(route): security names '\(scheme)', which is not a security scheme of the document"
        case .unsatisfiableSecurity(let route):
            "\(route): security is [] (no credential gets through), which OpenAPI would read as anonymous"
        case .duplicateSecurityScheme(let name):
            "security scheme '\(name)' is described twice"
        case .componentNameCollision(let name, let first, let second):
            "\(first) and \(second) would both be the schema component '\(name)'; rename one or conform it to SchemaNaming"
        case .unreadableType(let type, let reason):
            "cannot derive a schema for \(type): \(reason)"
        case .unknownRefinedProperty(let type, let property):
            "\(type) refines property '\(property)', which its schema does not have"
        case .ruleOnWrongType(let type, let rule, let schema):
            "\(type) gives a \(rule) to a schema that is \(schema)"
        case .invalidServerURL(let url):
            "'\(url)' is not a server URL"
        case .encodingFailed(let reason):
            "cannot serialize the document: \(reason)"
        }
    }
}
