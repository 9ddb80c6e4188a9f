import AuthGate

/// The permission of a product route: a token with `scope`, or a signed-in member, and then the
/// workspace's rules for `action` — `(HasScope(scope) | IsAuthenticated()) & WorkspaceAllows(action)`.
/// The schema shows the credential part (the token's scope, or a session or JWT).
func productPermission(_ scope: Scope, _ action: WorkspaceAction) -> any Permission {
    (HasScope(scope) | IsAuthenticated()) & WorkspaceAllows(action)
}
