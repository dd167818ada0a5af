import Foundation
import SteadyCore

/// The value a form field holds while the patient fills it in.
public enum FieldValue: Equatable, Sendable {
    /// Typed text and picked strings: text, numbers as typed ("2,5", "½"), a date "YYYY-MM-DD", a
    /// clock time "HH:MM", an instant (RFC 3339), an entry id, a choice's key. Empty = not given.
    case text(String)
    /// A toggle.
    case flag(Bool)
    /// A point on a scale (the anxiety rating); nil = not answered.
    case score(Int64?)
    /// The answers of a questionnaire (GAD-7), one per item; nil = not answered.
    case answers([Int64?])
    /// Several values: usual times ("08:00", "22:30"), tablet strengths ("1", "2").
    case list([String])
}

/// A form described by the core (`FormView`), its values and the refusals shown under its fields.
/// Builds the typed draft the core takes: numbers are read with the core's own parsers
/// (`parseNumber`, `parseTablets`), every refusal is worded by the core, and nothing is checked
/// here that the core checks itself (ranges, dates, consistency): those come back from `log` or
/// `edit` as `InvalidInput` and land under their field through `apply(_:)`.
public struct FormState: Equatable, Sendable {
    public let form: FormView
    /// The entry being edited, nil for a new one.
    public let editing: EntryId?
    /// The patient's language (for refusals worded before the core is called).
    public let language: Lang
    public private(set) var values: [Field: FieldValue] = [:]
    /// Refusals under their fields.
    public private(set) var errors: [Field: String] = [:]
    /// A refusal that names no field of this form.
    public private(set) var generalError: String?
    /// A dose's medicine, kept from the prefill (the form has no field for it).
    private var doseMedicine: EntryId?

    public init(form: FormView, editing: EntryId? = nil, language: Lang) {
        self.form = form
        self.editing = editing
        self.language = language
        for field in form.fields {
            values[field.field] = Self.emptyValue(for: field.input)
        }
        if let prefill = form.prefill {
            fill(from: prefill)
        }
    }

    public var kind: EntryKind { form.kind }

    // MARK: reading and changing values

    public func value(_ field: Field) -> FieldValue? { values[field] }

    public func text(_ field: Field) -> String {
        if case .text(let text) = values[field] { return text }
        return ""
    }

    public func flag(_ field: Field) -> Bool {
        if case .flag(let on) = values[field] { return on }
        return false
    }

    public func score(_ field: Field) -> Int64? {
        if case .score(let score) = values[field] { return score }
        return nil
    }

    public func answers(_ field: Field) -> [Int64?] {
        if case .answers(let answers) = values[field] { return answers }
        return []
    }

    public func list(_ field: Field) -> [String] {
        if case .list(let list) = values[field] { return list }
        return []
    }

    public mutating func set(_ field: Field, _ value: FieldValue) {
        values[field] = value
        errors[field] = nil
        generalError = nil
    }

    public mutating func setText(_ field: Field, _ text: String) { set(field, .text(text)) }
    public mutating func setFlag(_ field: Field, _ on: Bool) { set(field, .flag(on)) }
    public mutating func setScore(_ field: Field, _ score: Int64?) { set(field, .score(score)) }
    public mutating func setList(_ field: Field, _ list: [String]) { set(field, .list(list)) }

    public mutating func setAnswer(_ field: Field, item: Int, _ answer: Int64?) {
        var all = answers(field)
        guard all.indices.contains(item) else { return }
        all[item] = answer
        set(field, .answers(all))
    }

    /// Shows a refusal of the core under its field (or above the form when the field is not here).
    public mutating func apply(_ message: UserMessage) {
        if let field = message.field, values[field] != nil {
            errors[field] = message.text
        } else {
            generalError = message.text
        }
    }

    public var hasErrors: Bool { !errors.isEmpty || generalError != nil }

    /// Empties every field (the prefill too) and every refusal.
    public mutating func clear() {
        for field in form.fields {
            values[field.field] = Self.emptyValue(for: field.input)
        }
        errors = [:]
        generalError = nil
        doseMedicine = nil
    }

    // MARK: building the draft

    /// The typed entry, or the refusals (already stored in `errors`) when a value cannot be read.
    public mutating func entryDraft() -> EntryDraft? {
        errors = [:]
        generalError = nil
        var reader = Reader(state: self)
        let draft = reader.entry()
        if !reader.errors.isEmpty {
            for (field, text) in reader.errors {
                errors[field] = text
            }
            return nil
        }
        return draft
    }

    /// A medicine form's draft (for `addMedicine` / `changeMedicine`).
    public mutating func medicineDraft() -> MedicineDraft? {
        guard case .medicine(let draft)? = entryDraft() else { return nil }
        return draft
    }

    // MARK: prefill

    static func emptyValue(for input: Input) -> FieldValue {
        switch input {
        case .toggle: return .flag(false)
        case .scale: return .score(nil)
        case .items(_, let items, _): return .answers(Array(repeating: nil, count: items.count))
        case .times: return .list([])
        default: return .text("")
        }
    }

    private mutating func put(_ field: Field, _ value: FieldValue) {
        if values[field] != nil {
            values[field] = value
        }
    }

    private mutating func put(_ field: Field, text: String?) {
        put(field, .text(text ?? ""))
    }

    private mutating func put(_ field: Field, number: Double?) {
        put(field, .text(number.map { CoreValues.number($0, language: language, digits: 3) } ?? ""))
    }

    private mutating func put(_ field: Field, whole: Int64?) {
        put(field, .text(whole.map { String($0) } ?? ""))
    }

    private mutating func fill(from draft: EntryDraft) {
        switch draft {
        case .dose(let d):
            put(.drug, text: d.drug)
            put(.mg, number: d.mg)
            put(.tablets, number: d.tablets)
            put(.strengthMg, number: d.strengthMg)
            put(.takenAt, text: d.takenAt)
            put(.nonPrescribed, .flag(d.nonPrescribed))
            put(.note, text: d.note)
            doseMedicine = d.medicine
        case .sleep(let s):
            put(.night, text: s.night)
            put(.hours, number: s.hours)
            put(.quality, text: s.quality.map { String($0) })
            put(.latencyMin, whole: s.latencyMin)
            put(.awakenings, whole: s.awakenings)
            put(.wasoMin, whole: s.wasoMin)
            put(.inBed, text: s.inBed)
            put(.triedToSleep, text: s.triedToSleep)
            put(.finalAwakening, text: s.finalAwakening)
            put(.outOfBed, text: s.outOfBed)
            put(.note, text: s.note)
        case .anxiety(let at, let score, let note):
            put(.at, text: at)
            put(.score, .score(score))
            put(.note, text: note)
        case .gad7(let at, let items):
            put(.at, text: at)
            put(.items, .answers(items.map { Optional($0) }))
        case .goal(let g):
            put(.setAt, text: g.setAt)
            put(.kind, text: ChoiceKeys.key(g.kind))
            put(.whatMatters, text: g.whatMatters)
            put(.drug, text: g.drug)
            put(.targetMg, number: g.targetMg)
            put(.due, text: g.due)
            put(.reviewOn, text: g.reviewOn)
            put(.proposedBy, text: ChoiceKeys.key(g.proposedBy))
            put(.agreedWith, text: g.agreedWith)
        case .review(let goal, let at, let gas, let note, let decision, let nextReview):
            put(.goal, text: goal)
            put(.at, text: at)
            put(.gas, text: String(gas))
            put(.note, text: note)
            put(.decision, text: ChoiceKeys.key(decision))
            put(.nextReview, text: nextReview)
        case .plan(let p):
            put(.drug, text: p.drug)
            put(.startMg, number: p.startMg)
            put(.start, text: p.start)
            put(.percent, number: p.percent)
            put(.intervalDays, whole: p.intervalDays)
            put(.strengths, .list(p.strengthsMg.map { CoreValues.number($0, language: language, digits: 3) }))
            put(.split, text: ChoiceKeys.key(p.split))
            put(.floorMg, number: p.floorMg)
            put(.pace, text: p.pace.map { ChoiceKeys.key($0) })
            if let s = p.switch {
                put(.switchFrom, text: s.fromDrug)
                put(.switchFromMg, number: s.fromMg)
                put(.switchTable, text: s.table.map { Tables.key($0) })
                put(.switchAgreedWith, text: s.agreedWith)
            }
            switch p.tail {
            case .liquid(let mgPerMl, let minMl)?:
                put(.tailMgPerMl, number: mgPerMl)
                put(.tailMinMl, number: minMl)
            case .compounded(let stepMg)?:
                put(.tailStepMg, number: stepMg)
            case nil:
                break
            }
        case .question(let at, let text, let discussed):
            put(.at, text: at)
            put(.text, text: text)
            put(.discussed, .flag(discussed))
        case .medicine(let m):
            put(.drug, text: m.drug)
            put(.mg, number: m.mg)
            put(.tablets, number: m.tablets)
            put(.strengthMg, number: m.strengthMg)
            put(.times, .list(m.times))
            put(.asNeeded, .flag(m.asNeeded))
            put(.nonPrescribed, .flag(m.nonPrescribed))
            put(.from, text: m.from)
        case .skip(let medicine, let at, let note):
            put(.medicine, text: medicine)
            put(.at, text: at)
            put(.note, text: note)
        }
    }

    /// Reads the values into a draft, collecting refusals.
    private struct Reader {
        let state: FormState
        var errors: [Field: String] = [:]

        init(state: FormState) {
            self.state = state
        }

        private func required(_ field: Field) -> Bool {
            state.form.fields.first { $0.field == field }?.required ?? false
        }

        private mutating func refuse(_ field: Field, _ problem: Problem) {
            if errors[field] == nil {
                errors[field] = Messages.refusal(field: field, problem: problem, language: state.language).text
            }
        }

        /// Trimmed text, nil when empty (and refused when the core marks the field required).
        mutating func text(_ field: Field) -> String? {
            let t = state.text(field).trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty {
                if required(field) { refuse(field, .required) }
                return nil
            }
            return t
        }

        /// Text that must be there whatever the form says (the draft cannot be built without it).
        mutating func needed(_ field: Field) -> String {
            if let t = text(field) { return t }
            refuse(field, .required)
            return ""
        }

        private mutating func parsed(_ field: Field, _ parse: (String) throws -> Double) -> Double? {
            guard let t = text(field) else { return nil }
            do {
                return try parse(t)
            } catch SteadyError.InvalidInput(_, let problem, _) {
                refuse(field, problem)
            } catch {
                refuse(field, .unreadable(text: t, expected: .number))
            }
            return nil
        }

        mutating func number(_ field: Field) -> Double? {
            parsed(field) { try parseNumber(text: $0) }
        }

        mutating func tablets(_ field: Field) -> Double? {
            parsed(field) { try parseTablets(text: $0) }
        }

        mutating func whole(_ field: Field) -> Int64? {
            guard let t = text(field) else { return nil }
            if let value = Int64(t) { return value }
            refuse(field, .unreadable(text: t, expected: .wholeNumber))
            return nil
        }

        /// A pick's key read as a whole number (sleep quality 1–5, goal attainment −2…+2).
        mutating func wholeChoice(_ field: Field) -> Int64? {
            guard let t = text(field) else { return nil }
            if let value = Int64(t) { return value }
            refuse(field, .unreadable(text: t, expected: .oneOf))
            return nil
        }

        mutating func choice<T>(_ field: Field, _ read: (String) -> T?) -> T? {
            guard let t = text(field) else { return nil }
            if let value = read(t) { return value }
            refuse(field, .unreadable(text: t, expected: .oneOf))
            return nil
        }

        mutating func neededChoice<T>(_ field: Field, _ read: (String) -> T?) -> T? {
            if let value = choice(field, read) { return value }
            refuse(field, .required)
            return nil
        }

        func flag(_ field: Field) -> Bool { state.flag(field) }

        mutating func list(_ field: Field) -> [String] {
            state.list(field).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        mutating func entry() -> EntryDraft? {
            switch state.form.kind {
            case .dose:
                let draft = DoseDraft(
                    takenAt: text(.takenAt), drug: needed(.drug), mg: number(.mg), tablets: tablets(.tablets),
                    strengthMg: number(.strengthMg), nonPrescribed: flag(.nonPrescribed), note: text(.note),
                    medicine: state.doseMedicine)
                return .dose(draft)
            case .sleep:
                let draft = SleepDraft(
                    night: text(.night), hours: number(.hours), quality: wholeChoice(.quality),
                    latencyMin: whole(.latencyMin), awakenings: whole(.awakenings), wasoMin: whole(.wasoMin),
                    inBed: text(.inBed), triedToSleep: text(.triedToSleep),
                    finalAwakening: text(.finalAwakening), outOfBed: text(.outOfBed), note: text(.note))
                return .sleep(draft)
            case .anxiety:
                let score = state.score(.score)
                if score == nil { refuse(.score, .required) }
                return .anxiety(at: text(.at), score: score ?? 0, note: text(.note))
            case .gad7:
                let answers = state.answers(.items)
                let given = answers.compactMap { $0 }
                if given.count != answers.count || answers.isEmpty {
                    refuse(.items, .required)
                }
                return .gad7(at: text(.at), items: given)
            case .goal:
                let kind = neededChoice(.kind, ChoiceKeys.goalType)
                let proposer = neededChoice(.proposedBy, ChoiceKeys.proposer)
                let draft = GoalDraft(
                    setAt: text(.setAt), kind: kind ?? .keep, whatMatters: needed(.whatMatters), drug: text(.drug),
                    targetMg: number(.targetMg), due: text(.due), reviewOn: text(.reviewOn),
                    proposedBy: proposer ?? .patient, agreedWith: text(.agreedWith))
                return .goal(draft)
            case .review:
                let goal = needed(.goal)
                let gas = wholeChoice(.gas)
                if gas == nil { refuse(.gas, .required) }
                let decision = neededChoice(.decision, ChoiceKeys.decision)
                return .review(
                    goal: goal, at: text(.at), gas: gas ?? 0, note: text(.note), decision: decision ?? .keep,
                    nextReview: text(.nextReview))
            case .plan:
                let drug = needed(.drug)
                let startMg = number(.startMg)
                if startMg == nil { refuse(.startMg, .required) }
                var strengths: [Double] = []
                for text in list(.strengths) {
                    do {
                        strengths.append(try parseNumber(text: text))
                    } catch SteadyError.InvalidInput(_, let problem, _) {
                        refuse(.strengths, problem)
                    } catch {
                        refuse(.strengths, .unreadable(text: text, expected: .number))
                    }
                }
                var switchDraft: SwitchDraft?
                if let from = text(.switchFrom) {
                    let fromMg = number(.switchFromMg)
                    if fromMg == nil { refuse(.switchFromMg, .required) }
                    let agreed = text(.switchAgreedWith)
                    if agreed == nil { refuse(.switchAgreedWith, .required) }
                    switchDraft = SwitchDraft(
                        fromDrug: from, fromMg: fromMg ?? 0, table: choice(.switchTable, Tables.table(key:)),
                        agreedWith: agreed ?? "")
                }
                // The tail: compounded doses, or an oral liquid with its smallest volume.
                var tail: Tail?
                if let stepMg = number(.tailStepMg) {
                    tail = .compounded(stepMg: stepMg)
                } else if let mgPerMl = number(.tailMgPerMl) {
                    let minMl = number(.tailMinMl)
                    if minMl == nil { refuse(.tailMinMl, .required) }
                    tail = .liquid(mgPerMl: mgPerMl, minMl: minMl ?? 0)
                }
                let draft = PlanDraft(
                    drug: drug, startMg: startMg ?? 0, start: text(.start), percent: number(.percent),
                    intervalDays: whole(.intervalDays), strengthsMg: strengths,
                    split: choice(.split, ChoiceKeys.split) ?? .quarter, floorMg: number(.floorMg),
                    pace: choice(.pace, ChoiceKeys.pace), switch: switchDraft, tail: tail)
                return .plan(draft)
            case .question:
                return .question(at: text(.at), text: needed(.text), discussed: flag(.discussed))
            case .medicine:
                let draft = MedicineDraft(
                    drug: needed(.drug), mg: number(.mg), tablets: tablets(.tablets), strengthMg: number(.strengthMg),
                    times: list(.times), asNeeded: flag(.asNeeded), nonPrescribed: flag(.nonPrescribed),
                    from: text(.from))
                return .medicine(draft)
            case .skip:
                return .skip(medicine: needed(.medicine), at: text(.at), note: text(.note))
            case .settings:
                return nil
            }
        }
    }
}
