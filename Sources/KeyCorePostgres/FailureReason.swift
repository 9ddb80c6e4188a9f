import NIOCore
import PostgresNIO

/// One line saying why a PostgreSQL operation failed.
///
/// postgres-nio's errors describe themselves with a fixed generic sentence on purpose (their
/// full dump can hold query arguments), so this reads the parts that are safe and useful: the
/// server's own message, else what the client saw (refused, timed out, closed). Never an
/// argument, never the password.
enum FailureReason {
    static func of(_ error: any Error) -> String {
        switch error {
        case let error as PostgresUnavailable: error.reason
        case let error as PostgresMigrationError: error.description
        case let error as PostgresTransactionError:
            (error.beginError ?? error.closureError ?? error.commitError).map(of) ?? "the transaction failed"
        case let error as PSQLError: of(error)
        case let error as PostgresDecodingError: "column \(error.columnName) is not a \(error.targetType)"
        case let error as NIOConnectionError: of(error)
        case let error as IOError: of(error)
        case let error as ChannelError: of(error)
        case is CancellationError: "cancelled"
        default: poolReason(error) ?? firstLine(String(describing: error))
        }
    }

    /// The pool's own errors (`ConnectionPoolError`, from a module this target does not import:
    /// it is not part of postgres-nio's public product), recognised by their case names.
    private static func poolReason(_ error: any Error) -> String? {
        let text = String(describing: error)
        guard text.hasPrefix("ConnectionPoolError") else { return nil }
        if text.contains("connectionCreationCircuitBreakerTripped") {
            return "no connection could be made for a minute; the pool keeps retrying"
        }
        if text.contains("poolShutdown") { return "the connection pool is shut down (its run() has ended)" }
        if text.contains("requestCancelled") { return "cancelled" }
        return nil
    }

    private static func of(_ error: PSQLError) -> String {
        if let message = error.serverInfo?[.message] {
            return firstLine(message)
        }
        switch error.code {
        case .connectionError: return error.underlying.map(of) ?? "cannot connect"
        case .serverClosedConnection: return "the server closed the connection"
        case .clientClosedConnection: return "the connection was closed"
        case .uncleanShutdown: return "the connection was cut"
        case .sslUnsupported: return "the server does not offer TLS, which sslmode=require asks for"
        case .authMechanismRequiresPassword: return "the server asks for a password and the URL gives none"
        case .unsupportedAuthMechanism: return "the server asks for an authentication method postgres-nio does not support"
        case .saslError: return "SCRAM authentication failed" + (error.underlying.map { ": \(of($0))" } ?? "")
        case .queryCancelled: return "cancelled"
        case .poolClosed: return "the connection pool is shut down (its run() has ended)"
        default: return "postgres-nio reports \(error.code)"
        }
    }

    /// NIO tries each address of the host; the first address's failure says the most.
    private static func of(_ error: NIOConnectionError) -> String {
        if let failure = error.connectionErrors.first {
            return of(failure.error)
        }
        if error.dnsAError != nil || error.dnsAAAAError != nil {
            return "cannot resolve the host name \(error.host)"
        }
        return "no address for the host name \(error.host)"
    }

    private static func of(_ error: IOError) -> String {
        switch error.errnoCode {
        case ECONNREFUSED: "connection refused"
        case ENOENT: "no server socket at this path"
        case ETIMEDOUT: "connection timed out"
        case EHOSTUNREACH, ENETUNREACH: "host unreachable"
        default: firstLine(String(describing: error))
        }
    }

    private static func of(_ error: ChannelError) -> String {
        switch error {
        case .connectTimeout(let amount): "no answer within \(Duration(amount))"
        case .ioOnClosedChannel, .alreadyClosed, .eof: "the connection was closed"
        default: firstLine(String(describing: error))
        }
    }

    private static func firstLine(_ text: String) -> String {
        String(text.prefix { !$0.isNewline })
    }
}
