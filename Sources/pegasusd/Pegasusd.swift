import ArgumentParser

/// `pegasusd`: the Pegasus daemon and its admin commands.
@main
struct Pegasusd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pegasusd",
        abstract: "Pegasus: API keys, scoped tokens and permissions for Swift servers.",
        discussion: """
            Admin commands work on the data folder given by --data-dir or PEGASUS_DATA_DIR \
            (default ./pegasus-data), created on first use.
            """,
        version: "0.1.0",
        subcommands: [KeysCommand.self]
    )
}
