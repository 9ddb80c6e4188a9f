// KeyCore benchmarks: key generation, verification against SQLite stores of growing size,
// rejection of malformed / unknown / wrong-secret keys, creation and revocation.
//
//   swift run -c release KeyCoreBenchmarks [--sizes 1000,100000,1000000] [--seconds 2] [--out FILE.tsv] [--only NAME]
//
// With PEGASUS_BENCH_POSTGRES_URL set (postgres://USER:PASSWORD@HOST:PORT/DATABASE), verification
// is also measured against a PostgresKeyStore holding the same keys, in a schema of its own that
// the run drops at the end.
//
// Every figure is measured on one task (one core) unless its name says otherwise. Benchmarks/run.sh
// runs this and djangorestframework-api-key's in-process timings in the same run.
import Foundation
import KeyCore
import KeyCorePostgres
import KeyCoreSQLite

let bench = BenchmarkRunner(options: BenchmarkOptions(CommandLine.arguments))

try await bench.run("generate key (no store)", keys: 0) { _ in
    _ = KeyGenerator.generate(.apiKey)
}

// Checksum-rejected garbage: well-shaped text whose last character is wrong.
let garbage = (0..<1_024).map { _ -> String in
    var text = KeyGenerator.generate(.apiKey).plaintext.revealed
    let last = text.removeLast()
    return text + (last == "a" ? "b" : "a")
}
let storeless = KeyService(store: InMemoryKeyStore())
let postgresURL = try ProcessInfo.processInfo.environment["PEGASUS_BENCH_POSTGRES_URL"].map { try PostgresURL($0) }
try await bench.run("reject malformed (checksum)", keys: 0) { index in
    guard case .rejected(.malformed) = try await storeless.verify(garbage[index & 1023]) else { fatalError("accepted garbage") }
}

for size in bench.options.sizes {
    let folder = NSTemporaryDirectory() + "keycore-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try SQLiteKeyStore(path: folder + "/keys.sqlite3")
    let service = KeyService(store: store)

    var postgres: PostgresBenchmarkStore?
    if let postgresURL { postgres = try await PostgresBenchmarkStore(url: postgresURL, keys: size) }

    let seedStart = ContinuousClock.now
    let stores: [any KeyStore] = [store] + [postgres?.store].compactMap { $0 }
    let sample = try await seed(stores, count: size, hasher: service.hasher, sampleSize: 10_000)
    progress("# seeded \(size) keys in \(ContinuousClock.now - seedStart)")

    // The warm-up touches every sampled key once, so cold pages of a fresh file are not timed.
    try await bench.run("verify valid", keys: size, warmUp: sample.count) { index in
        guard case .valid = try await service.verify(sample[index % sample.count].plaintext.revealed) else { fatalError("rejected a valid key") }
    }
    try await bench.run("verify valid, 2 tasks", keys: size, tasks: 2) { index in
        guard case .valid = try await service.verify(sample[index % sample.count].plaintext.revealed) else { fatalError("rejected a valid key") }
    }
    if let postgres {
        // Each verification is a round trip to the server (no cache), so concurrent tasks overlap them.
        let overPostgres = KeyService(store: postgres.store)
        for tasks in [1, 2, 8] {
            try await bench.run("verify valid, PostgreSQL" + (tasks == 1 ? "" : ", \(tasks) tasks"), keys: size, tasks: tasks,
                                warmUp: tasks == 1 ? sample.count : 1_000) { index in
                guard case .valid = try await overPostgres.verify(sample[index % sample.count].plaintext.revealed) else {
                    fatalError("rejected a valid key")
                }
            }
        }
        try await postgres.drop()
    }

    let unknown = (0..<1_024).map { _ in KeyGenerator.generate(.apiKey).plaintext.revealed }
    try await bench.run("reject unknown lookup id", keys: size) { index in
        guard case .rejected(.unknown) = try await service.verify(unknown[index & 1023]) else { fatalError("accepted an unknown key") }
    }

    let wrongSecret = sample.prefix(1_024).map { forge(lookupID: $0.lookupID) }
    try await bench.run("reject wrong secret", keys: size) { index in
        guard case .rejected(.unknown) = try await service.verify(wrongSecret[index % wrongSecret.count]) else { fatalError("accepted a wrong secret") }
    }

    let created = Collector<String>()
    try await bench.run("create (one transaction each)", keys: size) { index in
        created.append(try await service.create(name: "bench \(index)").record.id)
    }
    let ids = created.values
    try await bench.run("revoke", keys: size, limit: ids.count) { index in
        try await service.revoke(id: ids[index])
    }
}

print(bench.table.render())
if let output = bench.options.output {
    try bench.table.tsv().write(toFile: output, atomically: true, encoding: .utf8)
    print("# wrote \(output)")
}

/// Inserts the same `count` keys into each store, in batches, and returns an evenly spread,
/// shuffled sample of them.
func seed(_ stores: [any KeyStore], count: Int, hasher: KeyHasher, sampleSize: Int) async throws -> [ParsedKey] {
    var sample: [ParsedKey] = []
    let stride = max(1, count / sampleSize)
    var batch: [StoredKey] = []
    let now = Date()
    for index in 0..<count {
        let key = KeyGenerator.generate(.apiKey)
        if index % stride == 0, sample.count < sampleSize { sample.append(key) }
        let record = KeyRecord(id: UUID().uuidString.lowercased(), type: .apiKey, lookupID: key.lookupID, name: "seed \(index)", createdAt: now)
        batch.append(StoredKey(record: record, digest: hasher.digest(of: key.plaintext)))
        if batch.count == 10_000 || index == count - 1 {
            for store in stores { _ = try await store.insertNew(batch) }
            batch.removeAll(keepingCapacity: true)
        }
    }
    return sample.shuffled()
}

/// A well-formed key (valid checksum) with this lookup id and a random, wrong secret.
func forge(lookupID: String) -> String {
    let random = KeyGenerator.generate(.apiKey).plaintext.revealed
    let secret = random.split(separator: "_")[2].prefix(KeyFormat.secretLength)
    let body = "pgk_\(lookupID)_\(secret)"
    return body + KeyFormat.checksum(of: body)
}
