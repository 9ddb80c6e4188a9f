public import AuthGate
public import SchemaKit

extension OperationDescription {
    /// This operation with its `security` taken from the permission that guards it, so the
    /// document says exactly which credentials get through: `IsAuthenticated() | HasUserAPIKey()`
    /// lists each interactive scheme and each API key scheme as an alternative, `AllowAny()` is
    /// anonymous (`security: [{}]`), `HasScope("bots:read")` names the scope.
    public func secured(by permission: any Permission, schemes: [SecurityScheme]) -> OperationDescription {
        var secured = self
        secured.security = permission.securityAlternatives(for: method.rawValue.uppercased(), schemes: schemes).requirements
        return secured
    }
}
