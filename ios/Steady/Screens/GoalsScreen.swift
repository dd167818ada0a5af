import SteadyCore
import SteadyKit
import SwiftUI

/// Goals and reviews: what matters to me, the goal chosen, its progress and reviews (Goal
/// Attainment Scaling, decided together).
struct GoalsScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var editing = false

    var body: some View {
        List {
            MessageBanner(words: words)
                .listRowInsets(EdgeInsets())
            if model.goals.isEmpty, let today = model.today {
                Text(today.labels.noGoal).foregroundStyle(.secondary)
            }
            ForEach(model.goals, id: \.id) { goal in
                Section {
                    Text(goal.description)
                    LabeledText(label: goal.statusText, value: goal.goal)
                    Text(goal.progressText).font(.callout)
                    Text(goal.reviewText)
                        .font(.footnote)
                        .foregroundStyle(goal.reviewDue ? Color.orange : Color.secondary)
                    Button(words.labels.actionReviewGoal) {
                        model.reviewForm(goal: goal.id)
                        editing = model.form != nil
                    }
                    .accessibilityLabel(Text(verbatim: "\(words.labels.actionReviewGoal), \(goal.whatMatters)"))
                    Button(words.labels.actionEdit) {
                        model.editForm(goal.id)
                        editing = model.form != nil
                    }
                    .accessibilityLabel(Text(verbatim: "\(words.labels.actionEdit), \(goal.whatMatters)"))
                } header: {
                    Text(goal.whatMatters)
                }
            }
        }
        .navigationTitle(words.labels.screenGoals)
        .toolbar {
            Button {
                model.newForm(.goal)
                editing = model.form != nil
            } label: {
                Image(systemName: "plus")
            }
            .accessibilityLabel(Text(words.labels.actionSetGoal))
        }
        .sheet(isPresented: $editing, onDismiss: { model.cancelForm() }) {
            FormScreen(words: words)
        }
    }
}
