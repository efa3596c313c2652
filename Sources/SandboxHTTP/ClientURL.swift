/// An `http://` or `https://` URL taken apart for one request: where to connect and what to ask.
public struct ClientURL: Sendable, Equatable, CustomStringConvertible {
    public let isSecure: Bool
    /// A name, an IPv4 address, or an IPv6 address without brackets.
    public let host: String
    public let port: Int
    /// Path and query, as sent on the request line (`/` when the URL has none).
    public let target: String

    public init(_ text: String) throws(ClientError) {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") {
            isSecure = true
        } else if lower.hasPrefix("http://") {
            isSecure = false
        } else {
            throw ClientError(.invalidURL, "'\(text)' is not an http:// or https:// URL")
        }
        let rest = text.dropFirst(isSecure ? 8 : 7)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var pathPart = String(rest[authorityEnd...])
        if let fragment = pathPart.firstIndex(of: "#") { pathPart = String(pathPart[..<fragment]) }
        target = pathPart.isEmpty ? "/" : (pathPart.hasPrefix("?") ? "/" + pathPart : pathPart)
        guard !authority.contains("@") else { throw ClientError(.invalidURL, "'\(text)' has user information, which is not supported") }

        var hostPart = Substring(authority)
        var portPart: Substring?
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.firstIndex(of: "]") else { throw ClientError(.invalidURL, "'\(text)' has an unclosed IPv6 address") }
            let after = hostPart[hostPart.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() } else if !after.isEmpty { throw ClientError(.invalidURL, "'\(text)' has text after its IPv6 address") }
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
        } else if let colon = hostPart.lastIndex(of: ":") {
            portPart = hostPart[hostPart.index(after: colon)...]
            hostPart = hostPart[..<colon]
        }
        guard !hostPart.isEmpty else { throw ClientError(.invalidURL, "'\(text)' has no host") }
        host = String(hostPart)
        if let portPart {
            guard let number = Int(portPart), (1...65535).contains(number) else {
                throw ClientError(.invalidURL, "'\(text)' has an invalid port '\(portPart)'")
            }
            port = number
        } else {
            port = isSecure ? 443 : 80
        }
        guard target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw ClientError(.invalidURL, "'\(text)' has spaces or characters that must be percent-encoded")
        }
    }

    /// The `Host` header: the port only when it is not the scheme's default.
    public var authority: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isSecure ? 443 : 80) ? name : "\(name):\(port)"
    }

    public var description: String { "\(isSecure ? "https" : "http")://\(authority)\(target)" }
}
