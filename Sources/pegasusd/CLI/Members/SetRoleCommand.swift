import ArgumentParser

struct SetRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change a member's role.")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberArguments

    @Argument(help: "admin, member or viewer.")
    var role: Membership.Role

    func run() async throws {
        try await CommandError.reporting {
            try await data.withStorage { storage in
                _ = try await storage.workspaces.updateMember(try await member.userID(in: storage), in: member.workspace, role: role, seated: nil)
            }
        }
        print("\(member.email) is now \(role.rawValue) in \(member.workspace).")
    }
}
