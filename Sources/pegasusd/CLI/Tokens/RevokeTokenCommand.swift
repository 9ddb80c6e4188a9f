import ArgumentParser
import KeyCore

struct RevokeTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a personal access token for good; it is refused from the next request on.")

    @OptionGroup var data: DataOptions

    @Argument(help: "The token's id, as `tokens list` shows it.")
    var id: String

    func run() async throws {
        let record = try await data.withStorage { storage in
            let record = try await storage.keys.record(id: id)
            guard record.type == .personalAccessToken else { throw CommandError("\(id) is not a personal access token (see keys revoke)") }
            try await storage.keys.revoke(id: id)
            return record
        }
        print("Revoked token \(record.id) (\"\(record.name)\").")
    }
}
