/// Failures of KeyCore operations, each with a human message and a stable machine code.
public enum KeyCoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is empty, only whitespace, or longer than ``KeyRecord/maximumNameLength``.
    case invalidName(String)
    /// A scope that is empty or contains whitespace.
    case invalidScope(String)
    /// An expiry that is not in the future.
    case expiryInPast
    /// No key has this id.
    case keyNotFound(id: String)
    /// A key with this lookup id already exists.
    case duplicateLookupID(String)
    /// A stored digest uses an algorithm KeyCore cannot verify (only its tag is reported).
    case unsupportedDigest(String)
    /// The store could not be opened or written (path, underlying reason).
    case storeUnavailable(path: String, reason: String)
    /// An import source is not a djangorestframework-api-key table (reason).
    case invalidImportSource(String)
    /// The store's digests were made with another pepper than the one configured (both
    /// fingerprints), so no stored key would verify.
    case pepperMismatch(stored: PepperFingerprint, configured: PepperFingerprint)

    /// A stable, machine-readable code (`snake_case`).
    public var code: String {
        switch self {
        case .invalidName: "invalid_name"
        case .invalidScope: "invalid_scope"
        case .expiryInPast: "expiry_in_past"
        case .keyNotFound: "key_not_found"
        case .duplicateLookupID: "duplicate_lookup_id"
        case .unsupportedDigest: "unsupported_digest"
        case .storeUnavailable: "store_unavailable"
        case .invalidImportSource: "invalid_import_source"
        case .pepperMismatch: "pepper_mismatch"
        }
    }

    public var description: String {
        switch self {
        case .invalidName(let reason): "invalid key name: \(reason)"
        case .invalidScope(let scope): "invalid scope '\(scope)': scopes are non-empty and have no whitespace"
        case .expiryInPast: "the expiry must be in the future"
        case .keyNotFound(let id): "no key with id \(id)"
        case .duplicateLookupID(let lookupID): "a key with lookup id \(lookupID) already exists"
        case .unsupportedDigest(let algorithm): "unsupported stored digest algorithm '\(algorithm)'"
        case .storeUnavailable(let path, let reason): "cannot use the key store at \(path): \(reason)"
        case .invalidImportSource(let reason): "cannot import: \(reason)"
        case .pepperMismatch(let stored, let configured):
            "the stored keys were digested with the pepper whose fingerprint is \(stored), but "
                + (configured == .none ? "no pepper is configured" : "the configured pepper's is \(configured)")
                + ": configure the original pepper, or give it as the previous pepper to rotate to a new one"
        }
    }
}
