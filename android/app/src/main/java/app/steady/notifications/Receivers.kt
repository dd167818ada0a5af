package app.steady.notifications

import android.app.AlarmManager
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.os.Build
import app.steady.SteadyApplication
import app.steady.core.SteadyException
import app.steady.logic.AlarmStore
import app.steady.logic.Capabilities
import app.steady.logic.Mechanism
import app.steady.logic.ReminderPlan
import app.steady.logic.ReminderPlanner
import app.steady.logic.ReminderSync
import app.steady.ui.logic.DiaryController
import app.steady.ui.logic.Outcome
import java.io.File
import kotlin.concurrent.thread

/**
 * The app's reminders: the core's list (a week at a time) registered with the system through
 * [ReminderSync], with exact alarms when allowed and WorkManager otherwise. Called at every start,
 * after every change that moves a reminder (medicines, check-in, language), on TIME_SET,
 * TIMEZONE_CHANGED, BOOT_COMPLETED and an app update, and when the week is running out.
 */
class AndroidReminders(private val context: Context) {
    private val sync = ReminderSync(
        AlarmStore(File(context.noBackupFilesDir, "reminders/alarms.properties")),
        mapOf(Mechanism.EXACT to AlarmReminderScheduler(context), Mechanism.WORK to WorkReminderScheduler(context)),
    )

    fun capabilities(): Capabilities = Capabilities(
        sdk = Build.VERSION.SDK_INT,
        exactAlarmsAllowed = Build.VERSION.SDK_INT < Build.VERSION_CODES.S ||
            context.getSystemService(AlarmManager::class.java).canScheduleExactAlarms(),
        notificationsAllowed = ReminderNotifications.allowed(context),
    )

    /** Registers the core's next week (blocking: call off the main thread). Null when the diary refused. */
    fun sync(controller: DiaryController): ReminderPlan? =
        try {
            sync.sync(controller.reminders(), System.currentTimeMillis(), capabilities(), controller.words().labels.actionTaken)
        } catch (e: SteadyException) {
            null
        }

    /** Registers the remembered alarms again (the diary could not be opened: device still locked). */
    fun restore() {
        sync.restore(System.currentTimeMillis(), capabilities())
    }

    /** Cancels every reminder (the diary was erased). */
    fun clear() = sync.clear()

    /** An alarm (or its work) fired: show it, and ask the core for more when the week runs out. */
    fun fired(requestCode: Int) {
        val alarm = sync.find(requestCode) ?: return
        ReminderNotifications.show(context, alarm)
        if (ReminderPlanner.needsRefill(sync.registered(), System.currentTimeMillis())) refresh()
    }

    /** Opens the diary if it can (device unlocked) and registers a fresh list; else the remembered one. */
    fun refresh() {
        val app = context.applicationContext as SteadyApplication
        val plan = app.withDiary { sync(it) }
        if (plan == null) restore()
    }
}

/** An exact alarm fired: show its reminder. */
class ReminderAlarmReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action != ACTION) return
        val code = intent.getIntExtra(EXTRA_CODE, -1)
        val pending = goAsync()
        thread(name = "steady-reminder") {
            try {
                (context.applicationContext as SteadyApplication).reminders.fired(code)
            } finally {
                pending.finish()
            }
        }
    }

    companion object {
        const val ACTION = "app.steady.action.REMINDER"
        const val EXTRA_CODE = "code"
    }
}

/**
 * A reminder's "Taken" button: logs the medicine's usual dose (the plan's dose of the day while a
 * plan covers it) through the core, without opening the app. The system asked for the device to be
 * unlocked first (the action requires authentication), so the keystore key can be used. If the
 * diary cannot be opened, the notification stays, and tapping it opens the app.
 */
class TakenReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action != ACTION) return
        val medicine = intent.getStringExtra(EXTRA_MEDICINE) ?: return
        val notification = intent.getIntExtra(EXTRA_NOTIFICATION, -1)
        val pending = goAsync()
        thread(name = "steady-taken") {
            try {
                val app = context.applicationContext as SteadyApplication
                val logged = app.withDiary { it.taken(medicine) }
                if (logged is Outcome.Shown) {
                    ReminderNotifications.cancel(context, notification)
                    app.diaryChanged()
                }
            } finally {
                pending.finish()
            }
        }
    }

    companion object {
        const val ACTION = "app.steady.action.TAKEN"
        const val EXTRA_MEDICINE = "medicine"
        const val EXTRA_NOTIFICATION = "notification"
    }
}

/**
 * The clock, the zone, a reboot, an app update, or the exact-alarm permission changed: the core's
 * reminders are computed again (they are exact local times, across DST and travel) and registered
 * anew; while the diary cannot be opened (device locked after a reboot) the remembered alarms are
 * registered again and refreshed at the next start.
 */
class RescheduleReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action !in ACTIONS) return
        val pending = goAsync()
        thread(name = "steady-reschedule") {
            try {
                (context.applicationContext as SteadyApplication).reminders.refresh()
            } finally {
                pending.finish()
            }
        }
    }

    private companion object {
        val ACTIONS = setOf(
            Intent.ACTION_BOOT_COMPLETED,
            Intent.ACTION_TIME_CHANGED,
            Intent.ACTION_TIMEZONE_CHANGED,
            Intent.ACTION_MY_PACKAGE_REPLACED,
            AlarmManager.ACTION_SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED,
        )
    }
}
