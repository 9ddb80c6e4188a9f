/// A rule that allows or denies a request, and optionally one object the request touches.
///
/// Permissions are values. Compose them with `|`, `&` and `!` (or ``anyOf(_:)`` and
/// ``allOf(_:)``), attach one to each route, and test them without a server by evaluating them
/// on an ``AuthRequest`` built in the test.
///
/// ```swift
/// struct IsOwner: Permission {
///     func evaluate(_ request: AuthRequest) async throws -> Decision { .allow(on: nil) }
///     func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
///         guard let item = object as? Item, request.principal?.user?.id == item.ownerID else {
///             return .deny(Denial(.forbidden, code: "not_owner", message: "This item is not yours."))
///         }
///         return .allow(on: request.principal)
///     }
///     func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
/// }
/// ```
public protocol Permission: Sendable {
    /// The request-level check (DRF's `has_permission`), run before the handler. An allow names
    /// the principal it was decided on (see ``Decision``); in a conjunction,
    /// ``AuthRequest/principal`` holds what the members before this one allowed on.
    func evaluate(_ request: AuthRequest) async throws -> Decision

    /// The object-level check (DRF's `has_object_permission`), run by a handler once it has
    /// loaded the object, with ``AuthRequest/principal`` set to the principal the request-level
    /// decision allowed on. Only meaningful after ``evaluate(_:)`` allowed. Defaults to allow on
    /// that same principal.
    func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision

    /// Which credentials can satisfy this permission for `method`, given the schemes the
    /// server accepts: the OpenAPI `security` of an operation guarded by it.
    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives
}

extension Permission {
    public func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision { .allow(on: request.principal) }
}

/// Either permission allows; the left is evaluated first and the right only if the left denies.
/// The allowing side's principal acts.
public func | (lhs: any Permission, rhs: any Permission) -> AnyOf { anyOf([lhs, rhs]) }

/// Both permissions allow, on principals that act for the same party; the right is evaluated
/// only if the left allows.
public func & (lhs: any Permission, rhs: any Permission) -> AllOf { allOf([lhs, rhs]) }

/// Allows, on no principal, exactly when `permission` denies.
public prefix func ! (permission: any Permission) -> Not { Not(permission) }

/// Allows when any of `permissions` allows, trying them in order. Nested ``AnyOf`` values are
/// flattened, so `a | b | c` is one list.
public func anyOf(_ permissions: [any Permission]) -> AnyOf {
    AnyOf(permissions.flatMap { ($0 as? AnyOf)?.members ?? [$0] })
}

/// Allows when all of `permissions` allow, stopping at the first denial. Nested ``AllOf``
/// values are flattened.
public func allOf(_ permissions: [any Permission]) -> AllOf {
    AllOf(permissions.flatMap { ($0 as? AllOf)?.members ?? [$0] })
}
