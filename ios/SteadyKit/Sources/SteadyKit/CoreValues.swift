import Foundation
import SteadyCore

/// The string forms the core reads and writes — `YYYY-MM-DD` dates, `HH:MM` clock times, RFC 3339
/// instants — to and from the `Date` values the system pickers use. Formatting only: which day an
/// instant belongs to, DST gaps and the diary day are the core's business.
public enum CoreValues {
    /// "2026-03-01" of `date` in `timeZone`.
    public static func day(_ date: Date, timeZone: TimeZone = .current) -> NaiveDate {
        let c = calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Noon of a core date in `timeZone` (noon: never inside a DST gap), or nil when unreadable.
    public static func date(fromDay text: NaiveDate, timeZone: TimeZone = .current) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var c = DateComponents()
        c.year = parts[0]
        c.month = parts[1]
        c.day = parts[2]
        c.hour = 12
        let cal = calendar(timeZone)
        guard let date = cal.date(from: c), day(date, timeZone: timeZone) == text else { return nil }
        return date
    }

    /// "07:05" of `date` in `timeZone`.
    public static func clock(_ date: Date, timeZone: TimeZone = .current) -> NaiveTime {
        let c = calendar(timeZone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// Today at a core clock time ("22:30") in `timeZone`, for a time picker; nil when unreadable.
    public static func date(fromClock text: NaiveTime, on day: Date = Date(), timeZone: TimeZone = .current) -> Date? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return calendar(timeZone).date(bySettingHour: parts[0], minute: parts[1], second: 0, of: day)
    }

    /// RFC 3339 with the offset `date` has in `timeZone`, e.g. "2026-03-01T22:30:00+01:00".
    public static func instant(_ date: Date, timeZone: TimeZone = .current) -> LocalInstant {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = timeZone
        return formatter.string(from: date)
    }

    /// The moment an RFC 3339 instant names, or nil when unreadable.
    public static func date(fromInstant text: LocalInstant) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) {
            return date
        }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// A number for display in the patient's language ("2,5" in French, Dutch and Norwegian), at
    /// most `digits` decimals.
    public static func number(_ value: Double, language: Lang, digits: Int = 2) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: Languages.localeIdentifier(language))
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = false
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = digits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }
}
