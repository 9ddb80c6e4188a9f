import ArgumentParser

struct SetRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change a member's role.")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberArguments

    @Argument(help: "admin, member or viewer.")
    var role: Membership.Role

    func run() async throws {
        try await CommandError.reporting {
            _ = try await data.workspaces().updateMember(try member.userID(in: data), in: member.workspace, role: role, seated: nil)
        }
        print("\(member.email) is now \(role.rawValue) in \(member.workspace).")
    }
}
