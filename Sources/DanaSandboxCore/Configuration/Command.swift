import SandboxHTTP

/// What the command line asks for.
public enum Command: Equatable, Sendable {
    case serve(ServeOptions)
    case sign(SignOptions)
    /// `scenarios check [DIR]`: validate scenario files without serving.
    case checkScenarios(folder: String)
    /// `destination-inquiry URL [OPTIONS]`: play DANA against a partner's endpoint, without a server.
    case destinationInquiry(DestinationInquiryOptions)
    case help
    case version

    /// Parses `arguments` (without the program name). A pure function of its inputs, so every
    /// flag and variable is testable without starting anything.
    public static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Command {
        guard let first = arguments.first else {
            throw UsageError("missing command: say 'serve', 'sign', 'scenarios check', 'destination-inquiry', or '--help'")
        }
        switch first {
        case "--help", "-h", "help":
            return .help
        case "--version", "-V", "version":
            return .version
        case "sign":
            let rest = Array(arguments.dropFirst())
            if rest.contains("--help") || rest.contains("-h") { return .help }
            return .sign(try SignOptions.parse(rest))
        case "scenarios":
            let rest = Array(arguments.dropFirst())
            guard rest.first == "check", rest.count <= 2 else {
                throw UsageError("say 'scenarios check [DIR]'")
            }
            return .checkScenarios(folder: rest.count == 2 ? rest[1] : environment[ServeOptions.environmentName(of: "scenarios")] ?? "scenarios")
        case "destination-inquiry":
            let rest = Array(arguments.dropFirst())
            if rest.contains("--help") || rest.contains("-h") { return .help }
            return .destinationInquiry(try DestinationInquiryOptions.parse(rest, environment: environment))
        case "serve":
            let rest = Array(arguments.dropFirst())
            if rest.contains("--help") || rest.contains("-h") { return .help }
            return .serve(try ServeOptions.parse(rest, environment: environment))
        default:
            if first.hasPrefix("-") {
                throw UsageError("unknown option '\(first)' before the command; options follow 'serve'")
            }
            throw UsageError("unknown command '\(first)'")
        }
    }
}
