import Foundation

/// Command-line options of the benchmark executable.
struct BenchmarkOptions {
    var sizes = [1_000, 100_000, 1_000_000]
    var seconds = 2.0
    var output: String?
    /// Only the benchmarks whose name contains this (to profile one path).
    var only: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst().makeIterator()
        while let flag = rest.next() {
            switch flag {
            case "--sizes": sizes = rest.next()!.split(separator: ",").map { Int($0)! }
            case "--seconds": seconds = Double(rest.next()!)!
            case "--out": output = rest.next()
            case "--only": only = rest.next()
            default:
                print("usage: KeyCoreBenchmarks [--sizes 1000,100000,1000000] [--seconds 2] [--out FILE.tsv] [--only NAME]")
                exit(flag == "--help" ? 0 : 2)
            }
        }
    }
}

/// Runs the selected benchmarks and collects their figures. The timed loops themselves run in
/// child tasks, off the main actor.
@MainActor
final class BenchmarkRunner {
    let options: BenchmarkOptions
    var table = ResultTable()

    init(options: BenchmarkOptions) {
        self.options = options
    }

    func run(
        _ name: String, keys: Int, tasks: Int = 1, limit: Int? = nil, warmUp: Int = 1_000,
        _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        guard options.only.map(name.contains) ?? true, limit != 0 else { return }
        table.add(try await measure(name, seconds: options.seconds, tasks: tasks, limit: limit, warmUp: warmUp, body), keys: keys)
    }
}
