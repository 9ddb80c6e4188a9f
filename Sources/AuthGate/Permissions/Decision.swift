/// A permission's answer for one request (or one object), with who it was decided on.
///
/// An allow names the principal whose credential decided it, so that the handler acts for
/// exactly that principal — never for another credential that happened to ride along. There
/// is no bare `.allow`: a permission says `.allow(on: principal)`, or `.allow(on: nil)` when no
/// credential decided (``AllowAny``, ``ReadOnly``, a negation). Credential-based permissions
/// usually answer ``AuthRequest/decision(on:)``, which does this for them.
public enum Decision: Equatable, Sendable {
    /// Allowed on the strength of `principal`; `nil` when no credential decided it.
    case allow(on: Principal?)
    case deny(Denial)

    public var isAllowed: Bool {
        if case .allow = self { true } else { false }
    }

    /// The principal an allow was decided on; `nil` for a denial or an allow on no credential.
    public var principal: Principal? {
        if case .allow(let principal) = self { principal } else { nil }
    }

    /// The denial, or `nil` when allowed.
    public var denial: Denial? {
        if case .deny(let denial) = self { denial } else { nil }
    }
}
