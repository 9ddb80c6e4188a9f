import PostgresNIO
import Synchronization

/// Passes a pooled connection from the task that leased it to the task that uses it, so that
/// only the wait for the lease can be given up (``PostgresClient/withConnection(timeout:_:)``)
/// while the work itself runs in the caller's task.
///
/// The lender leases, offers the connection with ``lend(_:)`` and stays suspended until the
/// borrower calls ``giveBack()``; then its lease ends and the pool takes the connection back.
/// If the wait ends first (``fail(_:)``: the time is up or the lease failed), a late offer is
/// handed straight back.
final class ConnectionHandoff: Sendable {
    private enum State {
        case waiting
        case borrowerWaiting(CheckedContinuation<PostgresConnection, any Error>)
        case offered(PostgresConnection, lender: CheckedContinuation<Void, Never>)
        case inUse(lender: CheckedContinuation<Void, Never>)
        case ended(any Error)
    }

    private let state = Mutex(State.waiting)

    /// The connection, once lent; or the error that ended the wait.
    func borrow() async throws -> PostgresConnection {
        try await withCheckedThrowingContinuation { borrower in
            let ready: Result<PostgresConnection, any Error>? = state.withLock { state in
                switch state {
                case .waiting:
                    state = .borrowerWaiting(borrower)
                    return nil
                case .offered(let connection, let lender):
                    state = .inUse(lender: lender)
                    return .success(connection)
                case .ended(let error):
                    return .failure(error)
                case .borrowerWaiting, .inUse:
                    preconditionFailure("a connection handoff is borrowed once")
                }
            }
            if let ready { borrower.resume(with: ready) }
        }
    }

    /// Offers `connection`; returns once it is given back, or at once if the wait has ended.
    func lend(_ connection: PostgresConnection) async {
        enum Next {
            case waitForBorrower
            case hand(to: CheckedContinuation<PostgresConnection, any Error>)
            case returnAtOnce
        }
        await withCheckedContinuation { lender in
            let next: Next = state.withLock { state in
                switch state {
                case .waiting:
                    state = .offered(connection, lender: lender)
                    return .waitForBorrower
                case .borrowerWaiting(let borrower):
                    state = .inUse(lender: lender)
                    return .hand(to: borrower)
                case .ended:
                    return .returnAtOnce
                case .offered, .inUse:
                    preconditionFailure("a connection handoff is lent once")
                }
            }
            switch next {
            case .waitForBorrower: break
            case .hand(let borrower): borrower.resume(returning: connection)
            case .returnAtOnce: lender.resume()
            }
        }
    }

    /// Ends the wait with `error`, unless a connection was already lent.
    func fail(_ error: any Error) {
        let borrower: CheckedContinuation<PostgresConnection, any Error>? = state.withLock { state in
            switch state {
            case .waiting:
                state = .ended(error)
                return nil
            case .borrowerWaiting(let borrower):
                state = .ended(error)
                return borrower
            case .offered, .inUse, .ended:
                return nil
            }
        }
        borrower?.resume(throwing: error)
    }

    /// Returns the borrowed connection to its lender.
    func giveBack() {
        let lender: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard case .inUse(let lender) = state else { return nil }
            state = .ended(CancellationError())
            return lender
        }
        lender?.resume()
    }
}
