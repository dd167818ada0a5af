import SteadyCore
import SteadyKit
import SwiftUI

/// History by diary day (a 00:10 dose counts for the evening before), each entry editable and
/// deletable after a confirmation.
struct HistoryScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var editing = false
    @State private var deleting: EntryRow?

    var body: some View {
        NavigationStack {
            List {
                MessageBanner(words: words)
                    .listRowInsets(EdgeInsets())
                if let integrity = model.integrityText {
                    Text(integrity)
                        .accessibilityLabel(Text(integrity))
                }
                if model.history.isEmpty {
                    Text(words.labels.shellNothingYet).foregroundStyle(.secondary)
                }
                ForEach(model.history) { day in
                    Section(day.date) {
                        ForEach(day.rows, id: \.id) { row in
                            VStack(alignment: .leading, spacing: 4) {
                                Text(verbatim: "\(row.time) · \(row.kindText)")
                                    .font(.footnote)
                                    .foregroundStyle(.secondary)
                                Text(row.line)
                                if let note = row.note {
                                    Text(note).font(.callout).italic()
                                }
                            }
                            .accessibilityElement(children: .combine)
                            .swipeActions {
                                Button(words.labels.actionDelete, role: .destructive) { deleting = row }
                                Button(words.labels.actionEdit) {
                                    model.editForm(row.id)
                                    editing = model.form != nil
                                }
                            }
                            .accessibilityAction(named: Text(words.labels.actionEdit)) {
                                model.editForm(row.id)
                                editing = model.form != nil
                            }
                            .accessibilityAction(named: Text(words.labels.actionDelete)) { deleting = row }
                        }
                    }
                }
            }
            .navigationTitle(words.labels.screenHistory)
            .sheet(isPresented: $editing, onDismiss: { model.cancelForm() }) {
                FormScreen(words: words)
            }
            .confirmationDialog(
                words.labels.actionDeleteConfirm, isPresented: Binding(get: { deleting != nil }, set: { if !$0 { deleting = nil } }),
                titleVisibility: .visible, presenting: deleting
            ) { row in
                Button(words.labels.actionDelete, role: .destructive) { model.delete(row.id) }
                Button(words.labels.actionCancel, role: .cancel) {}
            } message: { row in
                Text(row.line)
            }
        }
    }
}
