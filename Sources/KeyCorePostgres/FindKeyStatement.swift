import KeyCore
import PostgresNIO

/// The verification read, `SELECT … WHERE lookup_id = $1`, prepared once per connection so that
/// each lookup is one round trip with no parsing or planning on the server.
struct FindKeyStatement: PostgresPreparedStatement {
    typealias Row = StoredKey

    static let sql = "SELECT \(KeyRowLayout.columns) FROM stored_key WHERE lookup_id = $1"
    static let bindingDataTypes: [PostgresDataType] = [.text]

    let lookupID: String

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(lookupID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> StoredKey {
        try KeyRowLayout.storedKey(PostgresKeyColumns(row))
    }
}
