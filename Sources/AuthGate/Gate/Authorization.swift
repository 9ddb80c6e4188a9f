import KeyCore

/// A request a permission allowed, and who it was allowed on.
///
/// The handler acts for ``principal`` — the credential that decided, never another one sent
/// along: with `IsAuthenticated() | HasUserAPIKey()`, A's session cookie beside B's key acts as
/// A (the left branch allowed first); with `(IsAuthenticated() & IsAdminUser()) | HasUserAPIKey()`
/// and A not an admin, it acts as B.
public struct Authorization: Sendable {
    /// The request, with ``AuthRequest/principal`` set to the decision's principal.
    public let request: AuthRequest
    /// The permission that allowed it.
    public let permission: any Permission
    let gatekeeper: Gatekeeper

    /// The principal the decision allowed on; `nil` when no credential decided (``AllowAny``).
    public var principal: Principal? { request.principal }

    /// The user the request acts for: the principal's user, `nil` for team and service keys and
    /// where no credential decided.
    public var user: UserIdentity? { principal?.user }

    /// The API key or access token the decision allowed on, if it was one.
    public var keyRecord: KeyRecord? { principal?.keyRecord }

    /// Asks the permission's object-level check about `object` (DRF's
    /// `check_object_permissions`), once the handler has loaded it.
    /// - Returns: the authorization for acting on `object` (its principal is who may: under
    ///   ``AnyOf`` the member that allowed both the request and the object).
    /// - Throws: the ``Refusal`` when the object is not allowed (403, or 401 with challenges).
    @discardableResult
    public func authorize(object: any Sendable) async throws -> Authorization {
        switch try await permission.evaluate(request, object: object) {
        case .allow(let principal):
            return Authorization(request: request.on(principal), permission: permission, gatekeeper: gatekeeper)
        case .deny(let denial):
            throw await gatekeeper.refusal(for: denial, of: request, by: permission)
        }
    }
}
