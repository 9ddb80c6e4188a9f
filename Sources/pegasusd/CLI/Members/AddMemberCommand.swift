import ArgumentParser

struct AddMemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user to a team.")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberArguments

    @Option(help: ArgumentHelp("admin, member (default) or viewer.", valueName: "role"))
    var role: Membership.Role = .member

    func run() async throws {
        try await CommandError.reporting {
            _ = try await data.workspaces().addMember(try member.userID(in: data), to: member.workspace, role: role)
        }
        print("Added \(member.email) to \(member.workspace) as \(role.rawValue).")
    }
}
