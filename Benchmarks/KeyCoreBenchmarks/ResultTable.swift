import Foundation

/// The figures of a run, as an aligned table and as TSV.
struct ResultTable {
    private var rows: [(keys: Int, measurement: Measurement)] = []

    mutating func add(_ measurement: Measurement, keys: Int) {
        rows.append((keys, measurement))
        let name = measurement.name.padding(toLength: 32, withPad: " ", startingAt: 0)
        progress(name + String(format: " keys=%-8d %12.0f ops/s  mean %8.2f µs  p50 %8.2f µs  p99 %8.2f µs",
                            keys, measurement.perSecond, measurement.meanMicroseconds,
                            measurement.percentile(0.5), measurement.percentile(0.99)))
    }

    private var header: [String] { ["operation", "keys_in_store", "tasks", "ops", "ops_per_s", "mean_us", "p50_us", "p99_us"] }

    private var cells: [[String]] {
        rows.map { keys, m in
            [m.name, "\(keys)", "\(m.tasks)", "\(m.operations)", String(format: "%.0f", m.perSecond),
             String(format: "%.2f", m.meanMicroseconds), String(format: "%.2f", m.percentile(0.5)), String(format: "%.2f", m.percentile(0.99))]
        }
    }

    func tsv() -> String {
        ([header] + cells).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }

    func render() -> String {
        let all = [header] + cells
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            zip(row, widths).enumerated().map { column, pair in
                column == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// A progress line on standard error (unbuffered, so it shows while the run goes on); the final
/// table goes to standard output.
func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
