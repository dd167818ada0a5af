import Charts
import SteadyCore
import SteadyKit
import SwiftUI

/// Today: "Taken" for each medicine and today's planned dose, the doses and totals, last night,
/// the week's anxiety, the goals. Every text is the core's (`TodayView` and its labels).
struct TodayScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var somethingElse = false

    var body: some View {
        NavigationStack {
            List {
                MessageBanner(words: words)
                    .listRowInsets(EdgeInsets())
                if let integrity = model.integrityText {
                    // The diary check found entries unreadable, missing or unexpected: always said.
                    Section {
                        Text(integrity)
                            .accessibilityLabel(Text(integrity))
                    }
                }
                if !model.damagedIds.isEmpty {
                    // Some records could not be read; the rest is safe. The core can rescue them.
                    Section {
                        Text(words.labels.shellDamagedTitle)
                        Button(words.labels.actionRecover) {
                            Task { await model.recover() }
                        }
                        .accessibilityLabel(Text(words.labels.actionRecover))
                    }
                }
                if let today = model.today {
                    Section {
                        Text(today.dateText)
                            .font(.headline)
                        if let plan = today.plan {
                            Text(plan.text)
                                .accessibilityLabel(Text(plan.text))
                        }
                    }
                    Section(today.labels.medicines) {
                        if today.medicines.isEmpty {
                            Text(today.labels.noMedicine).foregroundStyle(.secondary)
                        }
                        ForEach(today.medicines, id: \.id) { card in
                            MedicineRow(card: card, labels: today.labels)
                        }
                        Button {
                            model.newForm(.dose)
                            somethingElse = true
                        } label: {
                            Label(today.labels.somethingElse, systemImage: "plus.circle")
                        }
                        .accessibilityLabel(Text(today.labels.somethingElse))
                    }
                    Section(today.labels.doses) {
                        if today.doses.isEmpty {
                            Text(today.labels.noDose).foregroundStyle(.secondary)
                        }
                        ForEach(today.doses, id: \.id) { dose in
                            Text(dose.text)
                        }
                        Text(today.totalsText)
                            .font(.callout)
                    }
                    Section {
                        Text(today.lastNightText)
                    }
                    Section(today.labels.anxietyWeek) {
                        AnxietyWeekChart(days: today.anxiety7d, words: words, title: today.labels.anxietyWeek)
                            .frame(minHeight: 140)
                        Text(today.anxietyText)
                            .font(.callout)
                    }
                    Section(today.labels.goals) {
                        if today.goals.isEmpty {
                            Text(today.labels.noGoal).foregroundStyle(.secondary)
                        }
                        ForEach(today.goals, id: \.id) { goal in
                            VStack(alignment: .leading, spacing: 4) {
                                Text(goal.whatMatters).font(.headline)
                                Text(goal.description)
                                Text(goal.reviewText).font(.footnote).foregroundStyle(.secondary)
                            }
                            .accessibilityElement(children: .combine)
                        }
                    }
                    Section {
                        Text(today.tableNote)
                            .font(.footnote)
                            .foregroundStyle(.secondary)
                    }
                } else {
                    ProgressView(words.labels.shellLoading)
                }
            }
            .navigationTitle(model.today?.labels.title ?? words.labels.screenToday)
            .refreshable { await model.reload() }
            .sheet(isPresented: $somethingElse, onDismiss: { model.cancelForm() }) {
                FormScreen(words: words)
            }
        }
    }
}

/// One medicine: its line, today's count, and the one-step buttons.
struct MedicineRow: View {
    @Environment(DiaryModel.self) private var model
    let card: MedicineCard
    let labels: TodayLabels

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(card.text)
            if let planned = card.plannedText {
                Text(planned).font(.callout)
            }
            if !card.todayText.isEmpty {
                Text(card.todayText).font(.footnote).foregroundStyle(.secondary)
            }
            if let next = card.nextText {
                Text(next).font(.footnote).foregroundStyle(.secondary)
            }
            if card.active {
                HStack {
                    Button(labels.taken) { model.taken(medicine: card.id) }
                        .buttonStyle(.borderedProminent)
                        .accessibilityLabel(Text(verbatim: "\(labels.taken), \(card.name)"))
                    Button(labels.skipped) { model.skipped(medicine: card.id) }
                        .buttonStyle(.bordered)
                        .accessibilityLabel(Text(verbatim: "\(labels.skipped), \(card.name)"))
                }
            }
        }
        .padding(.vertical, 4)
    }
}

/// The week's anxiety (0–10) as bars; days without a rating are left empty, never zero.
struct AnxietyWeekChart: View {
    let days: [AnxietyDay]
    let words: Words
    let title: String

    var body: some View {
        Chart(days, id: \.date) { day in
            if let mean = day.mean {
                BarMark(x: .value(title, day.date), y: .value(title, mean))
                    .accessibilityLabel(Text(day.date))
                    .accessibilityValue(Text(words.number(mean, digits: 1)))
            }
        }
        .chartYScale(domain: 0...10)
        .accessibilityLabel(Text(title))
    }
}
