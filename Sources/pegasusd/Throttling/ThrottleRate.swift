import Foundation

/// A rate as Django REST Framework writes it: `10/minute`, `100/hour`, `5/second`, `1000/day`
/// (only the first letter of the period counts, so `10/min` and `10/m` work too).
struct ThrottleRate: Equatable, Sendable, CustomStringConvertible {
    let requests: Int
    let period: TimeInterval

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let requests = Int(parts[0].trimmingCharacters(in: .whitespaces)), requests > 0,
              let unit = parts[1].trimmingCharacters(in: .whitespaces).lowercased().first,
              let period = ["s": 1.0, "m": 60, "h": 3_600, "d": 86_400][String(unit)]
        else { return nil }
        self.requests = requests
        self.period = period
    }

    var description: String { "\(requests) per \(Int(period)) s" }
}
