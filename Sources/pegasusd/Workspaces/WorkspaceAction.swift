/// What a product request does within its workspace, which decides the role it needs and
/// whether a read-only team allows it.
enum WorkspaceAction: Sendable {
    /// Reading anything: every seated member, viewers included.
    case read
    /// Creating or deleting API conversations and chatting: members and above.
    case converse
    /// Creating, changing or deleting bots and their documents: admins and owners.
    case manageBots

    var minimumRole: Membership.Role {
        switch self {
        case .read: .viewer
        case .converse: .member
        case .manageBots: .admin
        }
    }

    var isWrite: Bool { self != .read }
}
