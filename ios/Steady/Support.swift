import SwiftUI

/// The string forms the core reads and writes: `YYYY-MM-DD` dates, `HH:MM` times and RFC 3339
/// instants with the device's offset. Pure formatting, no calendar logic of our own.
enum Dates {
    static func day(_ date: Date) -> String {
        formatter("yyyy-MM-dd").string(from: date)
    }

    static func clock(_ date: Date) -> String {
        formatter("HH:mm").string(from: date)
    }

    static func instant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone.current
        return formatter.string(from: date)
    }

    /// A core date ("2026-03-01") in the user's style ("1 Mar 2026"); the text itself if unreadable.
    static func display(_ text: String) -> String {
        guard let date = formatter("yyyy-MM-dd").date(from: text) else {
            return text
        }
        return date.formatted(date: .abbreviated, time: .omitted)
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = format
        return formatter
    }
}

/// Numbers as typed and as shown.
enum Numbers {
    /// Reads "1,5" or "1.5" whatever the device's locale; nil when it is not a number.
    static func parse(_ text: String) -> Double? {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale.current
        if let number = formatter.number(from: text) {
            return number.doubleValue
        }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }

    /// "1.5" in the user's style, at most two decimals.
    static func decimal(_ value: Double) -> String {
        value.formatted(.number.precision(.fractionLength(0...2)))
    }

    static func mg(_ value: Double) -> String {
        "\(decimal(value)) mg"
    }

    /// A diazepam-equivalent range as the core gives it: one value when low and high agree.
    static func mgRange(low: Double, high: Double) -> String {
        if abs(high - low) < 0.005 {
            return mg(low)
        }
        return "\(decimal(low))–\(decimal(high)) mg"
    }

    /// A total with its unknown doses named, never counted as zero.
    static func total(_ total: DeTotalView) -> String {
        var text = mgRange(low: total.lowMg, high: total.highMg)
        if total.unknownDoses > 0 {
            text += " + \(total.unknownDoses) unknown"
        }
        return text
    }
}

extension String {
    /// nil for an empty or blank field, so optional inputs reach the core as "not given".
    var nilIfBlank: String? {
        trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self
    }
}

/// The message the core (or a number reader) left for one field, in red under it.
struct FieldError: View {
    let message: String?

    var body: some View {
        if let message = message {
            Text(message)
                .font(.footnote)
                .foregroundStyle(.red)
                .accessibilityLabel("Error: \(message)")
        }
    }
}

/// A time of day that may be left out (sleep-diary details).
struct OptionalTimeRow: View {
    let label: String
    @Binding var isOn: Bool
    @Binding var time: Date

    var body: some View {
        Toggle(label, isOn: $isOn)
        if isOn {
            DatePicker(label, selection: $time, displayedComponents: .hourAndMinute)
                .labelsHidden()
        }
    }
}

/// A banner over the tabs for messages that belong to no field.
struct BannerView: View {
    let text: String
    let dismiss: () -> Void

    var body: some View {
        HStack(alignment: .top, spacing: 12) {
            Image(systemName: "exclamationmark.circle")
            Text(text)
                .frame(maxWidth: .infinity, alignment: .leading)
            Button(action: dismiss) {
                Image(systemName: "xmark")
            }
            .accessibilityLabel("Dismiss")
        }
        .font(.callout)
        .padding()
        .background(.thinMaterial, in: RoundedRectangle(cornerRadius: 12))
        .padding(.horizontal)
    }
}

extension DoseLineView: Identifiable {}
extension GoalLineView: Identifiable {}
extension EntryRow: Identifiable {}

extension DayRow: Identifiable {
    var id: String { date }
}

extension DeTable: Identifiable, CaseIterable {
    var id: DeTable { self }
    static var allCases: [DeTable] { [.ashton, .vaDod, .dutch, .norwegian] }

    /// Names for the picker; the core names the table and its source in every summary.
    var label: String {
        switch self {
        case .ashton:
            return "Ashton Manual"
        case .vaDod:
            return "VA/DoD"
        case .dutch:
            return "Dutch table"
        case .norwegian:
            return "Norwegian Directorate"
        }
    }
}
