import ArgumentParser
import Foundation

struct ListUsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List user accounts."
    )

    @OptionGroup var data: DataOptions

    @Flag(help: "Print JSON instead of lines.")
    var json = false

    func run() async throws {
        let accounts = try await data.withStorage { try await $0.accounts.allAccounts() }
        if json {
            print(String(decoding: try WireJSON.encoder.encode(accounts.map(UserListing.init)), as: UTF8.self))
        } else if accounts.isEmpty {
            print("No users yet. Create one with: pegasusd users create --email you@example.com")
        } else {
            for account in accounts {
                print("\(account.id)  \(account.email)\(account.isAdmin ? "  (admin)" : "")")
            }
        }
    }
}
