import Foundation
import Observation
import SteadyCore

/// Everything the model needs from the device, each behind a protocol (see Platform.swift).
public struct DiaryEnvironment: Sendable {
    /// Where the encrypted diary lives (the app: Application Support/Diary, complete protection,
    /// excluded from backups).
    public let dataDirectory: URL
    /// Private scratch space (words before a diary opens, a restore being checked).
    public let scratchDirectory: URL
    /// Where files for the share sheet are written (emptied whenever the diary locks).
    public let exportDirectory: URL
    public let secrets: SecretStore
    /// The diary's generation, outside the file (rollback protection).
    public let generations: CounterStore
    public let random: RandomSource
    public let authenticator: DeviceAuthenticator
    public let notifications: NotificationCenterClient
    public let preferences: PreferenceStore
    public let clock: Clock
    /// The device's preferred language ("fr-BE"), for a new diary's first language.
    public let deviceLanguage: String

    public init(
        dataDirectory: URL, scratchDirectory: URL, exportDirectory: URL, secrets: SecretStore,
        generations: CounterStore, random: RandomSource, authenticator: DeviceAuthenticator, notifications: NotificationCenterClient,
        preferences: PreferenceStore, clock: Clock = SystemClock(), deviceLanguage: String
    ) {
        self.dataDirectory = dataDirectory
        self.scratchDirectory = scratchDirectory
        self.exportDirectory = exportDirectory
        self.secrets = secrets
        self.generations = generations
        self.random = random
        self.authenticator = authenticator
        self.notifications = notifications
        self.preferences = preferences
        self.clock = clock
        self.deviceLanguage = deviceLanguage
    }
}

/// Which screen the app shows around the diary.
public enum DiaryPhase: Equatable, Sendable {
    /// Opening (the first frame).
    case starting
    /// The app lock asks for Face ID, Touch ID or the passcode.
    case locked
    /// The diary is open.
    case open
    /// A diary exists but its key is gone or no longer opens it: restore a backup or erase.
    case keyLost
    /// The diary file or its key material is damaged, or an older copy of the file was put back:
    /// rescue the readable entries, restore a backup or erase (`damageText` says which).
    case damaged
    /// The diary could not be opened for now (the device is locked, storage failed): the message,
    /// and a retry.
    case unavailable(String)
}

/// Preference keys (UserDefaults in the app). Never health data.
public enum PreferenceKeys {
    /// The patient's language, so the words before the diary opens are in it.
    public static let language = "steady.language"
    /// "on" when the app lock is on.
    public static let appLock = "steady.app-lock"
}

/// The token the patient types to confirm erasing the diary; the core's `actionEraseConfirm`
/// asks for it in every language.
public enum EraseConfirmation {
    public static let token = "ERASE"

    public static func matches(_ typed: String) -> Bool {
        typed.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() == token
    }
}

/// The app's model: one `SteadyDiary`, what each screen shows, and every action the screens
/// offer. SwiftUI views render it and call its methods; it holds no words of its own (they come
/// from `Words`, i.e. the core) and computes nothing the core computes.
@MainActor
@Observable
public final class DiaryModel {
    public private(set) var phase: DiaryPhase = .starting
    public private(set) var words: Words?
    /// The last thing that happened, for a banner: a saved entry (with undo), a refusal, a file.
    public private(set) var message: UserMessage?
    /// Why the diary is shown as damaged, in the core's words.
    public private(set) var damageText: String?

    // What the screens show (emptied when the diary locks).
    public private(set) var today: TodayView?
    public private(set) var medicines: [MedicineCard] = []
    public private(set) var history: [HistoryDay] = []
    public private(set) var plan: PlanView?
    public private(set) var questions: [EntryRow] = []
    public private(set) var goals: [GoalLine] = []
    public private(set) var settings: Settings?
    public private(set) var summaryScreen: SummaryScreen?
    /// A text preview of the summary, in the clinician's language (the core's own text format).
    public private(set) var summaryPreview: String?
    /// Records that could not be read (the rest of the diary is fine): offer the rescue.
    public private(set) var damagedIds: [EntryId] = []
    /// What opening the diary found wrong with its entries (unreadable, missing, unexpected), in
    /// the core's words (`integrityNotice`); nil when the check found nothing. Shown on Today and
    /// History whenever it is set.
    public private(set) var integrityText: String?
    public var summaryOptions: SummaryOptions?

    /// The form being filled in.
    public private(set) var form: FormState?
    /// A file ready for the share sheet.
    public private(set) var sharedFile: SharedFile?

    public private(set) var appLock: AppLockMachine
    public private(set) var notificationPermission: NotificationPermission = .notAsked

    @ObservationIgnored private let env: DiaryEnvironment
    @ObservationIgnored private var diary: SteadyDiary?
    @ObservationIgnored private let keys: DiaryKeyProvider
    @ObservationIgnored private let generations: DiaryGenerations
    /// Reminder work runs one piece at a time, in the order asked (a reschedule computed from a
    /// diary that was erased meanwhile must not land after the erase).
    @ObservationIgnored private var reminderQueue: Task<Void, Never>?
    public let exports: ExportFileStore
    public let reminders: ReminderScheduler

    public init(environment: DiaryEnvironment) {
        env = environment
        let dataDir = environment.dataDirectory.path
        keys = DiaryKeyProvider(
            store: environment.secrets, random: environment.random,
            diaryExists: { diaryExists(dataDir: dataDir) })
        generations = DiaryGenerations(store: environment.generations)
        exports = ExportFileStore(folder: environment.exportDirectory)
        reminders = ReminderScheduler(center: environment.notifications)
        appLock = AppLockMachine(
            policy: AppLockPolicy(enabled: environment.preferences.string(forKey: PreferenceKeys.appLock) == "on"))
    }

    /// The patient's language: the open diary's, else the one remembered.
    public var language: Lang {
        settings?.language ?? words?.language
            ?? env.preferences.string(forKey: PreferenceKeys.language).flatMap(Languages.lang(key:))
            ?? Languages.lang(deviceLanguage: env.deviceLanguage)
    }

    public var isOpen: Bool { phase == .open && diary != nil }

    public var appLockEnabled: Bool { appLock.policy.enabled }

    /// Whether this device can lock the app (a passcode is set).
    public var canUseAppLock: Bool { env.authenticator.canAuthenticate() }

    // MARK: - Starting, background, foreground

    /// Cold start: the app lock decides whether to ask first; then the diary opens.
    public func start() async {
        if appLock.policy.enabled {
            ensurePreOpenWords()  // the lock screen speaks before the diary opens
        }
        await run(appLock.handle(.launched))
        await rescheduleReminders(.appStart)
    }

    /// The app went to the background: the diary locks (keys wiped, entries dropped), the screens
    /// forget what they showed, shared files are deleted.
    public func enterBackground() {
        let effects = appLock.handle(.enteredBackground(at: env.clock.now()))
        if effects.contains(.lockDiary) || diary?.isLocked() == false {
            lockDiary()
        }
    }

    /// The app is back: open again within the grace period, else ask.
    public func becomeActive() async {
        let effects = appLock.handle(.becameActive(at: env.clock.now()))
        await run(effects)
        if effects.contains(.openDiary), phase == .open {
            // The clock or the zone may have changed while away, and reminders done meanwhile.
            await rescheduleReminders(.appStart)
        }
    }

    /// The Unlock button (and the automatic request at start).
    public func unlock() async {
        guard phase == .locked || phase == .starting else { return }
        ensurePreOpenWords()
        if phase == .starting { phase = .locked }
        _ = appLock.handle(.authenticationStarted)
        let reason = words?.labels.shellUnlockReason ?? ""
        let result = await env.authenticator.authenticate(reason: reason)
        await run(appLock.handle(.authenticationEnded(result)))
    }

    /// Tries to open again after `unavailable` (e.g. once the device is unlocked).
    public func retry() async {
        guard case .unavailable = phase else { return }
        openDiary()
    }

    private func run(_ effects: [AppLockEffect]) async {
        for effect in effects {
            switch effect {
            case .lockDiary:
                lockDiary()
            case .openDiary:
                openDiary()
            case .authenticate:
                phase = .locked
                await unlock()
            case .reportFailure:
                phase = .locked
                message = words.map { UserMessage(kind: .problem, text: $0.labels.shellUnlockFailed) }
            case .disableAppLock:
                env.preferences.set("off", forKey: PreferenceKeys.appLock)
            }
        }
    }

    private func lockDiary() {
        if let diary, !diary.isLocked() {
            try? diary.lock()
        }
        forgetPages()
        try? exports.clear()
        sharedFile = nil
        form = nil
        if appLock.policy.enabled, phase == .open {
            phase = .locked
        }
    }

    private func forgetPages() {
        today = nil
        medicines = []
        history = []
        plan = nil
        questions = []
        goals = []
        summaryScreen = nil
        summaryPreview = nil
        damagedIds = []
        integrityText = nil
    }

    /// Words for the screens shown before a diary opens, in the remembered language.
    private func ensurePreOpenWords() {
        guard words == nil else { return }
        words = try? Words.standalone(language: language, scratch: env.scratchDirectory)
    }

    // MARK: - Opening

    /// Opens the diary (creating it on first use) or unlocks the one held, and decides the
    /// screen: open, key lost, damaged or unavailable.
    private func openDiary() {
        do {
            if let diary {
                if diary.isLocked() {
                    _ = try diary.unlock(keys: keys)
                }
                _ = try diary.refresh()
            } else {
                try FileManager.default.createDirectory(at: env.dataDirectory, withIntermediateDirectories: true)
                let opened = try SteadyDiary.openGuarded(
                    dataDir: env.dataDirectory.path, keys: keys, generations: generations)
                diary = opened
                if keys.createdKey, try opened.status().entryCount == 0 {
                    // A new diary speaks the device's language from the start.
                    let lang = Languages.lang(deviceLanguage: env.deviceLanguage)
                    if lang != (try opened.settings().language) {
                        _ = try opened.changeSetting(change: .language(language: lang))
                    }
                }
            }
            phase = .open
            damageText = nil
            try reloadWords()
            reload()
        } catch let error as SteadyError {
            failedToOpen(error)
        } catch {
            phase = .unavailable(Messages.message(for: error, language: language).text)
        }
    }

    private func failedToOpen(_ error: SteadyError) {
        ensurePreOpenWords()
        switch error {
        case .WrongKey:
            diary = nil
            phase = .keyLost
        case .KeyProvider:
            switch keys.lastProblem {
            case .missing?, .wrongSize?:
                diary = nil
                phase = .keyLost
            default:
                phase = .unavailable(Messages.message(for: error, language: language).text)
            }
        case .Corrupt, .KeyDamaged, .RolledBack:
            diary = nil
            damageText = Messages.message(for: error, language: language).text
            phase = .damaged
        default:
            phase = .unavailable(Messages.message(for: error, language: language).text)
        }
    }

    private func reloadWords() throws {
        guard let diary else { return }
        let loaded = try Words.load(from: diary)
        words = loaded
        env.preferences.set(Languages.key(loaded.language), forKey: PreferenceKeys.language)
    }

    /// Reads every screen again from the core.
    public func reload() {
        guard let diary, phase == .open else { return }
        do {
            let todayView = try diary.today()
            today = todayView
            goals = todayView.goals
            medicines = try diary.medicines()
            let rows = try diary.history(from: nil, to: nil)
            history = HistoryDay.group(rows)
            questions = rows.filter { $0.kind == .question }
            plan = try diary.plan()
            settings = try diary.settings()
            let status = try diary.status()
            damagedIds = status.damagedIds
            integrityText = integrityNotice(integrity: status.integrity, lang: language)
            if summaryOptions == nil {
                summaryOptions = try SummaryOptions.standard(today: todayView.date, language: language)
            }
        } catch {
            report(error)
        }
    }

    private func report(_ error: Error) {
        if let steady = error as? SteadyError {
            switch Messages.meaning(of: steady) {
            case .locked:
                // Locked in the background is expected: nothing to say, the next foreground opens it.
                if case .background = appLock.state {
                    return
                }
                if appLock.policy.enabled {
                    lockDiary()
                    phase = .locked
                } else {
                    openDiary()
                }
            case .wrongKey:
                diary = nil
                forgetPages()
                phase = .keyLost
            case .damaged:
                diary = nil
                forgetPages()
                damageText = Messages.message(for: steady, language: language).text
                phase = .damaged
            case .reopen:
                // The key changed elsewhere: nothing was written under the old one; open again.
                diary = nil
                forgetPages()
                openDiary()
            default:
                break
            }
        }
        message = Messages.message(for: error, language: language)
    }

    /// Runs one call of the core on the open diary; on success every screen is read again.
    @discardableResult
    private func act<T>(_ call: (SteadyDiary) throws -> T) -> T? {
        guard let diary, phase == .open else { return nil }
        do {
            let result = try call(diary)
            reload()
            return result
        } catch {
            report(error)
            return nil
        }
    }

    /// Reads something from the open diary without reading the screens again.
    private func read<T>(_ call: (SteadyDiary) throws -> T) -> T? {
        guard let diary, phase == .open else { return nil }
        do {
            return try call(diary)
        } catch {
            report(error)
            return nil
        }
    }

    /// Runs a slow call (key derivation, a PDF) off the main thread.
    private func actInBackground<T: Sendable>(_ call: @escaping @Sendable (SteadyDiary) throws -> T) async -> T? {
        guard let diary, phase == .open else { return nil }
        do {
            let result = try await Task.detached { try call(diary) }.value
            reload()
            return result
        } catch {
            report(error)
            return nil
        }
    }

    public func dismissMessage() {
        message = nil
    }

    // MARK: - Forms

    /// A new entry of `kind`, started as the core says (last dose, last night).
    public func newForm(_ kind: EntryKind) {
        guard let view = read({ try $0.form(request: .new(kind: kind)) }) else { return }
        form = FormState(form: view, language: language)
    }

    /// An entry to edit, filled with its values.
    public func editForm(_ id: EntryId) {
        guard let view = read({ try $0.form(request: .edit(id: id)) }) else { return }
        form = FormState(form: view, editing: id, language: language)
    }

    /// The review form of one goal.
    public func reviewForm(goal: EntryId) {
        newForm(.review)
        form?.setText(.goal, goal)
    }

    /// The skip form of one medicine.
    public func skipForm(medicine: EntryId) {
        newForm(.skip)
        form?.setText(.medicine, medicine)
    }

    /// A medicine's change form, filled with its current amount and times.
    public func changeMedicineForm(_ card: MedicineCard) {
        guard let view = read({ try $0.form(request: .new(kind: .medicine)) }) else { return }
        var state = FormState(form: view, editing: card.id, language: language)
        let d = card.draft
        state.setText(.drug, d.drug)
        state.setText(.mg, d.mg.map { CoreValues.number($0, language: language, digits: 3) } ?? "")
        state.setText(.tablets, d.tablets.map { CoreValues.number($0, language: language, digits: 3) } ?? "")
        state.setText(.strengthMg, d.strengthMg.map { CoreValues.number($0, language: language, digits: 3) } ?? "")
        state.setList(.times, d.times)
        state.setFlag(.asNeeded, d.asNeeded)
        state.setFlag(.nonPrescribed, d.nonPrescribed)
        form = state
    }

    /// Changes the form being filled in.
    public func updateForm(_ change: (inout FormState) -> Void) {
        guard var state = form else { return }
        change(&state)
        form = state
    }

    public func cancelForm() {
        form = nil
    }

    /// Saves the form: a new entry, an edit, a medicine added or changed, a skip. Returns true
    /// when the core accepted it (the form closes); refusals stay under their fields.
    @discardableResult
    public func submitForm() -> Bool {
        guard var state = form, let diary, phase == .open else { return false }
        guard let draft = state.entryDraft() else {
            form = state
            return false
        }
        do {
            switch (state.kind, draft) {
            case (.medicine, .medicine(let medicine)):
                if let id = state.editing {
                    try diary.changeMedicine(id: id, medicine: medicine)
                } else {
                    _ = try diary.addMedicine(medicine: medicine)
                }
                message = nil
            case (.skip, .skip(let medicine, let at, let note)):
                let logged = try diary.skipped(medicine: medicine, at: at, note: note)
                message = .info(logged.text, undo: logged.id)
            default:
                if let id = state.editing {
                    _ = try diary.edit(id: id, entry: draft)
                } else {
                    _ = try diary.log(entry: draft)
                }
                message = nil
            }
            form = nil
            reload()
            if state.kind == .medicine || state.kind == .plan {
                Task { await rescheduleReminders(.diaryChanged) }
            }
            return true
        } catch let error as SteadyError {
            if case .InvalidInput = error {
                state.apply(Messages.message(for: error, language: language))
                form = state
            } else {
                report(error)
            }
            return false
        } catch {
            report(error)
            return false
        }
    }

    // MARK: - One-step actions

    /// "Taken": the usual dose of `medicine` (nil when only one is taken), now.
    public func taken(medicine: EntryId?) {
        if let logged = act({ try $0.taken(medicine: medicine, at: nil) }) {
            message = .info(logged.text, undo: logged.id)
        }
    }

    /// "Skipped", now.
    public func skipped(medicine: EntryId) {
        if let logged = act({ try $0.skipped(medicine: medicine, at: nil, note: nil) }) {
            message = .info(logged.text, undo: logged.id)
        }
    }

    /// Undo of a one-step action: deletes that entry.
    public func undo(_ id: EntryId) {
        if act({ try $0.delete(id: id) }) != nil {
            message = nil
        }
    }

    /// Deletes an entry (after the screen asked `actionDeleteConfirm`); a goal takes its reviews.
    @discardableResult
    public func delete(_ id: EntryId) -> [EntryId] {
        act { try $0.delete(id: id) } ?? []
    }

    public func stopMedicine(_ id: EntryId) {
        act { try $0.stopMedicine(id: id, on: nil) }
        Task { await rescheduleReminders(.diaryChanged) }
    }

    public func setGoalStatus(_ id: EntryId, _ status: GoalStatus) {
        act { try $0.setGoalStatus(id: id, status: status) }
    }

    /// Marks a question as talked about (an edit of the question).
    public func markDiscussed(_ id: EntryId) {
        act { diary in
            guard case .question(let at, let text, _) = try diary.entryDraft(id: id) else {
                throw SteadyError.InvalidInput(
                    field: .id, problem: .notAllowed(rule: .editKeepsTheKind),
                    detail: errorMessage(
                        error: .InvalidInput(field: .id, problem: .notAllowed(rule: .editKeepsTheKind), detail: ""),
                        lang: self.language))
            }
            return try diary.edit(id: id, entry: .question(at: at, text: text, discussed: true))
        }
    }

    // MARK: - Plan

    public func holdPlan(reason: String) {
        act { try $0.planAction(action: .hold(reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))) }
    }

    public func resumePlan() {
        act { try $0.planAction(action: .resume) }
    }

    /// A new pace from typed text ("7,5" %, "21" days).
    @discardableResult
    public func changePace(percent: String, intervalDays: String) -> Bool {
        let lang = language
        do {
            let p = try parseNumber(text: percent)
            guard let days = UInt32(intervalDays.trimmingCharacters(in: .whitespaces)) else {
                message = Messages.refusal(
                    field: .intervalDays, problem: .unreadable(text: intervalDays, expected: .wholeNumber), language: lang)
                return false
            }
            return act { try $0.planAction(action: .changePace(percent: p, intervalDays: days)) } != nil
        } catch SteadyError.InvalidInput(_, let problem, _) {
            message = Messages.refusal(field: .percent, problem: problem, language: lang)
            return false
        } catch {
            report(error)
            return false
        }
    }

    public func endPlan(reason: String?) {
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        act { try $0.planAction(action: .end(reason: trimmed?.isEmpty == false ? trimmed : nil)) }
    }

    /// The plan's steps as a calendar file, ready to share.
    public func shareCalendar() {
        guard let file = act({ try $0.planCalendar() }) else { return }
        share(file)
    }

    // MARK: - Summary

    public func updateSummaryOptions(_ change: (inout SummaryOptions) -> Void) {
        guard var options = summaryOptions else { return }
        change(&options)
        summaryOptions = options
    }

    /// The summary screen's figures and its text preview for the chosen options.
    public func loadSummary() async {
        guard let options = summaryOptions else { return }
        let request = options.request
        var textRequest = options
        textRequest.format = .text
        let preview = textRequest.request
        let result: (SummaryScreen, ExportFile)? = await actInBackground { diary in
            (try diary.summaryScreen(request: request), try diary.summary(request: preview))
        }
        if let (screen, text) = result {
            summaryScreen = screen
            summaryPreview = String(decoding: text.bytes, as: UTF8.self)
        }
    }

    /// Makes the summary file in the chosen format and language, ready for the share sheet.
    @discardableResult
    public func makeSummary() async -> SharedFile? {
        guard let request = summaryOptions?.request else { return nil }
        guard let file = await actInBackground({ try $0.summary(request: request) }) else { return nil }
        return share(file)
    }

    @discardableResult
    private func share(_ file: ExportFile) -> SharedFile? {
        do {
            let shared = try exports.write(file)
            sharedFile = shared
            return shared
        } catch {
            message = UserMessage(kind: .problem, text: errorMessage(error: .Storage(detail: ""), lang: language))
            return nil
        }
    }

    /// The share sheet closed: the file is deleted.
    public func sharingFinished() {
        try? exports.clear()
        sharedFile = nil
    }

    // MARK: - Settings

    public func changeLanguage(_ lang: Lang) {
        act { try $0.changeSetting(change: .language(language: lang)) }
        do {
            try reloadWords()
            summaryOptions?.language = lang
        } catch {
            report(error)
        }
        Task { await rescheduleReminders(.diaryChanged) }
    }

    public func changeDayStart(_ time: NaiveTime) {
        act { try $0.changeSetting(change: .dayStart(at: time)) }
    }

    /// The daily check-in reminder at `time`, or off.
    public func changeCheckIn(_ time: NaiveTime?) {
        act { try $0.changeSetting(change: .checkIn(at: time)) }
        Task { await rescheduleReminders(.diaryChanged) }
    }

    public func changeTable(_ table: EquivalenceTable) {
        act { try $0.changeSetting(change: .table(table: table)) }
    }

    /// Turns the app lock on (after one successful authentication, so nobody locks themselves
    /// out) or off.
    public func setAppLock(_ on: Bool) async {
        if on {
            guard env.authenticator.canAuthenticate() else { return }
            let result = await env.authenticator.authenticate(reason: words?.labels.shellUnlockReason ?? "")
            guard result == .success else {
                message = words.map { UserMessage(kind: .problem, text: $0.labels.shellUnlockFailed) }
                return
            }
        }
        env.preferences.set(on ? "on" : "off", forKey: PreferenceKeys.appLock)
        _ = appLock.handle(.policyChanged(AppLockPolicy(enabled: on, grace: appLock.policy.grace)))
    }

    /// Asks for permission to send reminders, then schedules them.
    public func allowReminders() async {
        if await env.notifications.requestPermission() {
            await rescheduleReminders(.permissionGranted)
        }
        notificationPermission = await env.notifications.permission()
    }

    /// Keeps the system's notifications equal to the core's reminders (start, a time or zone
    /// change, a medicine or setting change). Reads the clock again first. Serialised with every
    /// other reminder change.
    public func rescheduleReminders(_ reason: RescheduleReason) async {
        await serially { await self.reschedule(reason) }
    }

    /// Runs `work` after every reminder change asked for before it.
    private func serially(_ work: @escaping @MainActor () async -> Void) async {
        let previous = reminderQueue
        let task = Task { @MainActor in
            await previous?.value
            await work()
        }
        reminderQueue = task
        await task.value
    }

    private func reschedule(_ reason: RescheduleReason) async {
        notificationPermission = await env.notifications.permission()
        // In the background the diary is locked: the next foreground schedules again.
        guard let diary, phase == .open, !diary.isLocked(), let words else { return }
        let list: [Reminder]
        do {
            if reason == .timeZoneChanged || reason == .clockChanged {
                _ = try diary.refresh()
                reload()
            }
            list = try diary.reminders(from: nil, days: ReminderCategory.daysAhead)
        } catch {
            report(error)
            return
        }
        await reminders.schedule(list, words: words, now: env.clock.now(), reason: reason)
    }

    /// A notification's "Taken" action: logs the usual dose without showing the diary. The
    /// diary is opened or unlocked with the Keychain key for this one call (the action requires
    /// an unlocked device) and locked again if it was locked.
    @discardableResult
    public func handle(_ response: ReminderResponse) async -> UserMessage? {
        guard response.isTaken else { return nil }
        let wasOpen = diary != nil && diary?.isLocked() == false && phase == .open
        do {
            let target: SteadyDiary
            if let diary {
                if diary.isLocked() {
                    _ = try diary.unlock(keys: keys)
                }
                target = diary
            } else {
                try FileManager.default.createDirectory(at: env.dataDirectory, withIntermediateDirectories: true)
                guard diaryExists(dataDir: env.dataDirectory.path) else { return nil }
                target = try SteadyDiary.openGuarded(dataDir: env.dataDirectory.path, keys: keys, generations: generations)
                diary = target
            }
            let logged = try target.taken(medicine: response.medicineId, at: nil)
            let result = UserMessage.info(logged.text, undo: logged.id)
            if words == nil {
                words = try? Words.load(from: target)
            }
            // Taking a dose can change what is still to remind today.
            let next = try? target.reminders(from: nil, days: ReminderCategory.daysAhead)
            if wasOpen {
                reload()
                message = result
            } else {
                try? target.lock()
            }
            if let next, let words {
                let now = env.clock.now()
                await serially { await self.reminders.schedule(next, words: words, now: now, reason: .diaryChanged) }
            }
            return result
        } catch {
            if !wasOpen, let diary, !diary.isLocked() {
                try? diary.lock()
            }
            return Messages.message(for: error, language: language)
        }
    }

    // MARK: - Backup, restore, erase

    /// A backup sealed with the patient's passphrase (typed twice), ready for the share sheet.
    @discardableResult
    public func makeBackup(passphrase: String, again: String) async -> SharedFile? {
        guard let words else { return nil }
        guard passphrase == again else {
            message = UserMessage(kind: .problem, text: words.labels.shellBackupMismatch)
            return nil
        }
        guard !passphrase.isEmpty else {
            message = UserMessage(kind: .problem, text: words.labels.shellBackupPassphraseHelp)
            return nil
        }
        guard let backup = await actInBackground({ try $0.backup(passphrase: passphrase) }) else { return nil }
        let shared = share(backup.file)
        if shared != nil {
            message = .info(words.labels.shellBackupDone)
        }
        return shared
    }

    /// Restores a backup into the open diary (entries already here are not duplicated).
    @discardableResult
    public func restoreBackup(_ file: Data, passphrase: String) async -> ImportReport? {
        guard let report = await actInBackground({ try $0.restore(file: file, passphrase: passphrase) }) else {
            return nil
        }
        if let words {
            message = .info(words.labels.shellRestoreDone)
        }
        await rescheduleReminders(.diaryChanged)
        return report
    }

    /// Erases the diary for good once the patient typed the confirmation token, deletes the
    /// Keychain key and every pending reminder, and starts a new empty diary.
    @discardableResult
    public func erase(confirmation: String) async -> Bool {
        guard EraseConfirmation.matches(confirmation) else { return false }
        do {
            if let diary {
                if diary.isLocked() {
                    _ = try diary.unlock(keys: keys)
                }
                _ = try diary.erase()
            } else {
                _ = try eraseDiary(dataDir: env.dataDirectory.path)
            }
        } catch {
            // Erase must work without the key: fall back to erasing the files.
            do {
                _ = try eraseDiary(dataDir: env.dataDirectory.path)
            } catch {
                report(error)
                return false
            }
        }
        return await startAfresh()
    }

    /// After `erase`: no diary, no key, no reminders, no shared file; then a new empty diary.
    private func startAfresh() async -> Bool {
        diary = nil
        forgetPages()
        form = nil
        summaryOptions = nil
        try? exports.clear()
        sharedFile = nil
        await serially { await self.reminders.removeAll() }
        generations.reset()
        damageText = nil
        do {
            try env.secrets.delete()
        } catch {
            report(error)
            phase = .unavailable(Messages.message(for: SteadyError.KeyProvider(detail: ""), language: language).text)
            return false
        }
        let lang = language
        openDiary()
        if phase == .open {
            // The new diary keeps the language the patient chose for the old one.
            if settings?.language != lang {
                changeLanguage(lang)
            }
            message = words.map { .info($0.labels.shellEraseDone) }
            return true
        }
        return false
    }

    /// The key is lost: erase the diary that can no longer be read and start again.
    @discardableResult
    public func eraseAfterLostKey(confirmation: String) async -> Bool {
        guard phase == .keyLost || phase == .damaged else { return false }
        guard EraseConfirmation.matches(confirmation) else { return false }
        do {
            _ = try eraseDiary(dataDir: env.dataDirectory.path)
        } catch {
            report(error)
            return false
        }
        return await startAfresh()
    }

    /// The key is lost (or the file damaged): restore a backup into a new diary. The backup is
    /// first restored into a staging diary with a new key, so a wrong passphrase or a bad file
    /// changes nothing; only then is the old diary erased, the new key stored and the staging
    /// diary moved into place.
    @discardableResult
    public func restoreAfterLostKey(_ file: Data, passphrase: String) async -> ImportReport? {
        guard phase == .keyLost || phase == .damaged else { return nil }
        let staging = env.scratchDirectory.appendingPathComponent("restore-\(UUID().uuidString)", isDirectory: true)
        let manager = FileManager.default
        defer { try? manager.removeItem(at: staging) }
        let report: ImportReport
        let key: Data
        do {
            key = try env.random.bytes(count: DiaryKeyProvider.keyLength)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let stagingPath = staging.path
            let provider = MemoryKeyProvider(key: key)
            report = try await Task.detached {
                // The staging diary is released (closed) when this closure returns.
                let diary = try SteadyDiary.open(dataDir: stagingPath, keys: provider)
                return try diary.restore(file: file, passphrase: passphrase)
            }.value
        } catch {
            message = Messages.message(for: error, language: language)
            return nil
        }
        do {
            _ = try eraseDiary(dataDir: env.dataDirectory.path)
            generations.reset()
            try env.secrets.delete()
            try env.secrets.add(key)
            try manager.createDirectory(at: env.dataDirectory, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: staging.path) {
                let target = env.dataDirectory.appendingPathComponent(name)
                if manager.fileExists(atPath: target.path) {
                    try manager.removeItem(at: target)
                }
                try manager.moveItem(at: staging.appendingPathComponent(name), to: target)
            }
        } catch {
            message = Messages.message(for: error, language: language)
            return nil
        }
        diary = nil
        openDiary()
        guard phase == .open else { return nil }
        message = words.map { .info($0.labels.shellRestoreDone) }
        await rescheduleReminders(.diaryChanged)
        return report
    }

    /// The diary is damaged: keep the damaged file aside and copy every readable entry into a new
    /// diary (the core's `recoverDiary`), then open it.
    @discardableResult
    public func recover() async -> RecoveryReport? {
        let dataDir = env.dataDirectory.path
        let provider = keys
        diary = nil
        do {
            let report = try await Task.detached { try recoverDiary(dataDir: dataDir, keys: provider) }.value
            // The rescued diary is a new file: its generations start again.
            generations.reset()
            openDiary()
            return report
        } catch {
            message = Messages.message(for: error, language: language)
            if let steady = error as? SteadyError, Messages.meaning(of: steady) == .damaged {
                phase = .damaged
            } else {
                failedToOpen((error as? SteadyError) ?? .Internal(detail: ""))
            }
            return nil
        }
    }
}
