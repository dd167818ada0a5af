package app.steady

import android.app.Application
import android.os.Handler
import android.os.Looper
import android.os.SystemClock
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import app.steady.logic.AppLock
import app.steady.logic.DiarySession
import app.steady.logic.ShareFiles
import app.steady.notifications.AndroidReminders
import app.steady.notifications.ReminderNotifications
import app.steady.security.AndroidWrappingKeystore
import app.steady.security.LockPreferences
import app.steady.ui.logic.DiaryController
import java.io.File
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.concurrent.thread

/**
 * The process's one diary and what guards it: the session (open, lock, lost key, damaged, erase),
 * the app lock, the files waiting for the share sheet and the reminders. The activity and the
 * broadcast receivers share them, so a "Taken" tapped in a notification and the open app write
 * through the same diary.
 */
class SteadyApplication : Application() {
    lateinit var session: DiarySession
        private set
    lateinit var appLock: AppLock
        private set
    lateinit var shareFiles: ShareFiles
        private set
    lateinit var reminders: AndroidReminders
        private set

    private val main = Handler(Looper.getMainLooper())
    private val listeners = CopyOnWriteArrayList<() -> Unit>()

    override fun onCreate() {
        super.onCreate()
        session = DiarySession(noBackupFilesDir, AndroidWrappingKeystore())
        appLock = AppLock(enabled = LockPreferences.enabled(this))
        shareFiles = ShareFiles(File(cacheDir, "shared"))
        // A decrypted file left by a share the process did not live to finish goes now.
        shareFiles.sweep()
        reminders = AndroidReminders(this)
        ReminderNotifications.ensureChannel(this)
        ProcessLifecycleOwner.get().lifecycle.addObserver(Background())
    }

    /** The diary for one call from a broadcast (see [DiarySession.withDiary]). */
    fun <T> withDiary(block: (DiaryController) -> T): T? = session.withDiary(block)

    /** Something outside the activity wrote to the diary (a notification's "Taken"): screens read again. */
    fun diaryChanged() = listeners.forEach { main.post(it) }

    fun onDiaryChanged(listener: () -> Unit): () -> Unit {
        listeners += listener
        return { listeners -= listener }
    }

    /**
     * Locks the diary once the app has been in the background for the grace period (`lock()` on
     * ON_STOP, past the grace period), and deletes any decrypted file waiting for the share sheet.
     */
    private inner class Background : DefaultLifecycleObserver {
        private val timer = Runnable { check() }

        override fun onStop(owner: LifecycleOwner) {
            appLock.onStop(SystemClock.elapsedRealtime())
            main.postDelayed(timer, appLock.graceMillis)
        }

        override fun onStart(owner: LifecycleOwner) {
            main.removeCallbacks(timer)
        }

        private fun check() {
            if (appLock.onGraceTimer(SystemClock.elapsedRealtime())) {
                thread(name = "steady-lock") {
                    session.lock()
                    shareFiles.sweep()
                    appLock.diaryWasLocked()
                }
            }
        }
    }
}
