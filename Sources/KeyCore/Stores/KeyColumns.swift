/// One row of a SQL key table, read by column position in ``KeyRowLayout/columns`` order.
///
/// Each SQL store adapts its driver's row to this, so that all of them decode a key with the same
/// code (``KeyRowLayout/storedKey(_:)``).
public protocol KeyColumns {
    /// The text in column `index`, or `nil` for SQL `NULL`.
    func text(_ index: Int) -> String?
    /// The integer in column `index`, or `nil` for SQL `NULL`.
    func integer(_ index: Int) -> Int64?
}
