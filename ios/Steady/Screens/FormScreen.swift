import SteadyCore
import SteadyKit
import SwiftUI
import UIKit

/// The form the model holds (`DiaryModel.form`), drawn from the core's description: each field's
/// label, help, unit and input kind, the core's refusals under their fields. Used for every kind
/// of entry, new or edited, and for medicines and skips.
struct FormScreen: View {
    @Environment(DiaryModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    let words: Words

    var body: some View {
        NavigationStack {
            Group {
                if let state = model.form {
                    Form {
                        if let general = state.generalError {
                            Section {
                                Text(general).foregroundStyle(.red)
                            }
                        }
                        ForEach(state.form.fields, id: \.field) { field in
                            Section {
                                FieldEditor(field: field, words: words)
                                if let error = state.errors[field.field] {
                                    Text(error)
                                        .font(.footnote)
                                        .foregroundStyle(.red)
                                        .accessibilityLabel(Text(error))
                                }
                            } header: {
                                Text(field.label)
                            } footer: {
                                if let help = field.help {
                                    Text(help)
                                }
                            }
                        }
                    }
                    .navigationTitle(state.form.title)
                    .toolbar {
                        ToolbarItem(placement: .cancellationAction) {
                            Button(state.form.cancel) {
                                model.cancelForm()
                                dismiss()
                            }
                        }
                        ToolbarItem(placement: .confirmationAction) {
                            Button(state.form.save) {
                                if model.submitForm() {
                                    dismiss()
                                }
                            }
                        }
                    }
                } else {
                    ProgressView(words.labels.shellLoading)
                }
            }
        }
    }
}

/// One field, by the kind of input the core asks for.
struct FieldEditor: View {
    @Environment(DiaryModel.self) private var model
    let field: FormField
    let words: Words

    private var key: Field { field.field }

    private var text: Binding<String> {
        Binding(get: { model.form?.text(key) ?? "" }, set: { value in model.updateForm { $0.setText(key, value) } })
    }

    private var flag: Binding<Bool> {
        Binding(get: { model.form?.flag(key) ?? false }, set: { value in model.updateForm { $0.setFlag(key, value) } })
    }

    var body: some View {
        switch field.input {
        case .text(_, let multiline):
            TextField(field.label, text: text, axis: multiline ? .vertical : .horizontal)
                .lineLimit(multiline ? 3...8 : 1...1)
                .accessibilityLabel(Text(field.label))
        case .number:
            if key == .strengths {
                ListEditor(field: field, words: words, keyboard: .decimalPad)
            } else {
                NumberField(label: field.label, unit: field.unit, text: text, keyboard: .decimalPad)
            }
        case .whole:
            NumberField(label: field.label, unit: field.unit, text: text, keyboard: .numberPad)
        case .date:
            OptionalDateField(label: field.label, required: field.required, text: text, components: .date, words: words)
        case .time:
            OptionalDateField(label: field.label, required: field.required, text: text, components: .hourAndMinute, words: words)
        case .instant:
            InstantField(label: field.label, text: text, words: words)
        case .times:
            ListEditor(field: field, words: words, keyboard: .numbersAndPunctuation, times: true)
        case .toggle:
            Toggle(field.label, isOn: flag)
                .accessibilityLabel(Text(field.label))
        case .drug:
            DrugField(label: field.label, text: text)
        case .medicine:
            Picker(field.label, selection: text) {
                ForEach(model.medicines, id: \.id) { card in
                    Text(card.name).tag(card.id)
                }
            }
            .accessibilityLabel(Text(field.label))
        case .goal:
            Picker(field.label, selection: text) {
                ForEach(model.goals, id: \.id) { goal in
                    Text(goal.whatMatters).tag(goal.id)
                }
            }
            .accessibilityLabel(Text(field.label))
        case .pick(let choices):
            Picker(field.label, selection: text) {
                if !field.required {
                    Text(verbatim: "—").tag("")
                }
                ForEach(choices, id: \.key) { choice in
                    Text(choice.label).tag(choice.key)
                }
            }
            .accessibilityLabel(Text(field.label))
        case .scale(let min, let max, let minLabel, let maxLabel):
            ScaleField(label: field.label, min: min, max: max, minLabel: minLabel, maxLabel: maxLabel, key: key, words: words)
        case .items(let stem, let items, let answers):
            ItemsField(stem: stem, items: items, answers: answers, key: key)
        }
    }
}

/// A number as typed ("2,5", "½"), read by the core's parsers when saved.
struct NumberField: View {
    let label: String
    let unit: String?
    @Binding var text: String
    let keyboard: UIKeyboardType

    var body: some View {
        HStack {
            TextField(label, text: $text)
                .keyboardType(keyboard)
                .accessibilityLabel(Text(label))
            if let unit {
                Text(unit).foregroundStyle(.secondary).accessibilityHidden(true)
            }
        }
    }
}

/// A date or clock time in the core's string form; an optional one can be left out.
struct OptionalDateField: View {
    let label: String
    let required: Bool
    @Binding var text: String
    let components: DatePickerComponents
    let words: Words

    private var date: Binding<Date> {
        Binding(
            get: {
                let parsed = components == .date ? CoreValues.date(fromDay: text) : CoreValues.date(fromClock: text)
                return parsed ?? Date()
            },
            set: { value in
                text = components == .date ? CoreValues.day(value) : CoreValues.clock(value)
            })
    }

    private var given: Binding<Bool> {
        Binding(get: { !text.isEmpty }, set: { on in text = on ? (components == .date ? CoreValues.day(Date()) : CoreValues.clock(Date())) : "" })
    }

    var body: some View {
        if !required {
            Toggle(label, isOn: given)
                .accessibilityLabel(Text(label))
        }
        if required || !text.isEmpty {
            DatePicker(label, selection: date, displayedComponents: components)
                .accessibilityLabel(Text(label))
        }
    }
}

/// When something happened: now (the default), or a moment the patient picks.
struct InstantField: View {
    let label: String
    @Binding var text: String
    let words: Words

    private var now: Binding<Bool> {
        Binding(get: { text.isEmpty }, set: { on in text = on ? "" : CoreValues.instant(Date()) })
    }

    private var moment: Binding<Date> {
        Binding(get: { CoreValues.date(fromInstant: text) ?? Date() }, set: { text = CoreValues.instant($0) })
    }

    var body: some View {
        Toggle(words.labels.shellNow, isOn: now)
            .accessibilityLabel(Text(words.labels.shellNow))
        if !text.isEmpty {
            DatePicker(label, selection: moment, in: ...Date().addingTimeInterval(86_400), displayedComponents: [.date, .hourAndMinute])
                .accessibilityLabel(Text(label))
        }
    }
}

/// A medicine or brand name, with the core's catalogue as suggestions.
struct DrugField: View {
    let label: String
    @Binding var text: String

    var body: some View {
        TextField(label, text: $text)
            .textInputAutocapitalization(.never)
            .autocorrectionDisabled()
            .accessibilityLabel(Text(label))
        let matches = text.count >= 2 ? Array(searchCatalogue(text: text, country: nil).prefix(5)) : []
        ForEach(matches, id: \.name) { match in
            if match.name.lowercased() != text.lowercased() {
                Button(match.name) { text = match.name }
                    .accessibilityLabel(Text(match.name))
            }
        }
    }
}

/// Several values of one field: usual times, or the tablet strengths the patient has.
struct ListEditor: View {
    @Environment(DiaryModel.self) private var model
    let field: FormField
    let words: Words
    let keyboard: UIKeyboardType
    var times = false

    private var values: [String] { model.form?.list(field.field) ?? [] }

    private func set(_ index: Int, _ value: String) {
        var all = values
        guard all.indices.contains(index) else { return }
        all[index] = value
        model.updateForm { $0.setList(field.field, all) }
    }

    var body: some View {
        ForEach(Array(values.enumerated()), id: \.offset) { index, value in
            HStack {
                if times {
                    DatePicker(
                        field.label,
                        selection: Binding(
                            get: { CoreValues.date(fromClock: value) ?? Date() }, set: { set(index, CoreValues.clock($0)) }),
                        displayedComponents: .hourAndMinute
                    )
                    .accessibilityLabel(Text(field.label))
                } else {
                    TextField(field.label, text: Binding(get: { value }, set: { set(index, $0) }))
                        .keyboardType(keyboard)
                        .accessibilityLabel(Text(field.label))
                    if let unit = field.unit {
                        Text(unit).foregroundStyle(.secondary).accessibilityHidden(true)
                    }
                }
                Button(role: .destructive) {
                    var all = values
                    all.remove(at: index)
                    model.updateForm { $0.setList(field.field, all) }
                } label: {
                    Image(systemName: "minus.circle")
                }
                .accessibilityLabel(Text(words.labels.actionDelete))
            }
        }
        Button {
            model.updateForm { $0.setList(field.field, values + [times ? "08:00" : ""]) }
        } label: {
            Image(systemName: "plus.circle")
        }
        .accessibilityLabel(Text(field.label))
    }
}

/// A rating on the core's scale (anxiety 0–10), with its end labels.
struct ScaleField: View {
    @Environment(DiaryModel.self) private var model
    let label: String
    let min: Int64
    let max: Int64
    let minLabel: String
    let maxLabel: String
    let key: Field
    let words: Words

    var body: some View {
        let current = model.form?.score(key)
        VStack(alignment: .leading, spacing: 8) {
            Picker(label, selection: Binding(get: { current ?? -1 }, set: { value in model.updateForm { $0.setScore(key, value) } })) {
                ForEach(Array(min...max), id: \.self) { value in
                    Text(verbatim: String(value)).tag(value)
                }
            }
            .pickerStyle(.segmented)
            .accessibilityLabel(Text(label))
            .accessibilityValue(Text(current.map { String($0) } ?? ""))
            HStack {
                Text(minLabel)
                Spacer()
                Text(maxLabel)
            }
            .font(.caption)
            .foregroundStyle(.secondary)
        }
    }
}

/// A questionnaire (GAD-7): its stem, each item with the core's answer choices.
struct ItemsField: View {
    @Environment(DiaryModel.self) private var model
    let stem: String
    let items: [String]
    let answers: [Choice]
    let key: Field

    var body: some View {
        Text(stem).font(.callout)
        ForEach(Array(items.enumerated()), id: \.offset) { index, item in
            let chosen = model.form?.answers(key)[safe: index] ?? nil
            Picker(item, selection: Binding(
                get: { chosen.map { String($0) } ?? "" },
                set: { value in model.updateForm { $0.setAnswer(key, item: index, Int64(value)) } }
            )) {
                ForEach(answers, id: \.key) { answer in
                    Text(answer.label).tag(answer.key)
                }
            }
            .pickerStyle(.menu)
            .accessibilityLabel(Text(item))
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
