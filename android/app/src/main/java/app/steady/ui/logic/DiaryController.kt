package app.steady.ui.logic

import app.steady.core.Country
import app.steady.core.DrugMatch
import app.steady.core.EntryDraft
import app.steady.core.EntryId
import app.steady.core.EntryKind
import app.steady.core.ExportFile
import app.steady.core.ExportFormat
import app.steady.core.Expected
import app.steady.core.Field
import app.steady.core.FormRequest
import app.steady.core.FormView
import app.steady.core.GoalStatus
import app.steady.core.KeyProvider
import app.steady.core.Lang
import app.steady.core.PlanAction
import app.steady.core.Problem
import app.steady.core.Reminder
import app.steady.core.SettingChange
import app.steady.core.Settings
import app.steady.core.SteadyDiaryInterface
import app.steady.core.SteadyException
import app.steady.core.parseNumber
import app.steady.core.searchCatalogue

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/** What one user action led to: always the view to draw, plus a message when there is one. */
sealed interface Outcome {
    val view: DiaryView

    /**
     * The core accepted the action. `message` is a confirmation in the patient's words (what
     * "Taken" logged, "Backup saved."); `savedId` is set when an entry was saved, `deletedIds`
     * when entries were deleted.
     */
    data class Shown(
        override val view: DiaryView,
        val message: UiMessage? = null,
        val savedId: EntryId? = null,
        val deletedIds: List<EntryId> = emptyList(),
    ) : Outcome

    /** Refused, by the form or by the core; nothing was written. */
    data class Refused(override val view: DiaryView, val message: UiMessage) : Outcome
}

/** A file for the share sheet or the document picker (summary, plan calendar, backup), or why there is none. */
sealed interface FileOutcome {
    /** `entries` and `skipped` are the backup's counts (null for other files). */
    data class File(val file: ExportFile, val entries: ULong? = null, val skipped: List<EntryId> = emptyList()) : FileOutcome

    data class Refused(val message: UiMessage) : FileOutcome
}

/**
 * The shell's glue around one open diary, free of Android: calls the core's typed operations,
 * turns forms into drafts and exceptions into messages in the patient's language, and keeps the
 * page the shell shows (the core has no current page: after each change the page is read again, so
 * it never shows stale figures). Calls block (the core writes to disk), so the Android ViewModel
 * calls it off the main thread. Thread-safe: one action at a time.
 */
class DiaryController(private val diary: SteadyDiaryInterface) : AutoCloseable {
    private val lock = Any()
    private var page: Page = Page.Today
    private var words: ShellWords? = null
    private var settings: Settings? = null
    private var last: DiaryView = loadingView()

    /** The patient's language (English until the settings were read). */
    val lang: Lang get() = settings?.language ?: Lang.EN

    /** The words of the chrome, in the patient's language (read again after a language change). */
    fun words(): ShellWords = synchronized(lock) {
        val s = settings ?: diary.settings().also { settings = it }
        words?.takeIf { it.lang == s.language } ?: ShellWords.gather(s.language, diary.labels()) { kind ->
            diary.form(FormRequest.New(kind))
        }.also { words = it }
    }

    private fun formats(): Formats = Formats(lang)

    /** The page last shown, read again now. */
    fun view(): DiaryView = synchronized(lock) { render(page) }

    /** The last view drawn (when the core cannot answer: locked, say). */
    fun lastView(): DiaryView = last

    private fun render(p: Page): DiaryView {
        settings = diary.settings()
        val w = words()
        return DiaryView(read(p, w), diary.status(), w, settings).also { last = it }
    }

    private fun read(p: Page, w: ShellWords): Screen {
        val f = formats()
        return when (p) {
            is Page.Today -> Screen.Today(diary.today().toState(f))
            is Page.Medicines -> Screen.Medicines(diary.medicines())
            is Page.Plan -> Screen.Plan(planState(diary.plan(), diary.today().plan, f, w.mgUnit))
            is Page.Goals -> {
                val open = diary.today().goals
                val openIds = open.map { it.id }.toSet()
                val closed = diary.history(null, null).filter { it.kind == EntryKind.GOAL && it.id !in openIds }
                Screen.Goals(open, closed.reversed())
            }
            is Page.Questions -> {
                val rows = diary.history(null, null).filter { it.kind == EntryKind.QUESTION }.reversed()
                val (discussed, open) = rows.partition { (diary.entryDraft(it.id) as? EntryDraft.Question)?.discussed == true }
                Screen.Questions(open, discussed)
            }
            is Page.History -> Screen.History(diary.history(p.from, p.to).byDayNewestFirst(f))
            is Page.Summary -> Screen.Summary(summary(p.choice, w, f))
            is Page.Settings -> Screen.Settings(diary.settings())
        }
    }

    private fun summary(choice: SummaryChoice, w: ShellWords, f: Formats): SummaryState {
        val screen = diary.summaryScreen(choice.request(ExportFormat.TEXT, lang))
        val preview = String(diary.summary(choice.request(ExportFormat.TEXT, lang)).bytes, Charsets.UTF_8)
        // The chart's heading says what the bars are: DE mg per day, by the diary's table.
        val title = diary.today().tableNote.trim().removePrefix("(").removeSuffix(")")
        return summaryState(choice, screen, preview, title, f, w.mgUnit)
    }

    /** Runs one call of the core; on success the page shown is read again. */
    private fun <T> act(call: () -> T, shown: (DiaryView, T) -> Outcome.Shown): Outcome = synchronized(lock) {
        try {
            val result = call()
            shown(render(page), result)
        } catch (e: SteadyException) {
            refused(e.toUiMessage(lang))
        }
    }

    private fun act(call: () -> Unit): Outcome = act(call) { view, _ -> Outcome.Shown(view) }

    private fun refused(message: UiMessage): Outcome.Refused {
        val view = try {
            render(page)
        } catch (e: SteadyException) {
            last
        }
        return Outcome.Refused(view, message)
    }

    /** Shows another page (only once it could be read). */
    fun show(p: Page): Outcome = synchronized(lock) {
        try {
            val view = render(p)
            page = p
            Outcome.Shown(view)
        } catch (e: SteadyException) {
            refused(e.toUiMessage(lang))
        }
    }

    /** The page shown. */
    val current: Page get() = page

    /** The patient's diary day (`YYYY-MM-DD`; before the day start it is still the day before). */
    fun diaryDay(): String = synchronized(lock) { diary.today().date }

    /** Re-reads the clock (back in the foreground, or after midnight) and the page shown. */
    fun refresh(): Outcome = act { diary.refresh() }

    // --- forms ---------------------------------------------------------------------------------

    /** The form for a new entry of `kind`, as the core describes it (started from its prefill). */
    fun newForm(kind: EntryKind): FormView = diary.form(FormRequest.New(kind))

    /** The form to edit entry `id`, filled with its values. */
    fun editForm(id: EntryId): FormView = diary.form(FormRequest.Edit(id))

    /** Saves a form: a new entry, or entry `editing` replaced (same id, same kind). */
    fun save(state: FormState, editing: EntryId? = null): Outcome {
        if (state.kind == EntryKind.MEDICINE && editing == null) return addMedicine(state)
        return when (val built = state.toDraft { diary.readInstant(it) }) {
            is Built.Refused -> refused(refusal(built.field, built.problem, lang))
            is Built.Ready -> act({ if (editing == null) diary.log(built.value) else diary.edit(editing, built.value) }) { v, id ->
                Outcome.Shown(v, savedId = id)
            }
        }
    }

    /** Deletes an entry (a goal takes its reviews with it). */
    fun delete(id: EntryId): Outcome = act({ diary.delete(id) }) { v, ids -> Outcome.Shown(v, deletedIds = ids) }

    // --- my medicines and one-step logging -------------------------------------------------------

    fun addMedicine(state: FormState): Outcome = when (val built = state.toMedicineDraft()) {
        is Built.Refused -> refused(refusal(built.field, built.problem, lang))
        is Built.Ready -> act({ diary.addMedicine(built.value) }) { v, id -> Outcome.Shown(v, savedId = id) }
    }

    /** Changes a medicine's amount or times from the form's "from" day on, keeping the earlier regimen. */
    fun changeMedicine(id: EntryId, state: FormState): Outcome = when (val built = state.toMedicineDraft()) {
        is Built.Refused -> refused(refusal(built.field, built.problem, lang))
        is Built.Ready -> act { diary.changeMedicine(id, built.value) }
    }

    /** Stops a medicine after `on` (`YYYY-MM-DD`; null = today). */
    fun stopMedicine(id: EntryId, on: String? = null): Outcome = act { diary.stopMedicine(id, on) }

    /**
     * One-step "Taken": the usual dose (the plan's dose of the day while a plan covers it), now or
     * at a local `YYYY-MM-DD HH:MM`. The message is the core's sentence of what was logged, with the
     * new entry's id for Undo.
     */
    fun taken(medicine: EntryId?, atLocal: String? = null): Outcome = synchronized(lock) {
        try {
            val at = atLocal?.takeIf { it.isNotBlank() }?.let { readAt(Field.TakenAt, it) }
            val logged = diary.taken(medicine, at)
            Outcome.Shown(render(page), UiMessage.done(logged.text, logged.id), savedId = logged.id)
        } catch (e: SteadyException) {
            refused(e.toUiMessage(lang))
        }
    }

    /** Notes a usual dose as skipped (undoable the same way). */
    fun skipped(medicine: EntryId?, note: String? = null): Outcome = synchronized(lock) {
        try {
            val logged = diary.skipped(medicine, null, note?.trim()?.takeIf { it.isNotEmpty() })
            Outcome.Shown(render(page), UiMessage.done(logged.text, logged.id), savedId = logged.id)
        } catch (e: SteadyException) {
            refused(e.toUiMessage(lang))
        }
    }

    /** Undoes a one-step log (deletes the entry it made). */
    fun undo(id: EntryId): Outcome = delete(id)

    private fun readAt(field: Field, local: String): String =
        try {
            diary.readInstant(local)
        } catch (e: SteadyException.InvalidInput) {
            throw SteadyException.InvalidInput(field, e.problem, e.detail)
        }

    /** The medicine picker: the catalogue's molecules and brands, the patient's country's first. */
    fun search(text: String, country: Country?): List<DrugMatch> =
        if (text.isBlank()) emptyList() else searchCatalogue(text.trim(), country).take(MAX_MATCHES)

    // --- plan, goals, questions ----------------------------------------------------------------

    fun hold(reason: String): Outcome = act { diary.planAction(PlanAction.Hold(reason.trim())) }

    fun resume(): Outcome = act { diary.planAction(PlanAction.Resume) }

    /** Changes the pace from today: percent and days as typed, read with the core's grammar. */
    fun changePace(percentText: String, intervalText: String): Outcome {
        val percent = try {
            parseNumber(percentText.trim().ifEmpty { throw SteadyException.InvalidInput(Field.Percent, Problem.Required, "") })
        } catch (e: SteadyException.InvalidInput) {
            return refused(refusal(Field.Percent, e.problem, lang))
        }
        val days = intervalText.trim().toUIntOrNull()
            ?: return refused(
                refusal(
                    Field.IntervalDays,
                    if (intervalText.isBlank()) Problem.Required else Problem.Unreadable(intervalText.trim(), Expected.WholeNumber),
                    lang,
                ),
            )
        return act { diary.planAction(PlanAction.ChangePace(percent, days)) }
    }

    fun endPlan(reason: String?): Outcome = act { diary.planAction(PlanAction.End(reason?.trim()?.takeIf { it.isNotEmpty() })) }

    /** The plan's upcoming steps as an iCalendar file (neutral titles), for the share sheet. */
    fun planCalendar(): FileOutcome = file { FileOutcome.File(diary.planCalendar()) }

    fun setGoalStatus(id: EntryId, status: GoalStatus): Outcome = act { diary.setGoalStatus(id, status) }

    /** Marks a question as talked about (or not), keeping its words. */
    fun questionDiscussed(id: EntryId, discussed: Boolean = true): Outcome = act {
        val q = diary.entryDraft(id) as? EntryDraft.Question
            ?: throw SteadyException.InvalidInput(Field.Id, Problem.NoSuchEntry, "")
        diary.edit(id, EntryDraft.Question(at = q.at, text = q.text, discussed = discussed))
    }

    // --- settings, reminders -------------------------------------------------------------------

    /** Changes one setting; a new language changes every word (read again). */
    fun changeSetting(change: SettingChange): Outcome = act {
        settings = diary.changeSetting(change)
    }

    fun settings(): Settings = synchronized(lock) { diary.settings().also { settings = it } }

    /** The reminders of the next `days` diary days (the core's list, at most 64), soonest first. */
    fun reminders(days: UInt = REMINDER_DAYS): List<Reminder> = synchronized(lock) { diary.reminders(null, days) }

    // --- summary, backup, restore ----------------------------------------------------------------

    /** The summary file for the share sheet, in the chosen format and language. */
    fun summaryFile(choice: SummaryChoice): FileOutcome = file { FileOutcome.File(diary.summary(choice.request(choice.format, lang))) }

    /**
     * A backup sealed with a passphrase the patient typed twice; refused (in the core's words)
     * when the two differ.
     */
    fun backup(passphrase: String, again: String): FileOutcome {
        if (passphrase != again) return FileOutcome.Refused(UiMessage(MessageKind.INVALID_INPUT, words().labels.shellBackupMismatch))
        return file {
            val b = diary.backup(passphrase)
            FileOutcome.File(b.file, b.entries, b.skipped)
        }
    }

    /** Restores a backup file into this diary (entries already here are not duplicated). */
    fun restore(bytes: ByteArray, passphrase: String): Outcome =
        act({ diary.restore(bytes, passphrase) }) { v, report ->
            Outcome.Shown(v, UiMessage.done(words().labels.shellRestoreDone, counts = report.counts()))
        }

    private fun file(make: () -> FileOutcome.File): FileOutcome = synchronized(lock) {
        try {
            make()
        } catch (e: SteadyException) {
            FileOutcome.Refused(e.toUiMessage(lang))
        }
    }

    // --- lock ----------------------------------------------------------------------------------

    /** Locks the diary: keys wiped, decrypted entries dropped; every call throws `Locked` until [unlock]. */
    fun lock() = synchronized(lock) {
        if (!diary.isLocked()) diary.lock()
    }

    val isLocked: Boolean get() = diary.isLocked()

    /** Unlocks with the keystore key and shows the page again. */
    fun unlock(keys: KeyProvider): Outcome = synchronized(lock) {
        try {
            diary.unlock(keys)
            Outcome.Shown(render(page))
        } catch (e: SteadyException) {
            Outcome.Refused(last, e.toUiMessage(lang))
        }
    }

    /** Erases the diary's data and key material; the object stays locked. Returns the files erased. */
    fun erase(): ULong = synchronized(lock) { diary.erase() }

    /** Releases the native diary; later calls throw IllegalStateException. */
    override fun close() {
        (diary as? AutoCloseable)?.close()
    }

    companion object {
        /** A week of reminders is registered at a time, refilled at each start and change. */
        val REMINDER_DAYS: UInt = 7u
        private const val MAX_MATCHES = 20
    }
}
