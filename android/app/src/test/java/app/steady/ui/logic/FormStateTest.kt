package app.steady.ui.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.EntryKind
import app.steady.core.EquivalenceTable
import app.steady.core.Expected
import app.steady.core.Field
import app.steady.core.FormRequest
import app.steady.core.GoalDraft
import app.steady.core.GoalType
import app.steady.core.Input
import app.steady.core.Lang
import app.steady.core.MedicineDraft
import app.steady.core.MemoryKeyProvider
import app.steady.core.Pace
import app.steady.core.PlanDraft
import app.steady.core.Problem
import app.steady.core.Proposer
import app.steady.core.ReviewDecision
import app.steady.core.SettingChange
import app.steady.core.SleepDraft
import app.steady.core.Split
import app.steady.core.SteadyDiary
import app.steady.core.SwitchDraft
import java.io.File
import java.time.LocalDate
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * The form engine of the Android app against the real library: the core describes each form, the
 * shell keeps text, the core's parsers read it back, and an entry saved, read back for editing and
 * saved again is the same entry.
 */
class FormStateTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var diary: SteadyDiary

    @Before
    fun setUp() {
        diary = SteadyDiary.open(File(tmp.root, "diary").path, MemoryKeyProvider())
    }

    @After
    fun tearDown() = diary.close()

    private val today: LocalDate get() = LocalDate.parse(diary.today().date)

    private fun FormState.ready(): EntryDraft = when (val b = toDraft { diary.readInstant(it) }) {
        is Built.Ready -> b.value
        is Built.Refused -> throw AssertionError("refused ${b.field}: ${b.problem}")
    }

    private fun FormState.refused(): Built.Refused =
        toDraft { diary.readInstant(it) } as? Built.Refused ?: throw AssertionError("accepted: $this")

    /** Logs, reads back for editing, fills a form, saves it again: the same draft every time. */
    private fun roundTrip(draft: EntryDraft) {
        val id = diary.log(draft)
        val back = diary.entryDraft(id)
        val form = diary.form(FormRequest.Edit(id))
        val state = FormState.start(form)
        assertEquals(back.javaClass, state.ready().javaClass)
        assertEquals(back, state.ready())
        // Through rememberSaveable's flat map, unchanged.
        assertEquals(state, FormState.restore(state.save()))
        assertEquals(id, diary.edit(id, state.ready()))
        assertEquals(back, diary.entryDraft(id))
    }

    @Test
    fun everyKindOfEntryRoundTripsThroughItsForm() {
        val night = today.minusDays(1).toString()
        roundTrip(EntryDraft.Dose(DoseDraft(drug = "Loramet", tablets = 1.5, strengthMg = 1.0, note = "late")))
        roundTrip(EntryDraft.Dose(DoseDraft(drug = "unknown", tablets = 2.0, nonPrescribed = true)))
        roundTrip(EntryDraft.Dose(DoseDraft(drug = "diazepam", mg = 2.5, takenAt = diary.readInstant("${today.minusDays(1)} 08:15"))))
        roundTrip(
            EntryDraft.Sleep(
                SleepDraft(night = night, hours = 7.0, quality = 4, latencyMin = 20, awakenings = 2, wasoMin = 15,
                    inBed = "22:30", triedToSleep = "22:45", finalAwakening = "06:30", outOfBed = "07:00", note = "noisy"),
            ),
        )
        roundTrip(EntryDraft.Anxiety(at = null, score = 6, note = "work"))
        roundTrip(EntryDraft.Gad7(at = null, items = listOf(0, 1, 2, 3, 2, 1, 0)))
        val goal = diary.log(
            EntryDraft.Goal(
                GoalDraft(kind = GoalType.REDUCE, whatMatters = "drive my grandchildren", drug = "lormetazepam", targetMg = 1.0,
                    due = today.plusMonths(6).toString(), reviewOn = today.plusMonths(1).toString(), proposedBy = Proposer.TOGETHER, agreedWith = "Dr. Claes"),
            ),
        )
        roundTrip(diary.entryDraft(goal))
        roundTrip(EntryDraft.Review(goal = goal, at = null, gas = 1, note = "slept better", decision = ReviewDecision.ADJUST, nextReview = today.plusMonths(2).toString()))
        roundTrip(EntryDraft.Question(at = null, text = "Can I stop before the summer?", discussed = false))
    }

    @Test
    fun aPlanWithASwitchRoundTripsThroughItsForm() {
        roundTrip(
            EntryDraft.Plan(
                PlanDraft(drug = "diazepam", startMg = 30.0, start = today.toString(), percent = 10.0, intervalDays = 14,
                    strengthsMg = listOf(2.0, 5.0), split = Split.HALF, floorMg = 5.0, pace = Pace.GENTLE,
                    switch = SwitchDraft(fromDrug = "alprazolam", fromMg = 1.5, table = EquivalenceTable.ASHTON, agreedWith = "Dr. Peeters")),
            ),
        )
    }

    @Test
    fun everyChoiceTheCoreOffersMapsBackToItsValue() {
        val kinds = EntryKind.values().filter { it != EntryKind.SETTINGS }
        var picks = 0
        for (kind in kinds) {
            for (field in diary.form(FormRequest.New(kind)).fields) {
                val pick = field.input as? Input.Pick ?: continue
                for (choice in pick.choices) {
                    picks++
                    val state = FormState(kind).with(field.field, choice.key)
                    val problem = (state.toDraft { diary.readInstant(it) } as? Built.Refused)?.takeIf { it.field == field.field }
                    assertNull("${field.field} ${choice.key} is not read back", problem)
                }
            }
        }
        assertTrue("picks found: $picks", picks >= 20)
        assertEquals(GoalType.STOP, keyed(GoalType.values(), "stop"))
        assertEquals(EquivalenceTable.VA_DOD, keyed(EquivalenceTable.values(), "va_dod"))
        assertEquals(app.steady.core.GoalStatus.ON_HOLD, keyed(app.steady.core.GoalStatus.values(), "on_hold"))
    }

    @Test
    fun numbersAndTabletsAreReadWithTheCoresGrammarAndRefusedOnTheirOwnField() {
        val dose = FormState(EntryKind.DOSE).with(Field.Drug, " Loramet ").with(Field.Tablets, "1½").with(Field.StrengthMg, "0,5")
        val d = (dose.ready() as EntryDraft.Dose).v1
        assertEquals("Loramet", d.drug)
        assertEquals(1.5, d.tablets!!, 0.0)
        assertEquals(0.5, d.strengthMg!!, 0.0)
        assertNull("tablets chosen: no mg sent", d.mg)

        val mg = dose.withAmountUnit(AmountUnit.MG).with(Field.Mg, "ten")
        val refused = mg.refused()
        assertEquals(Field.Mg, refused.field)
        assertTrue(refused.problem is Problem.Unreadable)
        // Worded by the core, in the patient's language, under the form's own field.
        val english = refusal(refused.field, refused.problem, Lang.EN)
        val french = refusal(refused.field, refused.problem, Lang.FR)
        assertTrue(english.text, english.text.contains("ten"))
        assertTrue(english.isFor(Field.Mg))
        assertFalse(english.text == french.text)

        val sleep = FormState(EntryKind.SLEEP).with(Field.Night, today.minusDays(1).toString()).with(Field.Quality, "3").with(Field.Awakenings, "2.5")
        assertEquals(Built.Refused(Field.Awakenings, Problem.Unreadable("2.5", Expected.WholeNumber)), sleep.toDraft { diary.readInstant(it) })
        assertEquals(Field.InBed, sleep.with(Field.Awakenings, "2").with(Field.InBed, "25:00").refused().field)
    }

    @Test
    fun aMissingAnswerIsRefusedOnItsQuestionAndAnswersAreKept() {
        var gad = FormState(EntryKind.GAD7)
        for (i in 0 until 6) gad = gad.withAnswer(i, i % 4)
        assertEquals(listOf(0, 1, 2, 3, 0, 1, null), gad.answers)
        val missing = gad.refused()
        assertEquals(Field.Item(7u), missing.field)
        assertEquals(Problem.Required, missing.problem)
        assertEquals(6, refusal(missing.field, missing.problem, Lang.EN).gad7Item)
        val done = gad.withAnswer(6, 3).ready() as EntryDraft.Gad7
        assertEquals(listOf(0L, 1, 2, 3, 0, 1, 3), done.items)
        assertEquals(Problem.Required, FormState(EntryKind.ANXIETY).refused().problem)
        assertEquals(Field.Score, FormState(EntryKind.ANXIETY).refused().field)
    }

    @Test
    fun theTabletsStepperMovesByTheStepTheCoreGivesWithinItsRange() {
        val field = diary.form(FormRequest.New(EntryKind.DOSE)).field(Field.Tablets)!!
        val input = field.input as Input.Number
        assertEquals(0.25, input.step, 0.0)
        var s = FormState(EntryKind.DOSE)
        s = s.stepped(Field.Tablets, input, up = true)
        assertEquals("0.25", s[Field.Tablets])
        repeat(3) { s = s.stepped(Field.Tablets, input, up = true) }
        assertEquals("1", s[Field.Tablets])
        repeat(10) { s = s.stepped(Field.Tablets, input, up = false) }
        assertEquals("the range's low end", FormState.plain(input.min), s[Field.Tablets])
        s = s.with(Field.Tablets, FormState.plain(input.max)).stepped(Field.Tablets, input, up = true)
        assertEquals(FormState.plain(input.max), s[Field.Tablets])
    }

    @Test
    fun theMedicineFormKeepsItsTimesInOrderAndAsNeededClearsThem() {
        var m = FormState.medicine(null).with(Field.Drug, "Stilnoct").with(Field.Tablets, "½").with(Field.StrengthMg, "10")
        m = m.withTime("22:30").withTime("08:00").withTime("22:30")
        assertEquals(listOf("08:00", "22:30"), m.times)
        assertTrue(m.shows(Field.Times))
        val draft = (m.toMedicineDraft() as Built.Ready).value
        assertEquals(listOf("08:00", "22:30"), draft.times)
        assertEquals(0.5, draft.tablets!!, 0.0)
        val asNeeded = m.toggled(Field.AsNeeded, true)
        assertFalse(asNeeded.shows(Field.Times))
        assertEquals(emptyList<String>(), (asNeeded.toMedicineDraft() as Built.Ready).value.times)
        assertEquals(listOf("22:30"), m.withoutTime("08:00").times)
        // A card's draft fills the "change amount or times" form.
        val id = diary.addMedicine(MedicineDraft(drug = "Stilnoct", tablets = 0.5, strengthMg = 10.0, times = listOf("22:30")))
        val card = diary.medicines().single { it.id == id }
        val change = FormState.medicine(card.draft)
        assertEquals(AmountUnit.TABLETS, change.amountUnit)
        assertEquals(listOf("22:30"), change.times)
        assertEquals(card.draft.copy(from = null), (change.toMedicineDraft() as Built.Ready).value.copy(from = null))
    }

    @Test
    fun timesAreLocalAndReadByTheCoreBlankIsNowAndAnUntouchedTimeIsKept() {
        val blank = (FormState(EntryKind.ANXIETY).with(Field.Score, "4").ready() as EntryDraft.Anxiety)
        assertNull("blank means now", blank.at)
        val local = "${today.minusDays(1)} 21:15"
        val at = (FormState(EntryKind.ANXIETY).with(Field.Score, "4").with(Field.At, local).ready() as EntryDraft.Anxiety).at!!
        assertEquals(CoreTime.localOf(at), local)
        assertEquals(diary.readInstant(local), at)
        // Prefilled from an entry, the stored instant goes back as it was (its own offset kept).
        val kept = "2026-03-01T22:30:00+05:30"
        val state = FormState.of(EntryKind.ANXIETY, EntryDraft.Anxiety(at = kept, score = 2, note = null))
        assertEquals(kept, (state.ready() as EntryDraft.Anxiety).at)
        assertEquals("2026-03-01 22:30", CoreTime.localOf(kept))
        val bad = FormState(EntryKind.ANXIETY).with(Field.Score, "4").with(Field.At, "yesterday-ish").refused()
        assertEquals(Field.At, bad.field)
    }

    @Test
    fun tabletStrengthsAreReadAsAList() {
        val plan = FormState(EntryKind.PLAN).with(Field.Drug, "lormetazepam").with(Field.StartMg, "2").with(Field.Strengths, "0,5; 1 2")
        val p = (plan.ready() as EntryDraft.Plan).v1
        assertEquals(listOf(0.5, 1.0, 2.0), p.strengthsMg)
        assertEquals("the core's default split", Split.QUARTER, p.split)
        assertNull(p.switch)
        assertEquals(Field.Strengths, plan.with(Field.Strengths, "1 two").refused().field)
        assertEquals(Field.StartMg, FormState(EntryKind.PLAN).with(Field.Drug, "diazepam").refused().field)
    }

    @Test
    fun theCoresPrefillStartsTheNextDoseFromTheLastOneAndAnxietyFromNothing() {
        diary.log(EntryDraft.Dose(DoseDraft(drug = "Loramet", tablets = 0.75, strengthMg = 2.0, note = "late")))
        val next = FormState.start(diary.form(FormRequest.New(EntryKind.DOSE)))
        assertEquals("Loramet", next[Field.Drug])
        assertEquals("0.75", next[Field.Tablets])
        assertEquals("", next[Field.Note])
        assertEquals("", next[Field.TakenAt])
        val sleep = FormState.start(diary.form(FormRequest.New(EntryKind.SLEEP)))
        assertEquals(today.minusDays(1).toString(), sleep[Field.Night])
        assertEquals(FormState(EntryKind.ANXIETY), FormState.start(diary.form(FormRequest.New(EntryKind.ANXIETY))))
        diary.changeSetting(SettingChange.Language(Lang.NL))
        val dutch = diary.form(FormRequest.New(EntryKind.DOSE))
        assertNotNull(dutch.field(Field.Drug))
        assertFalse(dutch.title == "Dose" && dutch.field(Field.Drug)!!.label.startsWith("Medicine"))
    }
}
