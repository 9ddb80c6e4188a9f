import Foundation

/// A parsed `postgres://` or `postgresql://` URL:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE`.
///
/// - The port defaults to 5432; an IPv6 host goes in brackets (`[::1]`).
/// - The user, password and database are percent-decoded: `@ / ? #` in a password are written
///   `%40 %2F %3F %23`.
/// - `sslmode` is `disable`, `prefer` (the default, as with libpq) or `require`. As with libpq,
///   `prefer` and `require` encrypt without checking the server's certificate.
/// - `?host=/path/to/folder` connects through the Unix socket `.s.PGSQL.<port>` in that folder,
///   as libpq does (`postgres://app@/keys?host=/var/run/postgresql`).
///
/// ``description`` shows the URL with its password replaced by `***`, for logs and errors; so do
/// `dump` and debuggers.
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// Where the server listens.
    enum Endpoint: Equatable {
        case tcp(host: String, port: Int)
        /// A Unix socket `.s.PGSQL.<port>` in the folder.
        case socket(folder: String, port: Int)
    }

    /// libpq's `sslmode`, the values this type accepts.
    enum SSLMode: String, CaseIterable {
        case disable, prefer, require
    }

    let endpoint: Endpoint
    let user: String
    let password: String?
    let database: String
    let sslMode: SSLMode

    /// The URL with its password replaced by `***`.
    public let description: String

    /// Parses `text`.
    /// - Throws: ``PostgresURLError``, whose message names what is wrong without repeating the
    ///   password.
    public init(_ text: String) throws(PostgresURLError) {
        guard let schemeEnd = text.range(of: "://"),
              ["postgres", "postgresql"].contains(text[..<schemeEnd.lowerBound].lowercased())
        else { throw .scheme }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        let authority = rest[..<authorityEnd], tail = rest[authorityEnd...]
        // An '@' after the authority means a reserved character cut the user or password short.
        guard !tail.contains("@"), !tail.contains("#") else { throw .unencodedReservedCharacter }
        guard let at = authority.lastIndex(of: "@") else { throw .missingUser }

        let userInfo = authority[..<at]
        let colon = userInfo.firstIndex(of: ":")
        user = try Self.decode(userInfo[..<(colon ?? userInfo.endIndex)], part: "user")
        guard !user.isEmpty else { throw .missingUser }
        let passwordText = colon.map { userInfo[userInfo.index(after: $0)...] }
        // libpq reads an empty password as none.
        if let passwordText, !passwordText.isEmpty {
            password = try Self.decode(passwordText, part: "password")
        } else {
            password = nil
        }

        let (host, port) = try Self.hostAndPort(authority[authority.index(after: at)...])
        let pathEnd = tail.firstIndex(of: "?") ?? tail.endIndex
        database = try Self.decode(tail[..<pathEnd].drop { $0 == "/" }, part: "database")
        guard !database.isEmpty else { throw .missingDatabase }

        var sslMode = SSLMode.prefer, hostParameter: String?
        for parameter in tail[pathEnd...].dropFirst().split(separator: "&") {
            let (name, value) = parameter.firstIndex(of: "=").map { (parameter[..<$0], parameter[parameter.index(after: $0)...]) }
                ?? (parameter, "")
            switch name {
            case "sslmode":
                let mode = try Self.decode(value, part: "sslmode")
                guard let known = SSLMode(rawValue: mode) else { throw .unknownSSLMode(mode) }
                sslMode = known
            case "host":
                hostParameter = try Self.decode(value, part: "host parameter")
            default:
                throw .unsupportedParameter(String(name))
            }
        }
        self.sslMode = sslMode

        switch hostParameter ?? host {
        case let folder? where folder.hasPrefix("/"): endpoint = .socket(folder: folder, port: port)
        case let name? where !name.isEmpty: endpoint = .tcp(host: name, port: port)
        default: throw .missingHost
        }

        description = passwordText.map { $0.isEmpty ? text : text[..<$0.startIndex] + "***" + text[$0.endIndex...] } ?? text
    }

    /// The host (`nil` when the URL gives none) and port of `hostPort`, the authority after `@`.
    private static func hostAndPort(_ hostPort: Substring) throws(PostgresURLError) -> (String?, Int) {
        let host: Substring, portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .unbracketedIPv6 }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw .badPort }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else {
            let parts = hostPort.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw .unbracketedIPv6 }
            host = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
        }
        let name = host.isEmpty ? nil : try decode(host, part: "host")
        guard let portText else { return (name, 5432) }
        guard portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), (1...65535).contains(port) else { throw .badPort }
        return (name, port)
    }

    private static func decode(_ text: Substring, part: String) throws(PostgresURLError) -> String {
        guard let decoded = String(text).removingPercentEncoding else { throw .badPercentEncoding(part: part) }
        return decoded
    }
}

extension PostgresURL: CustomReflectable {
    /// `dump` and debuggers show the URL without its password too.
    public var customMirror: Mirror { Mirror(self, children: ["url": description]) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
