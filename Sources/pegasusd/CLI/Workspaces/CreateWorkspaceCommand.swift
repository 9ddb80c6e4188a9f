import ArgumentParser

struct CreateWorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a team owned by a user.")

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The team's name.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The owner's email.", valueName: "email"))
    var owner: String

    @Option(help: ArgumentHelp("free (default), pro or ultra.", valueName: "plan"))
    var plan: Workspace.Plan = .free

    @Option(help: ArgumentHelp("How many members may hold a seat (default \(Workspace.defaultSeats)).", valueName: "n"))
    var seats = Workspace.defaultSeats

    func run() async throws {
        try await CommandError.reporting {
            let (workspace, account) = try await data.withStorage { storage in
                guard let account = try await storage.accounts.account(email: owner) else { throw CommandError("no user has the email \(owner)") }
                return (try await storage.workspaces.createTeam(name: name, ownerID: account.id, plan: plan, seats: seats), account)
            }
            print("Created team \(workspace.name) (id \(workspace.id)), \(workspace.plan.rawValue) plan, owned by \(account.email).")
        }
    }
}
