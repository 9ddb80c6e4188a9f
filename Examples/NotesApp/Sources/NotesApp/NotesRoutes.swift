import AuthGate
import AuthGateHummingbird
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// Each route declared once: the router and the OpenAPI document both come from this table.
let notesRoutes = RouteTable<NoteStore, BasicRequestContext>([
    Endpoint(.get, "/notes/", HasUserAPIKey(), tags: ["notes"], summary: "List your notes",
             responds: ResponseDescription(200, "The notes of the key's owner.", body: [Note].self)) { store, _, _, auth in
        store.notes(ownedBy: auth.user?.id ?? "")
    },
    Endpoint(.get, "/notes/{id}/", HasUserAPIKey() & IsNoteOwner(), tags: ["notes"], summary: "Show one of your notes",
             pathParameters: [PathParameter("id", type: Int.self, description: "The note's id.")],
             responds: ResponseDescription(200, "The note.", body: Note.self)) { store, _, context, auth in
        guard let note = store.note(id: try context.parameters.require("id", as: Int.self)) else { throw ProblemError.notFound("note") }
        try await auth.authorize(object: note)   // 403 not_owner for someone else's note
        return note
    },
])
