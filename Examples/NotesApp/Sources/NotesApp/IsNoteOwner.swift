import AuthGate

/// Allows a user to read the notes they own: an object-level check, asked by the handler once
/// it has loaded the note. `request.principal` is who the route's decision allowed on.
struct IsNoteOwner: Permission {
    static let notOwner = Denial(.forbidden, code: "not_owner", message: "This note belongs to someone else.")

    func evaluate(_ request: AuthRequest) async throws -> Decision { .allow(on: nil) }

    func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        guard let note = object as? Note, request.principal?.user?.id == note.ownerID else { return .deny(Self.notOwner) }
        return .allow(on: request.principal)
    }

    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}
