import Charts
import SteadyCore
import SteadyKit
import SwiftUI

/// The summary for the appointment: period, format (PDF, text, CSV, FHIR, JSON), the clinician's
/// language, what to leave out; a preview in that language and the file for the share sheet.
struct SummaryScreenView: View {
    @Environment(DiaryModel.self) private var model
    let words: Words

    private func day(_ keyPath: WritableKeyPath<SummaryOptions, NaiveDate>) -> Binding<Date> {
        Binding(
            get: { model.summaryOptions.flatMap { CoreValues.date(fromDay: $0[keyPath: keyPath]) } ?? Date() },
            set: { value in model.updateSummaryOptions { $0[keyPath: keyPath] = CoreValues.day(value) } })
    }

    var body: some View {
        NavigationStack {
            Form {
                MessageBanner(words: words)
                if let options = model.summaryOptions {
                    Section(words.labels.shellSummaryPeriod) {
                        DatePicker(words.fromLabel, selection: day(\.from), displayedComponents: .date)
                            .accessibilityLabel(Text(verbatim: "\(words.labels.shellSummaryPeriod), \(words.fromLabel)"))
                        DatePicker(words.labels.shellSummaryPeriod, selection: day(\.to), displayedComponents: .date)
                            .accessibilityLabel(Text(words.labels.shellSummaryPeriod))
                    }
                    Section {
                        Picker(words.labels.shellSummaryFormat, selection: Binding(
                            get: { options.format }, set: { value in model.updateSummaryOptions { $0.format = value } })) {
                            ForEach(ExportFormats.all, id: \.self) { format in
                                Text(words.formatName(format)).tag(format)
                            }
                        }
                        .accessibilityLabel(Text(words.labels.shellSummaryFormat))
                        Picker(words.labels.shellSummaryLanguage, selection: Binding(
                            get: { options.language }, set: { value in model.updateSummaryOptions { $0.language = value } })) {
                            ForEach(Languages.all, id: \.self) { lang in
                                Text(words.languageName(lang)).tag(lang)
                            }
                        }
                        .accessibilityLabel(Text(words.labels.shellSummaryLanguage))
                    }
                    Section(words.labels.shellSummaryLeaveOut) {
                        ForEach(Sections.all, id: \.self) { section in
                            Toggle(words.sectionName(section), isOn: Binding(
                                get: { options.exclude.contains(section) },
                                set: { _ in model.updateSummaryOptions { $0.toggle(section) } }))
                            .accessibilityLabel(Text(verbatim: "\(words.labels.shellSummaryLeaveOut): \(words.sectionName(section))"))
                        }
                    }
                    Section {
                        Button {
                            Task { await model.makeSummary() }
                        } label: {
                            Label(words.labels.actionMakeSummary, systemImage: "square.and.arrow.up")
                        }
                        .accessibilityLabel(Text(words.labels.actionMakeSummary))
                    }
                    if let screen = model.summaryScreen {
                        Section(screen.tableName) {
                            DoseChart(days: screen.days, words: words)
                                .frame(minHeight: 160)
                        }
                    }
                    if let preview = model.summaryPreview {
                        Section {
                            Text(preview)
                                .font(.system(.footnote, design: .monospaced))
                                .textSelection(.enabled)
                        }
                    }
                }
            }
            .navigationTitle(words.labels.screenSummary)
            .task(id: model.summaryOptions) { await model.loadSummary() }
        }
    }
}

/// Daily diazepam equivalents (prescribed, a range where the table gives one), the plan's dose
/// where there is a plan.
struct DoseChart: View {
    let days: [DayRow]
    let words: Words

    var body: some View {
        Chart(days, id: \.date) { day in
            BarMark(
                x: .value(words.labels.shellSummaryPeriod, day.date),
                yStart: .value(words.mgUnit, day.deLowMg), yEnd: .value(words.mgUnit, max(day.deHighMg, day.deLowMg + 0.05))
            )
            .accessibilityLabel(Text(day.date))
            .accessibilityValue(Text(words.mgRange(low: day.deLowMg, high: day.deHighMg)))
            if let planned = day.plannedDeLowMg {
                LineMark(x: .value(words.labels.shellSummaryPeriod, day.date), y: .value(words.labels.screenPlan, planned))
                    .foregroundStyle(.secondary)
                    .accessibilityLabel(Text(verbatim: "\(words.labels.screenPlan), \(day.date)"))
                    .accessibilityValue(Text(words.mg(planned)))
            }
        }
        .chartXAxis(.hidden)
        .accessibilityLabel(Text(words.labels.screenSummary))
    }
}
