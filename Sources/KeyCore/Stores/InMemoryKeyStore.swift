import Foundation
import Synchronization

/// A ``KeyStore`` in process memory, for tests and examples. Nothing survives the process.
public final class InMemoryKeyStore: KeyStore {
    private struct State {
        var byLookupID: [String: StoredKey] = [:]
        var lookupIDByID: [String: String] = [:]
        var order: [String] = []
        var pepperFingerprint: PepperFingerprint?
    }

    private let state = Mutex(State())

    public init() {}

    public func insert(_ key: StoredKey) throws {
        try state.withLock { state in
            guard state.byLookupID[key.record.lookupID] == nil else {
                throw KeyCoreError.duplicateLookupID(key.record.lookupID)
            }
            Self.add(key, to: &state)
        }
    }

    public func insertNew(_ keys: [StoredKey]) -> Int {
        state.withLock { state in
            var added = 0
            for key in keys where state.byLookupID[key.record.lookupID] == nil {
                Self.add(key, to: &state)
                added += 1
            }
            return added
        }
    }

    private static func add(_ key: StoredKey, to state: inout State) {
        state.byLookupID[key.record.lookupID] = key
        state.lookupIDByID[key.record.id] = key.record.lookupID
        state.order.append(key.record.id)
    }

    public func find(lookupID: String) -> StoredKey? {
        state.withLock { $0.byLookupID[lookupID] }
    }

    public func record(id: String) -> KeyRecord? {
        state.withLock { state in state.lookupIDByID[id].flatMap { state.byLookupID[$0]?.record } }
    }

    public func records(ownedBy owner: KeyOwner?) -> [KeyRecord] {
        state.withLock { state in
            state.order.compactMap { id in state.lookupIDByID[id].flatMap { state.byLookupID[$0]?.record } }
                .filter { owner == nil || $0.owner == owner }
        }
    }

    public func revoke(id: String, at date: Date) -> KeyRecord? {
        update(id: id) { key in
            if key.record.revokedAt == nil { key.record.revokedAt = date }
        }
    }

    public func rename(id: String, to name: String) -> KeyRecord? {
        update(id: id) { $0.record.name = name }
    }

    public func replaceDigest(id: String, with digest: KeyDigest) {
        update(id: id) { $0.digest = digest }
    }

    public func recordUse(_ lastUsed: [String: Date]) {
        for (id, date) in lastUsed {
            update(id: id) { key in
                if key.record.lastUsedAt.map({ $0 < date }) ?? true { key.record.lastUsedAt = date }
            }
        }
    }

    public func pepperFingerprint() -> PepperFingerprint? {
        state.withLock { $0.pepperFingerprint }
    }

    public func recordPepperFingerprint(_ fingerprint: PepperFingerprint) {
        state.withLock { $0.pepperFingerprint = fingerprint }
    }

    @discardableResult
    private func update(id: String, _ change: (inout StoredKey) -> Void) -> KeyRecord? {
        state.withLock { state in
            guard let lookupID = state.lookupIDByID[id], var key = state.byLookupID[lookupID] else { return nil }
            change(&key)
            state.byLookupID[lookupID] = key
            return key.record
        }
    }
}
