import KeyCore
import PostgresNIO

/// A row of `stored_key` selected with ``KeyRowLayout/columns``, read by position.
struct PostgresKeyColumns: KeyColumns {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    // A cell of another type reads as missing, which ``KeyRowLayout/storedKey(_:)`` reports.
    func text(_ index: Int) -> String? { try? row[index].decode(String?.self) }
    func integer(_ index: Int) -> Int64? { try? row[index].decode(Int64?.self) }
}
