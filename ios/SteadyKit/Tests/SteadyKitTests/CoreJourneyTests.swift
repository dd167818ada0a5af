import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

/// The real library through its generated Swift bindings, as the app drives it: the same journeys
/// as the Kotlin JVM tests (tests/jvm), from Swift.
final class CoreJourneyTests: XCTestCase {
    private var dir: TempDir!

    override func setUp() {
        dir = TempDir()
    }

    override func tearDown() {
        dir.remove()
    }

    private func open(key: Data? = nil, name: String = "diary") throws -> (SteadyDiary, Data) {
        let key = key ?? randomKey()
        return (try openDiary(dir.url.appendingPathComponent(name), key: key), key)
    }

    private func stilnoct(_ diary: SteadyDiary, times: [String] = ["22:30"]) throws -> EntryId {
        try diary.addMedicine(
            medicine: MedicineDraft(
                drug: "Stilnoct", tablets: 0.5, strengthMg: 10, times: times, from: try dayString(diary, daysFromToday: -1)))
    }

    // MARK: open, create, keys

    func testCreatesTheDiaryOnFirstOpenAndReopensItWithTheSameKey() throws {
        let dataDir = dir.url.appendingPathComponent("diary")
        XCTAssertFalse(diaryExists(dataDir: dataDir.path))
        let key = randomKey()
        var diary: SteadyDiary? = try openDiary(dataDir, key: key)
        XCTAssertTrue(diaryExists(dataDir: dataDir.path))
        let status = try diary!.status()
        XCTAssertEqual(status.entryCount, 0)
        XCTAssertEqual(status.table, .ashton)
        XCTAssertEqual(try diary!.today().anxiety7d.count, 7)
        let id = try diary!.log(entry: dose("diazepam", mg: 5))
        diary = nil  // released: the core closes the file

        let again = try openDiary(dataDir, key: key)
        XCTAssertEqual(try again.status().entryCount, 1)
        XCTAssertEqual(try again.today().doses.map(\.id), [id])
    }

    func testAWrongKeyIsRefusedAndChangesNothing() throws {
        let dataDir = dir.url.appendingPathComponent("diary")
        let key = randomKey()
        do {
            let diary = try openDiary(dataDir, key: key)
            _ = try diary.log(entry: dose("diazepam", mg: 10))
        }
        XCTAssertEqual(thrown { try openDiary(dataDir, key: randomKey()) }, .WrongKey)
        XCTAssertEqual(try openDiary(dataDir, key: key).status().entryCount, 1)
    }

    func testAKeyProviderThatFailsOrGivesAShortKeyIsAKeyProviderError() throws {
        let dataDir = dir.url.appendingPathComponent("diary")
        let store = MemorySecretStore()
        store.failNextRead(with: .deviceLocked)
        let provider = DiaryKeyProvider(store: store, random: TestRandom(), diaryExists: { false })
        guard case .KeyProvider? = thrown({ try SteadyDiary.open(dataDir: dataDir.path, keys: provider) }) else {
            return XCTFail("a locked Keychain is a KeyProvider error")
        }
        XCTAssertEqual(provider.lastProblem, .deviceLocked)
        guard case .KeyProvider(let detail)? = thrown({ try openDiary(dataDir, key: Data(repeating: 7, count: 31)) }) else {
            return XCTFail("a 31-byte key is a KeyProvider error")
        }
        XCTAssertTrue(detail.contains("31"), detail)
        // Nothing was damaged: the provider opens a new diary once the device is unlocked.
        XCTAssertEqual(try SteadyDiary.open(dataDir: dataDir.path, keys: provider).status().entryCount, 0)
        XCTAssertTrue(provider.createdKey)
    }

    // MARK: log, edit, delete

    func testLogsEditsAndDeletesADoseAndAGoalTakesItsReviews() throws {
        let (diary, _) = try open()
        let id = try diary.log(entry: dose("Loramet", tablets: 0.75, strengthMg: 2, note: "late"))
        let line = try XCTUnwrap(try diary.today().doses.first)
        XCTAssertEqual(line.substance, "lormetazepam")
        XCTAssertEqual(line.mg ?? 0, 1.5, accuracy: 1e-9)
        XCTAssertEqual(line.de?.low ?? 0, 7.5, accuracy: 1e-9)
        XCTAssertEqual(line.de?.high ?? 0, 15, accuracy: 1e-9)

        // Edit keeps the id; the edit form gets the values back.
        guard case .dose(let draft) = try diary.entryDraft(id: id) else { return XCTFail("a dose draft") }
        XCTAssertEqual(draft.note, "late")
        XCTAssertEqual(try diary.edit(id: id, entry: dose("diazepam", mg: 5, note: "halved")), id)
        XCTAssertEqual(try diary.today().doses.map(\.mg), [5])
        XCTAssertEqual(try diary.history(from: nil, to: nil).first?.note, "halved")

        let goal = try diary.log(
            entry: .goal(GoalDraft(kind: .keep, whatMatters: "not fall at night", proposedBy: .together)))
        let review = try diary.log(
            entry: .review(goal: goal, at: nil, gas: 1, note: nil, decision: .keep, nextReview: nil))
        XCTAssertEqual(try diary.status().entryCount, 3)
        XCTAssertEqual(try diary.delete(id: id), [id])
        XCTAssertEqual(Set(try diary.delete(id: goal)), [goal, review])
        XCTAssertEqual(try diary.status().entryCount, 0)
        guard case .InvalidInput(let field, let problem, _)? = thrown({ try diary.delete(id: id) }) else {
            return XCTFail("deleting twice is refused")
        }
        XCTAssertEqual(field, .id)
        XCTAssertEqual(problem, .noSuchEntry)
    }

    func testEveryKindOfEntryIsLoggedAndListedInHistoryByDiaryDay() throws {
        let (diary, _) = try open()
        let yesterday = try dayString(diary, daysFromToday: -1)
        _ = try diary.log(entry: dose("diazepam", mg: 5, at: try instant(diary, daysAgo: 2, hour: 8)))
        _ = try diary.log(
            entry: .sleep(
                SleepDraft(
                    night: yesterday, quality: 4, latencyMin: 20, awakenings: 1, wasoMin: 30, inBed: "22:30",
                    triedToSleep: "23:00", finalAwakening: "06:30", outOfBed: "07:00")))
        _ = try diary.log(entry: .anxiety(at: nil, score: 6, note: nil))
        _ = try diary.log(entry: .gad7(at: nil, items: [1, 2, 0, 3, 1, 0, 2]))
        _ = try diary.log(entry: .question(at: nil, text: "Can I drive?", discussed: false))
        let rows = try diary.history(from: nil, to: nil)
        XCTAssertEqual(Set(rows.map(\.kind)), [.dose, .sleep, .anxiety, .gad7, .question])
        XCTAssertTrue(rows.first { $0.kind == .gad7 }?.line.contains("total 9") ?? false)
        let days = HistoryDay.group(rows)
        XCTAssertEqual(days.map(\.date), days.map(\.date).sorted(by: >), "latest day first")
        XCTAssertEqual(days.flatMap(\.rows).count, rows.count)
        XCTAssertEqual(days.last?.date, try dayString(diary, daysFromToday: -2))
        let night = try XCTUnwrap(try diary.today().lastNight)
        XCTAssertEqual(night.totalSleepH ?? 0, 400.0 / 60.0, accuracy: 1e-9)
    }

    func testARefusalNamesItsFieldInThePatientsLanguageAndWritesNothing() throws {
        let (diary, _) = try open()
        guard case .InvalidInput(let field, let problem, let english)? = thrown({
            try diary.log(entry: .anxiety(at: nil, score: 11, note: nil))
        }) else { return XCTFail("11 is refused") }
        XCTAssertEqual(field, .score)
        XCTAssertEqual(problem, .outOfRange(min: 0, max: 10))
        XCTAssertEqual(english, "Anxiety must be between 0 and 10.")
        _ = try diary.changeSetting(change: .language(language: .fr))
        guard case .InvalidInput(_, _, let french)? = thrown({
            try diary.log(entry: .anxiety(at: nil, score: 11, note: nil))
        }) else { return XCTFail("11 is refused in French too") }
        XCTAssertNotEqual(french, english)
        XCTAssertTrue(french.contains("10"), french)
        XCTAssertEqual(try diary.status().entryCount, 1, "only the language setting was written")
    }

    // MARK: the daily loop

    func testOneStepTakenLogsTheUsualDoseAndSkippedIsUndoable() throws {
        let (diary, _) = try open()
        let id = try stilnoct(diary)
        let card = try XCTUnwrap(try diary.medicines().first)
        XCTAssertEqual(card.id, id)
        XCTAssertEqual(card.text, "Stilnoct (zolpidem) ½ × 10 mg (5 mg), 22:30, prescribed")
        let logged = try diary.taken(medicine: nil, at: nil)
        XCTAssertTrue(logged.text.hasPrefix("Logged zolpidem ½ × 10 mg (5 mg) at "), logged.text)
        XCTAssertEqual(try diary.medicines().first?.takenToday, 1)
        XCTAssertEqual(try diary.today().doses.map(\.id), [logged.id])
        let skip = try diary.skipped(medicine: id, at: nil, note: "slept early")
        XCTAssertTrue(skip.text.hasPrefix("Noted: the "), skip.text)
        XCTAssertEqual(try diary.delete(id: skip.id), [skip.id])
        XCTAssertEqual(try diary.medicines().first?.skippedToday, 0)
    }

    func testRemindersForAWeekAreNeutralSoonestFirstAndAtTheLocalTime() throws {
        let (diary, _) = try open()
        let id = try stilnoct(diary, times: ["08:00", "22:30"])
        _ = try diary.changeSetting(change: .checkIn(at: "21:00"))
        let reminders = try diary.reminders(from: try dayString(diary, daysFromToday: 1), days: 7)
        XCTAssertEqual(reminders.count, 21)
        let fires = reminders.compactMap { CoreValues.date(fromInstant: $0.at) }
        XCTAssertEqual(fires.count, 21)
        XCTAssertEqual(fires, fires.sorted())
        for r in reminders {
            XCTAssertFalse(r.body.contains("Stilnoct") || r.body.contains("zolpidem") || r.body.contains("mg"), r.body)
            XCTAssertEqual(r.localTime, CoreValues.clock(CoreValues.date(fromInstant: r.at)!))
        }
        XCTAssertEqual(reminders.filter { $0.medicineId == id }.count, 14)
        XCTAssertEqual(reminders.filter { $0.medicineId == nil && $0.localTime == "21:00" }.count, 7)
        guard case .InvalidInput(let field, _, _)? = thrown({ try diary.reminders(from: nil, days: 40) }) else {
            return XCTFail("40 days is refused")
        }
        XCTAssertEqual(field, .days)
    }

    // MARK: plan

    func testAPlanWithAHoldMovesItsEndAndTakenLogsThePlannedDose() throws {
        let (diary, _) = try open()
        let start = try dayString(diary, daysFromToday: -20)
        _ = try diary.log(
            entry: .plan(
                PlanDraft(
                    drug: "lormetazepam", startMg: 2, start: start, percent: 10, intervalDays: 14,
                    strengthsMg: [1, 2], split: .quarter)))
        let before = try XCTUnwrap(try diary.plan())
        XCTAssertEqual(before.molecule, "lormetazepam")
        XCTAssertFalse(before.holding)
        XCTAssertGreaterThan(before.steps.count, 3)
        XCTAssertEqual(before.steps.first?.doseMg ?? 0, 2, accuracy: 1e-9)
        let end = try XCTUnwrap(before.endDate)

        try diary.planAction(action: .hold(reason: "sleep got bad"))
        let held = try XCTUnwrap(try diary.plan())
        XCTAssertTrue(held.holding)
        XCTAssertGreaterThan(try XCTUnwrap(held.endDate), end, "the end moves while the plan holds")
        XCTAssertEqual(held.holds.last?.reason, "sleep got bad")
        XCTAssertTrue(try diary.today().plan?.holding ?? false)
        guard case .InvalidInput(_, let problem, _)? = thrown({ try diary.planAction(action: .hold(reason: "again")) })
        else { return XCTFail("a second hold is refused") }
        XCTAssertEqual(problem, .notAllowed(rule: .planAlreadyOnHold))

        // One-step taken logs the plan's dose of the day while the plan covers the molecule.
        _ = try diary.addMedicine(
            medicine: MedicineDraft(drug: "Loramet", tablets: 1, strengthMg: 2, times: ["22:00"], from: start))
        let logged = try diary.taken(medicine: nil, at: nil)
        XCTAssertTrue(logged.text.contains("lormetazepam"), logged.text)

        try diary.planAction(action: .resume)
        let resumed = try XCTUnwrap(try diary.plan())
        XCTAssertFalse(resumed.holding)
        XCTAssertNotNil(resumed.holds.last?.until)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(resumed.endDate), end, "a hold never brings the end closer")

        let calendar = try diary.planCalendar()
        XCTAssertTrue(calendar.mimeType.hasPrefix("text/calendar"))
        let ics = text(calendar)
        XCTAssertTrue(ics.contains("BEGIN:VCALENDAR"))
        XCTAssertFalse(ics.contains("lormetazepam"), "neutral titles: no drug names")
    }

    // MARK: summaries

    /// A week with prescribed and non-prescribed doses, sleep, anxiety, a GAD-7, a goal and a question.
    private func fillAWeek(_ diary: SteadyDiary) throws -> (NaiveDate, NaiveDate) {
        _ = try diary.log(entry: dose("diazepam", mg: 10, at: try instant(diary, daysAgo: 5, hour: 8)))
        _ = try diary.log(entry: dose("Xanax", tablets: 1, nonPrescribed: true, at: try instant(diary, daysAgo: 4, hour: 23)))
        _ = try diary.log(entry: .sleep(SleepDraft(night: try dayString(diary, daysFromToday: -3), hours: 6, quality: 3)))
        _ = try diary.log(entry: .anxiety(at: try instant(diary, daysAgo: 3, hour: 12), score: 5, note: "visit"))
        _ = try diary.log(entry: .gad7(at: try instant(diary, daysAgo: 2, hour: 10), items: [1, 1, 1, 1, 1, 1, 1]))
        _ = try diary.log(entry: .goal(GoalDraft(kind: .stable, whatMatters: "stop buying pills", drug: "diazepam", proposedBy: .together)))
        _ = try diary.log(entry: .question(at: nil, text: "Can I drive?", discussed: false))
        return (try dayString(diary, daysFromToday: -6), try dayString(diary, daysFromToday: 0))
    }

    func testEveryExportFormatInEveryLanguageNamesThePeriodAndHasItsType() throws {
        let (diary, _) = try open()
        let (from, to) = try fillAWeek(diary)
        var texts: [Lang: String] = [:]
        for format in ExportFormats.all {
            for lang in Languages.all {
                let file = try diary.summary(request: SummaryRequest(from: from, to: to, format: format, language: lang))
                XCTAssertFalse(file.bytes.isEmpty, "\(format) \(lang)")
                XCTAssertTrue(file.fileName.contains(from) && file.fileName.contains(to), file.fileName)
                let body = text(file)
                switch format {
                case .pdf:
                    XCTAssertEqual(file.mimeType, "application/pdf")
                    XCTAssertTrue(file.bytes.starts(with: Array("%PDF-".utf8)), "a PDF")
                    XCTAssertTrue(file.fileName.hasSuffix(".pdf"))
                case .text:
                    XCTAssertTrue(file.mimeType.hasPrefix("text/plain"))
                    XCTAssertTrue(body.lowercased().contains("diaz"), body)
                    XCTAssertTrue(body.split(separator: "\n").allSatisfy { $0.count <= 80 }, "at most 80 columns")
                    texts[lang] = body
                case .csv:
                    XCTAssertTrue(file.mimeType.hasPrefix("text/csv"))
                    XCTAssertTrue(body.contains("N05BA01"), "the CSV names diazepam by its ATC code")
                    XCTAssertGreaterThanOrEqual(body.split(whereSeparator: \.isNewline).count, 3, "a header and a row per entry")
                case .fhir:
                    XCTAssertEqual(file.mimeType, "application/fhir+json")
                    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: file.bytes) as? [String: Any])
                    XCTAssertEqual(json["resourceType"] as? String, "Bundle")
                    XCTAssertEqual(json["type"] as? String, "document")
                case .json:
                    XCTAssertEqual(file.mimeType, "application/json")
                    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: file.bytes) as? [String: Any])
                    XCTAssertNotNil(json["days"])
                }
                XCTAssertEqual(
                    ExportFileStore.typeIdentifier(mimeType: file.mimeType, name: file.fileName) == "public.data", false,
                    "a known type for \(file.mimeType)")
            }
        }
        XCTAssertEqual(Set(texts.values).count, 4, "four languages, four different texts")
    }

    func testExclusionsLeaveThingsOutOfEveryFormatAndTheSummarySaysSo() throws {
        let (diary, _) = try open()
        let (from, to) = try fillAWeek(diary)
        for format in [ExportFormat.text, .csv, .json, .fhir] {
            let full = text(try diary.summary(request: SummaryRequest(from: from, to: to, format: format)))
            XCTAssertTrue(full.contains("alprazolam"), "\(format) has the non-prescribed dose")
            let without = text(
                try diary.summary(
                    request: SummaryRequest(from: from, to: to, format: format, exclude: [.nonPrescribed, .questions, .notes])))
            XCTAssertFalse(without.contains("alprazolam"), "\(format) leaves out non-prescribed use")
            XCTAssertFalse(without.contains("Can I drive?"), "\(format) leaves out the questions")
            XCTAssertFalse(without.contains("visit"), "\(format) leaves out the notes")
            XCTAssertTrue(without.contains("diazepam"), "\(format) keeps prescribed doses")
        }
        let textWithout = text(
            try diary.summary(request: SummaryRequest(from: from, to: to, format: .text, exclude: [.nonPrescribed])))
        XCTAssertTrue(textWithout.contains("Left out"), "the summary says what was left out")
        let pdfFull = try diary.summary(request: SummaryRequest(from: from, to: to, format: .pdf))
        let pdfWithout = try diary.summary(request: SummaryRequest(from: from, to: to, format: .pdf, exclude: Sections.all))
        XCTAssertNotEqual(pdfFull.bytes, pdfWithout.bytes)
        let screen = try diary.summaryScreen(request: SummaryRequest(from: from, to: to, format: .text, exclude: [.nonPrescribed]))
        XCTAssertNil(screen.nonPrescribed, "the screen hides it too")
        XCTAssertEqual(screen.days.count, 7)
    }

    // MARK: backup, restore, lock, erase

    func testABackupRestoresIntoAFreshDiaryOnceAndAWrongPassphraseImportsNothing() throws {
        let (old, _) = try open()
        _ = try old.log(entry: dose("diazepam", mg: 5, note: "moving day"))
        _ = try old.log(entry: .anxiety(at: nil, score: 3, note: nil))
        let backup = try old.backup(passphrase: "violet anchor mosaic 1987")
        XCTAssertEqual(backup.entries, 2)
        XCTAssertTrue(backup.skipped.isEmpty)
        XCTAssertNil(String(data: backup.file.bytes, encoding: .isoLatin1)?.range(of: "moving day"), "sealed")

        let (fresh, _) = try open(name: "new-phone")
        XCTAssertEqual(thrown { try fresh.restore(file: backup.file.bytes, passphrase: "guess") }, .WrongPassphrase)
        XCTAssertEqual(try fresh.status().entryCount, 0)
        XCTAssertEqual(try fresh.restore(file: backup.file.bytes, passphrase: "violet anchor mosaic 1987"), ImportReport(added: 2, updated: 0, unchanged: 0))
        XCTAssertEqual(try fresh.restore(file: backup.file.bytes, passphrase: "violet anchor mosaic 1987"), ImportReport(added: 0, updated: 0, unchanged: 2))
        XCTAssertEqual(try fresh.history(from: nil, to: nil).map(\.line), try old.history(from: nil, to: nil).map(\.line))
        guard case .BadBackup? = thrown({ try fresh.restore(file: backup.file.bytes.dropLast(5), passphrase: "violet anchor mosaic 1987") })
        else { return XCTFail("a cut file is refused") }
    }

    func testAnOlderBackupNeverOverwritesAnEntryEditedSinceAndSaysItKeptIt() throws {
        let (diary, _) = try open()
        let id = try diary.log(entry: dose("diazepam", mg: 5, note: "before the backup"))
        let backup = try diary.backup(passphrase: "copper lantern orchard 42")
        _ = try diary.edit(id: id, entry: dose("diazepam", mg: 4, note: "edited since"))
        let edited = try diary.history(from: nil, to: nil).map(\.line)

        let report = try diary.restore(file: backup.file.bytes, passphrase: "copper lantern orchard 42")
        XCTAssertEqual(report.kept, 1, "the diary's own newer version was kept")
        XCTAssertEqual(report.added, 0)
        XCTAssertEqual(report.unchanged, 0)
        XCTAssertEqual(try diary.history(from: nil, to: nil).map(\.line), edited, "the backup changed nothing")
        XCTAssertEqual(try diary.status().entryCount, 1)
    }

    func testLockRefusesEveryCallUntilUnlockedAndAWrongKeyKeepsItLocked() throws {
        let (diary, key) = try open()
        _ = try diary.log(entry: dose("diazepam", mg: 5))
        try diary.lock()
        XCTAssertTrue(diary.isLocked())
        XCTAssertEqual(thrown { try diary.today() }, .Locked)
        XCTAssertEqual(thrown { try diary.status() }, .Locked)
        XCTAssertEqual(thrown { try diary.backup(passphrase: "words") }, .Locked)
        XCTAssertEqual(thrown { try diary.unlock(keys: MemoryKeyProvider(key: randomKey())) }, .WrongKey)
        XCTAssertTrue(diary.isLocked())
        XCTAssertEqual(try diary.unlock(keys: MemoryKeyProvider(key: key)).entryCount, 1)
        XCTAssertFalse(diary.isLocked())
    }

    func testEraseLeavesNoFileAndNeedsNoKey() throws {
        let dataDir = dir.url.appendingPathComponent("diary")
        do {
            let diary = try openDiary(dataDir, key: randomKey())
            _ = try diary.log(entry: dose("diazepam", mg: 5))
            XCTAssertGreaterThanOrEqual(try diary.erase(), 1)
            XCTAssertEqual(thrown { try diary.status() }, .Locked)
        }
        XCTAssertFalse(diaryExists(dataDir: dataDir.path))
        // A diary whose key is lost is erased without it.
        do {
            let diary = try openDiary(dataDir, key: randomKey())
            _ = try diary.log(entry: dose("diazepam", mg: 5))
        }
        XCTAssertGreaterThanOrEqual(try eraseDiary(dataDir: dataDir.path), 1)
        XCTAssertFalse(diaryExists(dataDir: dataDir.path))
        let left = FileManager.default.enumerator(atPath: dataDir.path)?.allObjects as? [String] ?? []
        XCTAssertTrue(left.allSatisfy { name in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dataDir.appendingPathComponent(name).path, isDirectory: &isDir)
                && isDir.boolValue
        }, "no file left: \(left)")
    }

    func testADamagedFileIsCorruptNeverAnEmptyDiaryAndRecoveryKeepsItAside() throws {
        let dataDir = dir.url.appendingPathComponent("diary")
        let key = randomKey()
        do {
            let diary = try openDiary(dataDir, key: key)
            _ = try diary.log(entry: dose("diazepam", mg: 5))
        }
        let file = dataDir.appendingPathComponent("diary.sqlite")
        var bytes = try Data(contentsOf: file)
        let garbage = Data(repeating: 0xA5, count: 100)
        bytes.replaceSubrange(0..<100, with: garbage)
        try bytes.write(to: file)
        guard case .Corrupt? = thrown({ try openDiary(dataDir, key: key) }) else {
            return XCTFail("a damaged header is Corrupt")
        }
        XCTAssertEqual(try Data(contentsOf: file), bytes, "left untouched")
        let report = try recoverDiary(dataDir: dataDir.path, keys: MemoryKeyProvider(key: key))
        // Every entry the damaged diary listed is either recovered or named as lost, never dropped
        // silently.
        XCTAssertEqual(report.recovered + UInt64(report.lost.count), 1, "recovered \(report.recovered), lost \(report.lost)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: URL(fileURLWithPath: report.keptAt).appendingPathComponent("diary.sqlite").path))
        XCTAssertEqual(try openDiary(dataDir, key: key).status().entryCount, report.recovered)
    }

    func testTheDiaryCheckIsSilentWhenAllIsWellAndWordedByTheCoreOtherwise() throws {
        let (diary, _) = try open()
        let first = try diary.log(entry: dose("diazepam", mg: 5))
        let second = try diary.log(entry: dose("diazepam", mg: 2))
        let status = try diary.status()
        XCTAssertEqual(status.integrity.unreadable, [])
        XCTAssertEqual(status.integrity.missing, [])
        XCTAssertEqual(status.integrity.unexpected, [])
        XCTAssertFalse(status.integrity.manifestDamaged)
        for lang in Languages.all {
            XCTAssertNil(integrityNotice(integrity: status.integrity, lang: lang), "nothing found, nothing said")
        }
        // What the app shows when opening found entries missing and the list unreadable.
        let found = Integrity(unreadable: [], missing: [first, second], unexpected: [], manifestDamaged: true)
        let english = try XCTUnwrap(integrityNotice(integrity: found, lang: .en))
        XCTAssertTrue(english.hasPrefix("Diary check: "), english)
        XCTAssertTrue(english.contains("2"), english)
        XCTAssertTrue(english.contains("could not be checked"), english)
        let words = Set(Languages.all.compactMap { integrityNotice(integrity: found, lang: $0) })
        XCTAssertEqual(words.count, 4, "a sentence of its own in each language")
    }

    func testErrorsBeforeADiaryOpensAreWordedByTheCoreInEachLanguage() {
        let english = errorMessage(error: .WrongKey, lang: .en)
        XCTAssertEqual(english, "This key does not open the diary. Nothing was changed.")
        let all = Set(Languages.all.map { errorMessage(error: .WrongKey, lang: $0) })
        XCTAssertEqual(all.count, 4)
        for lang in Languages.all {
            XCTAssertFalse(errorMessage(error: .KeyProvider(detail: "secret technical detail"), lang: lang).contains("secret technical"))
        }
    }
}
