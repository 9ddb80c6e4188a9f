import ArgumentParser
import Foundation

struct ListWorkspacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every workspace.")

    @OptionGroup var data: DataOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let workspaces = try await data.withStorage { try await $0.workspaces.all() }
        if json {
            print(try KeyListing.json(workspaces))
            return
        }
        print(["ID", "NAME", "KIND", "PLAN", "STATUS", "SEATS", "OWNER"].joined(separator: "\t"))
        for workspace in workspaces {
            print([workspace.id, workspace.name, workspace.kind.rawValue, workspace.plan.rawValue, workspace.status.rawValue,
                   String(workspace.seats), workspace.ownerID].joined(separator: "\t"))
        }
    }
}
