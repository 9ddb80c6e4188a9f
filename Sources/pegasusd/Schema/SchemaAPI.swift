import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `/api/schema/`: the OpenAPI document of this server (YAML, or JSON with `?format=json`) and
/// the Swagger UI and Redoc pages that read it, as drf-spectacular serves them.
enum SchemaAPI {
    static let path = "/api/schema/"
    static let jsonURL = "/api/schema/?format=json"

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, Self.path, AllowAny(), tags: ["schema"], summary: "The OpenAPI document of this API",
                        queryParameters: [
                            QueryParameter("format", type: DocumentFormat.self, description: "`yaml` (the default) or `json`."),
                            QueryParameter("openapi", type: OpenAPIVersion.self, description: "`3.0.3` (the default) or `3.1.0`."),
                        ],
                        responds: ResponseDescription(200, "The document in YAML.", body: OpenAPIObject.self, contentType: DocumentFormat.yaml.contentType),
                        ResponseDescription(200, "The document in JSON.", body: OpenAPIObject.self, contentType: DocumentFormat.json.contentType),
                        .problem(400, "The format or the OpenAPI version is not one of those offered.", body: ProblemDetails.self)) { services, request, _, _ in
            let query = request.uri.queryParameters
            // An absent parameter takes the default; a present one must be a known value.
            guard let format = query.get("format").map({ DocumentFormat(rawValue: $0) }) ?? .yaml else {
                throw ProblemError(.badRequest, code: "invalid_format", detail: "format must be yaml or json.")
            }
            guard let version = query.get("openapi").map({ OpenAPIVersion(rawValue: $0) }) ?? .v3_0_3 else {
                throw ProblemError(.badRequest, code: "invalid_openapi_version", detail: "openapi must be 3.0.3 or 3.1.0.")
            }
            var headers = HTTPFields()
            headers[.contentType] = format.contentType
            let body = try services.document.render(version, as: format)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        },
        PegasusEndpoint(.get, "/api/schema/swagger-ui/", AllowAny(), tags: ["schema"], summary: "Swagger UI for this API",
                        responds: ResponseDescription(200, "An HTML page.", body: String.self, contentType: "text/html")) { services, _, _, _ in
            DocsPages.swaggerUI(schemaURL: Self.jsonURL, title: PegasusRoutes.title, assets: services.docsAssets).response()
        },
        PegasusEndpoint(.get, "/api/schema/redoc/", AllowAny(), tags: ["schema"], summary: "Redoc for this API",
                        responds: ResponseDescription(200, "An HTML page.", body: String.self, contentType: "text/html")) { services, _, _, _ in
            DocsPages.redoc(schemaURL: Self.jsonURL, title: PegasusRoutes.title, assets: services.docsAssets).response()
        },
    ]
}

/// What the document is, as far as a client of this route can rely on.
struct OpenAPIObject: Codable {
    /// The OpenAPI version, `3.0.3` or `3.1.0`.
    let openapi: String
}
