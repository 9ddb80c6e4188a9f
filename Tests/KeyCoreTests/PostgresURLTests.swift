import Foundation
import Testing
@testable import KeyCorePostgres

/// The URL parser over a generated matrix: every combination of good parts parses to what it
/// says, each bad part gives the error that names it, and the password shows in no description
/// and no error.
@Suite struct PostgresURLTests {
    /// Passwords with each character that needs percent-encoding, and some that do not.
    static let passwords: [String] = ["s3cret-Pass", "pässwörd-ü€", "with space"]
        + "@/?#:%&=+;\"'\\[]".map { "pw\($0)x9\($0)end" }

    static let hosts: [(text: String, endpoint: @Sendable (Int) -> PostgresURL.Endpoint)] = [
        ("localhost", { .tcp(host: "localhost", port: $0) }),
        ("127.0.0.1", { .tcp(host: "127.0.0.1", port: $0) }),
        ("[::1]", { .tcp(host: "::1", port: $0) }),
        ("db.example.com", { .tcp(host: "db.example.com", port: $0) }),
    ]
    static let ports: [(text: String, port: Int)] = [("", 5432), (":5432", 5432), (":1", 1), (":65535", 65535)]
    static let queries: [(text: String, mode: PostgresURL.SSLMode)] = [
        ("", .prefer), ("?sslmode=disable", .disable), ("?sslmode=prefer", .prefer), ("?sslmode=require", .require),
    ]

    /// Percent-encodes every byte outside RFC 3986's unreserved characters.
    static func encode(_ text: String) -> String {
        text.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
            return byte < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar))
                ? String(scalar) : String(format: "%%%02X", byte)
        }.joined()
    }

    @Test(arguments: passwords)
    func everyCombinationOfGoodPartsParses(password: String) throws {
        for scheme in ["postgres", "postgresql", "POSTGRES"] {
            for (host, endpoint) in Self.hosts {
                for (portText, port) in Self.ports {
                    for (query, mode) in Self.queries {
                        let text = "\(scheme)://a%40b:\(Self.encode(password))@\(host)\(portText)/my%20keys\(query)"
                        let url = try PostgresURL(text)
                        #expect(url.user == "a@b" && url.password == password && url.database == "my keys", "\(text)")
                        #expect(url.endpoint == endpoint(port) && url.sslMode == mode, "\(text)")
                        #expect(url.description == text.replacingOccurrences(of: Self.encode(password), with: "***"))
                        #expect(!url.description.contains(password))
                        var dumped = ""
                        dump(url, to: &dumped)
                        #expect(!dumped.contains(password) && !String(reflecting: url).contains(password))
                    }
                }
            }
        }
    }

    /// Each bad part, in a URL otherwise good: (what replaces the part, the error).
    static let badParts: [(scheme: String, authority: String, path: String, error: PostgresURLError)] = [
        ("postgre", "app:PW@db", "/keys", .scheme),
        ("http", "app:PW@db", "/keys", .scheme),
        ("", "app:PW@db", "/keys", .scheme),
        ("postgres", ":PW@db", "/keys", .missingUser),
        ("postgres", "db", "/keys", .missingUser),
        ("postgres", "app:PW@", "/keys", .missingHost),
        ("postgres", "app:PW@db", "", .missingDatabase),
        ("postgres", "app:PW@db", "/", .missingDatabase),
        ("postgres", "app:PW@db", "/?sslmode=require", .missingDatabase),
        ("postgres", "app:PW@db:0", "/keys", .badPort),
        ("postgres", "app:PW@db:65536", "/keys", .badPort),
        ("postgres", "app:PW@db:54x2", "/keys", .badPort),
        ("postgres", "app:PW@db:", "/keys", .badPort),
        ("postgres", "app:PW@db:-1", "/keys", .badPort),
        ("postgres", "app:PW@db:99999999999999999999999", "/keys", .badPort),
        ("postgres", "app:PW@[::1]x", "/keys", .badPort),
        ("postgres", "app:PW@::1", "/keys", .unbracketedIPv6),
        ("postgres", "app:PW@[::1", "/keys", .unbracketedIPv6),
        ("postgres", "app%zz:PW@db", "/keys", .badPercentEncoding(part: "user")),
        ("postgres", "app:PW@db", "/ke%2", .badPercentEncoding(part: "database")),
        ("postgres", "app:PW@db", "/keys?sslmode=verify-full", .unknownSSLMode("verify-full")),
        ("postgres", "app:PW@db", "/keys?sslmode=", .unknownSSLMode("")),
        ("postgres", "app:PW@db", "/keys?application_name=x", .unsupportedParameter("application_name")),
        ("postgres", "app:PW@db", "/keys?password=x", .unsupportedParameter("password")),
        ("postgres", "app:PW@db", "/keys#fragment", .unencodedReservedCharacter),
    ]

    @Test(arguments: passwords)
    func eachBadPartIsNamedWithoutThePassword(password: String) {
        for bad in Self.badParts {
            let text = "\(bad.scheme)://\(bad.authority.replacingOccurrences(of: "PW", with: Self.encode(password)))\(bad.path)"
            #expect(throws: bad.error, "\(text)") { try PostgresURL(text) }
            #expect(!bad.error.description.contains(password) && !bad.error.description.contains(Self.encode(password)))
            #expect(!bad.error.description.contains("\n"))
        }
    }

    /// A password written without its percent-encoding either still reads unambiguously or is
    /// refused; it shows in neither the description nor the error.
    @Test(arguments: passwords)
    func anUnencodedPasswordNeverShows(password: String) {
        let text = "postgres://app:\(password)@db:5432/keys"
        do {
            let url = try PostgresURL(text)
            #expect(url.password == password || password.contains("%"), "\(text)")
            #expect(!url.description.contains(password))
        } catch {
            #expect(!error.description.contains(password))
            #expect([.unencodedReservedCharacter, .badPercentEncoding(part: "password")].contains(error), "\(text): \(error)")
        }
    }

    @Test func aHostParameterWithAFolderIsAUnixSocket() throws {
        let url = try PostgresURL("postgresql://app@/keys?host=/var/run/postgresql")
        #expect(url.endpoint == .socket(folder: "/var/run/postgresql", port: 5432))
        #expect(url.configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(url.password == nil && url.description == "postgresql://app@/keys?host=/var/run/postgresql")
        let other = try PostgresURL("postgres://app:pw@ignored:6543/keys?host=%2Ftmp%2Fpg%2F")
        #expect(other.configuration.unixSocketPath == "/tmp/pg/.s.PGSQL.6543")
        #expect(try PostgresURL("postgres://app@/keys?host=db.internal").endpoint == .tcp(host: "db.internal", port: 5432))
    }

    @Test func theConfigurationCarriesEveryPart() throws {
        let configuration = try PostgresURL("postgres://app:p%40ss@db.internal:6543/keys?sslmode=disable").configuration
        #expect(configuration.host == "db.internal" && configuration.port == 6543)
        #expect(configuration.username == "app" && configuration.password == "p@ss" && configuration.database == "keys")
    }

    @Test func anEmptyPasswordIsNone() throws {
        let url = try PostgresURL("postgres://app:@db/keys")
        #expect(url.password == nil && url.description == "postgres://app:@db/keys")
    }
}
