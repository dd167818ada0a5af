package app.steady.notifications

import android.app.AlarmManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.os.Build
import androidx.work.ExistingWorkPolicy
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.Worker
import androidx.work.WorkerParameters
import androidx.work.workDataOf
import app.steady.SteadyApplication
import app.steady.logic.Alarm
import app.steady.logic.ReminderScheduler
import java.util.concurrent.TimeUnit

/**
 * Exact alarms (`setExactAndAllowWhileIdle`), used when the patient allows them: Android 12+ asks
 * through SCHEDULE_EXACT_ALARM (granted by the patient in the system settings; the app does not
 * claim USE_EXACT_ALARM, which Google Play keeps for alarm-clock and calendar apps). The intent
 * carries only the request code; the words are read from the app's alarm file when it fires.
 */
class AlarmReminderScheduler(private val context: Context) : ReminderScheduler {
    private val alarms = context.getSystemService(AlarmManager::class.java)

    private fun intent(requestCode: Int, flags: Int): PendingIntent? = PendingIntent.getBroadcast(
        context,
        requestCode,
        Intent(context, ReminderAlarmReceiver::class.java)
            .setAction(ReminderAlarmReceiver.ACTION)
            .putExtra(ReminderAlarmReceiver.EXTRA_CODE, requestCode),
        flags or PendingIntent.FLAG_IMMUTABLE,
    )

    override fun schedule(alarm: Alarm) {
        val pending = intent(alarm.requestCode, PendingIntent.FLAG_UPDATE_CURRENT) ?: return
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S && !alarms.canScheduleExactAlarms()) {
            // Withdrawn since the plan was made: the next sync moves everything to WorkManager.
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, alarm.atMillis, pending)
            return
        }
        alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, alarm.atMillis, pending)
    }

    override fun cancel(alarm: Alarm) {
        intent(alarm.requestCode, PendingIntent.FLAG_NO_CREATE)?.let {
            alarms.cancel(it)
            it.cancel()
        }
    }
}

/**
 * WorkManager, when exact alarms are not allowed: one-off work per reminder with an initial delay,
 * unique by request code (replacing any earlier work for it). It may run some minutes late in
 * Doze; the reminder says what time it stands for.
 */
class WorkReminderScheduler(private val context: Context) : ReminderScheduler {
    private fun name(code: Int) = "reminder-$code"

    override fun schedule(alarm: Alarm) {
        val delay = (alarm.atMillis - System.currentTimeMillis()).coerceAtLeast(0)
        val request = OneTimeWorkRequestBuilder<ReminderWorker>()
            .setInitialDelay(delay, TimeUnit.MILLISECONDS)
            .setInputData(workDataOf(ReminderWorker.KEY_CODE to alarm.requestCode))
            .addTag(ReminderWorker.TAG)
            .build()
        WorkManager.getInstance(context).enqueueUniqueWork(name(alarm.requestCode), ExistingWorkPolicy.REPLACE, request)
    }

    override fun cancel(alarm: Alarm) {
        WorkManager.getInstance(context).cancelUniqueWork(name(alarm.requestCode))
    }
}

/** Shows the reminder its work was scheduled for. */
class ReminderWorker(context: Context, params: WorkerParameters) : Worker(context, params) {
    override fun doWork(): Result {
        val code = inputData.getInt(KEY_CODE, -1)
        val app = applicationContext as SteadyApplication
        app.reminders.fired(code)
        return Result.success()
    }

    companion object {
        const val KEY_CODE = "code"
        const val TAG = "steady-reminder"
    }
}
