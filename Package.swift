// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "pegasus",
    platforms: [.macOS(.v15)],
    products: [
        // Field rules (lengths, control characters, bounds) declared once for a server's checks
        // and its schema (no dependencies).
        .library(name: "FieldRules", targets: ["FieldRules"]),
        // Keys: format, digests, verification, the store protocol and an in-memory store
        // (swift-crypto only: builds wherever Swift does).
        .library(name: "KeyCore", targets: ["KeyCore"]),
        // KeyCore's SQLite store and the djangorestframework-api-key importer (GRDB).
        .library(name: "KeyCoreSQLite", targets: ["KeyCoreSQLite"]),
        // KeyCore's PostgreSQL store, connection URLs and named migrations (postgres-nio), for
        // several servers on one database; an embedder who wants only SQLite does not build it.
        .library(name: "KeyCorePostgres", targets: ["KeyCorePostgres"]),
        // Password hashing over the system's crypt(3) (libxcrypt).
        .library(name: "PasswordHashing", targets: ["PasswordHashing"]),
        // Credentials, principals and the permission algebra (KeyCore only; no HTTP framework).
        .library(name: "AuthGate", targets: ["AuthGate"]),
        // AuthGate for Hummingbird: request facts, refusals and problems as responses.
        .library(name: "AuthGateHummingbird", targets: ["AuthGateHummingbird"]),
        // OpenAPI documents generated from route descriptions and the Swift types themselves.
        .library(name: "SchemaKit", targets: ["SchemaKit"]),
        // AuthGate's schemes and permissions as SchemaKit security (no HTTP framework).
        .library(name: "AuthGateSchema", targets: ["AuthGateSchema"]),
        // A route table for Hummingbird apps: each route declared once, served behind its
        // permission and described in the OpenAPI document.
        .library(name: "PegasusHummingbird", targets: ["PegasusHummingbird"]),
        .executable(name: "pegasusd", targets: ["pegasusd"]),
    ],
    dependencies: [
        // SQLite (WAL, migrations, records) over the system libsqlite3.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 / HMAC-SHA256 / SHA-512 digests and PBKDF2 for legacy Django hashes.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The admin command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP server of pegasusd and the AuthGate adapter.
        // (traits off: pegasusd does not read swift-configuration providers, so skip building it.)
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // NIOCore types pegasusd names (already in Hummingbird's graph).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // HTTP field names of our own (already in Hummingbird's graph).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Structured logs (already in Hummingbird's graph).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Signing and verifying the login API's JWTs.
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        // The OpenAPI 3.0/3.1 document model SchemaKit builds and serializes.
        // (traits off: SchemaKit does not load external references, so skip ExternalLoading.)
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
        // YAML output of the OpenAPI document.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // PostgreSQL for several instances on one database (KeyCorePostgres and pegasusd).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Property-based tests (generated input, shrinking) in Swift Testing; tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // crypt(3) from libxcrypt: yescrypt and bcrypt password hashes.
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        .target(name: "FieldRules"),
        .target(
            name: "KeyCore",
            dependencies: [
                "FieldRules",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KeyCoreSQLite",
            dependencies: [
                "KeyCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "KeyCorePostgres",
            dependencies: [
                "KeyCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PasswordHashing",
            dependencies: ["KeyCore", "CCrypt"]
        ),
        .target(
            name: "AuthGate",
            dependencies: ["KeyCore"]
        ),
        .target(
            name: "AuthGateHummingbird",
            dependencies: [
                "AuthGate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // OpenAPI from route descriptions and reflected Codable types; no HTTP framework, no AuthGate.
        .target(
            name: "SchemaKit",
            dependencies: [
                "FieldRules",
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "AuthGateSchema",
            dependencies: ["AuthGate", "SchemaKit"]
        ),
        .target(
            name: "PegasusHummingbird",
            dependencies: [
                "AuthGate",
                "AuthGateHummingbird",
                "AuthGateSchema",
                "SchemaKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "pegasusd",
            dependencies: [
                "FieldRules",
                "KeyCore",
                "KeyCoreSQLite",
                "KeyCorePostgres",
                "PasswordHashing",
                "AuthGate",
                "AuthGateHummingbird",
                "AuthGateSchema",
                "PegasusHummingbird",
                "SchemaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "KeyCoreBenchmarks",
            dependencies: ["KeyCore", "KeyCoreSQLite", "KeyCorePostgres"],
            path: "Benchmarks/KeyCoreBenchmarks"
        ),
        .target(
            name: "TestSupport",
            dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "FieldRulesTests",
            dependencies: ["FieldRules", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "KeyCoreTests",
            dependencies: [
                "KeyCore", "KeyCoreSQLite", "KeyCorePostgres", "PasswordHashing", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "AuthGateTests",
            dependencies: ["AuthGate", "KeyCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // SchemaKit on its own: reflection, operationIds, security, whole documents
        // (OpenAPIKit and Yams to read the generated documents back).
        .testTarget(
            name: "SchemaKitTests",
            dependencies: [
                "SchemaKit",
                "FieldRules",
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The route table: its document, and its router served on loopback.
        .testTarget(
            name: "PegasusHummingbirdTests",
            dependencies: [
                "PegasusHummingbird",
                "AuthGate",
                "AuthGateHummingbird",
                "KeyCore",
                "SchemaKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "pegasusdTests",
            dependencies: [
                "pegasusd", "KeyCore", "KeyCoreSQLite", "KeyCorePostgres", "SchemaKit", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
