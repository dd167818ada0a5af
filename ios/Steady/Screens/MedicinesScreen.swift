import SteadyCore
import SteadyKit
import SwiftUI

/// My medicines: each card with its usual amount and times, history, Taken and Skipped, change
/// and stop; adding one.
struct MedicinesScreen: View {
    @Environment(DiaryModel.self) private var model
    let words: Words
    @State private var editing = false
    @State private var stopping: MedicineCard?

    var body: some View {
        List {
            MessageBanner(words: words)
                .listRowInsets(EdgeInsets())
            if model.medicines.isEmpty, let today = model.today {
                Text(today.labels.noMedicine).foregroundStyle(.secondary)
            }
            ForEach(model.medicines, id: \.id) { card in
                Section {
                    Text(card.text)
                    if let planned = card.plannedText {
                        Text(planned).font(.callout)
                    }
                    ForEach(card.history, id: \.self) { line in
                        Text(line).font(.footnote).foregroundStyle(.secondary)
                    }
                    if card.active {
                        HStack {
                            Button(words.labels.actionTaken) { model.taken(medicine: card.id) }
                                .buttonStyle(.borderedProminent)
                                .accessibilityLabel(Text(verbatim: "\(words.labels.actionTaken), \(card.name)"))
                            Button(words.labels.actionSkipped) {
                                model.skipForm(medicine: card.id)
                                editing = model.form != nil
                            }
                            .buttonStyle(.bordered)
                            .accessibilityLabel(Text(verbatim: "\(words.labels.actionSkipped), \(card.name)"))
                        }
                        Button(words.labels.actionChangeMedicine) {
                            model.changeMedicineForm(card)
                            editing = model.form != nil
                        }
                        .accessibilityLabel(Text(verbatim: "\(words.labels.actionChangeMedicine), \(card.name)"))
                        Button(words.labels.actionStopMedicine, role: .destructive) { stopping = card }
                            .accessibilityLabel(Text(verbatim: "\(words.labels.actionStopMedicine), \(card.name)"))
                    }
                } header: {
                    Text(card.name)
                }
            }
        }
        .navigationTitle(words.labels.screenMedicines)
        .toolbar {
            Button {
                model.newForm(.medicine)
                editing = model.form != nil
            } label: {
                Image(systemName: "plus")
            }
            .accessibilityLabel(Text(words.labels.actionAddMedicine))
        }
        .sheet(isPresented: $editing, onDismiss: { model.cancelForm() }) {
            FormScreen(words: words)
        }
        .confirmationDialog(
            words.labels.actionStopMedicine, isPresented: Binding(get: { stopping != nil }, set: { if !$0 { stopping = nil } }),
            presenting: stopping
        ) { card in
            Button(words.labels.actionStopMedicine, role: .destructive) { model.stopMedicine(card.id) }
            Button(words.labels.actionCancel, role: .cancel) {}
        } message: { card in
            Text(card.text)
        }
    }
}
