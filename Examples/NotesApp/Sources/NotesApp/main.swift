import AuthGate
import Foundation
import Hummingbird
import KeyCore
import SchemaKit

// `NotesApp schema` prints the OpenAPI document; `NotesApp [port]` serves (default 8080; 0 picks
// a free port) and prints one demo API key per user.
let alice = UserIdentity(id: "alice", email: "alice@example.com")
let bob = UserIdentity(id: "bob", email: "bob@example.com")
let keys = KeyService(store: InMemoryKeyStore())
let gatekeeper = Gatekeeper(authenticators: [APIKeyAuthenticator(keys: keys, users: InMemoryUserDirectory([alice, bob]))])
let arguments = CommandLine.arguments.dropFirst()

/// Writes a line to standard output at once (unbuffered, so a supervisor reading a pipe sees it).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

if arguments.first == "schema" {
    let document = notesRoutes.openAPI(info: DocumentInfo(title: "Notes", version: "1.0.0"), schemes: gatekeeper.schemes)
    FileHandle.standardOutput.write(try document.render(.v3_0_3, as: .yaml))
    exit(0)
}

let store = NoteStore(notes: [
    Note(id: 1, ownerID: "alice", text: "Alice's first note"),
    Note(id: 2, ownerID: "bob", text: "Bob's note"),
])
for user in [alice, bob] {
    let issued = try await keys.create(name: "demo", owner: KeyOwner(.user, user.id))
    say("demo key for \(user.id): \(issued.key.revealed)")   // shown once, as a key service would
}
let router = Router()
notesRoutes.register(on: router, gatekeeper: gatekeeper, service: store)
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: Int(arguments.first ?? "") ?? 8080)),
    onServerRunning: { channel in say("listening on port \(channel.localAddress?.port ?? 0)") })
try await app.runService()
