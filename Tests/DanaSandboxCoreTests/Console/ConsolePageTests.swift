import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore

/// The console's page and files, and what the admin guard lets through.
final class ConsolePageTests: RunningApplicationTestCase {
    func testThePage_IsServedWithAPolicyThatAllowsNothingFromElsewhere() throws {
        try start()
        let page = try RawHTTPClient(port: application.port).request("GET", "/sandbox/console")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.header("Content-Type"), "text/html; charset=utf-8")
        let policy = try XCTUnwrap(page.header("Content-Security-Policy"))
        XCTAssertTrue(policy.contains("default-src 'none'"), policy)
        XCTAssertTrue(policy.contains("script-src 'self'"), policy)
        XCTAssertTrue(policy.contains("connect-src 'self'"), policy)
        XCTAssertFalse(policy.contains("unsafe"), policy)
        XCTAssertEqual(page.header("X-Content-Type-Options"), "nosniff")
        // The page itself names only its own files: nothing from a CDN, no inline script.
        XCTAssertTrue(page.bodyText.contains(#"<script src="/sandbox/console/console.js" defer></script>"#))
        XCTAssertFalse(page.bodyText.contains(#"src="http"#) || page.bodyText.contains(#"href="http"#))
        XCTAssertFalse(page.bodyText.contains("<script>"))
    }

    func testItsFiles_AreServed_AndNothingElseUnderIt() throws {
        try start()
        let script = try RawHTTPClient(port: application.port).request("GET", "/sandbox/console/console.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertEqual(script.header("Content-Type"), "text/javascript; charset=utf-8")
        XCTAssertNotNil(script.header("Content-Security-Policy"))
        for markupSink in [".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
            XCTAssertFalse(script.bodyText.contains(markupSink), "exchange text is never parsed as markup or code: \(markupSink)")
        }
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/console/console.css").status, 200)
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/console/../journal").status, 404)
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/console/seed.sql").status, 404)
    }

    func testTheRoot_RedirectsToTheConsole() throws {
        try start()
        let root = try RawHTTPClient(port: application.port).request("GET", "/")
        XCTAssertEqual(root.status, 302)
        XCTAssertEqual(root.header("Location"), "/sandbox/console")
    }

    func testOffLoopback_ThePageNeedsNoToken_ButEverythingItReadsDoes() throws {
        try start {
            $0.host = "0.0.0.0"
            $0.adminToken = "console-token"
        }
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/console").status, 200)
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/console/console.js").status, 200)
        for path in ["/sandbox/events", "/sandbox/journal", "/sandbox/scenarios", "/sandbox/signature-check", "/sandbox/fixtures/users"] {
            XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", path).status, 401, path)
        }
        let allowed = try RawHTTPClient(port: application.port).request("GET", "/sandbox/signature-check", headers: [("Authorization", "Bearer console-token")])
        XCTAssertEqual(allowed.status, 200)
    }

    func testLoadingTheConsole_IsNotJournaled() throws {
        try start()
        _ = try RawHTTPClient(port: application.port).request("GET", "/sandbox/console")
        _ = try RawHTTPClient(port: application.port).request("GET", "/sandbox/console/console.js")
        XCTAssertEqual(application.journal.entries().count, 0)
    }
}
