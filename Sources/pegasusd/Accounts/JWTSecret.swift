import Crypto
import Foundation

/// The secret login JWTs are signed with (HS256): configured, or made once and kept where every
/// instance finds it.
enum JWTSecret {
    static let minimumBytes = 32

    /// `PEGASUS_JWT_SECRET`, when set.
    static func configured(in environment: [String: String]) throws -> [UInt8]? {
        guard let text = environment["PEGASUS_JWT_SECRET"], !text.isEmpty else { return nil }
        guard text.utf8.count >= minimumBytes else { throw CommandError("PEGASUS_JWT_SECRET must be at least \(minimumBytes) bytes") }
        return Array(text.utf8)
    }

    /// A random secret.
    static func make() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// The secret kept in the database's `app_setting` table, made by whichever instance starts
    /// first: the insert does nothing when another instance's is there, and all read the one kept.
    static func shared(in database: AppDatabase) async throws -> [UInt8] {
        let candidate = Data(make()).base64EncodedString()
        let kept = try await database.write { db in
            try await db.execute("INSERT INTO app_setting (name, value) VALUES ('jwt_secret', ?) ON CONFLICT (name) DO NOTHING", [candidate])
            return try await db.fetchOne("SELECT value FROM app_setting WHERE name = 'jwt_secret'")?.string("value")
        }
        guard let kept, let secret = Data(base64Encoded: kept), secret.count >= minimumBytes else {
            throw CommandError("the database's jwt_secret setting is not a secret of at least \(minimumBytes) bytes")
        }
        return Array(secret)
    }
}
