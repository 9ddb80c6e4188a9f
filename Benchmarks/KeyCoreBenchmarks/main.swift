// KeyCore benchmarks: key generation, verification against SQLite stores of growing size,
// rejection of malformed / unknown / wrong-secret keys, creation and revocation.
//
//   swift run -c release KeyCoreBenchmarks [--sizes 1000,100000,1000000] [--seconds 2] [--out FILE.tsv]
//
// Every figure is measured on one task (one core) unless its name says otherwise. Benchmarks/run.sh
// runs this and djangorestframework-api-key's in-process timings in the same run.
import Foundation
import KeyCore

struct Options {
    var sizes = [1_000, 100_000, 1_000_000]
    var seconds = 2.0
    var output: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst().makeIterator()
        while let flag = rest.next() {
            switch flag {
            case "--sizes": sizes = rest.next()!.split(separator: ",").map { Int($0)! }
            case "--seconds": seconds = Double(rest.next()!)!
            case "--out": output = rest.next()
            default:
                print("usage: KeyCoreBenchmarks [--sizes 1000,100000,1000000] [--seconds 2] [--out FILE.tsv]")
                exit(flag == "--help" ? 0 : 2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
var table = ResultTable()

let generateKey = try await measure("generate key (no store)", seconds: options.seconds) { _ in
    _ = KeyGenerator.generate(.apiKey)
}
table.add(generateKey, keys: 0)

// Checksum-rejected garbage: well-shaped text whose last character is wrong.
let garbage = (0..<1_024).map { _ -> String in
    var text = KeyGenerator.generate(.apiKey).plaintext.revealed
    let last = text.removeLast()
    return text + (last == "a" ? "b" : "a")
}
let service0 = KeyService(store: InMemoryKeyStore())
let malformed = try await measure("reject malformed (checksum)", seconds: options.seconds) { index in
    guard case .rejected(.malformed) = try await service0.verify(garbage[index & 1023]) else { fatalError("accepted garbage") }
}
table.add(malformed, keys: 0)

for size in options.sizes {
    let folder = NSTemporaryDirectory() + "keycore-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try SQLiteKeyStore(path: folder + "/keys.sqlite3")
    let service = KeyService(store: store)

    let seedStart = ContinuousClock.now
    let sample = try await seed(store, count: size, hasher: service.hasher, sampleSize: 10_000)
    print("# seeded \(size) keys in \(ContinuousClock.now - seedStart)")

    // The warm-up touches every sampled key once, so cold pages of a fresh file are not timed.
    table.add(try await measure("verify valid", seconds: options.seconds, warmUp: sample.count) { index in
        guard case .valid = try await service.verify(sample[index % sample.count].plaintext.revealed) else { fatalError("rejected a valid key") }
    }, keys: size)

    table.add(try await measure("verify valid, 2 tasks", seconds: options.seconds, tasks: 2) { index in
        guard case .valid = try await service.verify(sample[index % sample.count].plaintext.revealed) else { fatalError("rejected a valid key") }
    }, keys: size)

    let unknown = (0..<1_024).map { _ in KeyGenerator.generate(.apiKey).plaintext.revealed }
    table.add(try await measure("reject unknown lookup id", seconds: options.seconds) { index in
        guard case .rejected(.unknown) = try await service.verify(unknown[index & 1023]) else { fatalError("accepted an unknown key") }
    }, keys: size)

    let wrongSecret = sample.prefix(1_024).map { forge(lookupID: $0.lookupID) }
    table.add(try await measure("reject wrong secret", seconds: options.seconds) { index in
        guard case .rejected(.unknown) = try await service.verify(wrongSecret[index % wrongSecret.count]) else { fatalError("accepted a wrong secret") }
    }, keys: size)

    let created = Collector<String>()
    table.add(try await measure("create (one transaction each)", seconds: options.seconds) { index in
        created.append(try await service.create(name: "bench \(index)").record.id)
    }, keys: size)

    let ids = created.values
    table.add(try await measure("revoke", seconds: options.seconds, limit: ids.count) { index in
        try await service.revoke(id: ids[index])
    }, keys: size)
}

print(table.render())
if let output = options.output {
    try table.tsv().write(toFile: output, atomically: true, encoding: .utf8)
    print("# wrote \(output)")
}

/// Inserts `count` keys in batches and returns an evenly spread sample of their texts.
func seed(_ store: SQLiteKeyStore, count: Int, hasher: KeyHasher, sampleSize: Int) async throws -> [ParsedKey] {
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
            _ = try store.insertNew(batch)
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
