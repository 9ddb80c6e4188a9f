import ArgumentParser

struct RemoveMemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user from a team.")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberArguments

    func run() async throws {
        try await CommandError.reporting {
            try await data.workspaces().removeMember(try member.userID(in: data), from: member.workspace)
        }
        print("Removed \(member.email) from \(member.workspace).")
    }
}
