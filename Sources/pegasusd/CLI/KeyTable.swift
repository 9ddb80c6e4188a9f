import Foundation
import KeyCore

/// The human-readable `keys list` table.
enum KeyTable {
    static func render(_ records: [KeyRecord], now: Date) -> String {
        guard !records.isEmpty else { return "No keys." }
        let header = ["ID", "NAME", "PREFIX", "OWNER", "STATUS", "CREATED", "EXPIRES", "LAST USED"]
        let rows = records.map { record in
            [
                record.id, record.name, record.displayPrefix, record.owner?.description ?? "-",
                status(record, now: now), utc(record.createdAt),
                record.expiresAt.map(utc) ?? "never", record.lastUsedAt.map(utc) ?? "never",
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { row in
            zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    private static func status(_ record: KeyRecord, now: Date) -> String {
        if record.isRevoked { return "revoked" }
        return record.hasExpired(at: now) ? "expired" : "active"
    }

    private static func utc(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
