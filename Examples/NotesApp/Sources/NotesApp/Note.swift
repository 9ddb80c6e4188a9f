import Hummingbird

/// A note, owned by one user.
struct Note: Codable, Sendable, ResponseEncodable {
    let id: Int
    let ownerID: String
    let text: String
}

/// The app's own store: notes in memory.
struct NoteStore: Sendable {
    let notes: [Note]

    func notes(ownedBy userID: String) -> [Note] { notes.filter { $0.ownerID == userID } }
    func note(id: Int) -> Note? { notes.first { $0.id == id } }
}
