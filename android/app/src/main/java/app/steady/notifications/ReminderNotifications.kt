package app.steady.notifications

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import app.steady.MainActivity
import app.steady.R
import app.steady.logic.Alarm

/**
 * Reminder notifications. Their words are the core's, chosen to be neutral (no medicine, no dose,
 * no symptom), and the notification is private on the lock screen: only its public version (the
 * title, "Steady") shows there. The "Taken" button logs through the core without opening the app,
 * after the system has asked for the device to be unlocked.
 */
object ReminderNotifications {
    const val CHANNEL_ID = "reminders"
    private const val GROUP = "app.steady.REMINDERS"
    private const val SUMMARY_ID = 1
    private const val REQUEST_OPEN = 2

    /**
     * The channel: named from the resources (the phone's language) when the diary is not open yet,
     * renamed with the core's word in the patient's language once it is ([name]).
     */
    fun ensureChannel(context: Context, name: String? = null) {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.O) return
        val channel = NotificationChannel(
            CHANNEL_ID,
            name ?: context.getString(R.string.reminder_channel_name),
            NotificationManager.IMPORTANCE_HIGH,
        ).apply {
            description = context.getString(R.string.reminder_channel_description)
            lockscreenVisibility = android.app.Notification.VISIBILITY_PRIVATE
            setShowBadge(false)
        }
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    /** Whether notifications can be shown at all (Android 13's permission, and not blocked). */
    fun allowed(context: Context): Boolean {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            return false
        }
        return NotificationManagerCompat.from(context).areNotificationsEnabled()
    }

    /** Shows one reminder (called when its alarm or its work fires). */
    fun show(context: Context, alarm: Alarm) {
        if (!allowed(context)) return
        ensureChannel(context)
        val open = PendingIntent.getActivity(
            context,
            REQUEST_OPEN,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP or Intent.FLAG_ACTIVITY_CLEAR_TOP),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        val publicVersion = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(alarm.title)
            .build()
        val builder = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(alarm.title)
            .setContentText(alarm.body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(alarm.body))
            .setContentIntent(open)
            .setAutoCancel(true)
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
            .setPriority(NotificationCompat.PRIORITY_HIGH)
            .setVisibility(NotificationCompat.VISIBILITY_PRIVATE)
            .setPublicVersion(publicVersion)
            .setGroup(GROUP)
        val medicine = alarm.medicineId
        if (medicine != null && alarm.takenAction.isNotBlank()) {
            val taken = PendingIntent.getBroadcast(
                context,
                alarm.requestCode,
                Intent(context, TakenReceiver::class.java)
                    .setAction(TakenReceiver.ACTION)
                    .putExtra(TakenReceiver.EXTRA_MEDICINE, medicine)
                    .putExtra(TakenReceiver.EXTRA_NOTIFICATION, alarm.requestCode),
                PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
            )
            builder.addAction(
                NotificationCompat.Action.Builder(R.drawable.ic_notification, alarm.takenAction, taken)
                    // The diary's key needs an unlocked device: the system asks for the unlock first.
                    .setAuthenticationRequired(true)
                    .build(),
            )
        }
        try {
            NotificationManagerCompat.from(context).notify(alarm.requestCode, builder.build())
            summarize(context)
        } catch (e: SecurityException) {
            // The permission was withdrawn between the check and now: nothing to show.
        }
    }

    /** With several reminders waiting, one summary groups them ("2 reminders"; plural resources). */
    private fun summarize(context: Context) {
        val waiting = context.getSystemService(NotificationManager::class.java).activeNotifications
            .count { it.id != SUMMARY_ID && it.notification.group == GROUP }
        if (waiting < 2) return
        val text = context.resources.getQuantityString(R.plurals.reminders_waiting, waiting, waiting)
        val summary = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(text)
            .setGroup(GROUP)
            .setGroupSummary(true)
            .setAutoCancel(true)
            .setVisibility(NotificationCompat.VISIBILITY_PRIVATE)
            .build()
        try {
            NotificationManagerCompat.from(context).notify(SUMMARY_ID, summary)
        } catch (e: SecurityException) {
            // As above.
        }
    }

    fun cancel(context: Context, id: Int) {
        NotificationManagerCompat.from(context).cancel(id)
    }
}
