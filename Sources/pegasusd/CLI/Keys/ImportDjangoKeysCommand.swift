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

            Keys of a user model (a user_id column) belong to Django users. With --users-by-email \
            (Django's user table) or --user-map (a file), each goes to the pegasusd user with the \
            same email, who then lists and revokes it in GET/DELETE /api/keys/. A key whose Django \
            user has no pegasusd user stops the import, unless --skip-unmapped leaves it out. \
            Without either option, owners keep their Django ids (user:7).
            """
    )

    @OptionGroup var data: DataOptions

    // `--from`, not `--database`: that one names the PostgreSQL database to import into.
    @Option(name: .customLong("from"), help: ArgumentHelp("The Django SQLite database file.", valueName: "path"))
    var djangoDatabase: String

    @Option(help: ArgumentHelp("A table of a model extending AbstractAPIKey.", valueName: "name"))
    var table = DjangoAPIKeyImporter.defaultTable

    @Flag(help: "Give each key to the pegasusd user whose email its Django user has (read from --user-table).")
    var usersByEmail = false

    @Option(help: ArgumentHelp("Django's user table, with id and email columns (a custom user model's).", valueName: "name"))
    var userTable = DjangoAPIKeyImporter.defaultUserTable

    @Option(help: ArgumentHelp("A file of DJANGO_USER_ID,EMAIL lines; overrides --users-by-email for the ids it lists.", valueName: "file"))
    var userMap: String?

    @Flag(help: "Import the keys that map to a pegasusd user and leave the others out (listed), instead of stopping.")
    var skipUnmapped = false

    func validate() throws {
        if skipUnmapped && !usersByEmail && userMap == nil {
            throw ValidationError("--skip-unmapped needs --users-by-email or --user-map")
        }
    }

    func run() async throws {
        var keys = try DjangoAPIKeyImporter.read(databaseAt: djangoDatabase, table: table)
        var leftOut: [DjangoUserMapping.Unmapped] = []
        let added = try await data.withStorage { storage in
            if usersByEmail || userMap != nil {
                var emails = usersByEmail ? try DjangoAPIKeyImporter.userEmails(databaseAt: djangoDatabase, table: userTable) : [:]
                if let userMap { emails.merge(try DjangoUserMapping.emails(inFile: userMap)) { _, fromFile in fromFile } }
                (keys, leftOut) = try await DjangoUserMapping(emails: emails).apply(to: keys, accounts: storage.accounts)
                if !leftOut.isEmpty && !skipUnmapped {
                    throw CommandError(
                        "\(leftOut.count) key\(leftOut.count == 1 ? "" : "s") belong to Django users with no pegasusd user: "
                            + leftOut.map(\.description).joined(separator: "; ")
                            + ". Create those users (pegasusd users create), map them with --user-map, or leave their keys out with --skip-unmapped. Nothing was imported.")
                }
            }
            return try await storage.keys.store.insertNew(keys)
        }
        let skipped = keys.count - added
        print("Imported \(added) key\(added == 1 ? "" : "s") from \(djangoDatabase) (table \(table))"
              + (skipped > 0 ? "; \(skipped) already present." : "."))
        for unmapped in leftOut { print("Left out \(unmapped.description).") }
        if !usersByEmail && userMap == nil && keys.contains(where: { $0.record.owner?.kind == .user }) {
            print("Their owners keep their Django user ids; --users-by-email or --user-map gives them to pegasusd users.")
        }
    }
}
