import ArgumentParser
import KeyCore
import KeyCoreSQLite

struct ImportDjangoKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-drf",
        abstract: "Import the keys of a djangorestframework-api-key SQLite database.",
        discussion: """
            Imported keys keep working as they are (prefix.secret): their SHA-512 (3.x) or PBKDF2 \
            (2.x) hashes verify, and each is rewritten to Pegasus' own digest on first use. The \
            Django database is opened read-only. Keys already imported are skipped; the import is \
            all or nothing.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The Django SQLite database file.", valueName: "path"))
    var database: String

    @Option(help: ArgumentHelp("A table of a model extending AbstractAPIKey.", valueName: "name"))
    var table = DjangoAPIKeyImporter.defaultTable

    func run() async throws {
        let keys = try DjangoAPIKeyImporter.read(databaseAt: database, table: table)
        let added = try await data.keyService().store.insertNew(keys)
        let skipped = keys.count - added
        print("Imported \(added) key\(added == 1 ? "" : "s") from \(database) (table \(table))"
              + (skipped > 0 ? "; \(skipped) already present." : "."))
    }
}
