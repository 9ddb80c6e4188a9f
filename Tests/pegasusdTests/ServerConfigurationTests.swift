import Foundation
import TestSupport
import Testing
@testable import pegasusd

/// How `serve` settings are read: defaults, then a JSON file, then `PEGASUS_*` variables
/// (flags on top are covered by `ServeCommandTests`).
struct ServerConfigurationTests {
    let temporary = TemporaryDirectory()

    func configFile(_ json: String) throws -> String {
        let path = temporary.file("pegasus.json")
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theEnvironmentOverridesTheFileWhichOverridesTheDefaults() throws {
        let file = try configFile(#"{"port": 9001, "log_level": "debug"}"#)
        let settings = try ServerConfiguration.load(configFile: file, environment: ["PEGASUS_PORT": "9002"])
        #expect(settings.port == 9002)
        #expect(settings.logLevel == "debug")
        #expect(settings.host == "127.0.0.1")
    }

    @Test func pegasusConfigNamesTheFileWhenNoFlagDoes() throws {
        let file = try configFile(#"{"api_key_header": "X-Api-Key"}"#)
        #expect(try ServerConfiguration.load(configFile: nil, environment: ["PEGASUS_CONFIG": file]).apiKeyHeader == "X-Api-Key")
        #expect(try ServerConfiguration.load(configFile: nil, environment: [:]).apiKeyHeader == nil)
    }

    @Test func badValuesAreRefusedWithTheSettingsName() throws {
        #expect(throws: CommandError.self) { try ServerConfiguration.load(configFile: try configFile(#"{"port": "eighty"}"#), environment: [:]) }
        var settings = ServerConfiguration()
        settings.port = 70_000
        #expect(throws: CommandError.self) { try settings.validate() }
        settings = ServerConfiguration()
        settings.docsAssets = temporary.file("missing")
        #expect(throws: CommandError.self) { try settings.validate() }
    }
}
