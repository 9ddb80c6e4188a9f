/// Allows only safe methods (GET, HEAD, OPTIONS), for anyone.
public struct ReadOnly: Permission {
    public static let denial = Denial(
        .forbidden, code: Denial.Codes.permissionDenied, message: "This resource is read-only.")

    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        request.facts.isSafeMethod ? .allow(on: nil) : .deny(Self.denial)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        RequestFacts.safeMethods.contains(method.uppercased()) ? .anonymous : .unsatisfiable
    }
}
