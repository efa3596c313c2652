// swift-tools-version:6.0
import PackageDescription

// Swift 6 language mode: data races are compile errors, which matters for a server whose event
// loops, handlers and signal handlers run on different threads.
let strictSwift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "DanaSandbox",
    products: [
        .executable(name: "dana-sandbox", targets: ["DanaSandboxServer"]),
    ],
    targets: [
        // C libraries from the OS (Debian/Ubuntu: apt-get install libsqlite3-dev libssl-dev)
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Linux epoll and eventfd headers (part of libc, not exported by Swift's Glibc module)
        .systemLibrary(name: "CEpoll"),

        // HTTP/1.1 over POSIX sockets: knows nothing about DANA or Paylabs
        .target(name: "SandboxHTTP", dependencies: ["CEpoll"], swiftSettings: strictSwift6),
        // the emulated APIs, scenarios, storage, crypto, options, logging
        .target(
            name: "DanaSandboxCore",
            dependencies: ["SandboxHTTP", "CSQLite", "CLibCrypto"],
            swiftSettings: strictSwift6
        ),
        // thin executable: parse options, build, run, wait for a signal
        .executableTarget(name: "DanaSandboxServer", dependencies: ["DanaSandboxCore"], swiftSettings: strictSwift6),

        // a raw-socket HTTP client and process helpers shared by the test targets
        .target(name: "SandboxTestSupport", path: "Tests/SandboxTestSupport", swiftSettings: strictSwift6),
        .testTarget(name: "SandboxHTTPTests", dependencies: ["SandboxHTTP", "SandboxTestSupport"], swiftSettings: strictSwift6),
        .testTarget(
            name: "DanaSandboxCoreTests",
            dependencies: ["DanaSandboxCore", "SandboxTestSupport"],
            swiftSettings: strictSwift6
        ),
        // drives the built `dana-sandbox` binary as a user would: flags, exit codes, signals
        .testTarget(
            name: "DanaSandboxServerTests",
            dependencies: ["DanaSandboxCore", "SandboxTestSupport"],
            swiftSettings: strictSwift6
        ),
    ]
)
