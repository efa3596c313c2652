public enum LogLevel: String, Sendable {
    case info, notice, warning, error
}
