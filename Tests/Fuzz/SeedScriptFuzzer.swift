import CSQLite
import SandboxStorage

/// The seed-script splitter (SQLiteDatabase.executeScript), which walks a script statement by
/// statement so a failure can name its line. Properties, against SQLite's own sqlite3_exec over the
/// same text on a second in-memory database: both succeed or both fail, they leave the same schema,
/// and a failure names a line that exists in the script. The scratch folder `make fuzz` runs in
/// catches anything an ATTACH or VACUUM INTO writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeedScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let script = String(decoding: input, as: UTF8.self)
    guard let database = try? SQLiteDatabase(path: ":memory:") else { violated("an in-memory database did not open") }
    var failedLine: Int? = nil
    do {
        try database.executeScript(script)
    } catch {
        failedLine = error.line
    }
    let lines = script.utf8.prefix { $0 != 0 }.filter { $0 == 0x0A }.count + 1
    if let failedLine, !(1...lines).contains(failedLine) {
        violated("a failure names line \(failedLine) of a \(lines)-line script", "input \(hex(input))")
    }

    var reference: OpaquePointer?
    guard sqlite3_open(":memory:", &reference) == SQLITE_OK, let reference else { violated("sqlite3_open failed") }
    defer { sqlite3_close(reference) }
    sqlite3_exec(reference, "PRAGMA foreign_keys = ON", nil, nil, nil)
    let referenceFailed = sqlite3_exec(reference, script, nil, nil, nil) != SQLITE_OK
    if referenceFailed != (failedLine != nil) {
        violated("the splitter \(failedLine != nil ? "fails" : "succeeds") where sqlite3_exec \(referenceFailed ? "fails" : "succeeds")", "input \(hex(input))")
    }
    let schemaQuery = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"
    let ours = (try? database.query(schemaQuery).map { "\($0)" }) ?? ["unreadable"]
    var theirs: [String] = []
    var statement: OpaquePointer?
    if sqlite3_prepare_v2(reference, schemaQuery, -1, &statement, nil) == SQLITE_OK {
        while sqlite3_step(statement) == SQLITE_ROW {
            theirs.append((0..<3).map { column in sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL" }.joined(separator: "|"))
        }
    }
    sqlite3_finalize(statement)
    if ours.count != theirs.count {
        violated("the splitter leaves \(ours.count) schema objects where sqlite3_exec leaves \(theirs.count)", "input \(hex(input))")
    }
    return 0
}
