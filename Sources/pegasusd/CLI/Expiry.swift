import ArgumentParser
import Foundation

/// An `--expires` value: a duration from now (`90d`, `12h`, `2w`), a UTC calendar date
/// (`2027-01-31`, valid through the end of that day) or an RFC 3339 instant.
enum Expiry: ExpressibleByArgument, Equatable {
    case after(TimeInterval)
    case at(Date)

    private static let unitSeconds: [Character: TimeInterval] = ["h": 3_600, "d": 86_400, "w": 604_800]

    init?(argument: String) {
        if let unit = argument.last.flatMap({ Self.unitSeconds[$0] }),
           let count = Int(argument.dropLast()), count > 0 {
            self = .after(TimeInterval(count) * unit)
        } else if let day = Self.calendarDay(argument) {
            self = .at(day.addingTimeInterval(86_400))
        } else if let instant = try? Date(argument, strategy: .iso8601) {
            self = .at(instant)
        } else {
            return nil
        }
    }

    /// The expiry instant for a key created at `now`.
    func date(after now: Date) -> Date {
        switch self {
        case .after(let interval): now.addingTimeInterval(interval)
        case .at(let date): date
        }
    }

    /// Midnight UTC starting `YYYY-MM-DD`, if `text` is a real calendar date.
    private static func calendarDay(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return date
    }
}
