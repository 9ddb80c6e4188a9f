import ArgumentParser

/// `pegasusd members …`: who belongs to a team.
struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Add and remove team members; change their role.",
        discussion: "Changes apply to the very next request of a running server: a removed member's tokens stop working at once.",
        subcommands: [AddMemberCommand.self, RemoveMemberCommand.self, SetRoleCommand.self]
    )
}

/// The workspace and member arguments every members command takes.
struct MemberArguments: ParsableArguments {
    @Argument(help: "The workspace's id.")
    var workspace: String

    @Argument(help: "The member's email.")
    var email: String

    /// The user id behind `email`.
    func userID(in storage: Storage) async throws -> String {
        guard let account = try await storage.accounts.account(email: email) else { throw CommandError("no user has the email \(email)") }
        return account.id
    }
}
