#if canImport(Glibc)
import Glibc
#endif

/// The kernel CSPRNG, read 128 bytes at a time: one `getentropy(3)` (`getrandom(2)`) per key
/// instead of the one system call per 8 bytes that `SystemRandomNumberGenerator` makes.
struct BufferedSystemRandom: RandomNumberGenerator {
    private var buffer = [UInt64](repeating: 0, count: 16)
    private var position = 16

    mutating func next() -> UInt64 {
        if position == buffer.count {
            refill()
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func refill() {
        #if canImport(Glibc)
        // getentropy fills up to 256 bytes in full or fails as a whole.
        if buffer.withUnsafeMutableBytes({ getentropy($0.baseAddress!, $0.count) }) == 0 { return }
        #endif
        var system = SystemRandomNumberGenerator()
        for index in buffer.indices { buffer[index] = system.next() }
    }
}
