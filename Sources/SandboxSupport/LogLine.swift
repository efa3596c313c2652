import SandboxJSON

/// One log event: a message and dotted metadata keys, rendered as `key=value` text or as a JSON
/// object. Values are strings or numbers; numbers stay numbers in JSON.
public struct LogLine: Sendable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case number(String)
    }

    public var level: LogLevel
    public var message: String
    public var fields: [(String, Value)]

    public init(level: LogLevel, message: String, fields: [(String, Value)] = []) {
        self.level = level
        self.message = message
        self.fields = fields
    }

    public func render(_ format: LogFormat, time: String) -> String {
        switch format {
        case .text:
            var line = "\(time) \(level.rawValue) \(message)"
            for (key, value) in fields {
                switch value {
                case .number(let number): line += " \(key)=\(number)"
                case .string(let text):
                    let needsQuotes = text.isEmpty || text.contains { $0 == " " || $0 == "\"" || $0 == "=" }
                    line += " \(key)=" + (needsQuotes ? JSONString.quoted(text) : text)
                }
            }
            return line
        case .json:
            var line = "{\"time\":\(JSONString.quoted(time)),\"level\":\"\(level.rawValue)\",\"msg\":\(JSONString.quoted(message))"
            for (key, value) in fields {
                switch value {
                case .number(let number): line += ",\(JSONString.quoted(key)):\(number)"
                case .string(let text): line += ",\(JSONString.quoted(key)):\(JSONString.quoted(text))"
                }
            }
            return line + "}"
        }
    }
}
