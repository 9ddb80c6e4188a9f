import Foundation

/// Creates, verifies, lists and revokes keys: the API a server or tool uses.
///
/// ```swift
/// let service = KeyService(store: try SQLiteKeyStore(path: "keys.sqlite"))
/// let issued = try await service.create(name: "CI deploy", owner: KeyOwner(.user, "42"))
/// print(issued.key.revealed)            // shown once; only its digest is stored
/// switch try await service.verify(presentedText) {
/// case .valid(let record): print("hello", record.owner!)
/// case .rejected(let reason): print("refused:", reason)
/// }
/// ```
public final class KeyService: Sendable {
    public let store: any KeyStore
    public let hasher: KeyHasher
    private let clock: @Sendable () -> Date
    private let usage = UsageRecorder()
    /// Compared against when a lookup id is unknown, so that case costs what a wrong secret costs.
    private let decoyDigest: KeyDigest

    /// - Parameters:
    ///   - store: where records and digests live.
    ///   - hasher: how key text is digested; give it a pepper in production.
    ///   - clock: the current time (injectable for tests).
    public init(store: any KeyStore, hasher: KeyHasher = KeyHasher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
        decoyDigest = hasher.digest(of: KeyGenerator.generate(.apiKey).plaintext)
    }

    /// Issues a new key. The returned text is the only copy: it is never stored or logged.
    /// - Throws: ``KeyCoreError/invalidName(_:)``, ``KeyCoreError/invalidScope(_:)``,
    ///   ``KeyCoreError/expiryInPast``, or a store error.
    public func create(
        name: String, type: KeyType = .apiKey, owner: KeyOwner? = nil, scopes: [String] = [], workspace: String? = nil,
        expiresAt: Date? = nil
    ) async throws -> IssuedKey {
        let name = try Self.validatedName(name)
        if let bad = scopes.first(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
            throw KeyCoreError.invalidScope(bad)
        }
        let now = clock().truncatedToMilliseconds
        if let expiresAt, expiresAt <= now { throw KeyCoreError.expiryInPast }
        // 62^12 lookup ids make a collision vanishingly rare; retry rather than fail if one happens.
        for attempt in 1...3 {
            let key = KeyGenerator.generate(type)
            let record = KeyRecord(
                id: UUID().uuidString.lowercased(), type: type, lookupID: key.lookupID, name: name,
                owner: owner, scopes: scopes, workspace: workspace, createdAt: now, expiresAt: expiresAt?.truncatedToMilliseconds
            )
            do {
                try await store.insert(StoredKey(record: record, digest: hasher.digest(of: key.plaintext)))
                return IssuedKey(key: key.plaintext, record: record)
            } catch KeyCoreError.duplicateLookupID where attempt < 3 {
                continue
            }
        }
        preconditionFailure("unreachable: the last attempt rethrows")
    }

    /// Verifies presented key text: parse and checksum, point lookup, constant-time digest
    /// compare, then revocation and expiry. A legacy or outdated digest is upgraded after a
    /// successful check, and the key's last-used time is recorded (in batches).
    public func verify(_ text: String) async throws -> KeyVerification {
        guard let parsed = KeyFormat.parse(text) else { return .rejected(.malformed) }
        guard let stored = try await matchingKey(parsed) else { return .rejected(.unknown) }
        let record = stored.record
        let now = clock()
        if record.isRevoked { return .rejected(.revoked) }
        if record.hasExpired(at: now) { return .rejected(.expired) }
        if stored.match == .outdated {
            // Best effort: if the rewrite fails the old digest still verifies, and the next
            // success tries again. A valid key is never refused for it.
            try? await store.replaceDigest(id: record.id, with: hasher.digest(of: parsed.plaintext))
        }
        if let batch = usage.note(record, at: now) { await writeUsage(batch) }
        return .valid(record)
    }

    /// The record of the key with this text, whatever its status (revoked and expired
    /// included), or `nil` when the text matches no stored key. Use ``verify(_:)`` to decide
    /// whether to accept a key.
    public func record(forKey text: String) async throws -> KeyRecord? {
        guard let parsed = KeyFormat.parse(text) else { return nil }
        return try await matchingKey(parsed)?.record
    }

    /// The stored key whose digest matches and how it matched, else `nil`. A missing lookup id
    /// costs what a wrong secret costs: the same digest checks, against a decoy.
    private func matchingKey(_ parsed: ParsedKey) async throws -> (record: KeyRecord, match: DigestMatch)? {
        let stored = try await store.find(lookupID: parsed.lookupID)
        let match = hasher.check(parsed.plaintext, against: stored?.digest ?? decoyDigest)
        guard let stored, let match, stored.record.type == parsed.type else { return nil }
        return (stored.record, match)
    }

    /// Revokes a key for good; revoking a revoked key changes nothing.
    /// - Throws: ``KeyCoreError/keyNotFound(id:)``.
    @discardableResult
    public func revoke(id: String) async throws -> KeyRecord {
        guard let record = try await store.revoke(id: id, at: clock().truncatedToMilliseconds) else {
            throw KeyCoreError.keyNotFound(id: id)
        }
        return record
    }

    /// Renames a key; its secret, scopes and everything else stay.
    /// - Throws: ``KeyCoreError/invalidName(_:)``, ``KeyCoreError/keyNotFound(id:)``.
    @discardableResult
    public func rename(id: String, to name: String) async throws -> KeyRecord {
        guard let record = try await store.rename(id: id, to: try Self.validatedName(name)) else {
            throw KeyCoreError.keyNotFound(id: id)
        }
        return record
    }

    /// Keys in creation order: all of them, or one owner's.
    public func list(ownedBy owner: KeyOwner? = nil) async throws -> [KeyRecord] {
        try await store.records(ownedBy: owner)
    }

    /// The record with this id.
    /// - Throws: ``KeyCoreError/keyNotFound(id:)``.
    public func record(id: String) async throws -> KeyRecord {
        guard let record = try await store.record(id: id) else { throw KeyCoreError.keyNotFound(id: id) }
        return record
    }

    /// Checks that the store's digests were made with this service's pepper, so a server started
    /// with a missing or wrong pepper stops with a clear error instead of refusing every key as
    /// unknown. Records the pepper on first use, when a pepper is added to a store that had none
    /// (its SHA-256 digests still verify and are re-digested on use), and when the store's pepper
    /// is the hasher's previous one (a rotation: old digests are re-digested on use).
    /// - Throws: ``KeyCoreError/pepperMismatch(stored:configured:)``, or a store error.
    public func confirmPepper() async throws {
        let configured = hasher.fingerprint
        guard let stored = try await store.pepperFingerprint() else {
            try await store.recordPepperFingerprint(configured)
            return
        }
        if stored == configured { return }
        guard stored == hasher.previousFingerprint || (stored == .none && hasher.usesPepper) else {
            throw KeyCoreError.pepperMismatch(stored: stored, configured: configured)
        }
        try await store.recordPepperFingerprint(configured)
    }

    /// Writes last-used times still held in memory. Call before shutting down.
    public func flushUsage() async throws {
        let batch = usage.drain()
        do {
            try await store.recordUse(batch)
        } catch {
            usage.restore(batch)
            throw error
        }
    }

    /// Last-used times are advisory: a failed write must not fail the verification that
    /// triggered it, so the batch is kept for the next attempt instead.
    private func writeUsage(_ batch: [String: Date]) async {
        do { try await store.recordUse(batch) } catch { usage.restore(batch) }
    }

    /// The name trimmed, checked by ``KeyRecord/nameRule`` (in the unit the SQLite store's
    /// `CHECK` counts), so a name of emoji is a 400 here and never a store error.
    package static func validatedName(_ name: String) throws(KeyCoreError) -> String {
        switch KeyRecord.nameRule.validated(name) {
        case .success(let kept): return kept
        case .failure(let violation): throw .invalidName("\(violation)")
        }
    }
}

/// A newly created key: its text, shown once, and its record.
public struct IssuedKey: Sendable {
    public let key: PlaintextKey
    public let record: KeyRecord
}

extension Date {
    /// Stores keep whole milliseconds; truncating up front makes a record read back equal to
    /// the one that was written.
    package var truncatedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
