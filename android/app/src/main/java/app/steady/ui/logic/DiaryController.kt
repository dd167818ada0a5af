package app.steady.ui.logic

import app.steady.core.EntryDraft
import app.steady.core.EntryId
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFile
import app.steady.core.GoalStatus
import app.steady.core.KeyProvider
import app.steady.core.NaiveDate
import app.steady.core.PlanAction
import app.steady.core.SteadyDiary
import app.steady.core.SteadyDiaryInterface
import app.steady.core.SteadyException
import app.steady.core.SummaryRequest
import java.time.LocalDate

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/** What one user action led to: always the view to draw, plus a message when it was refused. */
sealed interface Outcome {
    val view: DiaryView

    /** The core accepted the action; `savedId` is set when it saved an entry, `deletedIds` when it deleted. */
    data class Shown(
        override val view: DiaryView,
        val savedId: EntryId? = null,
        val deletedIds: List<EntryId> = emptyList(),
    ) : Outcome

    /** Refused, by the form or by the core; nothing was written. */
    data class Refused(override val view: DiaryView, val message: UiMessage) : Outcome
}

/** A summary file for the share sheet, or why there is none. */
sealed interface SummaryOutcome {
    data class File(val file: ExportFile) : SummaryOutcome

    data class Refused(val message: UiMessage) : SummaryOutcome
}

/** Opening the diary: the controller, or the message to show instead. */
sealed interface OpenOutcome {
    data class Opened(val controller: DiaryController) : OpenOutcome

    data class NotOpened(val message: UiMessage) : OpenOutcome
}

/** Which page the shell shows, so it can be read again after every change. */
private sealed interface Showing {
    object Today : Showing

    data class History(val from: NaiveDate?, val to: NaiveDate?) : Showing

    data class Summary(val request: SummaryRequest) : Showing

    object Plan : Showing
}

/**
 * The shell's glue around the core object, free of Android: calls the core's typed operations,
 * turns exceptions into messages, turns forms into drafts, and keeps the page the shell shows (the
 * core has no current page: after each change the page is read again, so it never shows stale
 * figures). Calls block (the core writes to disk), so the Android ViewModel calls it off the main
 * thread. Thread-safe: one action at a time.
 */
class DiaryController(private val diary: SteadyDiaryInterface) : AutoCloseable {
    private val lock = Any()
    private var showing: Showing = Showing.Today
    private var last: DiaryView = loadingView()

    /** The page last shown, with the diary's status read now. */
    fun view(): DiaryView = synchronized(lock) {
        last.copy(status = diary.status()).also { last = it }
    }

    /** The last view, or the last one drawn when the core cannot answer (locked, say). */
    private fun current(): DiaryView =
        try {
            view()
        } catch (e: SteadyException) {
            last
        }

    private fun read(page: Showing): Screen = when (page) {
        is Showing.Today -> Screen.Today(diary.today())
        is Showing.History -> Screen.History(diary.history(page.from, page.to))
        is Showing.Summary -> Screen.Summary(diary.summaryScreen(page.request))
        is Showing.Plan -> Screen.Plan(diary.plan())
    }

    /** Runs one call of the core; on success the page shown is read again. */
    private fun <T> act(call: () -> T, shown: (DiaryView, T) -> Outcome.Shown): Outcome = synchronized(lock) {
        try {
            val result = call()
            last = DiaryView(read(showing), diary.status())
            shown(last, result)
        } catch (e: SteadyException) {
            Outcome.Refused(current(), e.toUiMessage())
        }
    }

    private fun act(call: () -> Unit): Outcome = act(call) { view, _ -> Outcome.Shown(view) }

    /** Shows another page (only once it could be read). */
    private fun show(page: Showing): Outcome = synchronized(lock) {
        try {
            last = DiaryView(read(page), diary.status())
            showing = page
            Outcome.Shown(last)
        } catch (e: SteadyException) {
            Outcome.Refused(current(), e.toUiMessage())
        }
    }

    private fun withForm(form: EntryForm, call: (EntryDraft) -> EntryId): Outcome =
        when (val r = form.toEntry()) {
            is FormResult.Ready -> act({ call(r.entry) }) { view, id -> Outcome.Shown(view, savedId = id) }
            is FormResult.Unreadable -> Outcome.Refused(current(), r.toUiMessage())
        }

    /** Saves what a form holds as a new entry. */
    fun log(form: EntryForm): Outcome = withForm(form) { diary.log(it) }

    /** Replaces entry `id` with what a form holds. */
    fun edit(id: EntryId, form: EntryForm): Outcome = withForm(form) { diary.edit(id, it) }

    /** Deletes an entry (a goal takes its reviews with it). */
    fun delete(id: EntryId): Outcome = act({ diary.delete(id) }) { view, ids -> Outcome.Shown(view, deletedIds = ids) }

    fun setGoalStatus(id: EntryId, status: GoalStatus): Outcome = act { diary.setGoalStatus(id, status) }

    fun planAction(action: PlanAction): Outcome = act { diary.planAction(action) }

    fun useTable(table: EquivalenceTable): Outcome = act { diary.useTable(table) }

    /** Re-reads the clock (back in the foreground, or after midnight) and the page shown. */
    fun refresh(): Outcome = act { diary.refresh() }

    fun showToday(): Outcome = show(Showing.Today)

    fun showHistory(from: NaiveDate? = null, to: NaiveDate? = null): Outcome = show(Showing.History(from, to))

    fun showSummary(choice: SummaryChoice, today: LocalDate): Outcome = show(Showing.Summary(choice.request(today)))

    fun showPlan(): Outcome = show(Showing.Plan)

    /** Builds the file to share. */
    fun summaryFile(choice: SummaryChoice, today: LocalDate): SummaryOutcome =
        try {
            SummaryOutcome.File(diary.summary(choice.request(today)))
        } catch (e: SteadyException) {
            SummaryOutcome.Refused(e.toUiMessage())
        }

    /** Releases the native diary; later calls throw IllegalStateException. */
    override fun close() {
        (diary as? AutoCloseable)?.close()
    }

    companion object {
        /** Opens (creating on first use) the diary in `dataDir` with the platform key provider, on Today. */
        fun open(dataDir: String, keys: KeyProvider): OpenOutcome {
            val diary = try {
                SteadyDiary.open(dataDir, keys)
            } catch (e: SteadyException) {
                return OpenOutcome.NotOpened(e.toUiMessage())
            }
            val controller = DiaryController(diary)
            return when (val first = controller.showToday()) {
                is Outcome.Shown -> OpenOutcome.Opened(controller)
                is Outcome.Refused -> {
                    controller.close()
                    OpenOutcome.NotOpened(first.message)
                }
            }
        }
    }
}
