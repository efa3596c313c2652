import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

extension ServeOptions {
    /// Port 0 and the repository's seed, keys and scenarios, whatever the test's working folder.
    static func forTests() -> ServeOptions {
        var options = ServeOptions()
        options.port = 0
        options.seed = Repository.path("seed.sql")
        options.keys = Repository.path("keys")
        options.scenarios = Repository.path("scenarios")
        return options
    }
}
