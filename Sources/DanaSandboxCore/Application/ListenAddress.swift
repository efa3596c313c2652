/// How the listening address is shown and whether it is reachable only from this machine.
public enum ListenAddress {
    /// `http://127.0.0.1:8080`, or `http://[::1]:8080` for IPv6.
    public static func url(host: String, port: Int) -> String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// True for 127.0.0.0/8, ::1 and localhost: the addresses no other machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
