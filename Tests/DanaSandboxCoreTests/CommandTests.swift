import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class CommandTests: XCTestCase {
    private func serve(_ arguments: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> ServeOptions {
        guard case .serve(let options) = try Command.parse(["serve"] + arguments, environment: environment) else {
            XCTFail("expected serve", file: file, line: line)
            return ServeOptions()
        }
        return options
    }

    private func usageError(_ arguments: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try Command.parse(arguments, environment: environment)
            XCTFail("expected a usage error", file: file, line: line)
            return ""
        } catch {
            return error.message
        }
    }

    func testDefaults_AreTheContractsDefaults() throws {
        let options = try serve([])
        XCTAssertEqual(options.host, "127.0.0.1")
        XCTAssertEqual(options.port, 8080)
        XCTAssertEqual(options.database, ":memory:")
        // The built-in seed, scenarios and keys: the binary serves from any folder.
        XCTAssertNil(options.seed)
        XCTAssertNil(options.scenarios)
        XCTAssertNil(options.keys)
        XCTAssertEqual(options.logFormat, .text)
        XCTAssertEqual(options.signatures, .enforce)
        XCTAssertEqual(options.journalLimit, 1000)
        XCTAssertNil(options.adminToken)
        XCTAssertEqual(options.maxBodyBytes, 1024 * 1024)
        XCTAssertTrue(options.explicitlySet.isEmpty)
    }

    func testEveryFlag_IsParsed_InBothSpellings() throws {
        let options = try serve([
            "--host", "0.0.0.0", "--port=0", "--db", "state.db", "--seed=my.sql", "--scenarios", "drills",
            "--keys", "k", "--scenario", "a/b", "--scenario=c", "--partner", "P1=keys/p1.pem",
            "--log-format", "json", "--signatures", "off", "--journal-limit", "5", "--admin-token", "t0k",
            "--max-body", "2048", "--read-timeout", "1.5", "--idle-timeout", "3",
            "--partner", "paylabs:010009=p.pem", "--partner-secret", "P1=s3cret", "--timestamp-window", "60",
            "--openapi-signature-error", "00000019:INVALID_SIGNATURE:bad signature", "--ca-file", "ca.pem", "--insecure",
            "--fixtures", "a.json", "--fixtures=b.json", "--strict", "--session-ttl", "30", "--max-sessions", "8",
        ])
        XCTAssertEqual(options.host, "0.0.0.0")
        XCTAssertEqual(options.port, 0)
        XCTAssertEqual(options.database, "state.db")
        XCTAssertEqual(options.seed, "my.sql")
        XCTAssertEqual(options.scenarios, "drills")
        XCTAssertEqual(options.keys, "k")
        XCTAssertEqual(options.activeScenarios, ["a/b", "c"])
        XCTAssertEqual(options.partners, [
            ServeOptions.PartnerKey(clientID: "P1", publicKeyPath: "keys/p1.pem"),
            ServeOptions.PartnerKey(clientID: "010009", publicKeyPath: "p.pem", family: .paylabs),
        ])
        XCTAssertEqual(options.partnerSecrets, ["P1": "s3cret"])
        XCTAssertEqual(options.timestampWindowSeconds, 60)
        XCTAssertEqual(options.openAPISignatureFailure, OpenAPIResult(.failure, "00000019", "INVALID_SIGNATURE", "bad signature"))
        XCTAssertEqual(options.logFormat, .json)
        XCTAssertEqual(options.signatures, .off)
        XCTAssertEqual(options.journalLimit, 5)
        XCTAssertEqual(options.adminToken, "t0k")
        XCTAssertEqual(options.maxBodyBytes, 2048)
        XCTAssertEqual(options.readTimeoutSeconds, 1.5)
        XCTAssertEqual(options.idleTimeoutSeconds, 3)
        XCTAssertEqual(options.caFile, "ca.pem")
        XCTAssertTrue(options.insecure)
        XCTAssertEqual(options.fixtures, ["a.json", "b.json"])
        XCTAssertTrue(options.strict)
        XCTAssertEqual(options.sessionTTLSeconds, 30)
        XCTAssertEqual(options.maxSessions, 8)
        XCTAssertEqual(options.explicitlySet, Set(ServeOptions.flagNames))
    }

    func testEnvironmentVariables_SetEveryFlag() throws {
        var environment: [String: String] = [:]
        for flag in ServeOptions.flagNames { environment[ServeOptions.environmentName(of: flag)] = "" }
        let options = try serve([], environment: [
            "DANA_SANDBOX_PORT": "9090",
            "DANA_SANDBOX_LOG_FORMAT": "json",
            "DANA_SANDBOX_SCENARIO": "one, two",
            "DANA_SANDBOX_JOURNAL_LIMIT": "7",
            "DANA_SANDBOX_ADMIN_TOKEN": "secret",
        ])
        XCTAssertEqual(options.port, 9090)
        XCTAssertEqual(options.logFormat, .json)
        XCTAssertEqual(options.activeScenarios, ["one", "two"])
        XCTAssertEqual(options.journalLimit, 7)
        XCTAssertEqual(options.adminToken, "secret")
        XCTAssertEqual(ServeOptions.environmentName(of: "log-format"), "DANA_SANDBOX_LOG_FORMAT")
    }

    func testSwitch_TakesNoValue_ButMayBeTurnedOffByVariableOrEquals() throws {
        XCTAssertTrue(try serve(["--insecure", "--port", "1"]).insecure)
        XCTAssertFalse(try serve(["--insecure=false"]).insecure)
        XCTAssertTrue(try serve([], environment: ["DANA_SANDBOX_INSECURE": "1"]).insecure)
        XCTAssertFalse(try serve([], environment: ["DANA_SANDBOX_INSECURE": "false"]).insecure)
        XCTAssertThrowsError(try serve(["--insecure=maybe"]))
    }

    func testFlag_WinsOverItsVariable() throws {
        let options = try serve(["--port", "7000", "--scenario", "x"], environment: ["DANA_SANDBOX_PORT": "9090", "DANA_SANDBOX_SCENARIO": "y,z"])
        XCTAssertEqual(options.port, 7000)
        XCTAssertEqual(options.activeScenarios, ["x"])
    }

    func testUnknownFlag_IsAUsageError() {
        XCTAssertEqual(usageError(["serve", "--prot", "1"]), "unknown option '--prot'")
    }

    func testFlagWithoutValue_IsAUsageError() {
        XCTAssertEqual(usageError(["serve", "--port"]), "--port needs a value")
        XCTAssertEqual(usageError(["serve", "--port", "--host", "x"]), "--port needs a value")
    }

    func testBadValues_AreUsageErrors_ThatSayWhatIsAllowed() {
        XCTAssertEqual(usageError(["serve", "--port", "70000"]), "--port takes a whole number from 0 to 65535, not '70000'")
        XCTAssertEqual(usageError(["serve", "--log-format", "xml"]), "--log-format takes text or json, not 'xml'")
        XCTAssertEqual(usageError(["serve", "--signatures", "maybe"]), "--signatures takes enforce or off, not 'maybe'")
        XCTAssertEqual(usageError(["serve", "--partner", "nokey"]), "--partner takes [dana:|paylabs:]CLIENT_ID=PUBLIC_KEY_FILE, not 'nokey'")
        XCTAssertEqual(usageError(["serve", "--openapi-signature-error", "x"]), "--openapi-signature-error takes RESULT_CODE_ID:RESULT_CODE[:MESSAGE], not 'x'")
        XCTAssertEqual(usageError(["serve", "--read-timeout", "0"]), "--read-timeout takes a number of seconds above 0, not '0'")
    }

    func testBadVariable_IsAUsageError_NamingTheVariable() {
        XCTAssertEqual(
            usageError(["serve"], environment: ["DANA_SANDBOX_PORT": "eighty"]),
            "DANA_SANDBOX_PORT: --port takes a whole number from 0 to 65535, not 'eighty'"
        )
    }

    func testRepeatedSingleFlag_IsAUsageError() {
        XCTAssertEqual(usageError(["serve", "--port", "1", "--port", "2"]), "--port is given more than once")
    }

    func testStrayArgument_IsAUsageError() {
        XCTAssertEqual(usageError(["serve", "now"]), "unexpected argument 'now'")
    }

    func testMissingOrUnknownCommand_AreUsageErrors() {
        XCTAssertEqual(usageError([]), "missing command: say 'serve', 'sign', 'scenarios check', 'destination-inquiry', 'init', or '--help'")
        XCTAssertEqual(usageError(["serv"]), "unknown command 'serv'")
        XCTAssertEqual(usageError(["--port", "1"]), "unknown option '--port' before the command; options follow 'serve'")
    }

    func testHelpAndVersion() throws {
        XCTAssertEqual(try Command.parse(["--help"], environment: [:]), .help(nil))
        XCTAssertEqual(try Command.parse(["serve", "--help"], environment: [:]), .help(.serve))
        XCTAssertEqual(try Command.parse(["init", "-h"], environment: [:]), .help(.initialize))
        XCTAssertEqual(try Command.parse(["--version"], environment: [:]), .version)
    }

    func testUsage_MentionsEveryFlag() {
        for flag in ServeOptions.flagNames {
            XCTAssertTrue(Usage.text.contains("--\(flag) "), "usage does not mention --\(flag)")
            XCTAssertTrue(Usage.text(for: .serve).contains("--\(flag) "), "serve's page does not mention --\(flag)")
        }
    }
}
