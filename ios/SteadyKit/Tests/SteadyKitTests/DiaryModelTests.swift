import Foundation
import Observation
import SteadyCore
import XCTest

@testable import SteadyKit

/// The app's model over the real library, with the platform seams in memory: the journeys the
/// screens offer, from the first start to a lost key.
@MainActor
final class DiaryModelTests: XCTestCase, @unchecked Sendable {
    private func fill(_ model: DiaryModel, _ kind: EntryKind, _ values: [Field: FieldValue]) -> Bool {
        model.newForm(kind)
        model.updateForm { form in
            form.clear()
            for (field, value) in values {
                form.set(field, value)
            }
        }
        return model.submitForm()
    }

    private func addMedicine(_ model: DiaryModel, times: [String] = ["08:00", "22:30"]) {
        XCTAssertTrue(
            fill(model, .medicine, [.drug: .text("Stilnoct"), .tablets: .text("½"), .strengthMg: .text("10"), .times: .list(times)]),
            "\(model.form?.errors ?? [:])")
    }

    // MARK: start

    func testFirstStartCreatesTheDiaryInTheDeviceLanguageAndShowsToday() async throws {
        let rig = Rig(deviceLanguage: "fr-BE")
        let model = await rig.opened()
        XCTAssertEqual(model.words?.language, .fr)
        XCTAssertEqual(model.settings?.language, .fr)
        XCTAssertTrue(model.today?.labels.title.hasPrefix("Aujourd") ?? false, model.today?.labels.title ?? "")
        XCTAssertEqual(rig.secrets.stored?.count, 32, "a key was made and stored")
        XCTAssertEqual(rig.prefs.string(forKey: PreferenceKeys.language), "fr")
        // The default period ends with the last complete diary day: today is unfinished.
        let today = try XCTUnwrap(model.today?.date)
        XCTAssertNotEqual(model.summaryOptions?.to, today)
        XCTAssertEqual(model.summaryOptions?.to, try defaultPeriod(today: today)[1])
        XCTAssertEqual(model.summaryOptions?.language, .fr)
        XCTAssertTrue(rig.auth.reasons.isEmpty, "no app lock: nothing asked")
        XCTAssertNil(model.integrityText, "a new diary passes the diary check")
    }

    func testTheModelIsObservable() async throws {
        let rig = Rig()
        let model = await rig.opened()
        let changed = Flag()
        withObservationTracking {
            _ = model.today
        } onChange: {
            changed.set()
        }
        XCTAssertTrue(fill(model, .anxiety, [.score: .score(3)]))
        XCTAssertTrue(changed.isSet, "SwiftUI hears about a new today view")
    }

    func testAKeyStoreThatCannotAnswerIsRetriedNotTakenForALostKey() async throws {
        let rig = Rig()
        _ = await rig.opened()
        let model = rig.restart()
        rig.secrets.failNextRead(with: .deviceLocked)
        await model.start()
        XCTAssertEqual(model.phase, .unavailable(errorMessage(error: .KeyProvider(detail: ""), lang: .en)))
        await model.retry()
        XCTAssertEqual(model.phase, .open)
    }

    // MARK: log, edit, delete

    func testAFormIsSavedEditedFromHistoryAndDeletedAfterConfirmation() async throws {
        let rig = Rig()
        let model = await rig.opened()
        XCTAssertTrue(fill(model, .dose, [.drug: .text("diazepam"), .mg: .text("2,5"), .note: .text("morning")]))
        XCTAssertNil(model.form)
        let row = try XCTUnwrap(model.history.first?.rows.first)
        XCTAssertEqual(model.today?.doses.map(\.id), [row.id])
        XCTAssertEqual(model.history.first?.date, model.today?.date)

        model.editForm(row.id)
        XCTAssertEqual(model.form?.editing, row.id)
        XCTAssertEqual(model.form?.text(.note), "morning")
        model.updateForm { $0.setText(.mg, "5") }
        XCTAssertTrue(model.submitForm())
        XCTAssertEqual(model.today?.doses.first?.mg, 5)
        XCTAssertEqual(model.today?.doses.first?.id, row.id, "an edit keeps the id")

        XCTAssertFalse(rig.model.words?.labels.actionDeleteConfirm.isEmpty ?? true, "the screen asks first")
        XCTAssertEqual(model.delete(row.id), [row.id])
        XCTAssertTrue(model.history.isEmpty)
        XCTAssertEqual(model.today?.doses.count, 0)
    }

    func testARefusalStaysInTheFormUnderItsFieldAndNothingIsWritten() async throws {
        let rig = Rig()
        let model = await rig.opened()
        XCTAssertFalse(fill(model, .dose, [.drug: .text("aspirin"), .mg: .text("500")]))
        XCTAssertNotNil(model.form?.errors[.drug], "\(model.form?.errors ?? [:])")
        model.updateForm { $0.setText(.drug, "diazepam") }
        model.updateForm { $0.setText(.tablets, "1") }
        XCTAssertFalse(model.submitForm(), "mg and tablets together are refused")
        XCTAssertTrue(model.form?.hasErrors ?? false)
        XCTAssertTrue(model.history.isEmpty)
        model.cancelForm()
        XCTAssertNil(model.form)
    }

    func testTakenIsOneStepAndUndoable() async throws {
        let rig = Rig()
        let model = await rig.opened()
        addMedicine(model)
        let card = try XCTUnwrap(model.medicines.first)
        XCTAssertTrue(card.text.hasPrefix("Stilnoct (zolpidem)"), card.text)
        model.taken(medicine: nil)
        let message = try XCTUnwrap(model.message)
        XCTAssertEqual(message.kind, .info)
        XCTAssertTrue(message.text.hasPrefix("Logged zolpidem"), message.text)
        XCTAssertEqual(model.medicines.first?.takenToday, 1)
        XCTAssertEqual(model.today?.doses.count, 1)
        model.undo(try XCTUnwrap(message.undoId))
        XCTAssertNil(model.message)
        XCTAssertEqual(model.today?.doses.count, 0)
        XCTAssertEqual(model.medicines.first?.takenToday, 0)

        model.skipped(medicine: card.id)
        XCTAssertTrue(model.message?.text.hasPrefix("Noted") ?? false)
        XCTAssertEqual(model.medicines.first?.skippedToday, 1)
    }

    func testAMedicineIsChangedFromItsCardAndStopped() async throws {
        let rig = Rig()
        let model = await rig.opened()
        addMedicine(model, times: ["22:30"])
        let card = try XCTUnwrap(model.medicines.first)
        model.changeMedicineForm(card)
        XCTAssertEqual(model.form?.list(.times), ["22:30"])
        XCTAssertEqual(model.form?.editing, card.id)
        model.updateForm { $0.setList(.times, ["21:30"]) }
        XCTAssertTrue(model.submitForm(), "\(model.form?.errors ?? [:])")
        XCTAssertEqual(model.medicines.first?.times, ["21:30"])
        XCTAssertEqual(model.medicines.count, 1, "a change, not a second medicine")
        let changed = try XCTUnwrap(model.medicines.first)
        model.stopMedicine(card.id)
        let stopped = try XCTUnwrap(model.medicines.first)
        XCTAssertNil(model.message)
        XCTAssertEqual(stopped.history.count, changed.history.count + 1, "the stop is in its history")
        XCTAssertNotEqual(stopped.text, changed.text)
    }

    func testQuestionsAreAskedAndMarkedTalkedAboutAndGoalsReviewed() async throws {
        let rig = Rig()
        let model = await rig.opened()
        XCTAssertTrue(fill(model, .question, [.text: .text("Can I drive?")]))
        let question = try XCTUnwrap(model.questions.first)
        model.markDiscussed(question.id)
        model.editForm(question.id)
        XCTAssertEqual(model.form?.flag(.discussed), true)
        model.cancelForm()

        XCTAssertTrue(
            fill(model, .goal, [.whatMatters: .text("sleep through the night"), .kind: .text("keep"), .proposedBy: .text("together")]))
        let goal = try XCTUnwrap(model.goals.first)
        model.reviewForm(goal: goal.id)
        XCTAssertEqual(model.form?.text(.goal), goal.id)
        model.updateForm {
            $0.setText(.gas, "1")
            $0.setText(.decision, "keep")
        }
        XCTAssertTrue(model.submitForm(), "\(model.form?.errors ?? [:])")
        XCTAssertTrue(model.history.flatMap(\.rows).contains { $0.kind == .review && $0.line.contains("GAS +1") })
    }

    // MARK: plan

    func testAPlanIsMadeHeldResumedRepacedAndEnded() async throws {
        let rig = Rig()
        let model = await rig.opened()
        XCTAssertTrue(
            fill(model, .plan, [.drug: .text("Loramet"), .startMg: .text("2"), .strengths: .list(["1", "2"])]),
            "\(model.form?.errors ?? [:])")
        XCTAssertEqual(model.plan?.molecule, "lormetazepam")
        model.holdPlan(reason: "sleep got bad")
        XCTAssertEqual(model.plan?.holding, true)
        XCTAssertEqual(model.today?.plan?.holding, true)
        model.holdPlan(reason: "again")
        XCTAssertEqual(model.message?.kind, .problem, "a second hold is refused, in words")
        model.resumePlan()
        XCTAssertEqual(model.plan?.holding, false)
        XCTAssertFalse(model.changePace(percent: "lots", intervalDays: "21"))
        XCTAssertEqual(model.message?.field, .percent)
        XCTAssertTrue(model.changePace(percent: "7,5", intervalDays: "21"))
        let upcoming = model.plan?.steps.filter { $0.status == .upcoming } ?? []
        XCTAssertFalse(upcoming.isEmpty)
        XCTAssertTrue(upcoming.allSatisfy { $0.intervalDays >= 21 }, "\(upcoming.map(\.intervalDays))")
        model.shareCalendar()
        let calendar = try XCTUnwrap(model.sharedFile)
        XCTAssertEqual(calendar.typeIdentifier, "com.apple.ical.ics")
        model.endPlan(reason: nil)
        XCTAssertNotNil(model.plan?.endedOn)
    }

    // MARK: summary

    func testEverySummaryFormatIsWrittenForTheShareSheetInTheClinicansLanguageAndDeletedAfter() async throws {
        let rig = Rig()
        let model = await rig.opened()
        XCTAssertTrue(fill(model, .dose, [.drug: .text("diazepam"), .mg: .text("10")]))
        XCTAssertTrue(fill(model, .dose, [.drug: .text("Xanax"), .tablets: .text("1"), .nonPrescribed: .flag(true)]))
        // The doses were logged today, so the period runs to today (the default ends yesterday).
        let today = try XCTUnwrap(model.today?.date)
        model.updateSummaryOptions { $0.to = today }
        await model.loadSummary()
        XCTAssertTrue(model.summaryPreview?.contains("alprazolam") ?? false)
        XCTAssertEqual(model.summaryScreen?.prescribed.doses, 1)

        model.updateSummaryOptions { $0.toggle(.nonPrescribed) }
        await model.loadSummary()
        let english = try XCTUnwrap(model.summaryPreview)
        XCTAssertFalse(english.contains("alprazolam"), "left out")
        XCTAssertNil(model.summaryScreen?.nonPrescribed)
        model.updateSummaryOptions { $0.language = .nl }
        await model.loadSummary()
        let dutch = try XCTUnwrap(model.summaryPreview)
        XCTAssertNotEqual(dutch, english, "the clinician's language")
        XCTAssertFalse(dutch.contains("alprazolam"), "still left out")
        XCTAssertEqual(model.words?.language, .en, "the patient's own language is unchanged")

        var seen: Set<String> = []
        for format in ExportFormats.all {
            model.updateSummaryOptions { $0.format = format }
            let fileResult = await model.makeSummary()
            let file = try XCTUnwrap(fileResult, "\(format)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.url.path))
            XCTAssertEqual(model.sharedFile, file)
            seen.insert(file.typeIdentifier)
            XCTAssertEqual(model.exports.files().count, 1, "one file at a time")
        }
        XCTAssertEqual(seen, ["com.adobe.pdf", "public.plain-text", "public.comma-separated-values-text", "public.json"])
        let last = try XCTUnwrap(model.sharedFile)
        model.sharingFinished()
        XCTAssertFalse(FileManager.default.fileExists(atPath: last.url.path))
        XCTAssertNil(model.sharedFile)
    }

    // MARK: backup, restore, erase

    func testABackupIsMadeWithAPassphraseTypedTwiceAndRestoredIntoAFreshDiary() async throws {
        let old = Rig()
        let model = await old.opened()
        XCTAssertTrue(fill(model, .dose, [.drug: .text("diazepam"), .mg: .text("5"), .note: .text("moving day")]))
        XCTAssertTrue(fill(model, .question, [.text: .text("Can I drive?")]))
        let none = await model.makeBackup(passphrase: "one", again: "two")
        XCTAssertNil(none)
        XCTAssertEqual(model.message?.text, model.words?.labels.shellBackupMismatch)
        let shared = await model.makeBackup(passphrase: "quiet harbour lantern 2031", again: "quiet harbour lantern 2031")
        let file = try XCTUnwrap(shared)
        XCTAssertEqual(model.message?.text, model.words?.labels.shellBackupDone)
        let bytes = try ExportFileStore.readBackup(at: file.url)

        let fresh = Rig()
        let phone = await fresh.opened()
        let wrong = await phone.restoreBackup(bytes, passphrase: "guess")
        XCTAssertNil(wrong)
        XCTAssertEqual(phone.message?.text, errorMessage(error: .WrongPassphrase, lang: .en))
        XCTAssertTrue(phone.history.isEmpty)
        let reportResult = await phone.restoreBackup(bytes, passphrase: "quiet harbour lantern 2031")
        let report = try XCTUnwrap(reportResult)
        XCTAssertEqual(report.added, 2)
        XCTAssertEqual(phone.message?.text, phone.words?.labels.shellRestoreDone)
        XCTAssertEqual(phone.history.flatMap(\.rows).map(\.line), model.history.flatMap(\.rows).map(\.line))
        XCTAssertEqual(phone.questions.count, 1)
    }

    func testAnOlderCopyOfTheDiaryPutBackIsRefusedAndCanBeErased() async throws {
        let rig = Rig()
        let manager = FileManager.default
        let oldCopy = rig.dir.url.appendingPathComponent("old-copy", isDirectory: true)
        do {
            let model = await rig.opened()
            XCTAssertTrue(fill(model, .dose, [.drug: .text("diazepam"), .mg: .text("5")]))
        }
        _ = rig.restart()  // released: the file is closed
        try manager.copyItem(at: rig.dataDir, to: oldCopy)
        do {
            let model = await rig.opened()
            XCTAssertTrue(fill(model, .dose, [.drug: .text("diazepam"), .mg: .text("2")]))
            XCTAssertNotNil(rig.counter.read(), "the generation is kept outside the file")
        }
        _ = rig.restart()
        try manager.removeItem(at: rig.dataDir)
        try manager.copyItem(at: oldCopy, to: rig.dataDir)

        let model = rig.model
        await model.start()
        XCTAssertEqual(model.phase, .damaged)
        XCTAssertNil(model.today, "the older file is not shown")
        let expected = errorMessage(error: .RolledBack(found: 0, expected: 0), lang: .en)
        XCTAssertEqual(model.damageText, expected)
        let erased = await model.eraseAfterLostKey(confirmation: "ERASE")
        XCTAssertTrue(erased)
        XCTAssertEqual(model.phase, .open)
        XCTAssertTrue(model.history.isEmpty)
        XCTAssertTrue(fill(model, .anxiety, [.score: .score(1)]), "the new diary's generations start again")
    }

    func testEraseNeedsTheTokenThenLeavesANewEmptyDiaryNoOldKeyAndNoReminders() async throws {
        let rig = Rig(deviceLanguage: "nb-NO")
        let model = await rig.opened()
        model.changeLanguage(.fr)
        addMedicine(model)
        await model.rescheduleReminders(.diaryChanged)
        XCTAssertFalse(rig.center.scheduled.isEmpty)
        let oldKey = rig.secrets.stored
        let refused = await model.erase(confirmation: "EFFACER")
        XCTAssertFalse(refused)
        XCTAssertEqual(model.medicines.count, 1, "nothing erased without the token")

        let erased = await model.erase(confirmation: "ERASE")
        XCTAssertTrue(erased)
        XCTAssertEqual(model.phase, .open)
        XCTAssertTrue(model.medicines.isEmpty)
        XCTAssertTrue(model.history.isEmpty)
        XCTAssertTrue(rig.center.scheduled.isEmpty)
        XCTAssertNotNil(rig.secrets.stored)
        XCTAssertNotEqual(rig.secrets.stored, oldKey, "the old key is gone")
        XCTAssertEqual(model.settings?.language, .fr, "the patient's language is kept")
        XCTAssertEqual(model.message?.text, model.words?.labels.shellEraseDone)
    }

    // MARK: lost key, damaged diary

    func testALostKeyLeadsToARestoreIntoANewDiaryAndAWrongPassphraseChangesNothing() async throws {
        let rig = Rig()
        let backup: Data
        do {
            let first = await rig.opened()
            XCTAssertTrue(fill(first, .dose, [.drug: .text("diazepam"), .mg: .text("5")]))
            let backupFileResult = await first.makeBackup(passphrase: "copper willow tundra 46", again: "copper willow tundra 46")
            let backupFile = try XCTUnwrap(backupFileResult)
            backup = try ExportFileStore.readBackup(at: backupFile.url)
            XCTAssertTrue(fill(first, .dose, [.drug: .text("diazepam"), .mg: .text("2")]))
        }

        rig.secrets.lose()
        let model = rig.restart()
        await model.start()
        XCTAssertEqual(model.phase, .keyLost)
        XCTAssertNil(rig.secrets.stored, "no new key hides the problem")
        XCTAssertEqual(model.words?.labels.shellKeyLostTitle, "This diary can no longer be opened on this device")

        let wrong = await model.restoreAfterLostKey(backup, passphrase: "guess")
        XCTAssertNil(wrong)
        XCTAssertEqual(model.phase, .keyLost)
        XCTAssertEqual(model.message?.text, errorMessage(error: .WrongPassphrase, lang: .en))
        XCTAssertTrue(diaryExists(dataDir: rig.dataDir.path), "the old diary is still there")

        let reportResult = await model.restoreAfterLostKey(backup, passphrase: "copper willow tundra 46")
        let report = try XCTUnwrap(reportResult)
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(model.phase, .open)
        XCTAssertEqual(model.today?.doses.map(\.mg), [5], "what the backup held")
        XCTAssertEqual(rig.secrets.stored?.count, 32)
        // And it opens again after a restart, with the new key.
        let again = rig.restart()
        await again.start()
        XCTAssertEqual(again.phase, .open)
        XCTAssertEqual(again.history.flatMap(\.rows).count, 1)
    }

    func testAKeyThatNoLongerOpensTheDiaryCanBeErasedToStartAgain() async throws {
        let rig = Rig()
        do {
            let first = await rig.opened()
            XCTAssertTrue(fill(first, .anxiety, [.score: .score(4)]))
        }
        rig.secrets.replace(with: randomKey())
        let model = rig.restart()
        await model.start()
        XCTAssertEqual(model.phase, .keyLost)
        let notYet = await model.eraseAfterLostKey(confirmation: "")
        XCTAssertFalse(notYet)
        let erased = await model.eraseAfterLostKey(confirmation: "ERASE")
        XCTAssertTrue(erased)
        XCTAssertEqual(model.phase, .open)
        XCTAssertTrue(model.history.isEmpty)
    }

    func testADamagedDiaryIsRescuedNeverShownAsEmpty() async throws {
        let rig = Rig()
        do {
            let first = await rig.opened()
            XCTAssertTrue(fill(first, .dose, [.drug: .text("diazepam"), .mg: .text("5")]))
            first.enterBackground()
        }
        _ = rig.restart()  // the first model and its diary are released
        let file = rig.dataDir.appendingPathComponent("diary.sqlite")
        var bytes = try Data(contentsOf: file)
        bytes.replaceSubrange(0..<100, with: Data(repeating: 0x5A, count: 100))
        try bytes.write(to: file)

        let model = rig.restart()
        await model.start()
        XCTAssertEqual(model.phase, .damaged)
        XCTAssertNotNil(model.words?.labels.shellDamagedTitle)
        XCTAssertNil(model.today, "never an empty diary in its place")
        let reportResult = await model.recover()
        let report = try XCTUnwrap(reportResult)
        XCTAssertEqual(model.phase, .open)
        XCTAssertEqual(UInt64(model.history.flatMap(\.rows).count), report.recovered)
    }

    // MARK: app lock, background

    func testTheAppLockAsksBeforeTheDiaryOpensAndAfterTheGracePeriod() async throws {
        let rig = Rig(auth: ScriptedAuthenticator(answers: [.success]))
        _ = await rig.opened()
        rig.prefs.set("on", forKey: PreferenceKeys.appLock)
        let model = rig.restart()
        await model.start()
        XCTAssertEqual(rig.auth.reasons, ["Unlock your Steady diary"], "the core's words, before the diary opened")
        XCTAssertEqual(model.phase, .open)
        XCTAssertNotNil(model.today)

        model.enterBackground()
        XCTAssertEqual(model.phase, .locked)
        XCTAssertNil(model.today, "nothing decrypted stays in the model")
        rig.clock.advance(30)
        await model.becomeActive()
        XCTAssertEqual(model.phase, .open, "within the grace period")
        XCTAssertEqual(rig.auth.reasons.count, 1)
        XCTAssertNotNil(model.today)

        model.enterBackground()
        rig.clock.advance(AppLockPolicy.defaultGrace + 1)
        rig.auth.willAnswer(.failed)
        await model.becomeActive()
        XCTAssertEqual(model.phase, .locked)
        XCTAssertEqual(model.message?.text, model.words?.labels.shellUnlockFailed)
        XCTAssertNil(model.today)
        rig.auth.willAnswer(.success)
        await model.unlock()
        XCTAssertEqual(model.phase, .open)
        XCTAssertNotNil(model.today)
    }

    func testTurningTheAppLockOnNeedsOneSuccessAndADeviceWithoutPasscodeCannot() async throws {
        let rig = Rig(auth: ScriptedAuthenticator(answers: [.failed, .success]))
        let model = await rig.opened()
        await model.setAppLock(true)
        XCTAssertFalse(model.appLockEnabled, "a failed authentication does not turn it on")
        await model.setAppLock(true)
        XCTAssertTrue(model.appLockEnabled)
        XCTAssertEqual(rig.prefs.string(forKey: PreferenceKeys.appLock), "on")
        await model.setAppLock(false)
        XCTAssertFalse(model.appLockEnabled)

        let bare = Rig(auth: ScriptedAuthenticator(answers: [.success], available: false))
        let other = await bare.opened()
        XCTAssertFalse(other.canUseAppLock)
        await other.setAppLock(true)
        XCTAssertFalse(other.appLockEnabled)
    }

    func testTheBackgroundLocksTheDiaryAndDeletesSharedFilesEvenWithoutAppLock() async throws {
        let rig = Rig()
        let model = await rig.opened()
        XCTAssertTrue(fill(model, .dose, [.drug: .text("diazepam"), .mg: .text("5")]))
        let fileResult = await model.makeSummary()
        let file = try XCTUnwrap(fileResult)
        model.newForm(.sleep)
        model.enterBackground()
        XCTAssertNil(model.today)
        XCTAssertTrue(model.history.isEmpty)
        XCTAssertNil(model.form)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.url.path))
        await model.becomeActive()
        XCTAssertEqual(model.phase, .open)
        XCTAssertEqual(model.today?.doses.count, 1)
        XCTAssertTrue(rig.auth.reasons.isEmpty)
    }

    // MARK: reminders

    func testRemindersWaitForPermissionThenFollowTheCore() async throws {
        let rig = Rig(center: FakeNotificationCenter(permission: .notAsked))
        let model = await rig.opened()
        addMedicine(model)
        model.changeCheckIn("21:00")
        await model.rescheduleReminders(.diaryChanged)
        XCTAssertTrue(rig.center.scheduled.isEmpty, "nothing without permission")
        XCTAssertEqual(model.notificationPermission, .notAsked)
        await model.allowReminders()
        XCTAssertEqual(model.notificationPermission, .allowed)
        let scheduled = rig.center.scheduled
        XCTAssertGreaterThanOrEqual(scheduled.count, 18)
        XCTAssertTrue(scheduled.allSatisfy { $0.title == "Steady" })
        let reason = await model.reminders.lastReason
        XCTAssertEqual(reason, .permissionGranted)
        // A clock or zone change reads the clock again and keeps the same set when nothing moved.
        await model.rescheduleReminders(.timeZoneChanged)
        let changes = await model.reminders.lastChanges
        XCTAssertTrue(changes.isEmpty, "\(changes)")
        model.changeLanguage(.nl)
        await model.rescheduleReminders(.diaryChanged)
        XCTAssertEqual(rig.center.categories.first { $0.id == ReminderCategory.medicine }?.actions.first?.title, model.words?.labels.actionTaken)
        XCTAssertNotEqual(model.words?.labels.actionTaken, "Taken")
    }

    func testTheTakenActionLogsWithoutShowingTheDiaryAndLocksItAgain() async throws {
        let rig = Rig()
        let model = await rig.opened()
        addMedicine(model, times: ["22:30"])
        let medicine = try XCTUnwrap(model.medicines.first?.id)
        model.enterBackground()
        let response = ReminderResponse(actionId: ReminderCategory.takenAction, notificationId: "steady.r1", medicineId: medicine)
        let doneResult = await model.handle(response)
        let done = try XCTUnwrap(doneResult)
        XCTAssertEqual(done.kind, .info)
        XCTAssertTrue(done.text.hasPrefix("Logged zolpidem"), done.text)
        XCTAssertNil(model.today, "the diary was not shown")
        await model.becomeActive()
        XCTAssertEqual(model.today?.doses.count, 1)
        let ignored = await model.handle(ReminderResponse(actionId: "open", notificationId: "steady.r1", medicineId: medicine))
        XCTAssertNil(ignored)

        // The app launched in the background only for the action: the diary opens for one call.
        let cold = rig.restart()
        let loggedResult = await cold.handle(response)
        let logged = try XCTUnwrap(loggedResult)
        XCTAssertEqual(logged.kind, .info)
        XCTAssertNil(cold.today)
        await cold.start()
        XCTAssertEqual(cold.today?.doses.count, 2)
    }

    // MARK: settings

    func testSettingsChangeTheLanguageDayStartAndTableAndRefusalsAreWorded() async throws {
        let rig = Rig()
        let model = await rig.opened()
        let english = try XCTUnwrap(model.words)
        model.changeLanguage(.nl)
        XCTAssertEqual(model.words?.language, .nl)
        XCTAssertNotEqual(model.words?.labels.screenToday, english.labels.screenToday)
        XCTAssertEqual(rig.prefs.string(forKey: PreferenceKeys.language), "nl")
        model.changeDayStart("05:00")
        XCTAssertEqual(model.settings?.dayStart, "05:00")
        model.changeDayStart("13:00")
        XCTAssertEqual(model.message?.field, .dayStart)
        XCTAssertEqual(model.settings?.dayStart, "05:00")
        model.changeTable(.dutch)
        XCTAssertEqual(model.settings?.table, .dutch)
        XCTAssertEqual(model.today?.table.key, Tables.key(.dutch))

        // Restarted with the app lock on, the lock screen speaks Dutch before the diary opens.
        rig.prefs.set("on", forKey: PreferenceKeys.appLock)
        let locked = rig.restart()
        await locked.start()
        XCTAssertEqual(locked.phase, .locked)
        XCTAssertEqual(locked.words?.language, .nl)
        XCTAssertEqual(rig.auth.reasons.last, locked.words?.labels.shellUnlockReason)
        XCTAssertNotEqual(rig.auth.reasons.last, english.labels.shellUnlockReason)
    }
}

/// A flag set from any thread (an observation's change handler).
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.withLock { value = true }
    }

    var isSet: Bool {
        lock.withLock { value }
    }
}
