import AuthGate

/// DRF's `AnonRateThrottle` and `UserRateThrottle`: once a route's permission has allowed a
/// request, a request on no credential counts against its client address, and one on a
/// credential against the user it acts for (a key that acts for no user: against the key).
/// Either is `nil` when off.
struct RequestThrottles: Sendable {
    let anonymous: Throttle?
    let user: Throttle?

    /// Counts the request, or refuses it with 429 past its rate.
    func check(_ authorization: Authorization) throws {
        guard let principal = authorization.principal else {
            try anonymous?.check(["address:\(authorization.request.facts.remoteAddress ?? "unknown")"])
            return
        }
        let identity = principal.user.map { "user:\($0.id)" } ?? principal.keyRecord.map { "key:\($0.id)" } ?? "unknown"
        try user?.check([identity])
    }
}
