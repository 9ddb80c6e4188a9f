import Foundation
import TestSupport
import Testing
import Synchronization
@testable import KeyCore
@testable import KeyCoreSQLite

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
}

/// Every store implementation, so behaviour tests run against each.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite

    var testDescription: String { rawValue }

    /// A new, empty store; the folder keeps the SQLite file alive for the test's duration.
    func make(in folder: TemporaryDirectory) throws -> any KeyStore {
        switch self {
        case .memory: InMemoryKeyStore()
        case .sqlite: try SQLiteKeyStore(path: folder.file("keys.sqlite3"))
        }
    }
}

extension KeyService {
    /// A service over a fresh store of `kind` with a hand-moved clock.
    static func forTesting(_ kind: StoreKind, folder: TemporaryDirectory, clock: TestClock, hasher: KeyHasher = KeyHasher()) throws -> KeyService {
        KeyService(store: try kind.make(in: folder), hasher: hasher, clock: { clock.now })
    }
}
