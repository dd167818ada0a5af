package app.steady.ui.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.Expected
import app.steady.core.ExportFormat
import app.steady.core.Field
import app.steady.core.GoalType
import app.steady.core.MemoryKeyProvider
import app.steady.core.Problem
import app.steady.core.ReviewDecision
import app.steady.core.TestKeys
import app.steady.core.TestSupport
import java.time.LocalDate
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/** The view-model glue the Android app uses, driven against the real library. */
class DiaryControllerTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val keys = MemoryKeyProvider()
    private val controllers = mutableListOf<DiaryController>()

    @After
    fun closeAll() = controllers.forEach { it.close() }

    private fun open(provider: MemoryKeyProvider = keys, dir: String = tmp.root.path): DiaryController =
        when (val o = DiaryController.open(dir, provider)) {
            is OpenOutcome.Opened -> o.controller.also { controllers += it }
            is OpenOutcome.NotOpened -> throw AssertionError("did not open: ${o.message}")
        }

    private fun Outcome.refusal(): UiMessage = (this as? Outcome.Refused)?.message ?: throw AssertionError("accepted: $this")

    private fun Outcome.saved(): String = (this as? Outcome.Shown)?.savedId ?: throw AssertionError("not saved: $this")

    private fun DiaryController.today(): LocalDate = LocalDate.parse(view().todayState!!.date)

    @Test
    fun formsBecomeTheCoresTypedInput() {
        val dose = DoseForm(drug = " Loramet ", tabletChoice = 0.75, strengthText = "2", note = " ").toEntry()
        assertEquals(
            FormResult.Ready(EntryDraft.Dose(DoseDraft(null, "Loramet", null, 0.75, 2.0, false, null))),
            dose,
        )
        val extra = DoseForm(drug = "Xanax", tabletChoice = 0.5, extraWholeTablets = 1, strengthUnknown = true, nonPrescribed = true)
        val d = ((extra.toEntry() as FormResult.Ready).entry as EntryDraft.Dose).v1
        assertEquals(1.5, d.tablets!!, 0.0)
        assertNull(d.strengthMg)
        assertTrue(d.nonPrescribed)

        assertEquals(FormResult.Unreadable(Field.Mg, LocalProblem.NOT_A_NUMBER), DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "ten").toEntry())
        assertEquals(FormResult.Unreadable(Field.Item(3u), LocalProblem.REQUIRED), Gad7Form().answer(0, 1).answer(1, 2).toEntry())
        assertEquals(FormResult.Unreadable(Field.Quality, LocalProblem.REQUIRED), SleepForm(LocalDate.of(2026, 3, 1)).toEntry())
        assertEquals(
            FormResult.Unreadable(Field.Awakenings, LocalProblem.NOT_A_WHOLE_NUMBER),
            SleepForm(LocalDate.of(2026, 3, 1), quality = 3, hoursText = "7", awakeningsText = "2.5").toEntry(),
        )
        val goal = GoalForm(GoalType.STABLE, " drive my grandchildren ", targetText = "5").toEntry() as FormResult.Ready
        assertNull("a target only goes with a reduce goal", (goal.entry as EntryDraft.Goal).v1.targetMg)
    }

    @Test
    fun formsReadNumbersAndTimesWithTheCoresGrammar() {
        val night = LocalDate.of(2026, 3, 1)
        val sleep = (SleepForm(night, quality = 3, inBed = " 7:05 ", outOfBed = "14:30").toEntry() as FormResult.Ready)
            .entry as EntryDraft.Sleep
        assertEquals("07:05", sleep.v1.inBed)
        assertEquals("2026-03-01", sleep.v1.night)
        assertEquals(
            FormResult.Unreadable(Field.OutOfBed, LocalProblem.NOT_A_CLOCK_TIME),
            SleepForm(night, quality = 3, outOfBed = "25:00").toEntry(),
        )
        val dose = (DoseForm(drug = "diazepam", tabletChoice = 0.5, strengthText = "2,5").toEntry() as FormResult.Ready)
            .entry as EntryDraft.Dose
        assertEquals(2.5, dose.v1.strengthMg!!, 0.0)
        // The desktop's grammar: no exponents.
        assertEquals(
            FormResult.Unreadable(Field.Mg, LocalProblem.NOT_A_NUMBER),
            DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "1e1").toEntry(),
        )

        val c = open()
        assertEquals(UiMessage(MessageKind.UNREADABLE, Field.InBed), c.log(SleepForm(night, quality = 3, inBed = "22h")).refusal())
        // The Summary screen opens on the core's default period: 8 weeks.
        assertEquals(56, c.showSummary(SummaryChoice(), c.today()).view.summaryScreen!!.days.size)
        assertEquals(0uL, c.view().entryCount)
    }

    @Test
    fun logsFromFormsAndShowsTheTodayState() {
        val c = open()
        c.log(DoseForm(drug = "Loramet", tabletChoice = 0.75, strengthText = "2,0")).saved()
        c.log(DoseForm(drug = "Xanax", tabletChoice = 1.0, strengthUnknown = true, nonPrescribed = true)).saved()
        c.log(AnxietyForm(score = 7)).saved()
        c.log(Gad7Form(List(7) { 1 })).saved()
        val yesterday = c.today().minusDays(1)
        c.log(SleepForm(yesterday, quality = 3, inBed = ClockTime(22, 0).toString(), outOfBed = "06:30", hoursText = "7")).saved()

        val state = c.showToday().view.todayState!!
        assertEquals(listOf("¾", "1"), state.doses.map { it.tablets })
        assertEquals(TotalLine("7.5–15", 1, 0), state.prescribed)
        assertEquals(TotalLine(null, 1, 1), state.nonPrescribed)
        assertEquals(NightRow(yesterday.toString(), 7, 0, 82, 3), state.lastNight)
        assertEquals("7", state.anxietyMean)
        assertEquals(5uL, c.view().entryCount)
    }

    @Test
    fun refusalsNameTheFieldWhetherTheFormOrTheCoreRefused() {
        val c = open()
        val local = c.log(DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "abc")).refusal()
        assertEquals(UiMessage(MessageKind.UNREADABLE, Field.Mg), local)

        val core = c.log(DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "-5")).refusal()
        assertEquals(MessageKind.INVALID_INPUT, core.kind)
        assertEquals(Field.Mg, core.field)
        assertNotNull(core.detail)
        assertEquals(Problem.NotPositive, core.problem)

        assertEquals(Field.StrengthMg, c.log(DoseForm(drug = "diazepam", tabletChoice = 0.5)).refusal().field)
        assertEquals(Field.Drug, c.log(DoseForm(drug = "", unit = DoseUnit.MG, mgText = "5")).refusal().field)
        assertEquals(4, c.log(Gad7Form(listOf(0, 0, 0, 0, 9, 0, 0))).refusal().gad7Item)
        // A malformed id is refused while the bindings read the draft: the core names the id's type,
        // Field.Id (the old API said goal_id).
        val badId = c.log(ReviewForm("nope", gas = 1)).refusal()
        assertEquals(Field.Id, badId.field)
        assertEquals(Expected.EntryId, (badId.problem as Problem.Unreadable).expected)
        assertEquals(Field.Gas, c.log(GoalForm(whatMatters = "sleep")).let { c.log(ReviewForm(it.saved(), gas = 3)) }.refusal().field)
        assertEquals(1uL, c.view().entryCount)
    }

    @Test
    fun setsAndReviewsAGoalEditsAndDeletes() {
        val c = open()
        val goalId = c.log(GoalForm(GoalType.KEEP, "not fall at night", reviewOn = c.today())).saved()
        assertTrue(c.view().todayState!!.goals.single().reviewDue)
        c.log(ReviewForm(goalId, gas = -1, decision = ReviewDecision.ADJUST, note = "harder than hoped")).saved()

        val doseId = c.log(DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "10")).saved()
        c.edit(doseId, DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "7.5")).saved()
        assertEquals("7.5", c.showToday().view.todayState!!.doses.single().mg)

        val history = (c.showHistory().view.screen as Screen.History).entries
        assertEquals(3, history.size)
        assertEquals(1, history.byDayNewestFirst().size)

        c.delete(goalId)
        assertEquals(1uL, c.view().entryCount)
        assertEquals(Field.Id, c.delete(goalId).refusal().field)
    }

    @Test
    fun summaryFilesAndSummaryScreenFollowTheChoice() {
        val c = open()
        c.log(DoseForm(drug = "diazepam", unit = DoseUnit.MG, mgText = "10")).saved()
        val today = c.today()

        val text = c.summaryFile(SummaryChoice(SummaryPeriod.LAST_7_DAYS), today) as SummaryOutcome.File
        assertTrue(text.file.mimeType.startsWith("text/plain"))
        val words = text.file.bytes.toString(Charsets.UTF_8)
        assertTrue(words, TestSupport.mentionsPeriod(words, today.minusDays(6), today))
        val json = c.summaryFile(SummaryChoice(SummaryPeriod.LAST_4_WEEKS, format = ExportFormat.JSON), today)
        assertEquals("application/json", (json as SummaryOutcome.File).file.mimeType)

        val screen = c.showSummary(SummaryChoice(SummaryPeriod.LAST_14_DAYS), today).view.summaryScreen!!
        assertEquals(14, screen.days.size)
        assertEquals(1u, screen.prescribed.doses)
    }

    @Test
    fun openingWithTheWrongKeyGivesAMessageNotACrash() {
        open().close()
        when (val o = DiaryController.open(tmp.root.path, MemoryKeyProvider(TestKeys.random()))) {
            is OpenOutcome.NotOpened -> assertEquals(MessageKind.WRONG_KEY, o.message.kind)
            is OpenOutcome.Opened -> {
                o.controller.close()
                fail("a wrong key opened the diary")
            }
        }
        assertEquals(0uL, open().view().entryCount)
    }
}
