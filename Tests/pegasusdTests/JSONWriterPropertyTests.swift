import Foundation
import PropertyBased
import Testing
@testable import pegasusd

/// The employee and bot lists are written by JSONWriter; clients must get exactly the bytes
/// JSONEncoder (WireJSON.encoder) writes for the same page, whatever the names, numbers and times.
@Suite struct JSONWriterPropertyTests {
    static let pieces = ["a", "Zoë", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "👩‍👩‍👧‍👦", "e\u{301}", "<", "&"]
    static let text = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...8).map { $0.joined() }
    /// 1901 to 2100, with fractions of a second (written truncated to the second).
    static let date = Gen.int(in: -2_169_000_000...4_102_444_800).map { Date(timeIntervalSince1970: TimeInterval($0) + 0.999) }
    static let employee = zip(text, date, date, Gen.int(in: Int.min...Int.max), Gen.int(in: 0...4)).map { name, created, updated, salary, department in
        EmployeeListing(Employee(
            id: UUID().uuidString.lowercased(), ownerID: "o", name: name, department: Employee.Department.allCases[department],
            salary: salary, createdAt: created, updatedAt: updated))
    }
    static let link = Gen.int(in: 0...2).map { [nil, "http://127.0.0.1:8000/pegasus/employees/api/employees/?page=2", "/x/?page=\"3\""][$0] }
    static let page = zip(employee.array(of: 0...5), link, link, Gen.int(in: 0...1_000_000)).map { items, next, previous, count in
        Page(count: count, next: next, previous: previous, results: items)
    }

    static let bot = zip(text, text, date, date).map { name, description, created, updated in
        BotListing(Bot(id: UUID().uuidString.lowercased(), workspaceID: "w", name: name, description: description, model: "pegasus-echo",
                       createdAt: created, updatedAt: updated))
    }
    static let botPage = zip(bot.array(of: 0...5), link, link, Gen.int(in: 0...1_000_000)).map { items, next, previous, count in
        Page(count: count, next: next, previous: previous, results: items)
    }

    @Test func theWriterWritesWhatJSONEncoderWritesForBots() async throws {
        await propertyCheck(count: 200, input: Self.botPage) { page in
            var json = JSONWriter()
            page.write(to: &json)
            #expect(json.bytes == Array(try! WireJSON.encoder.encode(page)))
        }
    }

    @Test func theWriterWritesWhatJSONEncoderWrites() async throws {
        await propertyCheck(count: 400, input: Self.page) { page in
            var json = JSONWriter()
            page.write(to: &json)
            let encoded = try! WireJSON.encoder.encode(page)
            #expect(json.bytes == Array(encoded), "\(String(decoding: json.bytes, as: UTF8.self)) vs \(String(decoding: encoded, as: UTF8.self))")
        }
    }
}

/// UTCDate's arithmetic against Foundation's Gregorian calendar in UTC, from 1600 to 9999 (before
/// 1582 Foundation's calendar turns Julian; UTCDate stays proleptic Gregorian, as ISO 8601 does).
@Suite struct UTCDatePropertyTests {
    @Test func theCivilDateIsTheCalendarsInUTC() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let moment = Gen.int(in: -11_676_096_000...253_402_300_799).map { Date(timeIntervalSince1970: TimeInterval($0) + 0.5) }
        await propertyCheck(count: 2_000, input: moment) { date in
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let civil = UTCDate(date)
            #expect([civil.year, civil.month, civil.day] == [parts.year, parts.month, parts.day], "\(date)")
            #expect(civil.secondOfDay == parts.hour! * 3_600 + parts.minute! * 60 + parts.second!, "\(date)")
            #expect(civil.dayText == String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))
        }
    }
}
