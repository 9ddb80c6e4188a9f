import ArgumentParser
import Foundation
import KeyCore

struct CreateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API key and print it once.",
        discussion: "Only a digest of the key is stored: copy the key when it is printed, it cannot be shown again."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "A label for the key, 1 to 50 characters.")
    var name: String

    @Option(help: ArgumentHelp(
        "When the key stops working: a duration (90d, 12h, 2w) or a UTC date (2027-01-31, valid through that day) or an RFC 3339 time. Default: never.",
        valueName: "when"))
    var expires: Expiry?

    @Option(help: ArgumentHelp("Who the key acts for: user:ID, team:ID or service:NAME.", valueName: "kind:id"))
    var owner: KeyOwner?

    @Flag(help: "Print the key and its record as JSON.")
    var json = false

    func run() async throws {
        let issued = try await data.withStorage { try await $0.keys.create(name: name, owner: owner, expiresAt: expires?.date(after: Date())) }
        if json {
            print(try KeyListing.json(KeyListing(issued.record, key: issued.key)))
        } else {
            print("Created API key \"\(issued.record.name)\" (id \(issued.record.id)).")
            print(issued.key.revealed)
            print("This key will not be shown again: store it somewhere safe now.")
        }
    }
}
