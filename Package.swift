// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "pegasus",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KeyCore", targets: ["KeyCore"]),
        .executable(name: "pegasusd", targets: ["pegasusd"]),
    ],
    dependencies: [
        // SQLite (WAL, migrations, records) over the system libsqlite3.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 / HMAC-SHA256 / SHA-512 digests and PBKDF2 for legacy Django hashes.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The admin command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // crypt(3) from libxcrypt: yescrypt and bcrypt password hashes.
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        .target(
            name: "KeyCore",
            dependencies: [
                "CCrypt",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "pegasusd",
            dependencies: [
                "KeyCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "KeyCoreBenchmarks",
            dependencies: ["KeyCore"],
            path: "Benchmarks/KeyCoreBenchmarks"
        ),
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "KeyCoreTests",
            dependencies: ["KeyCore", "TestSupport"]
        ),
        .testTarget(
            name: "pegasusdTests",
            dependencies: ["pegasusd", "KeyCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
