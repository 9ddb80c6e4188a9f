import ArgumentParser
import KeyCore

struct RevokeKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an API key for good.",
        discussion: "A revoked key is refused from then on and cannot be restored."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The key's id, as `keys list` shows it.")
    var id: String

    func run() async throws {
        let (before, after) = try await data.withStorage { storage in
            (try await storage.keys.record(id: id), try await storage.keys.revoke(id: id))
        }
        print(before.isRevoked
              ? "Key \(after.id) (\"\(after.name)\") was already revoked."
              : "Revoked key \(after.id) (\"\(after.name)\").")
    }
}
