// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A Hummingbird app that embeds Pegasus as any other package would: its own in-memory key store,
// two routes behind AuthGate permissions (one with an object check), and its OpenAPI document
// from the same route table. It links KeyCore, AuthGate, AuthGateHummingbird, PegasusHummingbird
// and SchemaKit — and so never builds GRDB, SQLite or libxcrypt (scripts/test.sh checks).
//
// From a release you would write:
//     .package(url: "https://github.com/<you>/pegasus", from: "0.1.0"),
// and name products with `package: "pegasus"`. A local path dependency's identity is its folder's
// name instead, which depends on where the repository was cloned, so it is read off the path.
let pegasusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../..").standardizedFileURL
let pegasus = pegasusFolder.lastPathComponent

let package = Package(
    name: "NotesApp",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: pegasusFolder.path),
        // Hummingbird's default traits build swift-configuration, which this app does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        .executableTarget(
            name: "NotesApp",
            dependencies: [
                .product(name: "KeyCore", package: pegasus),
                .product(name: "AuthGate", package: pegasus),
                .product(name: "AuthGateHummingbird", package: pegasus),
                .product(name: "PegasusHummingbird", package: pegasus),
                .product(name: "SchemaKit", package: pegasus),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
