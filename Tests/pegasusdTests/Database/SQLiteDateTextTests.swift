import Foundation
import GRDB
import PropertyBased
import Testing
@testable import pegasusd

/// Dates in the SQLite file are written and read without GRDB now: they must be exactly the
/// text GRDB wrote (every existing data folder holds it) and read back to the millisecond.
@Suite struct SQLiteDateTextTests {
    /// 1970 to 2100 (nothing the server stores is older), in microseconds as `Date()` gives them.
    static let date = Gen.int(in: 0...4_102_444_800_000_000).map { Date(timeIntervalSince1970: TimeInterval($0) / 1_000_000) }

    @Test func theTextIsGRDBsAndReadsBackToTheMillisecond() async {
        await propertyCheck(count: 1_000, input: Self.date) { date in
            let text = SQLiteDateText.text(from: date)
            #expect(text == String.fromDatabaseValue(date.databaseValue))
            let read = SQLiteDateText.date(from: text)
            // Half a millisecond at most, and a hair for the Double.
            #expect(read.map { abs($0.timeIntervalSince(date)) <= 0.000_501 } == true, "\(text)")
        }
    }

    @Test func theFormsGRDBReadsAreRead() {
        let noon = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(SQLiteDateText.text(from: noon) == "2027-01-15 08:00:00.000")
        for text in ["2027-01-15 08:00:00.000", "2027-01-15T08:00:00.000", "2027-01-15 08:00:00", "2027-01-15 08:00"] {
            #expect(SQLiteDateText.date(from: text) == noon, "\(text)")
        }
        #expect(SQLiteDateText.date(from: "2027-01-15") == Date(timeIntervalSince1970: 1_799_971_200))
    }

    @Test func anythingElseIsNotADate() {
        for text in ["", "2027", "2027-13-01", "2027-01-32", "2027-01-15 24:00", "2027-01-15 08:60", "2027-01-15 08:00:61",
                     "2027-01-15 08:00:00.", "2027-01-15 08:00:00.000Z", "2027-1-15", "now"] {
            #expect(SQLiteDateText.date(from: text) == nil, "\(text)")
        }
    }
}
