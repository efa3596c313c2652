import Foundation
import XCTest
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class SandboxStoreTests: XCTestCase {
    private let seed = Repository.path("seed.sql")
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func memoryStore() throws -> SandboxStore {
        try SandboxStore.open(databasePath: ":memory:", seedPath: seed)
    }

    private func value(_ store: SandboxStore, _ sql: String, _ bindings: [SQLiteValue] = []) throws -> SQLiteValue? {
        try store.withDatabase { try $0.queryRow(sql, bindings)?[0] }
    }

    private func startupError(databasePath: String = ":memory:", seedPath: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try SandboxStore.open(databasePath: databasePath, seedPath: seedPath)
            XCTFail("expected a start-up error", file: file, line: line)
            return nil
        } catch {
            return error.message
        }
    }

    private func writeFile(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: - The shipped seed

    func testSeed_HoldsTheContractsDemoIdentities() throws {
        let store = try memoryStore()
        XCTAssertEqual(try value(store, "SELECT client_secret FROM partners WHERE client_id = '2014000014442' AND family = 'DANA'"), "2014000014442")
        XCTAssertEqual(try value(store, "SELECT partner_id FROM merchants WHERE merchant_id = '216620000097087957144' AND status = 'ACTIVE'"), "2014000014442")
        XCTAssertEqual(try value(store, "SELECT status FROM users WHERE customer_number = '62811742234'"), "ACTIVE")
        XCTAssertEqual(try value(store, "SELECT full_name FROM users WHERE customer_number = '6281388370001'"), "John Doe")
        XCTAssertEqual(try value(store, "SELECT status FROM users WHERE customer_number = '628123456667'"), "FROZEN")
        XCTAssertNil(try value(store, "SELECT 1 FROM users WHERE customer_number = '628152768647'"), "the unregistered payee must stay unregistered")
        XCTAssertEqual(
            try value(store, """
                SELECT u.customer_number FROM customer_tokens t JOIN users u ON u.dana_id = t.dana_id
                WHERE t.token = 'fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a' AND t.scopes = '*'
                """),
            "62810987654321"
        )
        XCTAssertEqual(try value(store, "SELECT family FROM partners WHERE client_id = '010001'"), "PAYLABS")
        XCTAssertEqual(try value(store, "SELECT payment_type FROM subscriptions WHERE subscription_id = 'PY-1761114620.5313134'"), "StaticDanaSub")
    }

    func testSeed_HasTheDocsSampleTransaction_AmongAtLeast25() throws {
        let store = try memoryStore()
        let count = try value(store, "SELECT count(*) FROM subscription_transactions WHERE subscription_id = 'PY-1761114620.5313134'")?.int ?? 0
        XCTAssertGreaterThanOrEqual(count, 25)
        let sample = try XCTUnwrap(try store.withDatabase { try $0.queryRow("SELECT * FROM subscription_transactions WHERE platform_trade_no = '2025102400100000010'") })
        XCTAssertEqual(try sample.string("success_time"), "20251024055400")
        XCTAssertEqual(try sample.int("amount_cents"), 1_500_000)
        XCTAssertEqual(try sample.string("status"), "02")
        XCTAssertEqual(try sample.double("fee_rate"), 0)
        XCTAssertEqual(try sample.int("fee_amount_cents"), 250_000)
        XCTAssertEqual(try sample.int("total_fee_cents"), 250_000)
        XCTAssertEqual(try sample.int("vat_cents"), 27_500)
    }

    func testSeed_MakesEveryDocumentedFailureReachable() throws {
        let store = try memoryStore()
        let now = "2026-01-01T00:00:00+07:00"
        XCTAssertNotNil(try value(store, "SELECT 1 FROM customer_tokens WHERE expires_at < ?", [.text(now)]), "an expired token")
        XCTAssertNotNil(try value(store, "SELECT 1 FROM customer_tokens t WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.dana_id = t.dana_id)"), "a token whose user is gone")
        XCTAssertNotNil(try value(store, "SELECT 1 FROM customer_tokens WHERE scopes <> '*' AND expires_at > ?", [.text(now)]), "a token limited to some resources")
        XCTAssertNotNil(try value(store, "SELECT 1 FROM customer_tokens t JOIN users u ON u.dana_id = t.dana_id WHERE u.status = 'FROZEN'"), "a token of a frozen user")
        XCTAssertNotNil(try value(store, "SELECT 1 FROM merchants WHERE status = 'SUSPENDED'"), "a suspended merchant")
        XCTAssertNotNil(try value(store, "SELECT 1 FROM merchants WHERE status = 'ACTIVE' AND deposit_balance_cents = 0"), "a merchant with an empty deposit")
        XCTAssertNotNil(try value(store, "SELECT 1 FROM partners p WHERE family = 'DANA' AND NOT EXISTS (SELECT 1 FROM merchants m WHERE m.partner_id = p.client_id)"), "a partner without a merchant")
    }

    func testSeed_LoadsWithTheSQLite3Shell_AsTheREADMESays() throws {
        // given
        let database = folder.appendingPathComponent("look.db").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "sqlite3 -bail '\(database)' < '\(seed)'"]
        let errors = Pipe()
        shell.standardError = errors
        // when
        try shell.run()
        shell.waitUntilExit()
        // then
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(shell.terminationStatus, 0, message)
        let opened = try SandboxStore.open(databasePath: database, seedPath: seed)
        XCTAssertTrue(opened.reopened, "the shell-made database has the sandbox's schema")
    }

    // MARK: - Reset

    func testReset_RestoresEveryChangedTable() throws {
        // given
        let store = try memoryStore()
        try store.transaction { database in
            try database.run("UPDATE users SET status = 'FROZEN' WHERE customer_number = '62811742234'")
            try database.run("DELETE FROM subscription_transactions")
            try database.run("INSERT INTO b2b_tokens VALUES ('t', '2014000014442', '2026-01-01T00:00:00+07:00', '2026-01-01T00:15:00+07:00')")
            try database.run("CREATE TABLE scratch (x)")
        }
        // when
        try store.reset()
        // then
        XCTAssertEqual(try value(store, "SELECT status FROM users WHERE customer_number = '62811742234'"), "ACTIVE")
        XCTAssertGreaterThanOrEqual(try value(store, "SELECT count(*) FROM subscription_transactions")?.int ?? 0, 25)
        XCTAssertEqual(try value(store, "SELECT count(*) FROM b2b_tokens WHERE token = 't'"), .integer(0))
        XCTAssertNil(try value(store, "SELECT 1 FROM sqlite_schema WHERE name = 'scratch'"))
    }

    func testReset_OfAFileDatabase_KeepsItInWALMode_AndOnDisk() throws {
        // given
        let path = folder.appendingPathComponent("state.db").path
        let store = try SandboxStore.open(databasePath: path, seedPath: seed)
        try store.withDatabase { try $0.run("DELETE FROM users") }
        // when
        try store.reset()
        // then
        XCTAssertEqual(try value(store, "PRAGMA journal_mode"), "wal")
        let reopened = try SandboxStore.open(databasePath: path, seedPath: seed)
        XCTAssertGreaterThan(try value(reopened, "SELECT count(*) FROM users")?.int ?? 0, 0)
    }

    // MARK: - Persistence

    func testFileDatabase_KeepsStateAcrossARestart_AndSkipsTheSeed() throws {
        // given
        let path = folder.appendingPathComponent("state.db").path
        let first = try SandboxStore.open(databasePath: path, seedPath: seed)
        XCTAssertFalse(first.reopened)
        XCTAssertEqual(try value(first, "PRAGMA journal_mode"), "wal")
        try first.withDatabase { try $0.run("UPDATE users SET nickname = 'Changed' WHERE customer_number = '62811742234'") }
        // when
        let second = try SandboxStore.open(databasePath: path, seedPath: seed)
        // then
        XCTAssertTrue(second.reopened)
        XCTAssertEqual(try value(second, "SELECT nickname FROM users WHERE customer_number = '62811742234'"), "Changed")
    }

    func testMemoryDatabases_AreIndependent() throws {
        let one = try memoryStore()
        let two = try memoryStore()
        try one.withDatabase { try $0.run("DELETE FROM users") }
        XCTAssertGreaterThan(try value(two, "SELECT count(*) FROM users")?.int ?? 0, 0)
    }

    // MARK: - Start-up failures

    func testBrokenSeed_NamesTheFileTheLineAndSQLitesMessage() throws {
        let path = try writeFile("broken.sql", "PRAGMA user_version = 1;\n\nCREATE TABLE a (x);\nINSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);\n")
        XCTAssertEqual(startupError(seedPath: path), "broken seed: \(path):5: no such table: b")
    }

    func testSeedThatViolatesAConstraint_NamesTheStatementsLine() throws {
        let shipped = try String(contentsOfFile: seed, encoding: .utf8)
        let lines = shipped.split(separator: "\n", omittingEmptySubsequences: false).count
        let path = try writeFile("dup.sql", shipped + "\nINSERT INTO partners (client_id, family, name, public_key)\n    VALUES ('2014000014442', 'DANA', 'twin', 'k');\n")
        XCTAssertEqual(startupError(seedPath: path), "broken seed: \(path):\(lines + 1): UNIQUE constraint failed: partners.client_id")
    }

    func testMissingSeed_SaysSo() {
        let path = folder.appendingPathComponent("nope.sql").path
        XCTAssertEqual(startupError(seedPath: path), "cannot read seed file \(path): No such file or directory")
    }

    func testSeedWithoutATableTheCodeNeeds_FailsAtStart() throws {
        let shipped = try String(contentsOfFile: seed, encoding: .utf8)
        let path = try writeFile("short.sql", shipped + "\nDROP TABLE paylabs_request_ids;\n")
        XCTAssertEqual(startupError(seedPath: path), "seed \(path) does not fit this sandbox: it has no table paylabs_request_ids")
    }

    func testExistingFileOfAnotherSchemaVersion_FailsAtStart() throws {
        let path = folder.appendingPathComponent("old.db").path
        let old = try SQLiteDatabase(path: path)
        try old.execute("PRAGMA user_version = 99; CREATE TABLE x (y)")
        XCTAssertEqual(
            startupError(databasePath: path, seedPath: seed),
            "database \(path) does not fit this sandbox: its schema version (PRAGMA user_version) is 99; this sandbox needs 1"
        )
    }

    func testUnopenableDatabase_SaysWhere() {
        XCTAssertEqual(
            startupError(databasePath: "/no/such/folder/x.db", seedPath: seed),
            "cannot use database /no/such/folder/x.db: cannot open /no/such/folder/x.db: unable to open database file"
        )
    }
}
