import ArgumentParser
import Foundation
import KeyCore

struct ListTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List personal access tokens (never their secrets).")

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Only the tokens bound to this workspace.", valueName: "id"))
    var workspace: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let tokens = try await data.withStorage { try await $0.keys.list() }
            .filter { $0.type == .personalAccessToken && (workspace == nil || $0.workspace == workspace) }
        if json {
            print(try KeyListing.json(tokens.map { TokenListing($0, workspace: nil) }))
        } else {
            print(KeyTable.render(tokens, now: Date()))
        }
    }
}
