import Foundation
import TestSupport
import Testing

/// `pegasusd schema` run as a process.
@Suite struct SchemaCommandTests {
    let temporary = TemporaryDirectory()
    var pegasusd: PegasusdProcess { PegasusdProcess(dataDirectory: temporary.file("data")) }

    @Test func writesAValidDocumentWithoutTouchingTheDataFolder() throws {
        let file = temporary.file("api-schema.yml")
        let data = temporary.file("data")
        let outcome = try PegasusdProcess(dataDirectory: data, environment: ["PEGASUS_DATA_DIR": data])
            .run(["schema", "--file", file, "--validate"], withDataDirectory: false)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Wrote OpenAPI 3.0.3 (yaml)"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("openapi: 3.0.3\n"))
        #expect(text.contains("employees_list"))
        #expect(!FileManager.default.fileExists(atPath: data))
    }

    /// The document comes from the route table alone: no data folder, no scratch database, even
    /// where nothing can be written but the output.
    @Test func needsNoDataFolderAndNoScratchSpace() throws {
        let nowhere = "/proc/pegasus-nowhere"
        let outcome = try PegasusdProcess(dataDirectory: nowhere, environment: ["PEGASUS_DATA_DIR": nowhere, "TMPDIR": nowhere])
            .run(["schema"], withDataDirectory: false)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("openapi: 3.0.3\n"))
    }

    @Test func jsonAnd31AreChosenByFlagsOrExtension() throws {
        let json = try pegasusd.run(["schema", "--openapi", "3.1", "--format", "json"], withDataDirectory: false)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let file = temporary.file("schema.json")
        _ = try pegasusd.run(["schema", "--file", file], withDataDirectory: false)
        let fromExtension = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        #expect(fromExtension?["openapi"] as? String == "3.0.3")
    }

    @Test func aBadVersionOrUnwritableFileIsAOneLineError() throws {
        let version = try pegasusd.run(["schema", "--openapi", "2.0"], withDataDirectory: false)
        #expect(version.status != 0)
        #expect(version.stderr.contains("--openapi must be 3.0 or 3.1"))
        let unwritable = try pegasusd.run(["schema", "--file", "/proc/nope/schema.yml"], withDataDirectory: false)
        #expect(unwritable.status != 0)
        #expect(unwritable.stderr.contains("cannot write /proc/nope/schema.yml"))
    }
}
