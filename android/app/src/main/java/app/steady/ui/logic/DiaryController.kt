package app.steady.ui.logic

import app.steady.core.AppView
import app.steady.core.KeyProvider
import app.steady.core.Notice
import app.steady.core.PageRequest
import app.steady.core.SteadyDiary
import app.steady.core.SteadyDiaryInterface
import app.steady.core.SteadyException
import app.steady.core.SummaryFile
import app.steady.core.UserEvent
import java.time.LocalDate

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/** What one user action led to: always the view to draw, plus a message when it was refused. */
sealed interface Outcome {
    val view: AppView

    /** The core accepted the event; `savedId` is set when it saved an entry. */
    data class Shown(override val view: AppView) : Outcome {
        val savedId: String? get() = (view.notice as? Notice.Saved)?.id
    }

    /** Refused, by the form or by the core; nothing was written. */
    data class Refused(override val view: AppView, val message: UiMessage) : Outcome
}

/** A summary file for the share sheet, or why there is none. */
sealed interface SummaryOutcome {
    data class File(val file: SummaryFile) : SummaryOutcome

    data class Refused(val message: UiMessage) : SummaryOutcome
}

/** Opening the diary: the controller, or the message to show instead. */
sealed interface OpenOutcome {
    data class Opened(val controller: DiaryController) : OpenOutcome

    data class NotOpened(val message: UiMessage) : OpenOutcome
}

/**
 * The shell's glue around the core object, free of Android: sends events, turns exceptions into
 * messages, turns forms into events. Calls block (the core writes to disk), so the Android
 * ViewModel calls it off the main thread. Thread-safe: the core serialises events itself.
 */
class DiaryController(private val diary: SteadyDiaryInterface) : AutoCloseable {
    /** The current view, without changing anything. */
    fun view(): AppView = diary.view()

    /** Sends one event. */
    fun send(event: UserEvent): Outcome =
        try {
            Outcome.Shown(diary.send(event))
        } catch (e: SteadyException) {
            Outcome.Refused(diary.view(), e.toUiMessage())
        }

    /** Saves what a form holds as a new entry. */
    fun log(form: EntryForm): Outcome = when (val r = form.toEntry()) {
        is FormResult.Ready -> send(UserEvent.Log(r.entry))
        is FormResult.Unreadable -> Outcome.Refused(diary.view(), r.toUiMessage())
    }

    /** Replaces entry `id` with what a form holds. */
    fun edit(id: String, form: EntryForm): Outcome = when (val r = form.toEntry()) {
        is FormResult.Ready -> send(UserEvent.Edit(id, r.entry))
        is FormResult.Unreadable -> Outcome.Refused(diary.view(), r.toUiMessage())
    }

    fun delete(id: String): Outcome = send(UserEvent.Delete(id))

    fun showToday(): Outcome = send(UserEvent.Show(PageRequest.Today))

    fun showHistory(): Outcome = send(UserEvent.Show(PageRequest.History(null, null)))

    fun showSummary(choice: SummaryChoice, today: LocalDate): Outcome {
        val (from, to) = choice.period.range(today)
        return send(UserEvent.Show(PageRequest.Summary(from, to)))
    }

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
        /** Opens (creating on first use) the diary in `dataDir` with the platform key provider. */
        fun open(dataDir: String, keys: KeyProvider): OpenOutcome =
            try {
                OpenOutcome.Opened(DiaryController(SteadyDiary.open(dataDir, keys)))
            } catch (e: SteadyException) {
                OpenOutcome.NotOpened(e.toUiMessage())
            }
    }
}
