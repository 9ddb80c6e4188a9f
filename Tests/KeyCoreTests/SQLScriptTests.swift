import Testing
@testable import KeyCorePostgres

/// Migration scripts are split at the semicolons that end statements, and at no other.
@Suite struct SQLScriptTests {
    @Test(arguments: [
        ("CREATE TABLE a (x INT); CREATE TABLE b (y INT);", ["CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"]),
        ("SELECT 'a;b', 'it''s;'; SELECT 2", ["SELECT 'a;b', 'it''s;'", "SELECT 2"]),
        (#"SELECT E'\';' ; SELECT 'x\'"#, [#"SELECT E'\';'"#, #"SELECT 'x\'"#]),
        (#"SELECT "odd;name" FROM t"#, [#"SELECT "odd;name" FROM t"#]),
        ("SELECT 1 -- not here; nor here\n; SELECT 2", ["SELECT 1 -- not here; nor here", "SELECT 2"]),
        ("SELECT /* a; /* nested; */ still; */ 1; SELECT 2", ["SELECT /* a; /* nested; */ still; */ 1", "SELECT 2"]),
        ("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql; SELECT f()",
         ["CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql", "SELECT f()"]),
        ("DO $tag$ BEGIN PERFORM '$$;'; END $tag$; SELECT 1", ["DO $tag$ BEGIN PERFORM '$$;'; END $tag$", "SELECT 1"]),
        ("SELECT $1; SELECT a$b FROM t", ["SELECT $1", "SELECT a$b FROM t"]),
        ("-- only a comment;\n  ;; /* and another */ ; SELECT 1\n-- trailing", ["SELECT 1\n-- trailing"]),
        ("", []),
    ])
    func splitsAtStatementEnds(script: String, statements: [String]) {
        #expect(SQLScript.statements(script) == statements)
    }
}
