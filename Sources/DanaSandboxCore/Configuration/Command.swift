/// What the command line asks for.
public enum Command: Equatable, Sendable {
    case serve(ServeOptions)
    case sign(SignOptions)
    /// `scenarios check [DIR]`: validate scenario files without serving; nil checks the built-in library.
    case checkScenarios(folder: String?)
    /// `destination-inquiry URL [OPTIONS]`: play DANA against a partner's endpoint, without a server.
    case destinationInquiry(DestinationInquiryOptions)
    /// `init DIR`: write editable copies of the built-in seed, scenarios and keys.
    case initialize(folder: String)
    /// The whole help page, or one command's.
    case help(Usage.Topic?)
    case version

    /// Parses `arguments` (without the program name). A pure function of its inputs, so every
    /// flag and variable is testable without starting anything.
    public static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Command {
        guard let first = arguments.first else {
            throw UsageError("missing command: say 'serve', 'sign', 'scenarios check', 'destination-inquiry', 'init', or '--help'")
        }
        let rest = Array(arguments.dropFirst())
        let wantsHelp = rest.contains("--help") || rest.contains("-h")
        switch first {
        case "--help", "-h", "help":
            return .help(rest.first.flatMap(Usage.Topic.init(rawValue:)))
        case "--version", "-V", "version":
            return .version
        case "sign":
            if wantsHelp { return .help(.sign) }
            do { return .sign(try SignOptions.parse(rest)) } catch { throw error.about(.sign) }
        case "scenarios":
            if wantsHelp { return .help(.scenarios) }
            guard rest.first == "check", rest.count <= 2 else { throw UsageError("say 'scenarios check [DIR]'").about(.scenarios) }
            return .checkScenarios(folder: rest.count == 2 ? rest[1] : environment[ServeOptions.environmentName(of: "scenarios")])
        case "init":
            if wantsHelp { return .help(.initialize) }
            guard rest.count == 1, let folder = rest.first, !folder.hasPrefix("-") else {
                throw UsageError("say 'init DIR': the folder to write seed.sql, scenarios/ and keys/ into").about(.initialize)
            }
            return .initialize(folder: folder)
        case "destination-inquiry":
            if wantsHelp { return .help(.destinationInquiry) }
            do { return .destinationInquiry(try DestinationInquiryOptions.parse(rest, environment: environment)) } catch { throw error.about(.destinationInquiry) }
        case "serve":
            if wantsHelp { return .help(.serve) }
            do { return .serve(try ServeOptions.parse(rest, environment: environment)) } catch { throw error.about(.serve) }
        default:
            if first.hasPrefix("-") {
                throw UsageError("unknown option '\(first)' before the command; options follow 'serve'")
            }
            throw UsageError("unknown command '\(first)'")
        }
    }
}
