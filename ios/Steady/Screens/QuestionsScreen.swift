import SteadyCore
import SteadyKit
import SwiftUI

/// Questions for the next appointment: add, edit, mark as talked about.
struct QuestionsScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var editing = false

    var body: some View {
        List {
            MessageBanner(words: words)
                .listRowInsets(EdgeInsets())
            if model.questions.isEmpty {
                Text(words.labels.shellNoQuestion).foregroundStyle(.secondary)
            }
            ForEach(model.questions, id: \.id) { question in
                VStack(alignment: .leading, spacing: 8) {
                    Text(question.line)
                    HStack {
                        Button(words.labels.actionQuestionDone) { model.markDiscussed(question.id) }
                            .buttonStyle(.bordered)
                            .accessibilityLabel(Text(verbatim: "\(words.labels.actionQuestionDone), \(question.line)"))
                        Button(words.labels.actionEdit) {
                            model.editForm(question.id)
                            editing = model.form != nil
                        }
                        .accessibilityLabel(Text(verbatim: "\(words.labels.actionEdit), \(question.line)"))
                    }
                }
            }
        }
        .navigationTitle(words.labels.screenQuestions)
        .toolbar {
            Button {
                model.newForm(.question)
                editing = model.form != nil
            } label: {
                Image(systemName: "plus")
            }
            .accessibilityLabel(Text(words.labels.actionAddQuestion))
        }
        .sheet(isPresented: $editing, onDismiss: { model.cancelForm() }) {
            FormScreen(words: words)
        }
    }
}
