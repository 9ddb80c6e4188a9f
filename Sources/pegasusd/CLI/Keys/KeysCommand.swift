import ArgumentParser

/// `pegasusd keys …`: API keys from the command line.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list, verify, revoke and import API keys.",
        subcommands: [
            CreateKeyCommand.self, ListKeysCommand.self, RevokeKeyCommand.self,
            VerifyKeyCommand.self, ImportDjangoKeysCommand.self,
        ]
    )
}
