import ArgumentParser

/// `pegasusd tokens …`: personal access tokens, as an administrator sees them.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "List and revoke personal access tokens (users create them over the API).",
        subcommands: [ListTokensCommand.self, RevokeTokenCommand.self]
    )
}
