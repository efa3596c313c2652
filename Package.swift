// swift-tools-version:6.0
import PackageDescription

// Swift 6 language mode: data races are compile errors, which matters for a server whose event
// loops, handlers and signal handlers run on different threads.
let strictSwift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

// One target per layer, so the compiler keeps the boundaries: each C module is a dependency of
// exactly one target, and no target depends on one above it. The graph, bottom to top:
//
//   SandboxJSON      SandboxCrypto (CLibCrypto, CLibSSL)
//       |      \
//   SandboxHTTP  SandboxSupport
//       |            |
//       |       SandboxStorage (CSQLite)
//        \           |
//         DanaSandboxAPIs          families, endpoints, signatures, scenarios, journal
//               |
//         DanaSandboxCore          options, composition, the sandbox's own endpoints, start-up
//               |
//         DanaSandboxServer        the `dana-sandbox` executable
let package = Package(
    name: "DanaSandbox",
    products: [
        .executable(name: "dana-sandbox", targets: ["DanaSandboxServer"]),
    ],
    targets: [
        // C libraries from the OS (Debian/Ubuntu: apt-get install libsqlite3-dev libssl-dev)
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibSSL", pkgConfig: "libssl", providers: [.apt(["libssl-dev"])]),

        // Linux epoll and eventfd headers (part of libc, not exported by Swift's Glibc module)
        .systemLibrary(name: "CEpoll"),

        // RFC 8259 JSON: scanner, values, canonical writer, minifier
        .target(name: "SandboxJSON", swiftSettings: strictSwift6),
        // HTTP/1.1 over POSIX sockets: knows nothing about DANA or Paylabs
        .target(name: "SandboxHTTP", dependencies: ["CEpoll", "SandboxJSON"], swiftSettings: strictSwift6),
        // SHA-256, HMAC-SHA512, RSA and TLS over libcrypto and libssl: the only target that sees OpenSSL
        .target(name: "SandboxCrypto", dependencies: ["CLibCrypto", "CLibSSL"], swiftSettings: strictSwift6),
        // logging, timestamps, random text: what every layer above needs
        .target(name: "SandboxSupport", dependencies: ["SandboxJSON"], swiftSettings: strictSwift6),
        // SQLite, the seed, typed records and the stores that hold all SQL: the only target that sees SQLite
        .target(name: "SandboxStorage", dependencies: ["CSQLite", "SandboxSupport"], swiftSettings: strictSwift6),
        // the emulated APIs: families, endpoints, signature schemes, scenarios, journal
        .target(
            name: "DanaSandboxAPIs",
            dependencies: ["SandboxJSON", "SandboxHTTP", "SandboxCrypto", "SandboxSupport", "SandboxStorage"],
            swiftSettings: strictSwift6
        ),
        // the application: options, composition, the sandbox's own endpoints, start-up errors
        .target(
            name: "DanaSandboxCore",
            dependencies: ["SandboxJSON", "SandboxHTTP", "SandboxCrypto", "SandboxSupport", "SandboxStorage", "DanaSandboxAPIs"],
            // seed.sql, scenarios/ and keys/, built into the binary (`make embed` writes the archive)
            // and the console page (Console/Page), served from memory
            resources: [
                .embedInCode("BuiltIn/defaults.archive"),
                .embedInCode("Console/Page/console.html"),
                .embedInCode("Console/Page/console.css"),
                .embedInCode("Console/Page/console.js"),
            ],
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
