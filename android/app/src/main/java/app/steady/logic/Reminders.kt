package app.steady.logic

import app.steady.core.Reminder
import java.io.File
import java.io.IOException
import java.time.OffsetDateTime
import java.util.Properties

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
// What to register with the system and how; the Android side (notifications/) only carries it out.

/** One reminder as registered with the system: the core's reminder, its instant and a request code. */
data class Alarm(
    /** The core's stable id (day, time, medicine id: no health data). */
    val id: String,
    /** Epoch milliseconds (the core's instant, with the offset in force then). */
    val atMillis: Long,
    /** The wall-clock time it stands for. */
    val localTime: String,
    /** The medicine it is for (its "Taken" action logs that one); null for the daily check-in. */
    val medicineId: String?,
    /** Neutral words from the core: no medicine, no dose. */
    val title: String,
    val body: String,
    /** The "Taken" button's word (the core's `actionTaken`), so the notification needs no diary. */
    val takenAction: String,
    /** The PendingIntent request code (and notification id): stable for the id, unique in a set. */
    val requestCode: Int,
)

/** How reminders reach the system. */
enum class Mechanism {
    /** `AlarmManager.setExactAndAllowWhileIdle`: on time, when the patient allows exact alarms. */
    EXACT,

    /** WorkManager one-off work with a delay: may come some minutes late, needs no permission. */
    WORK,
}

/** What the device allows. */
data class Capabilities(
    /** `Build.VERSION.SDK_INT`. */
    val sdk: Int,
    /** `AlarmManager.canScheduleExactAlarms()` (always true before Android 12). */
    val exactAlarmsAllowed: Boolean,
    /** Notifications allowed (Android 13's permission, and not blocked in the system settings). */
    val notificationsAllowed: Boolean,
)

/** What to do: alarms to register (replacing any with the same request code) and alarms to cancel. */
data class ReminderPlan(val mechanism: Mechanism, val schedule: List<Alarm>, val cancel: List<Alarm>)

/**
 * The decisions about reminders, free of Android. The core computes the reminders (local times made
 * exact across DST changes and zones, at most 64); this decides which to register, how, and which
 * registered ones to cancel, and when to ask the core for more.
 */
object ReminderPlanner {
    /** Fewer future alarms than this, or the last one within [REFILL_BEFORE_MILLIS]: ask the core again. */
    const val REFILL_BELOW = 4
    const val REFILL_BEFORE_MILLIS: Long = 2 * 24 * 3600 * 1000L

    /** Exact alarms when the patient allows them (Android 12+ asks; before that they need no permission). */
    fun mechanism(caps: Capabilities): Mechanism =
        if (caps.sdk < 31 || caps.exactAlarmsAllowed) Mechanism.EXACT else Mechanism.WORK

    /** The core's reminders as alarms: past ones dropped, request codes stable and unique. */
    fun alarms(reminders: List<Reminder>, now: Long, takenAction: String): List<Alarm> {
        val used = mutableSetOf<Int>()
        return reminders
            .map { it to OffsetDateTime.parse(it.at).toInstant().toEpochMilli() }
            .filter { (_, at) -> at > now }
            .sortedBy { (_, at) -> at }
            .map { (r, at) ->
                var code = requestCode(r.id)
                while (!used.add(code)) code = if (code == Int.MAX_VALUE) FIRST_CODE else code + 1
                Alarm(r.id, at, r.localTime, r.medicineId, r.title, r.body, takenAction, code)
            }
    }

    /**
     * What to register, replacing [previous] (what was registered last time, on either mechanism).
     * Without notifications nothing is registered (an alarm that cannot show wakes the phone for
     * nothing) and everything is cancelled.
     */
    fun plan(reminders: List<Reminder>, previous: List<Alarm>, now: Long, caps: Capabilities, takenAction: String): ReminderPlan {
        val mechanism = mechanism(caps)
        val next = if (caps.notificationsAllowed) alarms(reminders, now, takenAction) else emptyList()
        val kept = next.map { it.requestCode }.toSet()
        // Alarms whose request code is reused are replaced in place; the others are cancelled.
        val cancel = previous.filter { it.requestCode !in kept }
        return ReminderPlan(mechanism, next, cancel)
    }

    /** The registered alarms still to come. */
    fun future(alarms: List<Alarm>, now: Long): List<Alarm> = alarms.filter { it.atMillis > now }

    /** True when the core should be asked for the next days (few alarms left, or the last one close). */
    fun needsRefill(alarms: List<Alarm>, now: Long): Boolean {
        val left = future(alarms, now)
        return left.size < REFILL_BELOW || left.maxOf { it.atMillis } - now < REFILL_BEFORE_MILLIS
    }

    /** A request code from the reminder's id: the same id always gets the same code. */
    fun requestCode(id: String): Int = FIRST_CODE + Math.floorMod(id.hashCode(), Int.MAX_VALUE - FIRST_CODE)

    /** Codes below this are the app's other PendingIntents. */
    const val FIRST_CODE = 1000
}

/** How one mechanism registers and cancels alarms (AlarmManager or WorkManager on Android). */
interface ReminderScheduler {
    fun schedule(alarm: Alarm)

    fun cancel(alarm: Alarm)
}

/**
 * The registered alarms, kept in an app-private file so they can be cancelled later and registered
 * again after a reboot or a clock change while the diary cannot be opened (device still locked).
 * It holds the core's neutral reminder texts, times and medicine ids: no names, no doses.
 */
class AlarmStore(private val file: File) {
    fun load(): List<Alarm> =
        try {
            if (!file.exists()) {
                emptyList()
            } else {
                val p = Properties().apply { file.inputStream().use { load(it) } }
                val n = p.getProperty("count")?.toIntOrNull() ?: 0
                (0 until n).mapNotNull { i ->
                    fun g(k: String) = p.getProperty("$i.$k")
                    Alarm(
                        id = g("id") ?: return@mapNotNull null,
                        atMillis = g("at")?.toLongOrNull() ?: return@mapNotNull null,
                        localTime = g("local").orEmpty(),
                        medicineId = g("medicine")?.takeIf { it.isNotEmpty() },
                        title = g("title").orEmpty(),
                        body = g("body").orEmpty(),
                        takenAction = g("taken").orEmpty(),
                        requestCode = g("code")?.toIntOrNull() ?: return@mapNotNull null,
                    )
                }
            }
        } catch (e: IOException) {
            emptyList()
        } catch (e: IllegalArgumentException) {
            emptyList()
        }

    fun save(alarms: List<Alarm>) {
        val p = Properties()
        p.setProperty("count", alarms.size.toString())
        alarms.forEachIndexed { i, a ->
            p.setProperty("$i.id", a.id)
            p.setProperty("$i.at", a.atMillis.toString())
            p.setProperty("$i.local", a.localTime)
            p.setProperty("$i.medicine", a.medicineId.orEmpty())
            p.setProperty("$i.title", a.title)
            p.setProperty("$i.body", a.body)
            p.setProperty("$i.taken", a.takenAction)
            p.setProperty("$i.code", a.requestCode.toString())
        }
        file.parentFile?.mkdirs()
        val tmp = File(file.parentFile, file.name + ".tmp")
        tmp.outputStream().use { p.store(it, null) }
        if (!tmp.renameTo(file)) tmp.delete()
    }
}

/** Carries out plans: cancels on both mechanisms (the allowed one may have changed), registers, remembers. */
class ReminderSync(
    private val store: AlarmStore,
    private val schedulers: Map<Mechanism, ReminderScheduler>,
) {
    /** Replaces the registered reminders with the core's list. Returns the plan carried out. */
    fun sync(reminders: List<Reminder>, now: Long, caps: Capabilities, takenAction: String): ReminderPlan {
        val previous = store.load()
        val plan = ReminderPlanner.plan(reminders, previous, now, caps, takenAction)
        val other = schedulers.filterKeys { it != plan.mechanism }.values
        // Everything registered before is cancelled on the mechanism not used now; what is gone is
        // cancelled on both.
        previous.forEach { a -> other.forEach { it.cancel(a) } }
        plan.cancel.forEach { a -> schedulers[plan.mechanism]?.cancel(a) }
        plan.schedule.forEach { a -> schedulers.getValue(plan.mechanism).schedule(a) }
        store.save(plan.schedule)
        return plan
    }

    /**
     * Registers the remembered future alarms again (after a reboot, or a clock change while the
     * diary could not be opened); the next start asks the core for a fresh list.
     */
    fun restore(now: Long, caps: Capabilities): List<Alarm> {
        val left = ReminderPlanner.future(store.load(), now)
        if (!caps.notificationsAllowed) return emptyList()
        val scheduler = schedulers.getValue(ReminderPlanner.mechanism(caps))
        left.forEach(scheduler::schedule)
        store.save(left)
        return left
    }

    /** Cancels everything (the diary was erased, or reminders turned off). */
    fun clear() {
        val previous = store.load()
        previous.forEach { a -> schedulers.values.forEach { it.cancel(a) } }
        store.save(emptyList())
    }

    fun registered(): List<Alarm> = store.load()

    /** One alarm by its request code (the receiver gets only that). */
    fun find(requestCode: Int): Alarm? = store.load().firstOrNull { it.requestCode == requestCode }
}
