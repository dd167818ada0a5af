import SwiftUI

/// Log one entry: a dose, a night's sleep, an anxiety rating or a GAD-7. The forms only collect
/// what the patient types; the core validates it and names the field when something is wrong.
struct LogView: View {
    enum Kind: String, CaseIterable, Identifiable {
        case dose = "Dose"
        case sleep = "Sleep"
        case anxiety = "Anxiety"
        case gad7 = "GAD-7"

        var id: String { rawValue }
    }

    @EnvironmentObject private var core: Core
    @State private var kind = Kind.dose

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Picker("Entry", selection: $kind) {
                        ForEach(Kind.allCases) { kind in
                            Text(kind.rawValue).tag(kind)
                        }
                    }
                    .pickerStyle(.segmented)
                }
                switch kind {
                case .dose:
                    DoseForm()
                case .sleep:
                    SleepForm()
                case .anxiety:
                    AnxietyForm()
                case .gad7:
                    Gad7Form()
                }
            }
            .navigationTitle("Log")
            .scrollDismissesKeyboard(.interactively)
        }
        .onChange(of: kind) { _ in core.clearError() }
    }
}

/// "Saved at 21:40", under the save button after the core accepted an entry.
private func savedText(_ date: Date = Date()) -> String {
    "Saved at \(Dates.clock(date))."
}

// MARK: - Dose

struct DoseForm: View {
    enum AmountUnit: String, CaseIterable, Identifiable {
        case tablets = "Tablets"
        case mg = "mg"

        var id: String { rawValue }
    }

    /// The part of a tablet taken; whole tablets are added with the stepper.
    enum Fraction: Double, CaseIterable, Identifiable {
        case quarter = 0.25
        case half = 0.5
        case threeQuarters = 0.75
        case whole = 1.0

        var id: Double { rawValue }

        var label: String {
            switch self {
            case .quarter:
                return "¼"
            case .half:
                return "½"
            case .threeQuarters:
                return "¾"
            case .whole:
                return "1"
            }
        }
    }

    @EnvironmentObject private var core: Core
    @State private var drug = ""
    @State private var unit = AmountUnit.tablets
    @State private var fraction = Fraction.whole
    @State private var moreTablets = 0
    @State private var strength = ""
    @State private var mg = ""
    @State private var nonPrescribed = false
    @State private var earlier = false
    @State private var takenAt = Date()
    @State private var note = ""
    @State private var saved: String?

    var body: some View {
        Section {
            TextField("Name on the pack", text: $drug)
                .textInputAutocapitalization(.never)
                .autocorrectionDisabled()
            ForEach(core.drugSuggestions(matching: drug), id: \.self) { name in
                Button {
                    drug = name
                } label: {
                    Label(name, systemImage: "clock.arrow.circlepath")
                }
            }
            FieldError(message: core.fieldErrors["drug"])
        } header: {
            Text("Medicine")
        } footer: {
            Text("The molecule or the brand on the pack. Write “unknown” if you do not know what it was.")
        }

        Section("Amount") {
            Picker("Amount in", selection: $unit) {
                ForEach(AmountUnit.allCases) { unit in
                    Text(unit.rawValue).tag(unit)
                }
            }
            .pickerStyle(.segmented)
            if unit == .tablets {
                Picker("Tablet", selection: $fraction) {
                    ForEach(Fraction.allCases) { fraction in
                        Text(fraction.label).tag(fraction)
                    }
                }
                .pickerStyle(.segmented)
                Stepper("Plus whole tablets: \(moreTablets)", value: $moreTablets, in: 0...20)
                LabeledContent("Tablets taken", value: Numbers.decimal(tablets))
                FieldError(message: core.fieldErrors["tablets"])
                TextField("Strength of one tablet in mg (empty if unknown)", text: $strength)
                    .keyboardType(.decimalPad)
                FieldError(message: core.fieldErrors["strength_mg"])
            } else {
                TextField("mg", text: $mg)
                    .keyboardType(.decimalPad)
                FieldError(message: core.fieldErrors["mg"])
            }
        }

        Section {
            Toggle("Taken earlier", isOn: $earlier)
            if earlier {
                DatePicker("Taken at", selection: $takenAt, in: ...Date(), displayedComponents: [.date, .hourAndMinute])
                FieldError(message: core.fieldErrors["taken_at"])
            }
            Toggle("Not prescribed", isOn: $nonPrescribed)
            TextField("Note (optional)", text: $note, axis: .vertical)
            FieldError(message: core.fieldErrors["note"])
        } footer: {
            Text("Doses that were not prescribed are counted apart from prescribed ones.")
        }

        Section {
            Button("Save dose", action: save)
                .disabled(drug.nilIfBlank == nil)
            if let saved = saved {
                Text(saved)
                    .foregroundStyle(.secondary)
            }
        }
    }

    private var tablets: Double {
        Double(moreTablets) + fraction.rawValue
    }

    private func save() {
        core.clearError()
        do {
            let byTablets = unit == .tablets
            let strengthMg = try core.number(byTablets ? strength : "", field: "strength_mg")
            let mgTaken = try core.number(byTablets ? "" : mg, field: "mg")
            let input = DoseInput(
                takenAt: earlier ? Dates.instant(takenAt) : nil,
                drug: drug,
                mg: mgTaken,
                tablets: byTablets ? tablets : nil,
                strengthMg: strengthMg,
                nonPrescribed: nonPrescribed,
                note: note.nilIfBlank)
            if core.send(.log(entry: .dose(dose: input))) {
                saved = savedText()
                note = ""
                earlier = false
            }
        } catch {
            // The number reader already put a message under the field.
        }
    }
}

// MARK: - Sleep

/// One night of the Consensus Sleep Diary: quality and hours, with the other core items optional.
struct SleepForm: View {
    private static let qualities = ["Very poor", "Poor", "Fair", "Good", "Very good"]

    @EnvironmentObject private var core: Core
    @State private var night = Calendar.current.date(byAdding: .day, value: -1, to: Date()) ?? Date()
    @State private var hours = ""
    @State private var quality = 3
    @State private var details = false
    @State private var latency = ""
    @State private var awakenings = 0
    @State private var waso = ""
    @State private var hasInBed = false
    @State private var inBed = Date()
    @State private var hasTriedToSleep = false
    @State private var triedToSleep = Date()
    @State private var hasFinalAwakening = false
    @State private var finalAwakening = Date()
    @State private var hasOutOfBed = false
    @State private var outOfBed = Date()
    @State private var note = ""
    @State private var saved: String?

    var body: some View {
        Section {
            DatePicker("Night starting", selection: $night, in: ...Date(), displayedComponents: .date)
            FieldError(message: core.fieldErrors["night"])
            TextField("Hours slept (optional)", text: $hours)
                .keyboardType(.decimalPad)
            FieldError(message: core.fieldErrors["hours"])
            Picker("Quality of sleep", selection: $quality) {
                ForEach(1...5, id: \.self) { score in
                    Text(SleepForm.qualities[score - 1]).tag(score)
                }
            }
            FieldError(message: core.fieldErrors["quality"])
        } header: {
            Text("Sleep")
        } footer: {
            Text("The night is the evening it began.")
        }

        Section {
            Toggle("More detail", isOn: $details)
            if details {
                TextField("Minutes to fall asleep", text: $latency)
                    .keyboardType(.numberPad)
                FieldError(message: core.fieldErrors["latency_min"])
                Stepper("Times woken up: \(awakenings)", value: $awakenings, in: 0...30)
                FieldError(message: core.fieldErrors["awakenings"])
                TextField("Minutes awake after first falling asleep", text: $waso)
                    .keyboardType(.numberPad)
                FieldError(message: core.fieldErrors["waso_min"])
                OptionalTimeRow(label: "Went to bed", isOn: $hasInBed, time: $inBed)
                FieldError(message: core.fieldErrors["in_bed"])
                OptionalTimeRow(label: "Tried to sleep", isOn: $hasTriedToSleep, time: $triedToSleep)
                FieldError(message: core.fieldErrors["tried_to_sleep"])
                OptionalTimeRow(label: "Woke up for the last time", isOn: $hasFinalAwakening, time: $finalAwakening)
                FieldError(message: core.fieldErrors["final_awakening"])
                OptionalTimeRow(label: "Got out of bed", isOn: $hasOutOfBed, time: $outOfBed)
                FieldError(message: core.fieldErrors["out_of_bed"])
            }
            TextField("Note (optional)", text: $note, axis: .vertical)
        }

        Section {
            Button("Save night", action: save)
            if let saved = saved {
                Text(saved)
                    .foregroundStyle(.secondary)
            }
        }
    }

    private func save() {
        core.clearError()
        do {
            // Hidden details are sent as "not given", whatever was typed before hiding them.
            let hoursSlept = try core.number(hours, field: "hours")
            let latencyMin = try core.integer(details ? latency : "", field: "latency_min")
            let wasoMin = try core.integer(details ? waso : "", field: "waso_min")
            let input = SleepInput(
                night: Dates.day(night),
                hours: hoursSlept,
                quality: Int64(quality),
                latencyMin: latencyMin,
                awakenings: details ? Int64(awakenings) : nil,
                wasoMin: wasoMin,
                inBed: details && hasInBed ? Dates.clock(inBed) : nil,
                triedToSleep: details && hasTriedToSleep ? Dates.clock(triedToSleep) : nil,
                finalAwakening: details && hasFinalAwakening ? Dates.clock(finalAwakening) : nil,
                outOfBed: details && hasOutOfBed ? Dates.clock(outOfBed) : nil,
                note: note.nilIfBlank)
            if core.send(.log(entry: .sleep(sleep: input))) {
                saved = savedText()
                note = ""
            }
        } catch {
            // The number reader already put a message under the field.
        }
    }
}

// MARK: - Anxiety

/// A 0–10 rating of anxiety right now.
struct AnxietyForm: View {
    @EnvironmentObject private var core: Core
    @State private var score = 0.0
    @State private var note = ""
    @State private var saved: String?

    var body: some View {
        Section {
            Text("How anxious do you feel right now? \(Int(score)) of 10")
            Slider(value: $score, in: 0...10, step: 1) {
                Text("Anxiety")
            } minimumValueLabel: {
                Text("0")
            } maximumValueLabel: {
                Text("10")
            }
            .accessibilityValue("\(Int(score)) of 10")
            FieldError(message: core.fieldErrors["score"])
            TextField("Note (optional)", text: $note, axis: .vertical)
        } header: {
            Text("Anxiety")
        } footer: {
            Text("0 is no anxiety at all, 10 the worst you can imagine.")
        }

        Section {
            Button("Save rating", action: save)
            if let saved = saved {
                Text(saved)
                    .foregroundStyle(.secondary)
            }
        }
    }

    private func save() {
        core.clearError()
        let entry = EntryInput.anxiety(at: nil, score: Int64(score.rounded()), note: note.nilIfBlank)
        if core.send(.log(entry: entry)) {
            saved = savedText()
            note = ""
        }
    }
}

// MARK: - GAD-7

/// The GAD-7 questionnaire, items as published. The core computes the total and its band.
struct Gad7Form: View {
    static let question = "Over the last 2 weeks, how often have you been bothered by the following problems?"
    static let items = [
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ]
    static let answers = ["Not at all", "Several days", "More than half the days", "Nearly every day"]

    @EnvironmentObject private var core: Core
    @State private var answers = [Int?](repeating: nil, count: Gad7Form.items.count)
    @State private var saved: String?

    var body: some View {
        Section {
            Text(Gad7Form.question)
        } footer: {
            Text("GAD-7 by Drs. Spitzer, Williams, Kroenke and colleagues; no permission required to reproduce.")
        }

        ForEach(Gad7Form.items.indices, id: \.self) { index in
            Section("\(index + 1). \(Gad7Form.items[index])") {
                Picker(Gad7Form.items[index], selection: $answers[index]) {
                    ForEach(Gad7Form.answers.indices, id: \.self) { value in
                        Text(Gad7Form.answers[value]).tag(Optional(value))
                    }
                }
                .pickerStyle(.inline)
                .labelsHidden()
            }
        }

        Section {
            Button("Save GAD-7", action: save)
                .disabled(answers.contains(where: { $0 == nil }))
            FieldError(message: core.fieldErrors["items"])
            if let saved = saved {
                Text(saved)
                    .foregroundStyle(.secondary)
            }
        }
    }

    private func save() {
        core.clearError()
        let items = answers.compactMap { $0 }.map { Int64($0) }
        guard items.count == Gad7Form.items.count else {
            return
        }
        if core.send(.log(entry: .gad7(at: nil, items: items))) {
            saved = savedText()
            answers = [Int?](repeating: nil, count: Gad7Form.items.count)
        }
    }
}
