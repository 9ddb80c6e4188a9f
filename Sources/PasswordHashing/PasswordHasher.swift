import KeyCore
import CCrypt
import Foundation

/// Hashes and checks user passwords with the system's `crypt(3)` (libxcrypt).
///
/// New hashes use yescrypt (`$y$…`, libxcrypt's default and Debian's choice for `/etc/shadow`)
/// or, on request, bcrypt (`$2b$…`). Any hash libxcrypt understands verifies, so bcrypt
/// hashes moved over from another system keep working. Each hash carries its own random salt
/// and cost, read back from the hash when verifying.
public struct PasswordHasher: Sendable {
    public enum Algorithm: String, Sendable, CaseIterable {
        case yescrypt = "$y$"
        case bcrypt = "$2b$"
    }

    /// The longest password crypt(3) hashes, in UTF-8 bytes (libxcrypt's
    /// `CRYPT_MAX_PASSPHRASE_SIZE`, less its terminating NUL). Check input against it before
    /// hashing: a longer one is refused by ``hash(_:)``.
    public static let maximumPasswordBytes = Int(CRYPT_MAX_PASSPHRASE_SIZE) - 1

    public let algorithm: Algorithm
    /// The algorithm's cost parameter; `0` lets libxcrypt choose its default.
    public let cost: UInt

    public init(algorithm: Algorithm = .yescrypt, cost: UInt = 0) {
        self.algorithm = algorithm
        self.cost = cost
    }

    /// A new hash of `password` with a fresh salt.
    /// - Throws: ``PasswordHashingError`` for a password containing a NUL byte or
    ///   when libxcrypt refuses the settings. bcrypt reads at most 72 bytes of a password.
    public func hash(_ password: String) throws(PasswordHashingError) -> String {
        guard !password.utf8.contains(0) else { throw PasswordHashingError("a password cannot contain a NUL byte") }
        guard password.utf8.count <= Self.maximumPasswordBytes else {
            throw PasswordHashingError("a password is at most \(Self.maximumPasswordBytes) bytes")
        }
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        // A nil random-bytes argument makes libxcrypt read the OS CSPRNG itself.
        guard crypt_gensalt_rn(algorithm.rawValue, cost, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw PasswordHashingError("crypt_gensalt refused \(algorithm) with cost \(cost)")
        }
        let settingText = String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let hashed = Self.crypt(password, setting: settingText) else {
            throw PasswordHashingError("crypt failed for \(algorithm)")
        }
        return hashed
    }

    /// `true` when `password` produces `storedHash`. Constant-time in the hash text; `false` for
    /// a hash libxcrypt cannot read.
    public func verify(_ password: String, against storedHash: String) -> Bool {
        guard !password.utf8.contains(0), let computed = Self.crypt(password, setting: storedHash) else { return false }
        return ConstantTime.equals(Array(computed.utf8), Array(storedHash.utf8))
    }

    /// `crypt_rn` with its ~32 KiB scratch area on the heap: thread-safe, unlike `crypt`.
    private static func crypt(_ phrase: String, setting: String) -> String? {
        let size = MemoryLayout<crypt_data>.size
        guard let data = calloc(1, size) else { return nil }
        defer {
            // The scratch area held the password's working state.
            memset(data, 0, size)
            free(data)
        }
        guard let output = crypt_rn(phrase, setting, data, Int32(size)), output.pointee != 0 else { return nil }
        let text = String(cString: output)
        // libxcrypt's documented failure tokens start with '*'.
        return text.hasPrefix("*") ? nil : text
    }
}
