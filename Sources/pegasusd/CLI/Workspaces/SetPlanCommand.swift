import ArgumentParser

struct SetPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-plan", abstract: "Change a workspace's plan.",
        discussion: "On free, the workspace's tokens stop working at once (403 \"Upgrade to use the API\").")

    @OptionGroup var data: DataOptions

    @Argument(help: "The workspace's id, as `workspaces list` shows it.")
    var id: String

    @Argument(help: "free, pro or ultra.")
    var plan: Workspace.Plan

    func run() async throws {
        try await CommandError.reporting { try await data.withStorage { try await $0.workspaces.setPlan(plan, of: id) } }
        print("Workspace \(id) is on the \(plan.rawValue) plan.")
    }
}
