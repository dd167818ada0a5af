package app.steady.logic

import app.steady.core.Lang
import app.steady.core.MedicineDraft
import app.steady.core.MemoryKeyProvider
import app.steady.core.Reminder
import app.steady.core.SettingChange
import app.steady.core.SteadyDiary
import java.io.File
import java.time.LocalDate
import java.time.OffsetDateTime
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/** Reminder scheduling decisions: the core's list in, what the system is asked to do out. */
class RemindersTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var diary: SteadyDiary
    private var medicine = ""

    @Before
    fun setUp() {
        diary = SteadyDiary.open(File(tmp.root, "diary").path, MemoryKeyProvider())
        val from = LocalDate.parse(diary.today().date).minusDays(1).toString()
        medicine = diary.addMedicine(MedicineDraft(drug = "Stilnoct", tablets = 0.5, strengthMg = 10.0, times = listOf("08:00", "22:30"), from = from))
        diary.changeSetting(SettingChange.CheckIn("21:00"))
    }

    @After
    fun tearDown() = diary.close()

    /** Records what it was asked to do, like AlarmManager or WorkManager would. */
    private class FakeScheduler : ReminderScheduler {
        val registered = mutableMapOf<Int, Alarm>()
        val cancelled = mutableListOf<Int>()

        override fun schedule(alarm: Alarm) {
            registered[alarm.requestCode] = alarm
        }

        override fun cancel(alarm: Alarm) {
            cancelled += alarm.requestCode
            registered.remove(alarm.requestCode)
        }
    }

    private val allowed = Capabilities(sdk = 35, exactAlarmsAllowed = true, notificationsAllowed = true)
    private val now: Long get() = System.currentTimeMillis()
    private fun week(): List<Reminder> = diary.reminders(null, 7u)

    @Test
    fun theCoresWeekBecomesNeutralAlarmsWithStableUniqueCodes() {
        val alarms = ReminderPlanner.alarms(week(), now, diary.labels().actionTaken)
        assertTrue(alarms.size in 18..21)
        assertTrue(alarms.all { it.atMillis > now })
        assertEquals(alarms.sortedBy { it.atMillis }, alarms)
        assertEquals(alarms.size, alarms.map { it.requestCode }.toSet().size)
        assertTrue(alarms.all { it.requestCode >= ReminderPlanner.FIRST_CODE })
        assertEquals(alarms.map { it.requestCode }, ReminderPlanner.alarms(week(), now, "Taken").map { it.requestCode })
        assertTrue(alarms.filter { it.medicineId != null }.all { it.medicineId == medicine })
        assertTrue(alarms.any { it.medicineId == null && it.localTime == "21:00" })
        assertTrue(alarms.none { it.title.contains("Stilnoct") || it.body.contains("zolpidem") || it.body.contains("mg") })
        assertEquals("Taken", alarms.first().takenAction)
        val first = week().first { OffsetDateTime.parse(it.at).toInstant().toEpochMilli() > now }
        assertEquals(OffsetDateTime.parse(first.at).toInstant().toEpochMilli(), alarms.first().atMillis)
    }

    @Test
    fun exactAlarmsOnlyWhereAllowedElseWorkManager() {
        assertEquals(Mechanism.EXACT, ReminderPlanner.mechanism(allowed))
        assertEquals(Mechanism.WORK, ReminderPlanner.mechanism(allowed.copy(exactAlarmsAllowed = false)))
        assertEquals("before Android 12 no permission is needed", Mechanism.EXACT, ReminderPlanner.mechanism(Capabilities(30, false, true)))
    }

    @Test
    fun syncReplacesTheLastSetAndMovesBetweenMechanisms() {
        val exact = FakeScheduler()
        val work = FakeScheduler()
        val sync = ReminderSync(AlarmStore(File(tmp.root, "alarms.properties")), mapOf(Mechanism.EXACT to exact, Mechanism.WORK to work))
        val first = sync.sync(week(), now, allowed, "Taken")
        assertEquals(first.schedule.size, exact.registered.size)
        assertTrue(work.registered.isEmpty())
        // The check-in is turned off: its alarms are cancelled, the medicine's stay.
        diary.changeSetting(SettingChange.CheckIn(null))
        val second = sync.sync(week(), now, allowed, "Taken")
        assertTrue(second.cancel.isNotEmpty())
        assertTrue(second.cancel.all { it.medicineId == null })
        assertTrue(exact.registered.values.all { it.medicineId == medicine })
        // Exact alarms no longer allowed: everything moves to WorkManager.
        val third = sync.sync(week(), now, allowed.copy(exactAlarmsAllowed = false), "Taken")
        assertEquals(Mechanism.WORK, third.mechanism)
        assertTrue(exact.registered.isEmpty())
        assertEquals(third.schedule.size, work.registered.size)
        // Notifications refused: nothing registered anywhere.
        sync.sync(week(), now, allowed.copy(notificationsAllowed = false), "Taken")
        assertTrue(exact.registered.isEmpty() && work.registered.isEmpty())
        assertTrue(sync.registered().isEmpty())
    }

    @Test
    fun afterARebootTheRememberedAlarmsComeBackAndALanguageChangeRewordsThem() {
        val exact = FakeScheduler()
        val store = AlarmStore(File(tmp.root, "alarms.properties"))
        val sync = ReminderSync(store, mapOf(Mechanism.EXACT to exact, Mechanism.WORK to FakeScheduler()))
        val plan = sync.sync(week(), now, allowed, diary.labels().actionTaken)
        assertEquals(plan.schedule, store.load())
        // A reboot clears AlarmManager; the diary cannot be opened yet (device locked).
        val afterBoot = FakeScheduler()
        val restored = ReminderSync(store, mapOf(Mechanism.EXACT to afterBoot, Mechanism.WORK to FakeScheduler())).restore(now, allowed)
        assertEquals(plan.schedule, restored)
        assertEquals(plan.schedule.map { it.requestCode }.toSet(), afterBoot.registered.keys)
        assertEquals(plan.schedule.first(), sync.find(plan.schedule.first().requestCode))
        diary.changeSetting(SettingChange.Language(Lang.FR))
        val french = sync.sync(week(), now, allowed, diary.labels().actionTaken)
        assertFalse(french.schedule.first().body == plan.schedule.first().body)
        assertEquals(plan.schedule.map { it.requestCode }, french.schedule.map { it.requestCode })
        sync.clear()
        assertTrue(store.load().isEmpty())
    }

    @Test
    fun theCoreIsAskedAgainBeforeTheWeekRunsOut() {
        val alarms = ReminderPlanner.alarms(week(), now, "Taken")
        assertFalse(ReminderPlanner.needsRefill(alarms, now))
        val lastDay = alarms.last().atMillis - 24 * 3600 * 1000L
        assertTrue(ReminderPlanner.needsRefill(alarms, lastDay))
        assertTrue(ReminderPlanner.needsRefill(emptyList(), now))
    }
}
