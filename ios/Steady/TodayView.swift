import SwiftUI

/// Today: doses with their diazepam equivalents, prescribed and non-prescribed totals apart, last
/// night, the anxiety week and active goals. Everything shown comes from the core's `TodayScreen`.
struct TodayView: View {
    @EnvironmentObject private var core: Core

    var body: some View {
        NavigationStack {
            Group {
                if let today = core.today {
                    TodayList(today: today, damaged: core.view.damagedIds.count)
                } else {
                    ProgressView()
                }
            }
            .navigationTitle("Today")
        }
        .onAppear { core.send(.show(page: .today)) }
    }
}

private struct TodayList: View {
    @EnvironmentObject private var core: Core
    let today: TodayScreen
    let damaged: Int

    var body: some View {
        List {
            if damaged > 0 {
                Section {
                    Label(
                        "\(damaged) entries could not be read and are not shown. The rest of the diary is intact.",
                        systemImage: "exclamationmark.triangle")
                }
            }

            Section {
                if today.doses.isEmpty {
                    Text("No dose logged today.")
                        .foregroundStyle(.secondary)
                }
                ForEach(today.doses) { dose in
                    DoseRow(dose: dose)
                }
                .onDelete { offsets in
                    for index in offsets {
                        core.send(.delete(id: today.doses[index].id))
                    }
                }
            } header: {
                Text(Dates.display(today.date))
            }

            Section {
                LabeledContent("Prescribed", value: Numbers.total(today.prescribed))
                LabeledContent("Not prescribed", value: Numbers.total(today.nonPrescribed))
            } header: {
                Text("Diazepam equivalents today")
            } footer: {
                Text("Table: \(today.tableName). Doses with no known equivalent are counted, never added as zero.")
            }

            Section("Last night") {
                if let night = today.lastNight {
                    NightRow(night: night)
                } else {
                    Text("No sleep entry for last night.")
                        .foregroundStyle(.secondary)
                }
            }

            Section {
                ForEach(today.anxiety7d, id: \.date) { day in
                    LabeledContent(Dates.display(day.date), value: day.mean.map { "\(Numbers.decimal($0)) / 10" } ?? "–")
                }
            } header: {
                Text("Anxiety, last 7 days")
            } footer: {
                if let mean = today.anxiety7dMean {
                    Text("Mean \(Numbers.decimal(mean)) of 10.")
                }
            }

            Section("My goals") {
                if today.goals.isEmpty {
                    Text("No goal set. You can set one in Goals, alone or with your clinician.")
                        .foregroundStyle(.secondary)
                }
                ForEach(today.goals) { goal in
                    VStack(alignment: .leading, spacing: 4) {
                        Text("“\(goal.whatMatters)”")
                        Text(goal.description)
                            .font(.subheadline)
                            .foregroundStyle(.secondary)
                        if goal.reviewDue {
                            Label("Review due", systemImage: "calendar.badge.clock")
                                .font(.footnote)
                        }
                    }
                }
            }
        }
        .refreshable { core.send(.refresh) }
    }
}

private struct DoseRow: View {
    let dose: DoseLineView

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Text(dose.time)
                    .monospacedDigit()
                Text(dose.substance)
                    .fontWeight(.medium)
                Spacer()
                Text(amount)
            }
            HStack {
                if let low = dose.deLowMg, let high = dose.deHighMg {
                    Text("≈ \(Numbers.mgRange(low: low, high: high)) diazepam")
                } else {
                    Text("Diazepam equivalent unknown")
                }
                if dose.nonPrescribed {
                    Text("Not prescribed")
                        .padding(.horizontal, 6)
                        .background(.quaternary, in: Capsule())
                }
            }
            .font(.footnote)
            .foregroundStyle(.secondary)
        }
    }

    private var amount: String {
        if let mg = dose.mg {
            return Numbers.mg(mg)
        }
        if let tablets = dose.tablets {
            return "\(Numbers.decimal(tablets)) tablet(s), strength unknown"
        }
        return "amount unknown"
    }
}

private struct NightRow: View {
    let night: NightView
    private static let qualities = ["very poor", "poor", "fair", "good", "very good"]

    var body: some View {
        LabeledContent("Slept", value: night.totalSleepH.map { "\(Numbers.decimal($0)) h" } ?? "–")
        if let efficiency = night.efficiencyPercent {
            LabeledContent("Sleep efficiency", value: "\(Numbers.decimal(efficiency)) %")
        }
        LabeledContent("Quality", value: quality)
    }

    private var quality: String {
        let index = Int(night.quality) - 1
        return NightRow.qualities.indices.contains(index) ? NightRow.qualities[index] : "–"
    }
}
