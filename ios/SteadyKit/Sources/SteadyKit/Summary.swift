import Foundation
import SteadyCore

/// What the patient chose on the Summary screen.
public struct SummaryOptions: Equatable, Sendable {
    public var from: NaiveDate
    public var to: NaiveDate
    public var format: ExportFormat
    /// The clinician's language (may differ from the patient's).
    public var language: Lang
    /// Sections left out; the summary says what was left out.
    public var exclude: Set<Hideable>
    /// Goals left out.
    public var hiddenGoals: Set<EntryId>
    /// nil = the diary's own table.
    public var table: EquivalenceTable?

    public init(
        from: NaiveDate, to: NaiveDate, format: ExportFormat = .pdf, language: Lang,
        exclude: Set<Hideable> = [], hiddenGoals: Set<EntryId> = [], table: EquivalenceTable? = nil
    ) {
        self.from = from
        self.to = to
        self.format = format
        self.language = language
        self.exclude = exclude
        self.hiddenGoals = hiddenGoals
        self.table = table
    }

    /// The core's default period on the diary day `today` (`defaultPeriod`: the 8 weeks ending with
    /// the last complete diary day), in `language`.
    public static func standard(today: NaiveDate, language: Lang) throws -> SummaryOptions {
        let period = try defaultPeriod(today: today)
        guard period.count >= 2 else {
            throw SteadyError.Internal(detail: "defaultPeriod returned \(period.count) dates")
        }
        return SummaryOptions(from: period[0], to: period[1], language: language)
    }

    public func includes(_ section: Hideable) -> Bool {
        !exclude.contains(section)
    }

    public mutating func toggle(_ section: Hideable) {
        if exclude.contains(section) {
            exclude.remove(section)
        } else {
            exclude.insert(section)
        }
    }

    /// The request for the core, sections in the core's order (so the same choice always gives
    /// the same bytes).
    public var request: SummaryRequest {
        SummaryRequest(
            from: from, to: to, format: format, table: table, language: language,
            exclude: Sections.all.filter { exclude.contains($0) }, hiddenGoals: hiddenGoals.sorted())
    }
}

/// History rows of one diary day.
public struct HistoryDay: Equatable, Sendable, Identifiable {
    public let date: NaiveDate
    public let rows: [EntryRow]
    public var id: NaiveDate { date }

    /// Rows grouped by diary day, the latest day first, each day in time order.
    public static func group(_ rows: [EntryRow]) -> [HistoryDay] {
        var byDay: [NaiveDate: [EntryRow]] = [:]
        for row in rows {
            byDay[row.date, default: []].append(row)
        }
        return byDay.keys.sorted(by: >).map { day in
            HistoryDay(date: day, rows: byDay[day] ?? [])
        }
    }
}
