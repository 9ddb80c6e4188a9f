import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the peer address for logs and
/// request facts.
struct PegasusRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address, as throttles key on it (`unknown` when the channel has none).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
