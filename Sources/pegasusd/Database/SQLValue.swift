import Foundation

/// A value bound to a statement's `?` or read from a result column, the same for SQLite and
/// PostgreSQL: each back end maps it to its own types (a date is SQLite text in GRDB's
/// `YYYY-MM-DD HH:MM:SS.SSS` format, a PostgreSQL `timestamptz`; a flag is SQLite's 0 or 1, a
/// PostgreSQL `boolean`).
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case bool(Bool)
    case date(Date)
}

/// A Swift value that can be bound to a statement parameter.
protocol SQLArgument: Sendable {
    var sqlValue: SQLValue { get }
}

extension String: SQLArgument {
    var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLArgument {
    var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Bool: SQLArgument {
    var sqlValue: SQLValue { .bool(self) }
}

extension Date: SQLArgument {
    var sqlValue: SQLValue { .date(self) }
}

extension Optional: SQLArgument where Wrapped: SQLArgument {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension RawRepresentable where Self: SQLArgument, RawValue == String {
    var sqlValue: SQLValue { .text(rawValue) }
}
