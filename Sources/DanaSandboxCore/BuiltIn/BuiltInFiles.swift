/// The files `defaults.archive` holds (seed.sql, scenarios/, keys/), embedded in the binary by
/// the package (`resources: [.embedInCode(…)]`) and read once. The archive is written by
/// `make embed`; each file is a line `file PATH BYTES` followed by its bytes.
enum BuiltInFiles {
    /// Repository-relative path and text of every built-in file, sorted by path.
    static let all: [(path: String, text: String)] = read(PackageResources.defaults_archive)

    static func read(_ archive: [UInt8]) -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = []
        var index = 0
        while let newline = archive[index...].firstIndex(of: 0x0A) {
            let header = String(decoding: archive[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[0] == "file", let size = Int(header[2]), newline + 1 + size <= archive.count else { break }
            files.append((String(header[1]), String(decoding: archive[(newline + 1)..<(newline + 1 + size)], as: UTF8.self)))
            index = newline + 1 + size
        }
        return files
    }
}
