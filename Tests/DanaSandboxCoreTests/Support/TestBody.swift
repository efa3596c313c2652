/// A JSON object body from default members, with some replaced (or, with nil, removed) or added:
/// one field rule per test without restating the whole body.
enum TestBody {
    static func object(_ defaults: [(String, String)], _ changes: [String: String?]) -> String {
        var members = defaults
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                if let value { members[index].1 = value } else { members.remove(at: index) }
            } else if let value {
                members.append((key, value))
            }
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
