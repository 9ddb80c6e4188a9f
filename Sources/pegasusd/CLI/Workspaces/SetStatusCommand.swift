import ArgumentParser

struct SetStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status", abstract: "Change a workspace's status.",
        discussion: "pending_cancellation and quota_disabled make the team's API read-only: tokens keep reading, writes get 403.")

    @OptionGroup var data: DataOptions

    @Argument(help: "The workspace's id.")
    var id: String

    @Argument(help: "active, pending_cancellation or quota_disabled.")
    var status: Workspace.Status

    func run() async throws {
        try await CommandError.reporting { try await data.withStorage { try await $0.workspaces.setStatus(status, of: id) } }
        print("Workspace \(id) is \(status.rawValue).")
    }
}
