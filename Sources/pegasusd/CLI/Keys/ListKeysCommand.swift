import ArgumentParser
import Foundation
import KeyCore

struct ListKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List API keys (never their secrets)."
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Only the keys of this owner: user:ID, team:ID or service:NAME.", valueName: "kind:id"))
    var owner: KeyOwner?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let records = try await data.withStorage { try await $0.keys.list(ownedBy: owner) }
        if json {
            print(try KeyListing.json(records.map { KeyListing($0) }))
        } else {
            print(KeyTable.render(records, now: Date()))
        }
    }
}
