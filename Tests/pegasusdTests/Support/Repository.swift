import Foundation

/// Files of this repository that tests read (the README, committed clients, tool configs).
enum Repository {
    /// The repository's root folder, found from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `path`, relative to the root.
    static func file(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }
}
