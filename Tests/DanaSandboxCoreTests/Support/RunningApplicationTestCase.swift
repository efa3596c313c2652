import XCTest
@testable import DanaSandboxCore

/// A test case whose sandbox listens on a real loopback socket: each test starts it with the
/// options it needs, and it is stopped after each test.
class RunningApplicationTestCase: XCTestCase {
    var application: SandboxApplication!

    func start(_ configure: (inout ServeOptions) -> Void = { _ in }) throws {
        var options = ServeOptions.forTests()
        configure(&options)
        application = try SandboxApplication(options: options, logger: .disabled)
        try application.start()
    }

    override func tearDown() {
        application?.stop(timeout: .seconds(2))
        super.tearDown()
    }
}
