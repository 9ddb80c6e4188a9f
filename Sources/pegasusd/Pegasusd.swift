import ArgumentParser

/// `pegasusd`: the Pegasus daemon and its admin commands.
@main
struct Pegasusd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pegasusd",
        abstract: "Pegasus: API keys, scoped tokens and permissions for Swift servers.",
        discussion: """
            Admin commands work on the data folder given by --data-dir or PEGASUS_DATA_DIR \
            (default ./pegasus-data), created on first use. Set PEGASUS_KEY_PEPPER (a secret of at \
            least 16 bytes, kept outside the data folder) to store keys as HMAC-SHA256 digests; \
            every command that reads keys needs the same pepper.
            """,
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, KeysCommand.self, TokensCommand.self, UsersCommand.self, WorkspacesCommand.self, MembersCommand.self,
            SchemaCommand.self,
        ]
    )
}
