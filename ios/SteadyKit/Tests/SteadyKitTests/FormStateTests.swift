import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

/// Forms described by the core, filled in and read back into drafts the core accepts.
final class FormStateTests: XCTestCase {
    private var dir: TempDir!
    private var diary: SteadyDiary!

    override func setUpWithError() throws {
        dir = TempDir()
        diary = try openDiary(dir.url.appendingPathComponent("d"), key: randomKey())
    }

    override func tearDown() {
        diary = nil
        dir.remove()
    }

    private func form(_ kind: EntryKind) throws -> FormState {
        FormState(form: try diary.form(request: .new(kind: kind)), language: try diary.settings().language)
    }

    func testEveryChoiceOfEveryFormMapsToATypedValue() throws {
        for kind in EntryKinds.withForm {
            for field in try form(kind).form.fields {
                if case .pick(let choices) = field.input {
                    XCTAssertFalse(choices.isEmpty, "\(kind) \(field.field)")
                    for choice in choices {
                        XCTAssertTrue(ChoiceKeys.isKnown(choice.key, for: field.field), "\(kind) \(field.field): \(choice.key)")
                        XCTAssertFalse(choice.label.isEmpty)
                    }
                }
                XCTAssertFalse(field.label.isEmpty, "\(kind) \(field.field) has words")
            }
        }
    }

    func testADoseFormTypedAsAPersonTypesItIsLoggedAndItsRefusalsLandUnderTheirFields() throws {
        var state = try form(.dose)
        state.setText(.drug, "Loramet")
        state.setText(.tablets, "¾")
        state.setText(.strengthMg, "2")
        state.setText(.note, "  late  ")
        let draft = try XCTUnwrap(state.entryDraft())
        let id = try diary.log(entry: draft)
        let row = try XCTUnwrap(try diary.history(from: nil, to: nil).first { $0.id == id })
        XCTAssertTrue(row.line.contains("(1.5 mg)"), row.line)
        XCTAssertEqual(row.note, "late")

        // A typo is refused before the core is called, worded by the core, under its field.
        var typo = try form(.dose)
        typo.setText(.drug, "diazepam")
        typo.setText(.mg, "5 mg please")
        XCTAssertNil(typo.entryDraft())
        XCTAssertEqual(Array(typo.errors.keys), [.mg])
        XCTAssertTrue(typo.errors[.mg]?.contains("5 mg please") ?? false, typo.errors[.mg] ?? "")
        typo.setText(.mg, "2,5")
        XCTAssertTrue(typo.errors.isEmpty, "editing a field clears its refusal")

        // A value the core refuses comes back as InvalidInput and lands under the field it names.
        var negative = try form(.dose)
        negative.setText(.drug, "diazepam")
        negative.setText(.mg, "-1")
        let refused = try XCTUnwrap(negative.entryDraft())
        guard let error = thrown({ try diary.log(entry: refused) }) else { return }
        negative.apply(Messages.message(for: error, language: .en))
        XCTAssertNotNil(negative.errors[.mg])
        XCTAssertTrue(negative.hasErrors)
    }

    func testRequiredFieldsAreRefusedInThePatientsLanguage() throws {
        _ = try diary.changeSetting(change: .language(language: .nl))
        var state = try form(.question)
        XCTAssertNil(state.entryDraft())
        let message = try XCTUnwrap(state.errors[.text])
        XCTAssertEqual(message, Messages.refusal(field: .text, problem: .required, language: .nl).text)
        XCTAssertNotEqual(message, Messages.refusal(field: .text, problem: .required, language: .en).text)

        var gad7 = try form(.gad7)
        gad7.setAnswer(.items, item: 0, 2)
        XCTAssertNil(gad7.entryDraft(), "six answers missing")
        XCTAssertNotNil(gad7.errors[.items])
        for item in 0..<7 {
            gad7.setAnswer(.items, item: item, Int64(item % 4))
        }
        let draft = try XCTUnwrap(gad7.entryDraft())
        XCTAssertEqual(draft, .gad7(at: nil, items: [0, 1, 2, 3, 0, 1, 2]))
        _ = try diary.log(entry: draft)
    }

    func testEveryKindRoundTripsThroughItsEditForm() throws {
        let goal = try diary.log(
            entry: .goal(GoalDraft(kind: .reduce, whatMatters: "drive again", drug: "diazepam", targetMg: 2.5, proposedBy: .clinician, agreedWith: "Dr. P")))
        let drafts: [EntryDraft] = [
            dose("diazepam", mg: 2.5, note: "n"),
            .sleep(SleepDraft(night: try dayString(diary, daysFromToday: -1), hours: 6.5, quality: 3, latencyMin: 20, awakenings: 2, wasoMin: 15, inBed: "22:30", triedToSleep: "23:00", finalAwakening: "06:30", outOfBed: "07:00", note: "noisy")),
            .anxiety(at: try instant(diary, daysAgo: 0, hour: 0, minute: 30), score: 4, note: nil),
            .gad7(at: nil, items: [3, 2, 1, 0, 1, 2, 3]),
            .review(goal: goal, at: nil, gas: -1, note: "hard month", decision: .adjust, nextReview: try dayString(diary, daysFromToday: 30)),
            .plan(PlanDraft(drug: "diazepam", startMg: 10, start: try dayString(diary, daysFromToday: 0), percent: 7.5, intervalDays: 21, strengthsMg: [2, 5], split: .half, floorMg: 2, pace: .gentle)),
            .question(at: nil, text: "What about alcohol?", discussed: true),
        ]
        for draft in drafts {
            let id = try diary.log(entry: draft)
            let edit = FormState(form: try diary.form(request: .edit(id: id)), editing: id, language: .en)
            var copy = edit
            let read = try XCTUnwrap(copy.entryDraft(), "\(edit.kind): \(copy.errors)")
            // Saving the untouched edit form changes nothing the core keeps.
            let before = try diary.entryDraft(id: id)
            XCTAssertEqual(try diary.edit(id: id, entry: read), id)
            XCTAssertEqual(try diary.entryDraft(id: id), before, "\(edit.kind)")
        }
        var goalForm = FormState(form: try diary.form(request: .edit(id: goal)), editing: goal, language: .en)
        XCTAssertEqual(goalForm.text(.kind), "reduce")
        XCTAssertEqual(goalForm.text(.proposedBy), "clinician")
        goalForm.setText(.whatMatters, "drive my grandchildren")
        _ = try diary.edit(id: goal, entry: try XCTUnwrap(goalForm.entryDraft()))
        XCTAssertEqual(try diary.today().goals.first?.whatMatters, "drive my grandchildren")
    }

    func testTheDoseFormStartsFromTheLastDoseAndAMedicineFormBuildsItsDraft() throws {
        _ = try diary.log(entry: dose("Loramet", tablets: 1.5, strengthMg: 1, note: "late"))
        let state = try form(.dose)
        // The next dose starts from the name the patient typed, as the dose keeps it.
        XCTAssertEqual(state.text(.drug), "Loramet")
        XCTAssertEqual(try parseTablets(text: state.text(.tablets)), 1.5)
        XCTAssertEqual(state.text(.note), "", "a note is never carried over")
        XCTAssertNil(try form(.anxiety).score(.score), "no answer is suggested")

        var medicine = try form(.medicine)
        medicine.setText(.drug, "Temesta")
        medicine.setText(.tablets, "1/2")
        medicine.setText(.strengthMg, "2,5")
        medicine.setList(.times, ["08:00", " ", "20:00"])
        let draft = try XCTUnwrap(medicine.medicineDraft())
        XCTAssertEqual(draft.times, ["08:00", "20:00"])
        XCTAssertEqual(draft.tablets, 0.5)
        XCTAssertEqual(draft.strengthMg, 2.5)
        let id = try diary.addMedicine(medicine: draft)
        XCTAssertEqual(try diary.medicines().first?.id, id)
    }

    func testAPlanFormWithASwitchNeedsItsDoseAndWhoAgreed() throws {
        var plan = try form(.plan)
        plan.setText(.drug, "diazepam")
        plan.setText(.startMg, "15")
        plan.setList(.strengths, ["2", "5", "x"])
        plan.setText(.switchFrom, "alprazolam")
        XCTAssertNil(plan.entryDraft())
        XCTAssertEqual(Set(plan.errors.keys), [.strengths, .switchFromMg, .switchAgreedWith])
        plan.setList(.strengths, ["2", "5"])
        plan.setText(.switchFromMg, "1,5")
        plan.setText(.switchAgreedWith, "Dr. Peeters")
        plan.setText(.switchTable, "va_dod")
        guard case .plan(let draft)? = plan.entryDraft() else { return XCTFail("a plan draft: \(plan.errors)") }
        XCTAssertEqual(draft.strengthsMg, [2, 5])
        XCTAssertEqual(draft.split, .quarter, "the core's default split")
        XCTAssertEqual(draft.switch?.table, .vaDod)
        XCTAssertEqual(draft.switch?.fromMg, 1.5)
        _ = try diary.log(entry: .plan(draft))
        XCTAssertEqual(try diary.plan()?.switch?.from, "alprazolam")
    }
}
