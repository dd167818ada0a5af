package app.steady.ui.logic

import app.steady.core.AnxietyDay
import app.steady.core.DeTotal
import app.steady.core.DiaryStatus
import app.steady.core.DoseLine
import app.steady.core.EntryDraft
import app.steady.core.EntryKind
import app.steady.core.EntryRow
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFormat
import app.steady.core.Field
import app.steady.core.GoalDraft
import app.steady.core.GoalType
import app.steady.core.Hideable
import app.steady.core.Lang
import app.steady.core.MemoryKeyProvider
import app.steady.core.MgRange
import app.steady.core.NightLine
import app.steady.core.Problem
import app.steady.core.Proposer
import app.steady.core.SplitTotal
import app.steady.core.SteadyDiary
import app.steady.core.SteadyException
import app.steady.core.TodayView
import app.steady.core.Use
import app.steady.core.parseClockTime
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
    private val base: TodayView by lazy {
        val diary = SteadyDiary.open(tmp.newFolder("diary").path, MemoryKeyProvider())
        try {
            val date = diary.today().date
            val goal = GoalDraft(kind = GoalType.KEEP, whatMatters = "not fall", reviewOn = date, proposedBy = Proposer.PATIENT)
            diary.log(EntryDraft.Goal(goal))
            diary.today()
        } finally {
            diary.close()
        }
    }

    private fun today(
        doses: List<DoseLine> = emptyList(),
        prescribed: DeTotal = DeTotal(0.0, 0.0, 0u, 0u),
        nonPrescribed: DeTotal = DeTotal(0.0, 0.0, 0u, 0u),
    ): TodayView {
        val day = LocalDate.parse(base.date)
        return base.copy(
            doses = doses,
            totals = SplitTotal(prescribed = prescribed, nonPrescribed = nonPrescribed),
            lastNight = NightLine(day.minusDays(1).toString(), 400.0 / 60.0, 78.43, 4u, "good"),
            anxiety7d = (6L downTo 0L).map { AnxietyDay(day.minusDays(it).toString(), if (it == 0L) 11.0 / 3.0 else null) },
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
        // The core's own reader takes them back unchanged.
        assertEquals("07:05", parseClockTime(CoreTime.clock(7, 5)))
        assertEquals("23:00", parseClockTime(ClockTime(23, 0).toString()))
    }

    @Test
    fun todayStateKeepsUnknownsUnknownAndNonPrescribedApart() {
        val state = today(
            doses = listOf(
                DoseLine("d1", "08:00", "lormetazepam", 1.5, 0.75, Use.PRESCRIBED, MgRange(7.5, 15.0), "lormetazepam ¾ × 2 mg (1.5 mg)"),
                DoseLine("d2", "23:10", "alprazolam", null, 2.0, Use.NON_PRESCRIBED, null, "alprazolam 2 tablets, strength unknown"),
            ),
            prescribed = DeTotal(7.5, 15.0, 1u, 0u),
            nonPrescribed = DeTotal(0.0, 0.0, 1u, 1u),
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
        fun row(id: String, date: String, time: String, kind: EntryKind = EntryKind.DOSE) =
            EntryRow(id, kind, kind.name.lowercase(), date, time, "line $id", false, null)
        val rows = listOf(
            row("a", "2026-03-01", "08:00"),
            row("b", "2026-03-01", "21:00", EntryKind.ANXIETY),
            row("c", "2026-03-03", "07:00"),
        )
        val days = rows.byDayNewestFirst()
        assertEquals(listOf("2026-03-03", "2026-03-01"), days.map { it.date })
        assertEquals(listOf("a", "b"), days[1].entries.map { it.id })
        assertEquals(listOf("b"), rows.ofKind(EntryKind.ANXIETY).map { it.id })
        assertEquals(3, rows.ofKind(null).size)
    }

    @Test
    fun summaryChoiceBuildsTheRequestForThePeriodEndingToday() {
        val today = LocalDate.of(2026, 3, 31)
        assertEquals("2026-03-25" to "2026-03-31", SummaryPeriod.LAST_7_DAYS.range(today))
        assertEquals("2026-03-04" to "2026-03-31", SummaryPeriod.LAST_4_WEEKS.range(today))
        val request = SummaryChoice(SummaryPeriod.LAST_14_DAYS, table = EquivalenceTable.DUTCH, format = ExportFormat.JSON)
            .request(today)
        assertEquals("2026-03-18", request.from)
        assertEquals("2026-03-31", request.to)
        assertEquals(ExportFormat.JSON, request.format)
        assertEquals(EquivalenceTable.DUTCH, request.table)
        assertEquals(Lang.EN, request.language)
        assertEquals(emptyList<Hideable>(), request.exclude)
        assertEquals(listOf(Lang.EN), OFFERED_LANGUAGES)

        val hidden = SummaryChoice().toggled(Hideable.SLEEP).toggled(Hideable.NON_PRESCRIBED)
        assertFalse(hidden.includes(Hideable.NON_PRESCRIBED))
        assertTrue(hidden.includes(Hideable.GOALS))
        // Listed in the screen's order, whatever the order of the taps.
        assertEquals(listOf(Hideable.NON_PRESCRIBED, Hideable.SLEEP), hidden.request(today).exclude)
        assertTrue(hidden.toggled(Hideable.SLEEP).includes(Hideable.SLEEP))
    }

    @Test
    fun theDefaultSummaryPeriodIsTheCores() {
        val today = LocalDate.of(2026, 3, 31)
        assertEquals(SummaryPeriod.DEFAULT, SummaryChoice().period)
        // The core's default (8 weeks ending today), from defaultPeriod: not a rule of the shell.
        assertEquals("2026-02-04" to "2026-03-31", SummaryPeriod.DEFAULT.range(today))
        // The request leaves the period out, so the core's SummaryRequest defaults apply.
        val request = SummaryChoice().request(today)
        assertNull(request.from)
        assertNull(request.to)
    }

    @Test
    fun exceptionsBecomeMessagesThatKeepTheField() {
        val outOfRange = Problem.OutOfRange(0, 3)
        val invalid = SteadyException.InvalidInput(Field.Item(5u), outOfRange, "item5 must be between 0 and 3").toUiMessage()
        assertEquals(UiMessage(MessageKind.INVALID_INPUT, Field.Item(5u), "item5 must be between 0 and 3", outOfRange), invalid)
        assertEquals(4, invalid.gad7Item)
        assertTrue(invalid.inline)
        assertTrue(invalid.isFor(Field.Item(4u), Field.Item(5u)))
        assertNull(UiMessage(MessageKind.INVALID_INPUT, Field.Mg).gad7Item)
        assertNull(UiMessage(MessageKind.INVALID_INPUT, Field.Item(9u)).gad7Item)

        assertEquals(MessageKind.WRONG_KEY, SteadyException.WrongKey().toUiMessage().kind)
        assertFalse(SteadyException.WrongKey().toUiMessage().inline)
        assertEquals(MessageKind.KEYSTORE, SteadyException.KeyProvider("locked").toUiMessage().kind)
        assertEquals(MessageKind.DISK_FULL, SteadyException.DiskFull().toUiMessage().kind)
        assertEquals(MessageKind.DAMAGED_ENTRY, SteadyException.Tampered("x").toUiMessage().kind)
        assertEquals(MessageKind.INTERNAL, SteadyException.Internal("bug").toUiMessage().kind)
    }

    @Test
    fun pageKindFollowsTheScreen() {
        val view = DiaryView(Screen.Today(today()), DiaryStatus(0uL, emptyList(), EquivalenceTable.ASHTON))
        assertEquals(PageKind.TODAY, view.page)
        assertEquals("Ashton Manual", view.todayState!!.tableName)
        assertEquals(PageKind.LOADING, view.copy(screen = Screen.Loading).page)
        assertNull(view.copy(screen = Screen.Loading).todayState)
    }
}
