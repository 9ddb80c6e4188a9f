import ArgumentParser

struct AddMemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user to a team.")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberArguments

    @Option(help: ArgumentHelp("admin, member (default) or viewer.", valueName: "role"))
    var role: Membership.Role = .member

    func run() async throws {
        try await CommandError.reporting {
            try await data.withStorage { storage in
                _ = try await storage.workspaces.addMember(try await member.userID(in: storage), to: member.workspace, role: role)
            }
        }
        print("Added \(member.email) to \(member.workspace) as \(role.rawValue).")
    }
}
