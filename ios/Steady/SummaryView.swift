import SwiftUI

/// A summary for a period, as the core computes it: daily diazepam equivalents (prescribed and
/// not prescribed apart, unknown doses counted), sleep and anxiety, with the table and its source
/// named. The file for the clinician (text or JSON) is built by the core and shared from here.
struct SummaryView: View {
    @EnvironmentObject private var core: Core
    @State private var from = Calendar.current.date(byAdding: .day, value: -27, to: Date()) ?? Date()
    @State private var to = Date()
    @State private var format = SummaryFormat.text
    @State private var shareURL: URL?

    var body: some View {
        NavigationStack {
            Form {
                Section("Period") {
                    DatePicker("From", selection: $from, in: ...to, displayedComponents: .date)
                    DatePicker("To", selection: $to, in: ...Date(), displayedComponents: .date)
                    FieldError(message: core.fieldErrors["from"])
                    FieldError(message: core.fieldErrors["to"])
                }

                Section {
                    Picker("Table", selection: table) {
                        ForEach(DeTable.allCases) { table in
                            Text(table.label).tag(table)
                        }
                    }
                } header: {
                    Text("Diazepam equivalents")
                } footer: {
                    Text("Published tables disagree; the summary always names the table it used.")
                }

                if let summary = core.summary {
                    SummaryTable(summary: summary)
                }

                Section {
                    Picker("Format", selection: $format) {
                        Text("Text").tag(SummaryFormat.text)
                        Text("JSON").tag(SummaryFormat.json)
                    }
                    .pickerStyle(.segmented)
                    if let shareURL = shareURL {
                        ShareLink(item: shareURL) {
                            Label("Share \(shareURL.lastPathComponent)", systemImage: "square.and.arrow.up")
                        }
                    } else {
                        Button("Prepare file") {
                            shareURL = core.exportSummary(from: from, to: to, format: format)
                        }
                    }
                } header: {
                    Text("File for your clinician")
                } footer: {
                    Text("The file leaves Steady only when you share it. Steady keeps no copy.")
                }
            }
            .navigationTitle("Summary")
        }
        .onAppear { show() }
        .onChange(of: from) { _ in periodChanged() }
        .onChange(of: to) { _ in periodChanged() }
        .onChange(of: format) { _ in discardFile() }
        .onDisappear { discardFile() }
    }

    /// The equivalence table is a diary setting kept by the core.
    private var table: Binding<DeTable> {
        Binding(
            get: { core.view.table },
            set: { choice in
                if core.send(.useTable(table: choice)) {
                    periodChanged()
                }
            })
    }

    private func show() {
        core.send(.show(page: .summary(from: Dates.day(from), to: Dates.day(to))))
    }

    private func periodChanged() {
        discardFile()
        show()
    }

    private func discardFile() {
        shareURL = nil
        core.discardSharedFiles()
    }
}

private struct SummaryTable: View {
    let summary: SummaryScreen

    var body: some View {
        Section {
            LabeledContent("Prescribed", value: Numbers.total(summary.prescribed))
            LabeledContent("Not prescribed", value: Numbers.total(summary.nonPrescribed))
            LabeledContent("Days without a dose", value: "\(summary.daysWithoutDose)")
        } header: {
            Text("\(Dates.display(summary.from)) – \(Dates.display(summary.to))")
        } footer: {
            Text("Table: \(summary.tableName) (\(summary.tableSource)).")
        }

        Section("Sleep and anxiety") {
            LabeledContent("Nights logged", value: "\(summary.sleepNights)")
            LabeledContent("Mean sleep", value: summary.meanSleepH.map { "\(Numbers.decimal($0)) h" } ?? "–")
            LabeledContent("Anxiety ratings", value: "\(summary.anxietyRatings)")
            LabeledContent("Mean anxiety", value: summary.meanAnxiety.map { "\(Numbers.decimal($0)) / 10" } ?? "–")
        }

        Section {
            HStack {
                Text("Day")
                    .frame(maxWidth: .infinity, alignment: .leading)
                Text("Prescribed")
                    .frame(maxWidth: .infinity, alignment: .trailing)
                Text("Not prescr.")
                    .frame(maxWidth: .infinity, alignment: .trailing)
                Text("Unknown")
                    .frame(width: 64, alignment: .trailing)
            }
            .font(.caption.weight(.semibold))
            ForEach(summary.days) { day in
                HStack {
                    Text(Dates.display(day.date))
                        .frame(maxWidth: .infinity, alignment: .leading)
                    Text(Numbers.mgRange(low: day.deLowMg, high: day.deHighMg))
                        .frame(maxWidth: .infinity, alignment: .trailing)
                    Text(Numbers.mgRange(low: day.nonprescribedDeLowMg, high: day.nonprescribedDeHighMg))
                        .frame(maxWidth: .infinity, alignment: .trailing)
                    Text(day.unknownDoses > 0 ? "\(day.unknownDoses)" : "")
                        .frame(width: 64, alignment: .trailing)
                }
                .font(.caption)
                .monospacedDigit()
                .accessibilityElement(children: .combine)
            }
        } header: {
            Text("Diazepam equivalents per day")
        }
    }
}
