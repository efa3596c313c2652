import CSQLite
import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class SQLiteDatabaseTests: XCTestCase {
    private var database: SQLiteDatabase!

    override func setUpWithError() throws {
        database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, ratio REAL, data BLOB, note TEXT)")
    }

    func testBindings_RoundTripEveryStorageClass() throws {
        // when
        try database.run("INSERT INTO t (id, name, ratio, data, note) VALUES (?, ?, ?, ?, ?)", [7, "Siti Rahayu", 0.015, .blob([0, 1, 255]), nil])
        // then
        let row = try XCTUnwrap(try database.queryRow("SELECT * FROM t WHERE name = ?", ["Siti Rahayu"]))
        XCTAssertEqual(try row["id"], .integer(7))
        XCTAssertEqual(try row.string("name"), "Siti Rahayu")
        XCTAssertEqual(try row.double("ratio"), 0.015)
        XCTAssertEqual(try row["data"], .blob([0, 1, 255]))
        XCTAssertEqual(try row["note"], .null)
        // A column the row does not have is a bug to report, not a NULL.
        XCTAssertThrowsError(try row["missing"])
    }

    func testNonASCIIText_IsStoredAsUTF8() throws {
        try database.run("INSERT INTO t (name) VALUES (?)", ["José – Jakarta"])
        XCTAssertEqual(try database.queryRow("SELECT name, length(name) AS n FROM t")?[0].string, "José – Jakarta")
    }

    func testStatements_ArePreparedOnce_AndReused() throws {
        for i in 0..<50 {
            try database.run("INSERT INTO t (id, name) VALUES (?, ?)", [.integer(Int64(i)), .text("n\(i)")])
        }
        XCTAssertEqual(database.cachedStatementCount, 1)
        XCTAssertEqual(try database.queryRow("SELECT count(*) FROM t")?[0], .integer(50))
    }

    func testRun_ReturnsChangedRowCount() throws {
        try database.execute("INSERT INTO t (id) VALUES (1), (2), (3)")
        XCTAssertEqual(try database.run("UPDATE t SET note = 'x' WHERE id > ?", [1]), 2)
    }

    func testWrongNumberOfBindings_IsAnError_AndTheStatementStaysUsable() throws {
        XCTAssertThrowsError(try database.query("SELECT * FROM t WHERE id = ?", [1, 2])) { error in
            XCTAssertEqual((error as? SQLiteError)?.code, SQLITE_RANGE)
        }
        XCTAssertEqual(try database.query("SELECT * FROM t WHERE id = ?", [1]).count, 0)
    }

    func testConstraintError_CarriesExtendedCodeMessageAndSQL() throws {
        try database.run("INSERT INTO t (name) VALUES (?)", ["dup"])
        XCTAssertThrowsError(try database.run("INSERT INTO t (name) VALUES (?)", ["dup"])) { error in
            let sqliteError = error as? SQLiteError
            XCTAssertEqual(sqliteError?.code, 2067) // SQLITE_CONSTRAINT_UNIQUE
            XCTAssertEqual(sqliteError?.isConstraintViolation, true)
            XCTAssertEqual(sqliteError?.message, "UNIQUE constraint failed: t.name")
            XCTAssertEqual(sqliteError?.sql, "INSERT INTO t (name) VALUES (?)")
            XCTAssertTrue(sqliteError?.description.contains("SQLITE_CONSTRAINT") == true || sqliteError?.description.contains("constraint") == true)
        }
    }

    func testSyntaxError_IsThrownAtPrepare_WithTheSQL() {
        XCTAssertThrowsError(try database.query("SELEKT 1")) { error in
            XCTAssertEqual((error as? SQLiteError)?.primaryCode, SQLITE_ERROR)
            XCTAssertEqual((error as? SQLiteError)?.sql, "SELEKT 1")
            XCTAssertTrue((error as? SQLiteError)?.message.contains("syntax error") == true)
        }
    }

    func testTransaction_Commits() throws {
        try database.transaction {
            try database.run("INSERT INTO t (id) VALUES (1)")
            try database.run("INSERT INTO t (id) VALUES (2)")
        }
        XCTAssertEqual(try database.queryRow("SELECT count(*) FROM t")?[0], .integer(2))
    }

    func testTransaction_RollsBackOnError_AndRethrowsTheFirstError() throws {
        struct Boom: Error {}
        XCTAssertThrowsError(try database.transaction {
            try database.run("INSERT INTO t (id) VALUES (1)")
            throw Boom()
        }) { error in
            XCTAssertTrue(error is Boom)
        }
        XCTAssertEqual(try database.queryRow("SELECT count(*) FROM t")?[0], .integer(0))
        // and the connection is usable afterwards
        try database.transaction { try database.run("INSERT INTO t (id) VALUES (3)") }
        XCTAssertEqual(try database.queryRow("SELECT count(*) FROM t")?[0], .integer(1))
    }

    func testScript_RunsEveryStatement() throws {
        try database.executeScript("""
            -- a comment
            INSERT INTO t (id, name) VALUES (1, 'a');
            /* block */ INSERT INTO t (id, name) VALUES (2, 'b; not the end');
            SELECT 1;
            """)
        XCTAssertEqual(try database.queryRow("SELECT name FROM t WHERE id = 2")?[0].string, "b; not the end")
    }

    /// Found by the seed-script fuzz target: sqlite3_exec skips a vertical tab or form feed
    /// between statements, SQLite's tokenizer refuses them, and the splitter failed on them.
    func testScript_WithAVerticalTabOrFormFeedBetweenStatements_RunsLikeSqlite3Exec() throws {
        try database.executeScript("INSERT INTO t (id, name) VALUES (1, 'a');\u{0B}\u{0C}/* comment */ INSERT INTO t (id, name) VALUES (2, 'b');")
        XCTAssertEqual(try database.queryRow("SELECT count(*) FROM t")?[0], .integer(2))
    }

    func testScriptSyntaxError_NamesTheLineOfTheError() {
        let script = "INSERT INTO t (id) VALUES (1);\n\n-- next one is broken\nINSERT INTO t (id)\n  VALUSE (2);\n"
        XCTAssertThrowsError(try database.executeScript(script)) { error in
            let scriptError = error as? SQLiteScriptError
            XCTAssertEqual(scriptError?.line, 5)
            XCTAssertEqual(scriptError?.error.message, "near \"VALUSE\": syntax error")
        }
    }

    func testScriptConstraintError_NamesTheLineWhereTheStatementStarts() {
        let script = "INSERT INTO t (name) VALUES ('x');\n\n  INSERT INTO t (name)\n  VALUES ('x');\n"
        XCTAssertThrowsError(try database.executeScript(script)) { error in
            let scriptError = error as? SQLiteScriptError
            XCTAssertEqual(scriptError?.line, 3)
            XCTAssertEqual(scriptError?.error.message, "UNIQUE constraint failed: t.name")
        }
    }

    func testReplaceContents_CopiesTablesAndRows() throws {
        // given
        let source = try SQLiteDatabase(path: ":memory:")
        try source.execute("CREATE TABLE other (x TEXT); INSERT INTO other VALUES ('copied')")
        try database.run("INSERT INTO t (id) VALUES (1)")
        // when
        try database.replaceContents(with: source)
        // then
        XCTAssertEqual(try database.queryRow("SELECT x FROM other")?[0].string, "copied")
        XCTAssertThrowsError(try database.query("SELECT * FROM t"), "the old table must be gone")
    }

    func testOpeningAnUnopenablePath_IsAnError() {
        XCTAssertThrowsError(try SQLiteDatabase(path: "/no/such/folder/x.db")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.hasPrefix("cannot open /no/such/folder/x.db") == true, "\(error)")
        }
    }
}
