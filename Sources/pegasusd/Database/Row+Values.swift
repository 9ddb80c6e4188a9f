import GRDB

extension Row {
    /// The text of `column` as an enumeration value, for records read by column on the request
    /// path (`Employee(row:)`, `Workspace(row:)`).
    /// - Throws: a database error naming the column and the value when no case has it.
    func value<Value: RawRepresentable>(of column: String) throws -> Value where Value.RawValue == String {
        let text: String = self[column]
        guard let value = Value(rawValue: text) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "\(column) has an unknown value '\(text)'")
        }
        return value
    }
}
