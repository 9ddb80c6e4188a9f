import Foundation
import Synchronization

/// A folder under the system temporary directory, removed when the value goes away.
public final class TemporaryDirectory: Sendable {
    public let path: String
    private let kept = Mutex<[any AnyObject & Sendable]>([])

    public init() {
        path = NSTemporaryDirectory() + "keycore-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    /// Keeps `resource` alive as long as the folder: what else a test's store needs for the
    /// test's duration (a running database client, say), released with the folder.
    public func keep(_ resource: some AnyObject & Sendable) {
        kept.withLock { $0.append(resource) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
