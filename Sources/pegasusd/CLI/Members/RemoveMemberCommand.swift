import ArgumentParser

struct RemoveMemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user from a team.")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberArguments

    func run() async throws {
        try await CommandError.reporting {
            try await data.withStorage { storage in
                try await storage.workspaces.removeMember(try await member.userID(in: storage), from: member.workspace)
            }
        }
        print("Removed \(member.email) from \(member.workspace).")
    }
}
