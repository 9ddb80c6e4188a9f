public import PostgresNIO

extension PostgresURL {
    /// The configuration of a ``PostgresClient`` (a connection pool) for this URL, with
    /// postgres-nio's default pool options.
    public var configuration: PostgresClient.Configuration {
        switch endpoint {
        case .tcp(let host, let port):
            PostgresClient.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: clientTLS)
        case .socket(let folder, let port):
            PostgresClient.Configuration(
                unixSocketPath: Self.socketPath(folder: folder, port: port), username: user, password: password, database: database)
        }
    }

    /// The configuration of a single connection, for ``checkConnection(timeout:logger:)``.
    func connectionConfiguration(connectTimeout: Duration) throws -> PostgresConnection.Configuration {
        var configuration = switch endpoint {
        case .tcp(let host, let port):
            PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: try connectionTLS())
        case .socket(let folder, let port):
            PostgresConnection.Configuration(
                unixSocketPath: Self.socketPath(folder: folder, port: port), username: user, password: password, database: database)
        }
        configuration.options.connectTimeout = TimeAmount(connectTimeout)
        return configuration
    }

    /// libpq's socket file name in `folder`.
    private static func socketPath(folder: String, port: Int) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + ".s.PGSQL.\(port)"
    }

    /// libpq's `prefer` and `require` encrypt when they can or must, without checking the
    /// server's certificate (that is `verify-full`, which this type does not offer).
    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration)
        case .require: .require(tlsConfiguration)
        }
    }

    private func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require: .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
    }
}
