import ArgumentParser
import AuthGateHummingbird
import Foundation

struct CreateUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a user account.",
        discussion: """
            The password is read from standard input (the first line), or asked for when standard \
            input is a terminal, so it never appears in the shell history or the process list.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The user's email address, used to sign in.", valueName: "email"))
    var email: String

    @Flag(help: "Make the user an administrator.")
    var admin = false

    func run() async throws {
        let password = try Self.readPassword()
        let account = try await CommandError.reporting {
            try await data.withStorage { try await $0.accounts.create(Credentials(email: email, password: password), isAdmin: admin) }
        }
        print("Created \(account.isAdmin ? "admin " : "")user \(account.email) (id \(account.id)).")
    }

    private static func readPassword() throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            guard let typed = getpass("Password: ") else { throw CommandError("no password given") }
            return String(cString: typed)
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandError("no password on standard input")
        }
        return line
    }
}
