import ArgumentParser

/// `pegasusd users …`: accounts from the command line (the first admin, say).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create and list user accounts.",
        subcommands: [CreateUserCommand.self, ListUsersCommand.self]
    )
}
