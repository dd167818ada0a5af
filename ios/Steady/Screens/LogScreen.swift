import SteadyCore
import SteadyKit
import SwiftUI

/// Log: every kind of entry, each opening the core's form (a dose with its time taken, a night,
/// anxiety, the GAD-7, a goal, a review, a taper plan, a question).
struct LogScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var editing = false

    var body: some View {
        NavigationStack {
            List {
                MessageBanner(words: words)
                    .listRowInsets(EdgeInsets())
                ForEach(EntryKinds.loggable, id: \.self) { kind in
                    Button {
                        model.newForm(kind)
                        editing = model.form != nil
                    } label: {
                        Label(words.action(for: kind), systemImage: symbol(kind))
                    }
                    .accessibilityLabel(Text(words.action(for: kind)))
                }
            }
            .navigationTitle(words.labels.screenLog)
            .sheet(isPresented: $editing, onDismiss: { model.cancelForm() }) {
                FormScreen(words: words)
            }
        }
    }

    private func symbol(_ kind: EntryKind) -> String {
        switch kind {
        case .dose: return "pills"
        case .sleep: return "bed.double"
        case .anxiety: return "waveform.path.ecg"
        case .gad7: return "list.number"
        case .goal: return "flag"
        case .review: return "checkmark.seal"
        case .plan: return "chart.line.downtrend.xyaxis"
        case .question: return "questionmark.bubble"
        case .medicine: return "cross.case"
        case .skip: return "forward"
        case .settings: return "gearshape"
        }
    }
}
