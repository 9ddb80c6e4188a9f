import Foundation
import OpenAPIKit30

/// Builds the OpenAPI 3.0 model of a generator's routes: checks them, derives their schemas into
/// one ``SchemaRegistry``, and assembles paths and components.
struct DocumentBuilder {
    let generator: OpenAPIGenerator
    let wrapping: ReferenceWrapping
    private let registry: SchemaRegistry

    init(_ generator: OpenAPIGenerator, wrapping: ReferenceWrapping) {
        self.generator = generator
        self.wrapping = wrapping
        registry = SchemaRegistry(propertyNaming: generator.propertyNaming)
    }

    func build() throws(SchemaError) -> OpenAPI.Document {
        let schemes = try securitySchemes()
        try RouteTableCheck.check(generator.routes)
        var paths = OpenAPI.PathItem.Map()
        for route in generator.routes {
            let path = OpenAPI.Path(rawValue: route.path)
            var item = paths[path]?.b ?? OpenAPI.PathItem()
            item.set(operation: try operation(for: route, schemes: schemes), for: route.method.openAPI)
            paths[path] = .b(item)
        }
        return OpenAPI.Document(
            openAPIVersion: .v3_0_3,
            info: OpenAPI.Document.Info(title: generator.info.title, description: generator.info.description, version: generator.info.version),
            servers: try servers(),
            paths: paths,
            components: OpenAPI.Components(schemas: registry.sortedComponents(wrapping: wrapping), securitySchemes: schemes)
        )
    }

    private func servers() throws(SchemaError) -> [OpenAPI.Server] {
        var servers: [OpenAPI.Server] = []
        for server in generator.info.servers {
            guard let url = URL(string: server.url) else { throw .invalidServerURL(server.url) }
            servers.append(OpenAPI.Server(url: url, description: server.description))
        }
        return servers
    }

    private func securitySchemes() throws(SchemaError) -> OpenAPI.ComponentDictionary<OpenAPI.SecurityScheme> {
        var schemes = OpenAPI.ComponentDictionary<OpenAPI.SecurityScheme>()
        for scheme in generator.securitySchemes.sorted(by: { $0.name < $1.name }) {
            guard let key = OpenAPI.ComponentKey(rawValue: scheme.name), schemes[key] == nil else {
                throw .duplicateSecurityScheme(scheme.name)
            }
            schemes[key] = scheme.openAPI
        }
        return schemes
    }

    private func operation(for route: OperationDescription, schemes: OpenAPI.ComponentDictionary<OpenAPI.SecurityScheme>) throws(SchemaError) -> OpenAPI.Operation {
        OpenAPI.Operation(
            tags: route.tags.isEmpty ? nil : route.tags,
            summary: route.summary,
            description: route.description,
            operationId: route.resolvedOperationID,
            parameters: try parameters(of: route),
            requestBody: try requestBody(of: route),
            responses: try responses(of: route),
            deprecated: route.deprecated,
            security: try route.security.map { alternatives throws(SchemaError) in
                try SecurityRequirements.openAPI(
                    alternatives, route: route, schemes: schemes, withScopes: wrapping == .openAPI31)
            },
            vendorExtensions: SecurityRequirements.scopesExtension(route.security ?? [])
        )
    }

    private func parameters(of route: OperationDescription) throws(SchemaError) -> OpenAPI.Parameter.Array {
        let names = PathTemplate(route.path).parameterNames
        if let unknown = route.pathParameters.first(where: { !names.contains($0.name) }) {
            throw .unknownPathParameter(route: route.label, name: unknown.name)
        }
        var parameters: OpenAPI.Parameter.Array = []
        for name in names {
            let declared = route.pathParameters.first { $0.name == name }
            parameters.append(.b(OpenAPI.Parameter(
                name: name, context: .path, schema: try schema(of: declared?.type ?? String.self), description: declared?.description
            )))
        }
        for query in route.queryParameters {
            parameters.append(.b(OpenAPI.Parameter(
                name: query.name, context: .query(required: query.required), schema: try schema(of: query.type), description: query.description
            )))
        }
        return parameters
    }

    private func requestBody(of route: OperationDescription) throws(SchemaError) -> OpenAPI.Request? {
        guard let body = route.requestBody else { return nil }
        var content = OpenAPI.Content.Map()
        content[try contentType(body.contentType, of: route)] = OpenAPI.Content(schema: try schema(of: body.type))
        return OpenAPI.Request(description: body.description, content: content, required: body.required)
    }

    /// One response per status, in status order; responses sharing a status share its content map
    /// (and the first one's description).
    private func responses(of route: OperationDescription) throws(SchemaError) -> OpenAPI.Response.Map {
        guard !route.responses.isEmpty else { throw .noResponses(route: route.label) }
        var responses = OpenAPI.Response.Map()
        for status in Set(route.responses.map(\.status)).sorted() {
            let described = route.responses.filter { $0.status == status }
            var content = OpenAPI.Content.Map()
            for response in described {
                guard let body = response.body else { continue }
                content[try contentType(response.contentType, of: route)] = OpenAPI.Content(schema: try schema(of: body))
            }
            responses[.status(code: status)] = .b(OpenAPI.Response(description: described[0].description, content: content))
        }
        return responses
    }

    private func schema(of type: DescribedType) throws(SchemaError) -> JSONSchema {
        try registry.node(for: type).jsonSchema(wrapping: wrapping)
    }

    private func contentType(_ raw: String, of route: OperationDescription) throws(SchemaError) -> OpenAPI.ContentType {
        guard let contentType = OpenAPI.ContentType(rawValue: raw) else {
            throw .invalidContentType(route: route.label, contentType: raw)
        }
        return contentType
    }
}

extension OperationDescription.Method {
    var openAPI: OpenAPI.BuiltinHttpMethod {
        switch self {
        case .get: .get
        case .post: .post
        case .put: .put
        case .patch: .patch
        case .delete: .delete
        case .head: .head
        case .options: .options
        }
    }
}
