import Foundation

/// Dates as the SQLite database stores them: UTC text `YYYY-MM-DD HH:MM:SS.SSS`, GRDB's format,
/// in which every existing data folder's dates were written, and which sorts and compares as
/// the dates do. Formatted and parsed with integer arithmetic (``UTCDate``), not `Calendar`:
/// the request path reads several per request.
enum SQLiteDateText {
    static func text(from date: Date) -> String {
        // To the nearest millisecond, as GRDB's formatter writes it (a time held in a Double is
        // often a hair below the millisecond it was made from).
        let milliseconds = Int((date.timeIntervalSince1970 * 1_000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1_000)
        let (wholeSeconds, millisecond) = fraction < 0 ? (seconds - 1, fraction + 1_000) : (seconds, fraction)
        let utc = UTCDate(Date(timeIntervalSince1970: TimeInterval(wholeSeconds)))
        var bytes = Array(utc.dayText.utf8)
        bytes.reserveCapacity(23)
        bytes.append(UInt8(ascii: " "))
        UTCDate.append(utc.secondOfDay / 3_600, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        UTCDate.append(utc.secondOfDay / 60 % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        UTCDate.append(utc.secondOfDay % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: "."))
        UTCDate.append(millisecond, width: 3, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads `YYYY-MM-DD`, optionally followed by ` HH:MM`, `:SS` and a fraction of a second (a
    /// `T` may stand for the space), always UTC: the forms GRDB writes and reads. `nil` for
    /// anything else.
    static func date(from text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        guard let year = number(&bytes, digits: 4), take(&bytes, "-"), let month = number(&bytes, digits: 2), take(&bytes, "-"),
              let day = number(&bytes, digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = 0
        var fraction = 0.0
        if !bytes.isEmpty {
            guard take(&bytes, " ") || take(&bytes, "T"), let hour = number(&bytes, digits: 2), take(&bytes, ":"),
                  let minute = number(&bytes, digits: 2), hour < 24, minute < 60
            else { return nil }
            seconds = hour * 3_600 + minute * 60
            if take(&bytes, ":") {
                guard let second = number(&bytes, digits: 2), second < 60 else { return nil }
                seconds += second
                if take(&bytes, ".") {
                    var scale = 0.1
                    guard let first = bytes.first, isDigit(first) else { return nil }
                    while let digit = bytes.first, isDigit(digit) {
                        fraction += Double(digit - UInt8(ascii: "0")) * scale
                        scale /= 10
                        bytes.removeFirst()
                    }
                }
            }
        }
        guard bytes.isEmpty else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + seconds) + fraction)
    }

    /// Howard Hinnant's `days_from_civil`: the inverse of ``UTCDate``'s computation.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func number(_ bytes: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        guard bytes.count >= digits, bytes.prefix(digits).allSatisfy(isDigit) else { return nil }
        let value = bytes.prefix(digits).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        bytes.removeFirst(digits)
        return value
    }

    private static func take(_ bytes: inout ArraySlice<UInt8>, _ character: Unicode.Scalar) -> Bool {
        guard bytes.first == UInt8(ascii: character) else { return false }
        bytes.removeFirst()
        return true
    }
}
