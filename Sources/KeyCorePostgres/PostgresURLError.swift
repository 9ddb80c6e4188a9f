/// Why a text is not a usable PostgreSQL URL. Each message is one line naming the part that is
/// wrong; none repeats the password (nor any part of the text that could hold it).
public enum PostgresURLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text does not start with `postgres://` or `postgresql://`.
    case scheme
    /// No user before the host.
    case missingUser
    /// No host after the user, and no `?host=`.
    case missingHost
    /// No database name after the host.
    case missingDatabase
    /// A port that is not a number from 1 to 65535.
    case badPort
    /// An IPv6 address without its brackets.
    case unbracketedIPv6
    /// A `@`, `/`, `?` or `#` in the user or password that is not percent-encoded, which leaves
    /// the URL ambiguous.
    case unencodedReservedCharacter
    /// A `%` not followed by two hex digits, or bytes that are not UTF-8, in the named part.
    case badPercentEncoding(part: String)
    /// An `sslmode` other than `disable`, `prefer` and `require` (the value).
    case unknownSSLMode(String)
    /// A query parameter other than `sslmode` and `host` (its name).
    case unsupportedParameter(String)

    public var description: String {
        switch self {
        case .scheme: "a PostgreSQL URL starts with postgres:// or postgresql://"
        case .missingUser: "the PostgreSQL URL names no user (postgres://USER:PASSWORD@HOST:PORT/DATABASE)"
        case .missingHost: "the PostgreSQL URL names no host (give one after the user, or ?host=/socket/folder)"
        case .missingDatabase: "the PostgreSQL URL names no database (add /DATABASE after the host)"
        case .badPort: "the port in the PostgreSQL URL must be a number from 1 to 65535"
        case .unbracketedIPv6: "an IPv6 host in a PostgreSQL URL goes in brackets, as in [::1]:5432"
        case .unencodedReservedCharacter:
            "the PostgreSQL URL is ambiguous: percent-encode @ / ? # in the user and password (%40 %2F %3F %23)"
        case .badPercentEncoding(let part): "the \(part) in the PostgreSQL URL has a bad percent-encoding"
        case .unknownSSLMode(let mode): "unknown sslmode '\(mode)' in the PostgreSQL URL: use disable, prefer or require"
        case .unsupportedParameter(let name): "unsupported parameter '\(name)' in the PostgreSQL URL: only sslmode and host are read"
        }
    }
}
