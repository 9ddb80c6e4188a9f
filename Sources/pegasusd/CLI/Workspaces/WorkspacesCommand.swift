import ArgumentParser

/// `pegasusd workspaces …`: teams and their plans from the command line.
struct WorkspacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspaces",
        abstract: "Create and list workspaces; set a workspace's plan or status.",
        discussion: "Changes apply to the very next request of a running server.",
        subcommands: [CreateWorkspaceCommand.self, ListWorkspacesCommand.self, SetPlanCommand.self, SetStatusCommand.self]
    )
}

extension Workspace.Plan: ExpressibleByArgument {}
extension Workspace.Status: ExpressibleByArgument {}
extension Membership.Role: ExpressibleByArgument {}
