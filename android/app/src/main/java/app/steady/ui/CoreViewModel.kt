package app.steady.ui

import android.app.Application
import android.content.ClipData
import android.content.Intent
import androidx.core.content.FileProvider
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import app.steady.core.EquivalenceTable
import app.steady.security.KeystoreKeyProvider
import app.steady.ui.logic.DiaryController
import app.steady.ui.logic.DiaryView
import app.steady.ui.logic.EntryForm
import app.steady.ui.logic.OpenOutcome
import app.steady.ui.logic.Outcome
import app.steady.ui.logic.SummaryChoice
import app.steady.ui.logic.SummaryOutcome
import app.steady.ui.logic.UiMessage
import app.steady.ui.logic.loadingView
import app.steady.ui.logic.todayState
import java.io.File
import java.time.LocalDate
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * Holds the one [app.steady.core.SteadyDiary] of the app (through the Android-free
 * [DiaryController]), calls the core off the main thread, and publishes the page shown with the
 * diary's status. No business logic here: the core validates, computes and renders; this class only
 * routes.
 */
class CoreViewModel(app: Application) : AndroidViewModel(app) {
    private val keys = KeystoreKeyProvider(app)
    private var controller: DiaryController? = null

    private val _view = MutableStateFlow(loadingView())

    /** The page shown (as the core built it) and the diary's status, as last read. */
    val view: StateFlow<DiaryView> = _view.asStateFlow()

    private val _message = MutableStateFlow<UiMessage?>(null)

    /** The message to show (an inline field error, or a screen-wide one); null = none. */
    val message: StateFlow<UiMessage?> = _message.asStateFlow()

    private val _openFailed = MutableStateFlow<UiMessage?>(null)

    /** Set when the diary could not be opened (wrong key, keystore failure, damaged file). */
    val openFailed: StateFlow<UiMessage?> = _openFailed.asStateFlow()

    init {
        viewModelScope.launch {
            val dir = File(app.noBackupFilesDir, "diary").apply { mkdirs() }
            val outcome = withContext(Dispatchers.IO) {
                try {
                    DiaryController.open(dir.path, keys)
                } finally {
                    keys.wipeHandedOutKeys()
                }
            }
            when (outcome) {
                is OpenOutcome.Opened -> {
                    controller = outcome.controller
                    _view.value = outcome.controller.view()
                }
                is OpenOutcome.NotOpened -> _openFailed.value = outcome.message
            }
        }
    }

    private fun dispatch(onAccepted: (Outcome.Shown) -> Unit = {}, action: (DiaryController) -> Outcome) {
        val c = controller ?: return
        viewModelScope.launch {
            val outcome = withContext(Dispatchers.IO) { action(c) }
            _view.value = outcome.view
            when (outcome) {
                is Outcome.Shown -> {
                    _message.value = null
                    onAccepted(outcome)
                }
                is Outcome.Refused -> _message.value = outcome.message
            }
        }
    }

    fun log(form: EntryForm, onSaved: (String?) -> Unit = {}) = dispatch({ onSaved(it.savedId) }) { it.log(form) }

    fun edit(id: String, form: EntryForm, onSaved: () -> Unit = {}) = dispatch({ onSaved() }) { it.edit(id, form) }

    fun delete(id: String) = dispatch { it.delete(id) }

    fun showToday() = dispatch { it.showToday() }

    fun showHistory() = dispatch { it.showHistory() }

    fun showSummary(choice: SummaryChoice) = dispatch { it.showSummary(choice, today()) }

    fun useTable(table: EquivalenceTable) = dispatch { it.useTable(table) }

    /** Re-reads the clock (back in the foreground, or after midnight) and the page shown. */
    fun refresh() = dispatch { it.refresh() }

    fun dismissMessage() {
        _message.value = null
    }

    /**
     * Builds the summary file, writes it to cache/summaries/ and hands an ACTION_SEND intent to
     * [share]; the file is readable only through the FileProvider grant.
     */
    fun shareSummary(choice: SummaryChoice, chooserTitle: String, share: (Intent) -> Unit) {
        val c = controller ?: return
        val app = getApplication<Application>()
        viewModelScope.launch {
            val intent = withContext(Dispatchers.IO) {
                when (val r = c.summaryFile(choice, today())) {
                    is SummaryOutcome.Refused -> {
                        _message.value = r.message
                        null
                    }
                    is SummaryOutcome.File -> {
                        val dir = File(app.cacheDir, "summaries").apply { mkdirs() }
                        dir.listFiles()?.forEach { it.delete() }
                        val file = File(dir, r.file.fileName).apply { writeBytes(r.file.bytes) }
                        val uri = FileProvider.getUriForFile(app, "${app.packageName}.files", file)
                        val send = Intent(Intent.ACTION_SEND).apply {
                            type = r.file.mimeType.substringBefore(';').trim()
                            putExtra(Intent.EXTRA_STREAM, uri)
                            // ClipData carries the read grant through the chooser to the target app.
                            clipData = ClipData.newRawUri(r.file.fileName, uri)
                            putExtra(Intent.EXTRA_SUBJECT, r.file.fileName)
                            addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
                        }
                        Intent.createChooser(send, chooserTitle)
                    }
                }
            }
            intent?.let(share)
        }
    }

    /** The core's own "today" when it has one (the same device clock), else the JVM's. */
    fun today(): LocalDate = _view.value.todayState?.date?.let(LocalDate::parse) ?: LocalDate.now()

    override fun onCleared() {
        controller?.close()
        controller = null
        keys.wipeHandedOutKeys()
    }
}
