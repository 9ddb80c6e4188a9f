import ArgumentParser
import Foundation
import SchemaKit

/// `pegasusd schema`: the OpenAPI document, written without starting the server.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the OpenAPI document of the HTTP API.",
        discussion: """
            The document comes from the same route table the server serves (and the same \
            settings: --config, PEGASUS_* variables), so it matches GET /api/schema/; no data \
            folder is opened or needed. Without \
            --file it is printed. The format defaults to the file's extension (.json or \
            .yaml/.yml), else YAML.
            """)

    @Option(help: ArgumentHelp("Write the document to this file instead of standard output.", valueName: "path"))
    var file: String?

    @Option(help: ArgumentHelp("json or yaml.", valueName: "format"))
    var format: DocumentFormat?

    @Option(help: ArgumentHelp("The OpenAPI version: 3.0 (3.0.3, the default) or 3.1 (3.1.0).", valueName: "version"))
    var openapi: String = "3.0"

    @Flag(help: "Check the document with OpenAPIKit's validations; exit 1 listing the problems if any.")
    var validate = false

    @Option(help: ArgumentHelp("A JSON config file (env: PEGASUS_CONFIG), for settings that change the document such as api_key_header.", valueName: "file"))
    var config: String?

    func run() async throws {
        let version: OpenAPIVersion
        switch openapi {
        case "3.0", "3.0.3": version = .v3_0_3
        case "3.1", "3.1.0": version = .v3_1_0
        default: throw ValidationError("--openapi must be 3.0 or 3.1, not \(openapi)")
        }
        let chosenFormat = format ?? (file.map { $0.hasSuffix(".json") ? .json : .yaml } ?? .yaml)

        // The route table and the configured schemes make the document: no data folder, no store.
        let settings = try ServerConfiguration.load(configFile: config, environment: ProcessInfo.processInfo.environment)
        let generator = PegasusRoutes.openAPI(settings)
        if validate {
            do {
                try generator.validate(version)
            } catch {
                throw CommandError("the document is not valid: \(error)")
            }
        }
        let document = try generator.render(version, as: chosenFormat)
        guard let file else {
            FileHandle.standardOutput.write(document)
            return
        }
        do {
            try document.write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw CommandError("cannot write \(file): \(CommandError.reason(error))")
        }
        FileHandle.standardError.write(Data("Wrote OpenAPI \(version.rawValue) (\(chosenFormat.rawValue)) to \(file)\(validate ? ", valid" : "").\n".utf8))
    }
}

extension DocumentFormat: ExpressibleByArgument {}
