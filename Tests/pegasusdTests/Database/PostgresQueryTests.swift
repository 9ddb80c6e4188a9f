import Testing
@testable import pegasusd

/// Statements are written once with `?`; PostgreSQL gets them numbered.
@Suite struct PostgresQueryTests {
    @Test func questionMarksOutsideQuotesAreNumbered() {
        let query = PostgresSQLConnection.query(#"SELECT '?', "a?b", ? FROM t WHERE x = ? AND y = 'it''s ?'"#, ["a", 1])
        #expect(query.sql == #"SELECT '?', "a?b", $1 FROM t WHERE x = $2 AND y = 'it''s ?'"#)
        #expect(query.binds.count == 2)
    }
}
