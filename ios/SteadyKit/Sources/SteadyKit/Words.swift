import Foundation
import SteadyCore

/// Every word of the app's chrome, in the patient's language, all from the core: `AppLabels`
/// (titles, buttons, the shell's own messages) plus a few words the core gives only inside its
/// forms or messages. The app's views never write a word of their own.
///
/// Where `AppLabels` has no entry yet, the nearest word the core already gives is used (see
/// ios/README.md, "Words the core does not give yet"): the summary sections are named by the
/// form titles and field labels of the same things, the equivalence tables by the plan form's
/// table choices, the day start by the core's own message about it.
public struct Words: Equatable, Sendable {
    public let language: Lang
    public let labels: AppLabels
    private let sections: [Hideable: String]
    private let tables: [String: String]
    public let dayStartCaption: String
    public let holdReasonLabel: String
    public let fromLabel: String
    public let timesLabel: String
    public let mgUnit: String
    public let percentLabel: String
    public let intervalLabel: String
    public let daysUnit: String
    public let nonPrescribedLabel: String
    public let medicineLabel: String
    public let goalLabel: String

    /// The words of an open diary, in its language.
    public static func load(from diary: SteadyDiaryProtocol) throws -> Words {
        let labels = try diary.labels()
        let language = try diary.settings().language
        let dose = try diary.form(request: .new(kind: .dose))
        let sleep = try diary.form(request: .new(kind: .sleep))
        let anxiety = try diary.form(request: .new(kind: .anxiety))
        let plan = try diary.form(request: .new(kind: .plan))
        let medicine = try diary.form(request: .new(kind: .medicine))
        let skip = try diary.form(request: .new(kind: .skip))
        let review = try diary.form(request: .new(kind: .review))

        func label(_ form: FormView, _ field: Field) throws -> String {
            guard let found = form.fields.first(where: { $0.field == field }) else {
                throw SteadyError.Internal(detail: "the \(form.kind) form has no \(field) field")
            }
            return found.label
        }
        func unit(_ form: FormView, _ field: Field) throws -> String {
            guard let found = form.fields.first(where: { $0.field == field })?.unit else {
                throw SteadyError.Internal(detail: "the \(form.kind) form's \(field) field has no unit")
            }
            return found
        }

        var tables: [String: String] = [:]
        if case .pick(let choices) = plan.fields.first(where: { $0.field == .switchTable })?.input {
            for choice in choices {
                tables[choice.key] = choice.label
            }
        }
        let sections: [Hideable: String] = [
            .nonPrescribed: try label(dose, .nonPrescribed),
            .notes: try label(dose, .note),
            .sleep: sleep.title,
            .anxiety: anxiety.title,
            .goals: labels.screenGoals,
            .plan: labels.screenPlan,
            .questions: labels.screenQuestions,
        ]
        let dayStart = errorMessage(
            error: .InvalidInput(field: .dayStart, problem: .inconsistent(rule: .dayStartsByNoon), detail: ""),
            lang: language)
        return Words(
            language: language, labels: labels, sections: sections, tables: tables,
            dayStartCaption: dayStart,
            holdReasonLabel: try label(skip, .note),
            fromLabel: try label(medicine, .from),
            timesLabel: try label(medicine, .times),
            mgUnit: try unit(dose, .mg),
            percentLabel: try label(plan, .percent),
            intervalLabel: try label(plan, .intervalDays),
            daysUnit: try unit(plan, .intervalDays),
            nonPrescribedLabel: try label(dose, .nonPrescribed),
            medicineLabel: try label(skip, .medicine),
            goalLabel: try label(review, .goal))
    }

    /// The words in `language` before any diary can be opened (the lock screen, a lost key, a
    /// damaged diary): read from a throw-away empty diary in `scratch`, erased at once. The core
    /// has no free function for its labels yet (ios/README.md lists the request).
    public static func standalone(language: Lang, scratch: URL) throws -> Words {
        let dir = scratch.appendingPathComponent("steady-words-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SystemRandomNumberGenerator()
        let key = Data((0..<DiaryKeyProvider.keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let diary = try SteadyDiary.open(dataDir: dir.path, keys: MemoryKeyProvider(key: key))
        _ = try diary.changeSetting(change: .language(language: language))
        let words = try load(from: diary)
        _ = try? diary.erase()
        return words
    }

    public func languageName(_ lang: Lang) -> String {
        switch lang {
        case .en: return labels.shellLanguageEn
        case .fr: return labels.shellLanguageFr
        case .nl: return labels.shellLanguageNl
        case .nb: return labels.shellLanguageNb
        }
    }

    public func formatName(_ format: ExportFormat) -> String {
        switch format {
        case .text: return labels.shellFormatText
        case .pdf: return labels.shellFormatPdf
        case .csv: return labels.shellFormatCsv
        case .fhir: return labels.shellFormatFhir
        case .json: return labels.shellFormatJson
        }
    }

    public func sectionName(_ section: Hideable) -> String {
        sections[section] ?? labels.shellMore
    }

    public func tableName(_ table: EquivalenceTable) -> String {
        tables[Tables.key(table)] ?? Tables.key(table)
    }

    /// The button that opens the form of `kind`.
    public func action(for kind: EntryKind) -> String {
        switch kind {
        case .dose: return labels.actionLogDose
        case .sleep: return labels.actionLogSleep
        case .anxiety: return labels.actionLogAnxiety
        case .gad7: return labels.actionLogGad7
        case .goal: return labels.actionSetGoal
        case .review: return labels.actionReviewGoal
        case .plan: return labels.actionCreatePlan
        case .question: return labels.actionAddQuestion
        case .medicine: return labels.actionAddMedicine
        case .skip: return labels.actionSkipped
        case .settings: return labels.screenSettings
        }
    }

    /// A number the way the core writes it in this language.
    public func number(_ value: Double, digits: Int = 2) -> String {
        CoreValues.number(value, language: language, digits: digits)
    }

    /// "2,5 mg" in this language.
    public func mg(_ value: Double) -> String {
        "\(number(value)) \(mgUnit)"
    }

    /// A diazepam-equivalent range: one value when both ends agree, "7,5–15 mg" otherwise.
    public func mgRange(low: Double, high: Double) -> String {
        if abs(high - low) < 0.0005 {
            return mg(low)
        }
        return "\(number(low))–\(number(high)) \(mgUnit)"
    }
}
