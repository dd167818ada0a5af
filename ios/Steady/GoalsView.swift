import SwiftUI

/// The patient's goals: set one in their own words (stop, reduce, stay stable or keep things as
/// they are, all equally valid) and review it with Goal Attainment Scaling and a shared decision.
struct GoalsView: View {
    @EnvironmentObject private var core: Core
    @State private var settingGoal = false
    @State private var reviewing: GoalLineView?

    var body: some View {
        NavigationStack {
            List {
                Section {
                    let goals = core.today?.goals ?? []
                    if goals.isEmpty {
                        Text("No goal yet. What matters to you? You can set a goal alone or with your clinician.")
                            .foregroundStyle(.secondary)
                    }
                    ForEach(goals) { goal in
                        GoalRow(goal: goal) {
                            reviewing = goal
                        }
                    }
                } footer: {
                    Text("Stopping, reducing, staying stable and keeping things as they are are all valid goals.")
                }
            }
            .navigationTitle("Goals")
            .toolbar {
                ToolbarItem(placement: .primaryAction) {
                    Button {
                        settingGoal = true
                    } label: {
                        Label("Set a goal", systemImage: "plus")
                    }
                }
            }
            .sheet(isPresented: $settingGoal) {
                GoalForm()
                    .environmentObject(core)
            }
            .sheet(item: $reviewing) { goal in
                ReviewForm(goal: goal)
                    .environmentObject(core)
            }
        }
        .onAppear { core.send(.show(page: .today)) }
    }
}

private struct GoalRow: View {
    let goal: GoalLineView
    let review: () -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text("“\(goal.whatMatters)”")
                .font(.headline)
            Text(goal.description)
                .foregroundStyle(.secondary)
            HStack {
                if let next = goal.nextReview {
                    Text("Review on \(Dates.display(next))")
                        .font(.footnote)
                }
                Spacer()
                Button(goal.reviewDue ? "Review now" : "Review", action: review)
                    .buttonStyle(.bordered)
            }
        }
        .padding(.vertical, 4)
    }
}

// MARK: - Set a goal

struct GoalForm: View {
    @EnvironmentObject private var core: Core
    @Environment(\.dismiss) private var dismiss

    @State private var whatMatters = ""
    @State private var kind = GoalKindInput.keep
    @State private var drug = ""
    @State private var targetMg = ""
    @State private var hasDue = false
    @State private var due = Calendar.current.date(byAdding: .month, value: 3, to: Date()) ?? Date()
    @State private var hasReview = true
    @State private var reviewOn = Calendar.current.date(byAdding: .month, value: 3, to: Date()) ?? Date()
    @State private var proposedBy = ProposedBy.patient
    @State private var agreedWith = ""

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField("For example: sleep through the night", text: $whatMatters, axis: .vertical)
                    FieldError(message: core.fieldErrors["what_matters"])
                } header: {
                    Text("What matters to me")
                } footer: {
                    Text("In your own words.")
                }

                Section("My goal") {
                    Picker("Goal", selection: $kind) {
                        Text("Stop").tag(GoalKindInput.stop)
                        Text("Reduce to a dose I choose").tag(GoalKindInput.reduce)
                        Text("Stay stable at my prescribed dose, no extra").tag(GoalKindInput.stable)
                        Text("Keep things as they are").tag(GoalKindInput.keep)
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                    FieldError(message: core.fieldErrors["kind"])
                    if kind != .keep {
                        TextField("Medicine (optional)", text: $drug)
                            .textInputAutocapitalization(.never)
                            .autocorrectionDisabled()
                        FieldError(message: core.fieldErrors["drug"])
                    }
                    if kind == .reduce {
                        TextField("Target dose in mg", text: $targetMg)
                            .keyboardType(.decimalPad)
                        FieldError(message: core.fieldErrors["target_mg"])
                    }
                    if kind == .stop || kind == .reduce {
                        Toggle("By a date", isOn: $hasDue)
                        if hasDue {
                            DatePicker("Date", selection: $due, in: Date()..., displayedComponents: .date)
                        }
                        FieldError(message: core.fieldErrors["due"])
                    }
                }

                Section("Review") {
                    Toggle("Review this goal", isOn: $hasReview)
                    if hasReview {
                        DatePicker("On", selection: $reviewOn, in: Date()..., displayedComponents: .date)
                    }
                    FieldError(message: core.fieldErrors["review_on"])
                }

                Section("Who") {
                    Picker("Proposed by", selection: $proposedBy) {
                        Text("Me").tag(ProposedBy.patient)
                        Text("My clinician").tag(ProposedBy.clinician)
                        Text("Both of us").tag(ProposedBy.together)
                    }
                    TextField("Agreed with (optional), e.g. my GP", text: $agreedWith)
                    FieldError(message: core.fieldErrors["agreed_with"])
                }
            }
            .navigationTitle("Set a goal")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save", action: save)
                        .disabled(whatMatters.nilIfBlank == nil)
                }
            }
        }
        .onAppear { core.clearError() }
    }

    private func save() {
        core.clearError()
        do {
            let target = try core.number(kind == .reduce ? targetMg : "", field: "target_mg")
            let input = GoalInput(
                kind: kind,
                whatMatters: whatMatters,
                drug: kind == .keep ? nil : drug.nilIfBlank,
                targetMg: target,
                due: hasDue && (kind == .stop || kind == .reduce) ? Dates.day(due) : nil,
                reviewOn: hasReview ? Dates.day(reviewOn) : nil,
                proposedBy: proposedBy,
                agreedWith: agreedWith.nilIfBlank)
            if core.send(.log(entry: .goal(goal: input))) {
                dismiss()
            }
        } catch {
            // The number reader already put a message under the field.
        }
    }
}

// MARK: - Review a goal

struct ReviewForm: View {
    /// One level of Goal Attainment Scaling, −2 … +2.
    struct Level: Identifiable {
        let score: Int
        let label: String

        var id: Int { score }
        var signed: String { score > 0 ? "+\(score)" : "\(score)" }
    }

    static let levels = [
        Level(score: -2, label: "Much less than expected"),
        Level(score: -1, label: "Less than expected"),
        Level(score: 0, label: "As expected"),
        Level(score: 1, label: "More than expected"),
        Level(score: 2, label: "Much more than expected"),
    ]

    let goal: GoalLineView

    @EnvironmentObject private var core: Core
    @Environment(\.dismiss) private var dismiss
    @State private var gas = 0
    @State private var decision = Decision.keep
    @State private var note = ""
    @State private var hasNextReview = true
    @State private var nextReview = Calendar.current.date(byAdding: .month, value: 3, to: Date()) ?? Date()

    var body: some View {
        NavigationStack {
            Form {
                Section("Goal") {
                    Text("“\(goal.whatMatters)”")
                    Text(goal.description)
                        .foregroundStyle(.secondary)
                }

                ProgressSection(progress: goal.progress)

                Section {
                    Picker("Progress", selection: $gas) {
                        ForEach(ReviewForm.levels) { level in
                            Text("\(level.signed)  \(level.label)").tag(level.score)
                        }
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                    FieldError(message: core.fieldErrors["gas"])
                } header: {
                    Text("How did it go?")
                } footer: {
                    Text("Compared with what you expected when you set the goal.")
                }

                Section("What we decided") {
                    Picker("Decision", selection: $decision) {
                        Text("Keep the goal").tag(Decision.keep)
                        Text("Adjust it").tag(Decision.adjust)
                        Text("Change the goal").tag(Decision.change)
                    }
                    .pickerStyle(.segmented)
                    TextField("Note (optional)", text: $note, axis: .vertical)
                    FieldError(message: core.fieldErrors["note"])
                    FieldError(message: core.fieldErrors["goal_id"])
                }

                Section("Next review") {
                    Toggle("Plan a next review", isOn: $hasNextReview)
                    if hasNextReview {
                        DatePicker("On", selection: $nextReview, in: Date()..., displayedComponents: .date)
                    }
                    FieldError(message: core.fieldErrors["next_review"])
                }
            }
            .navigationTitle("Review")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save", action: save)
                }
            }
        }
        .onAppear { core.clearError() }
    }

    private func save() {
        core.clearError()
        let entry = EntryInput.review(
            goalId: goal.id,
            at: nil,
            gas: Int64(gas),
            note: note.nilIfBlank,
            decision: decision,
            nextReview: hasNextReview ? Dates.day(nextReview) : nil)
        if core.send(.log(entry: entry)) {
            dismiss()
        }
    }
}

/// What happened since the goal was set or last reviewed, as the core counted it: facts to talk
/// about at the review, not a verdict.
private struct ProgressSection: View {
    let progress: GoalProgressView

    var body: some View {
        Section {
            LabeledContent("Days with a dose", value: "\(progress.daysWithDose) of \(progress.days)")
            if let mean = progress.meanDailyMg {
                LabeledContent("Mean daily dose", value: Numbers.mg(mean))
            }
            if let atTarget = progress.daysAtOrUnderTarget {
                LabeledContent("Days at or under the target", value: "\(atTarget)")
            }
            LabeledContent("Days with a dose not prescribed", value: "\(progress.daysWithNonprescribed ?? 0)")
            if let sleep = progress.meanSleepH {
                LabeledContent("Mean sleep", value: "\(Numbers.decimal(sleep)) h")
            }
            if let anxiety = progress.meanAnxiety {
                LabeledContent("Mean anxiety", value: "\(Numbers.decimal(anxiety)) / 10")
            }
        } header: {
            Text("Since \(Dates.display(progress.from))")
        }
    }
}
