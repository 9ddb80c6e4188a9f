import Foundation

/// One result row, read by column name. Every accessor checks the stored type, so a schema
/// that drifted from the code is an error naming the column, never a wrong value.
struct SQLRow: Sendable {
    let columns: SQLColumnNames
    let values: [SQLValue]

    func value(_ column: String) throws(SQLDecodingError) -> SQLValue {
        guard let index = columns.index(of: column) else { throw SQLDecodingError(column: column, problem: "is not in the result") }
        return values[index]
    }

    func string(_ column: String) throws(SQLDecodingError) -> String {
        guard let text = try optionalString(column) else { throw SQLDecodingError(column: column, problem: "is null") }
        return text
    }

    func optionalString(_ column: String) throws(SQLDecodingError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        default: throw SQLDecodingError(column: column, problem: "is not text")
        }
    }

    func int(_ column: String) throws(SQLDecodingError) -> Int {
        try Self.int(value(column), column: column)
    }

    /// The first column as a whole number: `COUNT(*)`, `SUM(…)` and the like.
    func firstInt() throws(SQLDecodingError) -> Int {
        guard let first = values.first else { throw SQLDecodingError(column: "#0", problem: "is not in the result") }
        return try Self.int(first, column: "#0")
    }

    func bool(_ column: String) throws(SQLDecodingError) -> Bool {
        switch try value(column) {
        case .bool(let flag): return flag
        case .integer(let number): return number != 0
        default: throw SQLDecodingError(column: column, problem: "is not a flag")
        }
    }

    func date(_ column: String) throws(SQLDecodingError) -> Date {
        guard let date = try optionalDate(column) else { throw SQLDecodingError(column: column, problem: "is null") }
        return date
    }

    func optionalDate(_ column: String) throws(SQLDecodingError) -> Date? {
        switch try value(column) {
        case .null: return nil
        case .date(let date): return date
        case .text(let text):
            guard let date = SQLiteDateText.date(from: text) else { throw SQLDecodingError(column: column, problem: "is not a date: '\(text)'") }
            return date
        default: throw SQLDecodingError(column: column, problem: "is not a date")
        }
    }

    /// The column's text as a case of `Value`.
    func enumeration<Value: RawRepresentable>(_ column: String) throws(SQLDecodingError) -> Value where Value.RawValue == String {
        let text = try string(column)
        guard let value = Value(rawValue: text) else { throw SQLDecodingError(column: column, problem: "has an unknown value '\(text)'") }
        return value
    }

    private static func int(_ value: SQLValue, column: String) throws(SQLDecodingError) -> Int {
        guard case .integer(let number) = value else { throw SQLDecodingError(column: column, problem: "is not a whole number") }
        return Int(number)
    }
}

/// The column names of a result, shared by all its rows.
final class SQLColumnNames: Sendable {
    private let indexes: [String: Int]

    init(_ names: [String]) {
        var indexes: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexes[name] == nil { indexes[name] = index }
        self.indexes = indexes
    }

    func index(of name: String) -> Int? { indexes[name] }
}

/// A column whose stored value the code cannot read.
struct SQLDecodingError: Error, CustomStringConvertible {
    let column: String
    let problem: String

    var description: String { "the column \(column) \(problem)" }
}
