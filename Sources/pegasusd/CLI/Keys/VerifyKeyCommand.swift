import ArgumentParser
import Foundation
import KeyCore

struct VerifyKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a key read from standard input.",
        discussion: """
            The key is read from standard input, never from the command line, so it stays out of \
            shell history and process listings: `pegasusd keys verify < key.txt`. \
            Exits 0 when the key is valid, 1 when it is rejected.
            """
    )

    @OptionGroup var data: DataOptions

    func run() async throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CommandError("no key on standard input") }
        // Closing the storage writes the key's last-used time.
        let outcome = try await data.withStorage { try await $0.keys.verify(text) }
        switch outcome {
        case .valid(let record):
            print("valid: key \(record.id) (\"\(record.name)\"\(record.owner.map { ", owner \($0)" } ?? ""))")
        case .rejected(let reason):
            print("rejected: \(reason.rawValue)")
            throw ExitCode.failure
        }
    }
}
