package app.steady.ui.logic

import app.steady.core.AnxietyDayView
import app.steady.core.AppView
import app.steady.core.DeTable
import app.steady.core.DeTotalView
import app.steady.core.DoseLineView
import app.steady.core.EntryKindView
import app.steady.core.EntryRow
import app.steady.core.EntryInput
import app.steady.core.GoalInput
import app.steady.core.GoalKindInput
import app.steady.core.MemoryKeyProvider
import app.steady.core.PageRequest
import app.steady.core.ProposedBy
import app.steady.core.SteadyDiary
import app.steady.core.UserEvent
import app.steady.core.NightView
import app.steady.core.Screen
import app.steady.core.SteadyException
import app.steady.core.SummaryFormat
import app.steady.core.SummaryLanguage
import app.steady.core.SummarySection
import app.steady.core.TodayScreen
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * The Android-free view glue: formatting, reshaping, error mapping. The records come from the real
 * library (then `copy` sets the numbers under test), so these tests follow the FFI as it grows.
 */
class ViewStateTest {
    @get:Rule
    val tmp = TemporaryFolder()

    /** A real today screen with one active goal whose review is due today. */
    private val base: TodayScreen by lazy {
        val diary = SteadyDiary.open(tmp.newFolder("diary").path, MemoryKeyProvider())
        try {
            val date = (diary.view().screen as Screen.Today).today.date
            val goal = GoalInput(GoalKindInput.KEEP, "not fall", null, null, null, date, ProposedBy.PATIENT, null)
            diary.send(UserEvent.Log(EntryInput.Goal(goal)))
            (diary.send(UserEvent.Show(PageRequest.Today)).screen as Screen.Today).today
        } finally {
            diary.close()
        }
    }

    private fun today(
        doses: List<DoseLineView> = emptyList(),
        prescribed: DeTotalView = DeTotalView(0.0, 0.0, 0u, 0u),
        nonPrescribed: DeTotalView = DeTotalView(0.0, 0.0, 0u, 0u),
    ): TodayScreen {
        val day = LocalDate.parse(base.date)
        return base.copy(
            doses = doses,
            prescribed = prescribed,
            nonPrescribed = nonPrescribed,
            lastNight = NightView(day.minusDays(1).toString(), 400.0 / 60.0, 78.43, 4u),
            anxiety7d = (6L downTo 0L).map { AnxietyDayView(day.minusDays(it).toString(), if (it == 0L) 11.0 / 3.0 else null) },
            anxiety7dMean = 11.0 / 3.0,
        )
    }

    @Test
    fun amountsAreFormattedWithoutNoise() {
        assertEquals("10", Amounts.number(10.0))
        assertEquals("1.5", Amounts.number(1.5))
        assertEquals("0.25", Amounts.number(0.25))
        assertEquals("3.33", Amounts.number(10.0 / 3.0))
        assertEquals("10", Amounts.range(10.0, 10.0000001))
        assertEquals("7.5–15", Amounts.range(7.5, 15.0))
        assertEquals("¾", Amounts.tablets(0.75))
        assertEquals("1½", Amounts.tablets(1.5))
        assertEquals("2", Amounts.tablets(2.0))
        assertEquals("0.3", Amounts.tablets(0.3))
        assertEquals(1.5, Amounts.parse(" 1,5 ")!!, 0.0)
        assertNull(Amounts.parse("  "))
        assertTrue(Amounts.parse("two")!!.isNaN())
        assertEquals(6 to 40, Amounts.hoursAndMinutes(400.0 / 60.0))
    }

    @Test
    fun instantsAndClockTimesAreInTheFormsTheCoreParses() {
        val t = OffsetDateTime.of(2026, 3, 1, 22, 30, 0, 5, ZoneOffset.ofHours(1))
        assertEquals("2026-03-01T22:30:00+01:00", CoreTime.instant(t))
        assertEquals("2026-03-01T22:30:00Z", CoreTime.instant(t.withOffsetSameLocal(ZoneOffset.UTC)))
        assertEquals("07:05", CoreTime.clock(7, 5))
        assertEquals("23:00", ClockTime(23, 0).toString())
    }

    @Test
    fun todayStateKeepsUnknownsUnknownAndNonPrescribedApart() {
        val state = today(
            doses = listOf(
                DoseLineView("d1", "08:00", "lormetazepam", 1.5, 0.75, false, 7.5, 15.0),
                DoseLineView("d2", "23:10", "alprazolam", null, 2.0, true, null, null),
            ),
            prescribed = DeTotalView(7.5, 15.0, 1u, 0u),
            nonPrescribed = DeTotalView(0.0, 0.0, 1u, 1u),
        ).toState()

        assertEquals(DoseRow("d1", "08:00", "lormetazepam", "1.5", "¾", false, "7.5–15"), state.doses[0])
        assertNull("unknown strength: no mg, no equivalent", state.doses[1].de)
        assertNull(state.doses[1].mg)
        assertEquals(TotalLine("7.5–15", 1, 0), state.prescribed)
        assertEquals(TotalLine(null, 1, 1), state.nonPrescribed)
        assertTrue(state.showNonPrescribed)
        assertEquals(NightRow(LocalDate.parse(base.date).minusDays(1).toString(), 6, 40, 78, 4), state.lastNight)
        assertEquals(7, state.anxietyWeek.size)
        assertEquals("3.7", state.anxietyWeek.last().mean)
        assertEquals(11f / 30f, state.anxietyWeek.last().fraction!!, 1e-6f)
        assertNull(state.anxietyWeek.first().fraction)
        assertEquals(LocalDate.parse(base.date).dayOfWeek, state.anxietyWeek.last().dayOfWeek)
        assertEquals(base.date, state.date)
        assertEquals("3.7", state.anxietyMean)
        val goal = state.goals.single()
        assertEquals("not fall", goal.whatMatters)
        assertTrue(goal.reviewDue)
    }

    @Test
    fun noNonPrescribedLineWithoutNonPrescribedUse() {
        assertFalse(today().toState().showNonPrescribed)
        assertTrue(today().toState().prescribed.empty)
    }

    @Test
    fun historyShowsTheNewestDayFirstAndTimeOrderWithinADay() {
        fun row(id: String, date: String, time: String, kind: EntryKindView = EntryKindView.DOSE) =
            EntryRow(id, kind, date, time, "line $id", false, null)
        val rows = listOf(
            row("a", "2026-03-01", "08:00"),
            row("b", "2026-03-01", "21:00", EntryKindView.ANXIETY),
            row("c", "2026-03-03", "07:00"),
        )
        val days = rows.byDayNewestFirst()
        assertEquals(listOf("2026-03-03", "2026-03-01"), days.map { it.date })
        assertEquals(listOf("a", "b"), days[1].entries.map { it.id })
        assertEquals(listOf("b"), rows.ofKind(EntryKindView.ANXIETY).map { it.id })
        assertEquals(3, rows.ofKind(null).size)
    }

    @Test
    fun summaryChoiceBuildsTheRequestForThePeriodEndingToday() {
        val today = LocalDate.of(2026, 3, 31)
        assertEquals("2026-03-25" to "2026-03-31", SummaryPeriod.LAST_7_DAYS.range(today))
        assertEquals("2026-03-04" to "2026-03-31", SummaryPeriod.LAST_4_WEEKS.range(today))
        val request = SummaryChoice(SummaryPeriod.LAST_14_DAYS, table = DeTable.DUTCH, format = SummaryFormat.JSON)
            .request(today)
        assertEquals("2026-03-18", request.from)
        assertEquals("2026-03-31", request.to)
        assertEquals(SummaryFormat.JSON, request.format)
        assertEquals(DeTable.DUTCH, request.table)
        assertEquals(SummaryLanguage.ENGLISH, request.language)
        assertEquals(emptyList<SummarySection>(), request.exclude)
        assertEquals(listOf(SummaryLanguage.ENGLISH), OFFERED_LANGUAGES)

        val hidden = SummaryChoice().toggled(SummarySection.SLEEP).toggled(SummarySection.NON_PRESCRIBED)
        assertFalse(hidden.includes(SummarySection.NON_PRESCRIBED))
        assertTrue(hidden.includes(SummarySection.GOALS))
        // Listed in the screen's order, whatever the order of the taps.
        assertEquals(listOf(SummarySection.NON_PRESCRIBED, SummarySection.SLEEP), hidden.request(today).exclude)
        assertTrue(hidden.toggled(SummarySection.SLEEP).includes(SummarySection.SLEEP))
    }

    @Test
    fun exceptionsBecomeMessagesThatKeepTheField() {
        val invalid = SteadyException.InvalidInput("item5", "must be between 0 and 3").toUiMessage()
        assertEquals(UiMessage(MessageKind.INVALID_INPUT, "item5", "must be between 0 and 3"), invalid)
        assertEquals(4, invalid.gad7Item)
        assertTrue(invalid.inline)
        assertTrue(invalid.isFor("item4", "item5"))
        assertNull(UiMessage(MessageKind.INVALID_INPUT, "mg").gad7Item)
        assertNull(UiMessage(MessageKind.INVALID_INPUT, "item9").gad7Item)

        assertEquals(MessageKind.WRONG_KEY, SteadyException.WrongKey().toUiMessage().kind)
        assertFalse(SteadyException.WrongKey().toUiMessage().inline)
        assertEquals(MessageKind.KEYSTORE, SteadyException.KeyProvider("locked").toUiMessage().kind)
        assertEquals(MessageKind.DISK_FULL, SteadyException.DiskFull().toUiMessage().kind)
        assertEquals(MessageKind.DAMAGED_ENTRY, SteadyException.Tampered("x").toUiMessage().kind)
        assertEquals(MessageKind.INTERNAL, SteadyException.Internal("bug").toUiMessage().kind)
    }

    @Test
    fun pageKindFollowsTheScreen() {
        val view = AppView(Screen.Today(today()), null, emptyList(), 0uL, DeTable.ASHTON)
        assertEquals(PageKind.TODAY, view.page)
        assertEquals("Ashton Manual", view.todayState!!.tableName)
        assertEquals(PageKind.LOADING, view.copy(screen = Screen.Loading).page)
        assertNull(view.copy(screen = Screen.Loading).todayState)
    }
}
