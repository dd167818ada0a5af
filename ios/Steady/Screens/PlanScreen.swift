import Charts
import SteadyCore
import SteadyKit
import SwiftUI

/// The taper plan: each step in mg and %, holds (a normal step, never a failure), hold / resume /
/// change the pace / end, and the steps as a calendar file. The patient sets the pace.
struct PlanScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var creating = false
    @State private var holding = false
    @State private var adjusting = false
    @State private var ending = false
    @State private var reason = ""
    @State private var percent = ""
    @State private var interval = ""

    var body: some View {
        List {
            MessageBanner(words: words)
                .listRowInsets(EdgeInsets())
            if let plan = model.plan {
                if let today = model.today?.plan {
                    Section {
                        Text(today.text)
                    }
                }
                if let change = plan.switch {
                    Section {
                        Text(change.line)
                        Text(change.checkLine)
                    }
                }
                if let tail = plan.tailLine {
                    Section {
                        Text(tail)
                    }
                }
                if let last = plan.finalLine {
                    Section {
                        Text(last)
                    }
                }
                Section(words.labels.screenPlan) {
                    PlanChart(steps: plan.steps, words: words)
                        .frame(minHeight: 160)
                    ForEach(plan.steps, id: \.index) { step in
                        StepRow(step: step, words: words)
                    }
                }
                if !plan.holds.isEmpty {
                    Section(words.labels.actionHold) {
                        ForEach(Array(plan.holds.enumerated()), id: \.offset) { _, hold in
                            let until = hold.until ?? "…"
                            Text(verbatim: "\(hold.from) – \(until) · \(hold.reason)")
                                .accessibilityLabel(Text(verbatim: "\(words.labels.actionHold): \(hold.from), \(hold.reason)"))
                        }
                    }
                }
                if plan.endedOn == nil {
                    Section {
                        if plan.holding {
                            Button(words.labels.actionResume) { model.resumePlan() }
                                .accessibilityLabel(Text(words.labels.actionResume))
                        } else {
                            Button(words.labels.actionHold) { holding = true }
                                .accessibilityLabel(Text(words.labels.actionHold))
                        }
                        Button(words.labels.actionAdjust) {
                            percent = words.number(plan.percent)
                            interval = String(plan.intervalDays)
                            adjusting = true
                        }
                        .accessibilityLabel(Text(words.labels.actionAdjust))
                        Button(words.labels.actionCalendar) { model.shareCalendar() }
                            .accessibilityLabel(Text(words.labels.actionCalendar))
                        Button(words.labels.actionEndPlan, role: .destructive) { ending = true }
                            .accessibilityLabel(Text(words.labels.actionEndPlan))
                    }
                }
            } else {
                Text(words.labels.shellNoPlan).foregroundStyle(.secondary)
            }
            if model.plan == nil || model.plan?.endedOn != nil {
                Button(words.labels.actionCreatePlan) {
                    model.newForm(.plan)
                    creating = model.form != nil
                }
                .accessibilityLabel(Text(words.labels.actionCreatePlan))
            }
        }
        .navigationTitle(words.labels.screenPlan)
        .sheet(isPresented: $creating, onDismiss: { model.cancelForm() }) {
            FormScreen(words: words)
        }
        .alert(words.labels.actionHold, isPresented: $holding) {
            TextField(words.holdReasonLabel, text: $reason)
            Button(words.labels.actionHold) {
                model.holdPlan(reason: reason)
                reason = ""
            }
            Button(words.labels.actionCancel, role: .cancel) {}
        }
        .alert(words.labels.actionAdjust, isPresented: $adjusting) {
            TextField(words.percentLabel, text: $percent)
                .keyboardType(.decimalPad)
            TextField(words.intervalLabel, text: $interval)
                .keyboardType(.numberPad)
            Button(words.labels.actionSave) { model.changePace(percent: percent, intervalDays: interval) }
            Button(words.labels.actionCancel, role: .cancel) {}
        }
        .alert(words.labels.actionEndPlan, isPresented: $ending) {
            TextField(words.holdReasonLabel, text: $reason)
            Button(words.labels.actionEndPlan, role: .destructive) {
                model.endPlan(reason: reason)
                reason = ""
            }
            Button(words.labels.actionCancel, role: .cancel) {}
        }
    }
}

/// One step: its first day, the tablets, mg and the cut in % (a pace flag when faster than chosen).
struct StepRow: View {
    let step: StepView
    let words: Words

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Image(systemName: symbol).accessibilityHidden(true)
                Text(step.date)
                Spacer()
                Text(step.tablets)
            }
            HStack {
                Text(words.mg(step.doseMg))
                if step.index > 0 {
                    Text(verbatim: "−\(words.number(step.cutPercent, digits: 1)) %")
                        .foregroundStyle(.secondary)
                }
            }
            .font(.callout)
            if let flag = step.paceFlag {
                Text(flag).font(.footnote).foregroundStyle(.orange)
            }
        }
        .opacity(step.status == .cancelled ? 0.5 : 1)
        .accessibilityElement(children: .combine)
    }

    private var symbol: String {
        switch step.status {
        case .done: return "checkmark.circle"
        case .current: return "arrowtriangle.right.circle.fill"
        case .upcoming: return "circle"
        case .cancelled: return "xmark.circle"
        }
    }
}

/// The steps as a line of daily mg over time.
struct PlanChart: View {
    let steps: [StepView]
    let words: Words

    var body: some View {
        Chart(steps, id: \.index) { step in
            LineMark(x: .value(words.labels.screenPlan, step.date), y: .value(words.mgUnit, step.doseMg))
                .interpolationMethod(.stepEnd)
                .accessibilityLabel(Text(step.date))
                .accessibilityValue(Text(words.mg(step.doseMg)))
        }
        .accessibilityLabel(Text(words.labels.screenPlan))
    }
}
