import Foundation

/// Where key records and their digests live. Implementations are safe to use from many tasks at
/// once.
///
/// KeyCore ships ``SQLiteKeyStore`` (the embedded default) and ``InMemoryKeyStore`` (tests).
/// A store never sees key text: only ``StoredKey`` values whose digests stand in for secrets.
public protocol KeyStore: Sendable {
    /// Adds a key.
    /// - Throws: ``KeyCoreError/duplicateLookupID(_:)`` when its lookup id is taken.
    func insert(_ key: StoredKey) async throws

    /// Adds keys all together or not at all, skipping those whose lookup id is already stored.
    /// - Returns: how many were added.
    func insertNew(_ keys: [StoredKey]) async throws -> Int

    /// The key with this lookup id: the verification hot path.
    func find(lookupID: String) async throws -> StoredKey?

    /// The record with this id.
    func record(id: String) async throws -> KeyRecord?

    /// Records in creation order, all of them or those of one owner.
    func records(ownedBy owner: KeyOwner?) async throws -> [KeyRecord]

    /// Marks the key revoked at `date` unless it already is (the first revocation stands).
    /// - Returns: the record after the change, or `nil` when no key has this id.
    func revoke(id: String, at date: Date) async throws -> KeyRecord?

    /// Gives the key a new name (already validated).
    /// - Returns: the record after the change, or `nil` when no key has this id.
    func rename(id: String, to name: String) async throws -> KeyRecord?

    /// Replaces a key's digest (used to upgrade legacy digests after a successful verification).
    func replaceDigest(id: String, with digest: KeyDigest) async throws

    /// Moves each key's last-used time forward to the given time (never backward).
    func recordUse(_ lastUsed: [String: Date]) async throws

    /// The fingerprint of the pepper this store's digests are made with, as last recorded, or
    /// `nil` when none has been recorded yet.
    func pepperFingerprint() async throws -> PepperFingerprint?

    /// Records the fingerprint of the pepper digests are made with from now on.
    func recordPepperFingerprint(_ fingerprint: PepperFingerprint) async throws
}
