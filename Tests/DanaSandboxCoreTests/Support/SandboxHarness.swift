import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// The whole sandbox without a socket: the real router, a fresh `:memory:` store from the real
/// seed, the real keys, and a pinned clock. Requests go in, responses come out.
final class SandboxHarness {
    let clock: TestClock
    let application: SandboxApplication
    let router: Router
    let logLines = LogCollector()

    init(signatures: ServeOptions.SignatureMode = .enforce, configure: (inout ServeOptions) -> Void = { _ in }) throws {
        clock = TestClock()
        var options = ServeOptions.forTests()
        options.signatures = signatures
        configure(&options)
        let logger = Logger(format: .text, sink: logLines.sink)
        application = try SandboxApplication(options: options, logger: logger, now: clock.function)
        router = application.router
    }

    /// The response of `request`; scenario annotations are looked through.
    func send(_ request: HTTPRequest, file: StaticString = #filePath, line: UInt = #line) -> HTTPResponse {
        var reply = router.handle(request)
        while case .annotated(_, let inner) = reply { reply = inner }
        guard case .respond(let response) = reply else {
            XCTFail("expected a response, got \(reply)", file: file, line: line)
            return HTTPResponse(status: .internalServerError)
        }
        return response
    }

    /// The response body as JSON.
    func json(_ request: HTTPRequest, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        try JSONScanner.parse(send(request, file: file, line: line).body)
    }

    func sql(_ statement: String, _ bindings: [SQLiteValue] = []) throws {
        try application.store.withDatabase { try $0.run(statement, bindings) }
    }
}

/// Log lines a test can read back.
final class LogCollector: Sendable {
    private let lines = Mutex<[String]>([])
    var sink: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }
}

import Synchronization
