package app.steady.ui

import android.app.Application
import android.content.Context
import android.content.res.Configuration
import android.net.Uri
import android.os.SystemClock
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import app.steady.R
import app.steady.SteadyApplication
import app.steady.core.Country
import app.steady.core.DrugMatch
import app.steady.core.EntryKind
import app.steady.core.FormView
import app.steady.core.GoalStatus
import app.steady.core.Lang
import app.steady.core.MedicineCard
import app.steady.core.SettingChange
import app.steady.core.SteadyException
import app.steady.logic.GateWords
import app.steady.logic.RestoreResult
import app.steady.logic.Resume
import app.steady.logic.SessionState
import app.steady.notifications.ReminderNotifications
import app.steady.security.BiometricGate
import app.steady.security.LockPreferences
import app.steady.ui.logic.DiaryController
import app.steady.ui.logic.DiaryView
import app.steady.ui.logic.FileOutcome
import app.steady.ui.logic.FormState
import app.steady.ui.logic.MessageKind
import app.steady.ui.logic.Outcome
import app.steady.ui.logic.Page
import app.steady.ui.logic.ReportLine
import app.steady.ui.logic.counts
import app.steady.ui.logic.locale
import app.steady.ui.logic.SummaryChoice
import app.steady.ui.logic.UiMessage
import app.steady.ui.logic.loadingView
import java.io.File
import java.util.Locale
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Where the app stands before (or instead of) the diary's pages. */
sealed interface Gate {
    object Opening : Gate

    /** The app lock is on: BiometricPrompt (or the device code) before the diary is unlocked. */
    object Authenticate : Gate

    object Open : Gate

    /** The device is locked; the keystore answers once it is unlocked. */
    data class DeviceLocked(val message: UiMessage) : Gate

    /** The key is gone: restore a backup into a new diary, or erase. */
    data class KeyLost(val message: UiMessage) : Gate

    /** The diary file is damaged: rescue, restore or erase. */
    data class Damaged(val message: UiMessage) : Gate

    data class Failed(val message: UiMessage) : Gate
}

/** A form on screen: the core's description, and what it edits. */
data class OpenForm(
    val view: FormView,
    /** The entry being edited; null for a new one. */
    val editing: String? = null,
    /** The medicine whose amount or times change (`changeMedicine`); null otherwise. */
    val changing: String? = null,
    /** Where the form was opened for (kept across rotation with the form's state). */
    val key: String,
    /** The values to start from when not the core's prefill (a medicine's change, a goal to review). */
    val initial: Map<String, String>? = null,
)

/** Everything the screens draw. */
data class UiState(
    val gate: Gate = Gate.Opening,
    val view: DiaryView = loadingView(),
    /** A message for the whole screen (snackbar); inline messages go to [fieldMessage]. */
    val message: UiMessage? = null,
    val fieldMessage: UiMessage? = null,
    val form: OpenForm? = null,
    val busy: Boolean = false,
    val appLock: Boolean = false,
    val appLockAvailable: Boolean = false,
    val notificationsAllowed: Boolean = true,
    val exactAlarmsAllowed: Boolean = true,
    /** A backup made and waiting for the document picker to name its file. */
    val backupReady: Pair<String, String>? = null,
)

/**
 * The activity's model: routes the screens' actions to the plain-Kotlin glue ([DiaryController],
 * [app.steady.logic.DiarySession]) on one background thread (the core writes to disk), and
 * publishes one [UiState]. No business logic: the core validates, computes and words everything.
 */
@OptIn(ExperimentalCoroutinesApi::class)
class AppViewModel(application: Application) : AndroidViewModel(application) {
    private val app = application as SteadyApplication
    private val session = app.session
    private val io = Dispatchers.IO.limitedParallelism(1)

    private val _state = MutableStateFlow(UiState(appLock = app.appLock.enabled))
    val state: StateFlow<UiState> = _state.asStateFlow()

    /** A made backup's sealed bytes, held only until the document picker returns. */
    private var pendingBackup: ByteArray? = null

    private val stopListening = app.onDiaryChanged { refresh() }

    init {
        refreshCapabilities()
        when (app.appLock.coldStart()) {
            Resume.AUTHENTICATE -> _state.update { it.copy(gate = Gate.Authenticate) }
            else -> open()
        }
    }

    private val controller: DiaryController? get() = (session.state as? SessionState.Open)?.controller

    /** The words of the screens before the diary opens: kept from the last open, or the resources. */
    fun gateWords(context: Context): GateWords = session.gateWords() ?: fallbackWords(context)

    // --- opening, locking -------------------------------------------------------------------

    private fun open() = work {
        val s = session.openDiary()
        after(s)
        if (s is SessionState.Open) {
            app.reminders.sync(s.controller)
            try {
                ReminderNotifications.ensureChannel(app, s.controller.words().labels.shellReminders)
            } catch (e: SteadyException) {
                // Locked in between: the channel keeps its name until the next open.
            }
        }
    }

    private fun after(s: SessionState) {
        val gate = when (s) {
            is SessionState.Open -> Gate.Open
            is SessionState.Locked -> Gate.Authenticate
            is SessionState.Closed -> Gate.Opening
            is SessionState.DeviceLocked -> Gate.DeviceLocked(s.message)
            is SessionState.KeyLost -> Gate.KeyLost(s.message)
            is SessionState.Damaged -> Gate.Damaged(s.message)
            is SessionState.Failed -> Gate.Failed(s.message)
        }
        if (s is SessionState.Open) app.appLock.diaryOpened()
        val view = (s as? SessionState.Open)?.controller?.let { c ->
            try {
                c.view()
            } catch (e: SteadyException) {
                null
            }
        }
        _state.update { it.copy(gate = gate, view = view ?: it.view) }
    }

    /** Back in the foreground (ON_START): lock what waited too long; ask again when the lock is on. */
    fun onForeground() {
        refreshCapabilities()
        val lock = app.appLock
        val resume = lock.onStart(SystemClock.elapsedRealtime())
        work {
            if (lock.mustLockFirst) {
                session.lock()
                app.shareFiles.sweep()
                lock.diaryWasLocked()
            }
            when (resume) {
                Resume.CONTINUE -> controller?.let { c -> show(c.refresh()) } ?: after(session.state)
                Resume.UNLOCK -> after(session.openDiary())
                Resume.AUTHENTICATE -> _state.update { it.copy(gate = Gate.Authenticate) }
            }
        }
    }

    /** BiometricPrompt's answer. */
    fun authenticated(ok: Boolean) {
        if (ok) {
            app.appLock.authSucceeded()
            open()
        } else {
            app.appLock.authFailed()
            _state.update { it.copy(gate = Gate.Authenticate) }
        }
    }

    /** Try again (device unlocked now, or after a failure). */
    fun retry() = open()

    // --- lost key, damaged diary, erase ---------------------------------------------------------

    /** Rescues the readable entries, then says how many were rescued and what could not be. */
    fun recover() = work {
        val (report, s) = session.recover()
        after(s)
        if (report != null) message(UiMessage.done("", counts = report.counts()))
    }

    /** Restores a backup file picked with the document picker (into a new diary when the key is lost). */
    fun restore(uri: Uri, passphrase: String) = work {
        val bytes = readUri(uri) ?: return@work
        val c = controller
        if (c != null) {
            show(c.restore(bytes, passphrase))
            app.reminders.sync(c)
        } else {
            when (val r = session.restoreIntoNewDiary(bytes, passphrase)) {
                is RestoreResult.Refused -> message(r.message)
                is RestoreResult.Restored -> {
                    after(r.state)
                    message(UiMessage.done(gateWords(getApplication<Application>()).restoreDone, counts = r.report.counts()))
                    (r.state as? SessionState.Open)?.let { app.reminders.sync(it.controller) }
                }
            }
        }
    }

    /** Erases everything (confirmed by the typed word), then starts an empty diary. */
    fun erase() = work {
        val done = gateWords(getApplication<Application>()).eraseDone
        app.reminders.clear()
        app.shareFiles.sweep()
        val s = session.eraseAndStartOver()
        after(s)
        message(UiMessage.done(done))
    }

    // --- pages, forms, entries -----------------------------------------------------------------

    fun show(page: Page) = act { it.show(page) }

    fun refresh() = act { it.refresh() }

    /** Opens a form for a new entry of `kind`, from the core's prefill or from [initial]. */
    fun newForm(kind: EntryKind, initial: FormState? = null, key: String = "new-$kind-${initial?.values?.hashCode() ?: 0}") = work {
        val c = controller ?: return@work
        val view = c.newForm(kind)
        _state.update { it.copy(form = OpenForm(view, key = key, initial = initial?.save()), fieldMessage = null) }
    }

    /** Opens the edit form of an entry, filled by the core. */
    fun editForm(id: String) = work {
        val c = controller ?: return@work
        val view = c.editForm(id)
        _state.update { it.copy(form = OpenForm(view, editing = id, key = "edit-$id"), fieldMessage = null) }
    }

    /** Opens the medicine form: a new medicine, or a change of amount or times of `card`. */
    fun medicineForm(card: MedicineCard?) = work {
        val c = controller ?: return@work
        val view = c.newForm(EntryKind.MEDICINE)
        val initial = FormState.medicine(card?.draft).save()
        _state.update { it.copy(form = OpenForm(view, changing = card?.id, key = "medicine-${card?.id}", initial = initial), fieldMessage = null) }
    }

    fun closeForm() = _state.update { it.copy(form = null, fieldMessage = null) }

    /** Saves the form on screen; closes it when the core accepted it. */
    fun save(form: OpenForm, state: FormState) = act(afterSave = true) { c ->
        when {
            form.changing != null -> c.changeMedicine(form.changing, state)
            else -> c.save(state, form.editing)
        }
    }

    fun delete(id: String) = act { it.delete(id) }

    fun taken(medicine: String?, atLocal: String? = null) = act(reminders = true) { it.taken(medicine, atLocal) }

    fun skipped(medicine: String?) = act { it.skipped(medicine) }

    fun undo(id: String) = act { it.undo(id) }

    fun stopMedicine(id: String) = act(reminders = true) { it.stopMedicine(id) }

    fun search(text: String, onResult: (List<DrugMatch>) -> Unit) = viewModelScope.launch {
        val found = withContext(io) { controller?.search(text, country()).orEmpty() }
        onResult(found)
    }

    /** The catalogue's country from the phone's region (brands differ per country). */
    private fun country(): Country? = when (Locale.getDefault().country.uppercase()) {
        "BE" -> Country.BE
        "NL" -> Country.NL
        "FR" -> Country.FR
        "NO" -> Country.NO
        "GB" -> Country.UK
        "US" -> Country.US
        else -> null
    }

    fun hold(reason: String) = act { it.hold(reason) }

    fun resume() = act { it.resume() }

    fun changePace(percent: String, days: String) = act { it.changePace(percent, days) }

    fun endPlan(reason: String?) = act { it.endPlan(reason) }

    fun setGoalStatus(id: String, status: GoalStatus) = act { it.setGoalStatus(id, status) }

    fun questionDiscussed(id: String, discussed: Boolean) = act { it.questionDiscussed(id, discussed) }

    fun changeSetting(change: SettingChange) = act(reminders = true) { c ->
        c.changeSetting(change).also { if (change is SettingChange.Language) session.rememberWords() }
    }

    // --- files ---------------------------------------------------------------------------------

    /** Writes a summary (or the plan's calendar) for the share sheet and hands back the file. */
    fun shareSummary(choice: SummaryChoice, share: (File, String) -> Unit) = shareFile(share) { it.summaryFile(choice) }

    fun sharePlanCalendar(share: (File, String) -> Unit) = shareFile(share) { it.planCalendar() }

    private fun shareFile(share: (File, String) -> Unit, make: (DiaryController) -> FileOutcome) = viewModelScope.launch {
        val result = withContext(io) {
            val c = controller ?: return@withContext null
            when (val f = make(c)) {
                is FileOutcome.Refused -> {
                    message(f.message)
                    null
                }
                is FileOutcome.File -> app.shareFiles.write(f.file) to f.file.mimeType
            }
        }
        result?.let { (file, mime) -> share(file, mime) }
    }

    /** The share sheet came back: the decrypted file goes. */
    fun shared(file: File) = work { app.shareFiles.shared(file) }

    /** Makes a backup; the screen then asks the document picker where to save it. */
    fun makeBackup(passphrase: String, again: String) = work {
        val c = controller ?: return@work
        when (val f = c.backup(passphrase, again)) {
            is FileOutcome.Refused -> _state.update { it.copy(fieldMessage = f.message) }
            is FileOutcome.File -> {
                pendingBackup = f.file.bytes
                _state.update { it.copy(backupReady = f.file.fileName to f.file.mimeType, fieldMessage = null) }
            }
        }
    }

    /** The document picker named the backup's file (null: cancelled). */
    fun saveBackup(uri: Uri?) = work {
        val bytes = pendingBackup
        pendingBackup = null
        _state.update { it.copy(backupReady = null) }
        if (uri == null || bytes == null) return@work
        val ok = try {
            getApplication<Application>().contentResolver.openOutputStream(uri, "wt")?.use { it.write(bytes) } != null
        } catch (e: java.io.IOException) {
            false
        } catch (e: SecurityException) {
            false
        }
        val words = controller?.words()?.labels
        if (ok && words != null) message(UiMessage.done(words.shellBackupDone))
        if (!ok) message(SteadyException.Storage("").let { UiMessage(MessageKind.STORAGE, app.steady.core.errorMessage(it, lang())) })
    }

    private fun readUri(uri: Uri): ByteArray? =
        try {
            getApplication<Application>().contentResolver.openInputStream(uri)?.use { input ->
                val out = java.io.ByteArrayOutputStream()
                val buf = ByteArray(64 * 1024)
                while (true) {
                    val n = input.read(buf)
                    if (n < 0) break
                    out.write(buf, 0, n)
                    // A backup of a diary is a few MB; anything this large is not one.
                    if (out.size() > MAX_BACKUP_BYTES) return null
                }
                out.toByteArray()
            }
        } catch (e: java.io.IOException) {
            message(SteadyException.BadBackup("").let { UiMessage(MessageKind.BAD_BACKUP, app.steady.core.errorMessage(it, lang())) })
            null
        } catch (e: SecurityException) {
            null
        }

    // --- app lock, reminders ---------------------------------------------------------------------

    fun setAppLock(on: Boolean) {
        val available = BiometricGate.available(getApplication<Application>())
        val enabled = on && available
        LockPreferences.setEnabled(getApplication<Application>(), enabled)
        app.appLock.setEnabled(enabled)
        _state.update { it.copy(appLock = enabled, appLockAvailable = available) }
    }

    fun refreshCapabilities() {
        val caps = app.reminders.capabilities()
        _state.update {
            it.copy(
                notificationsAllowed = caps.notificationsAllowed,
                exactAlarmsAllowed = caps.exactAlarmsAllowed,
                appLockAvailable = BiometricGate.available(getApplication<Application>()),
            )
        }
    }

    /** Notifications were allowed (or refused): register the reminders again. */
    fun remindersPermissionChanged() {
        refreshCapabilities()
        work { controller?.let { app.reminders.sync(it) } }
    }

    fun dismissMessage() = _state.update { it.copy(message = null) }

    private fun lang(): Lang = controller?.lang ?: session.lang()

    // --- plumbing ----------------------------------------------------------------------------------

    private fun work(block: suspend () -> Unit) {
        viewModelScope.launch {
            _state.update { it.copy(busy = true) }
            try {
                withContext(io) { block() }
            } finally {
                _state.update { it.copy(busy = false) }
            }
        }
    }

    /** One action of the diary: the outcome's view, its message, and the reminders when they moved. */
    private fun act(reminders: Boolean = false, afterSave: Boolean = false, call: (DiaryController) -> Outcome) = work {
        val c = controller ?: return@work
        val outcome = call(c)
        show(outcome, afterSave)
        if (outcome is Outcome.Shown && reminders) app.reminders.sync(c)
        if (outcome is Outcome.Refused && outcome.message.kind == MessageKind.KEY_CHANGED) after(session.reopen())
        if (outcome is Outcome.Refused && outcome.message.kind == MessageKind.LOCKED) after(session.lock())
    }

    private fun show(outcome: Outcome, afterSave: Boolean = false) {
        when (outcome) {
            is Outcome.Shown -> _state.update {
                it.copy(
                    view = outcome.view,
                    message = worded(outcome.message) ?: it.message,
                    fieldMessage = null,
                    form = if (afterSave) null else it.form,
                )
            }
            is Outcome.Refused -> _state.update {
                if (outcome.message.inline || (afterSave && outcome.message.kind == MessageKind.INVALID_INPUT)) {
                    it.copy(view = outcome.view, fieldMessage = outcome.message)
                } else {
                    it.copy(view = outcome.view, message = outcome.message)
                }
            }
        }
        if (afterSave && outcome is Outcome.Shown) app.reminders.let { r -> controller?.let { r.sync(it) } }
    }

    private fun message(m: UiMessage) = _state.update { it.copy(message = worded(m)) }

    /** The message with its report lines worded by the plurals resources, one line each. */
    private fun worded(m: UiMessage?): UiMessage? {
        if (m == null || m.counts.isEmpty()) return m
        // In the patient's language (the diary's, else the one seen last), not the phone's.
        val app = getApplication<Application>()
        val config = Configuration(app.resources.configuration).apply { setLocale((controller?.lang ?: session.lang()).locale()) }
        val res = app.createConfigurationContext(config).resources
        val lines = m.counts.map { c ->
            val n = c.count.coerceAtMost(Int.MAX_VALUE.toLong()).toInt()
            res.getQuantityString(reportPlurals(c.line), n, n)
        }
        return m.copy(text = (listOf(m.text) + lines).filter { it.isNotBlank() }.joinToString("\n"), counts = emptyList())
    }

    private fun reportPlurals(line: ReportLine): Int = when (line) {
        ReportLine.RESCUED -> R.plurals.report_rescued
        ReportLine.LOST -> R.plurals.report_lost
        ReportLine.PAGES_LOST -> R.plurals.report_pages_lost
        ReportLine.UNREADABLE -> R.plurals.report_unreadable
        ReportLine.ADDED -> R.plurals.report_added
        ReportLine.REPLACED -> R.plurals.report_replaced
        ReportLine.ALREADY_HERE -> R.plurals.report_already_here
        ReportLine.KEPT_NEWER -> R.plurals.report_kept_newer
    }

    override fun onCleared() {
        stopListening()
    }

    companion object {
        private const val MAX_BACKUP_BYTES = 256 * 1024 * 1024

        /** The gate words from the app's resources, in the phone's language (the diary was never open here). */
        fun fallbackWords(context: Context): GateWords = GateWords(
            lang = when (Locale.getDefault().language) {
                "fr" -> Lang.FR
                "nl" -> Lang.NL
                "nb", "no", "nn" -> Lang.NB
                else -> Lang.EN
            },
            loading = context.getString(R.string.gate_loading),
            locked = context.getString(R.string.gate_locked),
            unlockReason = context.getString(R.string.gate_unlock_reason),
            unlock = context.getString(R.string.gate_unlock),
            unlockFailed = context.getString(R.string.gate_unlock_failed),
            keyLostTitle = context.getString(R.string.gate_key_lost_title),
            keyLostBody = context.getString(R.string.gate_key_lost_body),
            damagedTitle = context.getString(R.string.gate_damaged_title),
            recover = context.getString(R.string.gate_recover),
            errorTitle = context.getString(R.string.gate_error_title),
            restore = context.getString(R.string.gate_restore),
            restoreDone = context.getString(R.string.gate_restore_done),
            erase = context.getString(R.string.gate_erase),
            eraseConfirm = context.getString(R.string.gate_erase_confirm),
            eraseDone = context.getString(R.string.gate_erase_done),
            passphrase = context.getString(R.string.gate_passphrase),
            cancel = context.getString(R.string.gate_cancel),
        )
    }
}
