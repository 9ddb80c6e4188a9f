import Crypto
import Foundation
import SchemaKit
import TestSupport
import Testing
@testable import pegasusd

/// The OpenAPI document pegasusd serves and exports, built from the route table.
struct SchemaTests {
    /// `METHOD /path` of every operation in the served document, trailing slash dropped (as the
    /// router writes paths).
    static func documentedOperations(_ document: [String: Any]) -> Set<String> {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return Set(paths.flatMap { path, item in
            item.keys.filter { ["get", "head", "post", "put", "patch", "delete"].contains($0) }
                .map { "\($0.uppercased()) \(path.hasSuffix("/") ? String(path.dropLast()) : path)" }
        })
    }

    static func operation(_ document: [String: Any], _ method: String, _ path: String) -> [String: Any]? {
        ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any]
    }

    /// The API's routes, that is: every route but the pages people use in a browser.
    @Test func everyRegisteredRouteIsDocumentedAndNothingElse() async throws {
        try await LiveServer.serving { server in
            let registered = Set(server.server.router().routes.map { "\($0.method.rawValue) \($0.path)" })
            let pages = Set(PageRoutes.paths.map { "GET " + ($0 != "/" && $0.hasSuffix("/") ? String($0.dropLast()) : $0) })
            let document = try await server.send("GET", "/api/schema/?format=json").json

            #expect(registered.isSuperset(of: pages))
            #expect(Self.documentedOperations(document) == registered.subtracting(pages))
        }
    }

    @Test func eachOperationsSecurityIsItsPermission() async throws {
        try await LiveServer.serving { server in
            let document = try await server.send("GET", "/api/schema/?format=json").json
            func security(_ method: String, _ path: String) -> [[String: [String]]]? {
                Self.operation(document, method, path)?["security"] as? [[String: [String]]]
            }
            let userOrKey: [[String: [String]]] = [["cookieAuth": []], ["jwtAuth": []], ["ApiKeyAuth": []]]
            #expect(security("get", "/pegasus/employees/api/employees/") == userOrKey)
            #expect(security("delete", "/pegasus/employees/api/employees/{id}/") == userOrKey)
            #expect(security("post", "/api/keys/") == [["cookieAuth": []], ["jwtAuth": []]])
            #expect(security("get", "/healthz") == [[:]])
            #expect(security("post", "/api/auth/login/") == [[:]])

            let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]]
            #expect(schemes?["ApiKeyAuth"]?["in"] == "header")
            #expect(schemes?["ApiKeyAuth"]?["name"] == "Authorization")
            #expect(schemes?["jwtAuth"]?["scheme"] == "bearer")
            #expect(schemes?["cookieAuth"]?["in"] == "cookie")
        }
    }

    @Test func aCustomKeyHeaderIsTheDocumentedScheme() async throws {
        try await LiveServer.serving({ $0.apiKeyHeader = "X-Api-Key" }) { server in
            let document = try await server.send("GET", "/api/schema/?format=json").json
            let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]]
            #expect(schemes?["ApiKeyAuth"]?["name"] == "X-Api-Key")
        }
    }

    @Test func operationIDsFollowTheSaaSPegasusNames() async throws {
        try await LiveServer.serving { server in
            let document = try await server.send("GET", "/api/schema/?format=json").json
            let item = "/pegasus/employees/api/employees/{id}/"
            let ids = [
                Self.operation(document, "get", "/pegasus/employees/api/employees/"), Self.operation(document, "post", "/pegasus/employees/api/employees/"),
                Self.operation(document, "get", item), Self.operation(document, "put", item),
                Self.operation(document, "patch", item), Self.operation(document, "delete", item),
            ].map { $0?["operationId"] as? String }
            #expect(ids == ["employees_list", "employees_create", "employees_retrieve", "employees_update", "employees_partial_update", "employees_destroy"])
        }
    }

    @Test func theSchemaIsYAMLByDefaultAndJSONOnRequest() async throws {
        try await LiveServer.serving { server in
            let yaml = try await server.send("GET", "/api/schema/")
            #expect(yaml.status == 200)
            #expect(yaml.header("Content-Type") == "application/vnd.oai.openapi")
            #expect(String(decoding: yaml.body, as: UTF8.self).contains("openapi: 3.0.3"))
            let json = try await server.send("GET", "/api/schema/?format=json")
            #expect(json.header("Content-Type") == "application/vnd.oai.openapi+json")
            #expect(json.json["openapi"] as? String == "3.0.3")
            #expect(try await server.send("GET", "/api/schema/?format=xml").code == "invalid_format")
            #expect(try await server.send("GET", "/api/schema/?format=json&openapi=3.1.0").json["openapi"] as? String == "3.1.0")
            #expect(try await server.send("GET", "/api/schema/?openapi=2.0").code == "invalid_openapi_version")
        }
    }

    @Test func theDocsPagesReadTheSchemaAndLoadAssetsFromTheCDN() async throws {
        try await LiveServer.serving { server in
            let swagger = String(decoding: try await server.send("GET", "/api/schema/swagger-ui/").body, as: UTF8.self)
            #expect(swagger.contains(#"url: "/api/schema/?format=json""#))
            #expect(swagger.contains(
                #"<script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.33.1/swagger-ui-bundle.js" integrity="sha384-ZPehFMQommnnuaZ4rpxgkgTT2DKFVp4hZC/7pLit+9Lek9T1YGSo23eHFbvNkXkw" crossorigin="anonymous"></script>"#))
            #expect(!swagger.contains("persistAuthorization"))
            let redoc = try await server.send("GET", "/api/schema/redoc/")
            #expect(redoc.header("Content-Type") == "text/html; charset=utf-8")
            let redocPage = String(decoding: redoc.body, as: UTF8.self)
            #expect(redocPage.contains(#"<redoc spec-url="/api/schema/?format=json">"#))
            // Every file from the CDN is an exact version, checked by the browser against its hash.
            for (page, files) in [(swagger, 3), (redocPage, 1)] {
                #expect(page.matches(of: /cdn\.jsdelivr\.net\/npm\/[a-z-]+@\d+\.\d+\.\d+\/[^"]+" integrity="sha384-[A-Za-z0-9+\/]{64}" crossorigin="anonymous"/).count == files)
                #expect(page.matches(of: /cdn\.jsdelivr\.net/).count == files)
            }
        }
    }

    /// The pinned hashes are those of drf-spectacular-sidecar's files (the same npm versions):
    /// bumping a version without its hash, or the other way round, fails here.
    @Test(.enabled(if: ExternalTool.docsAssets != nil, "needs drf-spectacular-sidecar's assets"))
    func thePinnedIntegrityHashesAreThoseOfTheSidecarsFiles() throws {
        let folder = try #require(ExternalTool.docsAssets)
        for asset in DocsAssets.all {
            let file = "\(folder)/\(DocsAssets.localFolder(of: asset))/\(asset.path)"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect("sha384-" + Data(SHA384.hash(data: bytes)).base64EncodedString() == asset.integrity, "\(file)")
        }
    }

    @Test func aLocalAssetsFolderIsServedAndUsedByThePages() async throws {
        let assets = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: assets.file("redoc/bundles"), withIntermediateDirectories: true)
        try Data("/* redoc */".utf8).write(to: URL(fileURLWithPath: assets.file("redoc/bundles/redoc.standalone.js")))
        try await LiveServer.serving({ $0.docsAssets = assets.path }) { server in

            let redoc = String(decoding: try await server.send("GET", "/api/schema/redoc/").body, as: UTF8.self)
            #expect(redoc.contains(#"src="/api/schema/assets/redoc/bundles/redoc.standalone.js""#))
            #expect(!redoc.contains("cdn.jsdelivr.net"))
            let script = try await server.send("GET", "/api/schema/assets/redoc/bundles/redoc.standalone.js")
            #expect(script.status == 200)
            #expect(String(decoding: script.body, as: UTF8.self) == "/* redoc */")
        }
    }

    @Test func theCommittedSwiftClientWasGeneratedFromTheCurrentSchema() async throws {
        try await LiveServer.serving { server in
            let committed = Repository.file("Examples/SwiftClient/openapi.yaml")
            let current = try PegasusRoutes.openAPI(server.server.configuration).render(.v3_0_3, as: .yaml)
            #expect(try Data(contentsOf: committed) == current, "the API changed: run bash Examples/SwiftClient/regenerate.sh")
        }
    }

    @Test func anotherMethodOnAKnownPathGets405WithAllow() async throws {
        try await LiveServer.serving { server in
            let reply = try await server.send("PUT", "/pegasus/employees/api/employees/")
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "GET, POST")
            // A literal path beside a template (`/api/tokens/scopes/`, `/api/tokens/{id}/`) is
            // its own resource, as the router sees it.
            #expect(try await server.send("OPTIONS", "/api/tokens/scopes/").header("Allow") == "GET")
            #expect(reply.code == "method_not_allowed")
        }
    }

    /// The pages run only their own scripts: the assets' origin and the one inline script, by
    /// its hash; nothing may frame them, post forms from them, or load from elsewhere.
    @Test func theDocsPagesCarryAStrictContentSecurityPolicy() async throws {
        try await LiveServer.serving { server in
            let swagger = try await server.send("GET", "/api/schema/swagger-ui/")
            let policy = try #require(swagger.header("Content-Security-Policy"))
            #expect(policy.hasPrefix("default-src 'none'; script-src https://cdn.jsdelivr.net 'sha256-"))
            #expect(policy.contains("frame-ancestors 'none'") && policy.contains("connect-src 'self'"))
            #expect(!policy.contains("unsafe-eval") && !policy.contains("script-src https://cdn.jsdelivr.net 'unsafe-inline'"))
            // The hash in the policy is the hash of the page's inline script.
            let page = String(decoding: swagger.body, as: UTF8.self)
            let inline = try #require(page.firstMatch(of: /<script>([\s\S]*?)<\/script>/)).1
            #expect(policy == DocsPages.policy(assets: .cdn, inlineScript: String(inline)))
            let redoc = try #require(try await server.send("GET", "/api/schema/redoc/").header("Content-Security-Policy"))
            #expect(redoc.hasPrefix("default-src 'none'; script-src https://cdn.jsdelivr.net;"))
        }
    }
}
