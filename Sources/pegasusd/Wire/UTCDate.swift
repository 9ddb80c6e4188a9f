import Foundation

/// A moment's UTC date (proleptic Gregorian, as ISO 8601 counts) and time of day, computed from its Unix time with integer
/// arithmetic (Howard Hinnant's `civil_from_days`) instead of `Calendar`: the request path
/// formats one on every metered request and every time it writes, where `Calendar` was a few
/// percent of a request.
struct UTCDate: Equatable {
    let year: Int
    let month: Int
    let day: Int
    /// Seconds since midnight, the fraction dropped.
    let secondOfDay: Int

    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (dayNumber, second) = remainder < 0 ? (days - 1, remainder + 86_400) : (days, remainder)
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        secondOfDay = second
    }

    /// `YYYY-MM-DD`.
    var dayText: String {
        var text = [UInt8]()
        text.reserveCapacity(10)
        Self.append(year, width: 4, to: &text); text.append(UInt8(ascii: "-"))
        Self.append(month, width: 2, to: &text); text.append(UInt8(ascii: "-"))
        Self.append(day, width: 2, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `value` as `width` decimal digits, zero-padded.
    static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
