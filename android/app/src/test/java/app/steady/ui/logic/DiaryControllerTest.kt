package app.steady.ui.logic

import app.steady.core.Country
import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.EntryKind
import app.steady.core.ExportFormat
import app.steady.core.Field
import app.steady.core.GoalStatus
import app.steady.core.Hideable
import app.steady.core.Lang
import app.steady.core.MemoryKeyProvider
import app.steady.core.SettingChange
import app.steady.core.SteadyDiary
import app.steady.core.StepStatus
import java.io.File
import java.time.LocalDate
import org.junit.After
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/** The Android app's journeys through its glue, against the real library. */
class DiaryControllerTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val controllers = mutableListOf<DiaryController>()

    @After
    fun closeAll() = controllers.forEach { it.close() }

    private fun open(dir: String = "diary", keys: MemoryKeyProvider = MemoryKeyProvider()): DiaryController =
        DiaryController(SteadyDiary.open(File(tmp.root, dir).path, keys)).also {
            controllers += it
            it.show(Page.Today)
        }

    private fun Outcome.shown(): Outcome.Shown = this as? Outcome.Shown ?: throw AssertionError("refused: ${(this as Outcome.Refused).message}")

    private val Outcome.Shown.said: UiMessage get() = message ?: throw AssertionError("no message: $this")

    private fun Outcome.refusal(): UiMessage = (this as? Outcome.Refused)?.message ?: throw AssertionError("accepted: $this")

    private fun DiaryController.today(): TodayState = (view().screen as Screen.Today).state

    private fun DiaryController.todayDate(): LocalDate = LocalDate.parse(diaryDay())

    private fun DiaryController.logForm(kind: EntryKind, fill: (FormState) -> FormState): String =
        save(fill(FormState.start(newForm(kind)))).shown().savedId!!

    @Test
    fun aDoseIsLoggedEditedAndDeletedThroughTheCoresForms() {
        val c = open()
        val id = c.logForm(EntryKind.DOSE) { it.with(Field.Drug, "Loramet").with(Field.Tablets, "¾").with(Field.StrengthMg, "2") }
        val dose = c.today().view.doses.single()
        assertEquals(id, dose.id)
        assertTrue(dose.text, dose.text.contains("lormetazepam"))
        // Edit: the core's edit form is filled with the entry; the same id comes back.
        val edit = FormState.start(c.editForm(id))
        assertEquals("0.75", edit[Field.Tablets])
        assertEquals(id, c.save(edit.with(Field.Tablets, "1"), editing = id).shown().savedId)
        assertTrue(c.today().view.doses.single().text.contains("1 × 2 mg"))
        // History shows it under its diary day; delete is confirmed by the screen, done by the core.
        val history = (c.show(Page.History()).shown().view.screen as Screen.History).days
        assertEquals(id, history.single().entries.single().id)
        assertEquals(listOf(id), c.delete(id).shown().deletedIds)
        assertTrue((c.view().screen as Screen.History).days.isEmpty())
    }

    @Test
    fun refusalsAreInThePatientsLanguageUnderTheirField() {
        val c = open()
        val english = c.save(FormState(EntryKind.DOSE).with(Field.Drug, "Notadrug").with(Field.Mg, "5").withAmountUnit(AmountUnit.MG)).refusal()
        assertEquals(Field.Drug, english.field)
        assertTrue(english.text, english.text.contains("Notadrug"))
        c.changeSetting(SettingChange.Language(Lang.FR)).shown()
        val french = c.save(FormState(EntryKind.DOSE).with(Field.Drug, "Notadrug").with(Field.Mg, "5").withAmountUnit(AmountUnit.MG)).refusal()
        assertEquals(Field.Drug, french.field)
        assertNotEquals(english.text, french.text)
        // A field the form could not read is worded by the core too, in French.
        val local = c.save(FormState(EntryKind.DOSE).with(Field.Drug, "diazepam").with(Field.Mg, "dix").withAmountUnit(AmountUnit.MG)).refusal()
        assertEquals(Field.Mg, local.field)
        assertTrue(local.text, local.text.contains("dix"))
        assertEquals(Lang.FR, c.lang)
        assertEquals(c.words().labels.actionTaken, c.view().labels!!.actionTaken)
        assertNotEquals("Taken", c.words().labels.actionTaken)
    }

    @Test
    fun takenIsOneStepWithTheCoresSentenceAndUndoRemovesIt() {
        val c = open()
        val med = c.addMedicine(
            FormState.medicine(null).with(Field.Drug, "Stilnoct").with(Field.Tablets, "½").with(Field.StrengthMg, "10")
                .withTime("22:30").with(Field.From, c.todayDate().minusDays(1).toString()),
        ).shown().savedId!!
        val card = (c.show(Page.Medicines).shown().view.screen as Screen.Medicines).cards.single()
        assertEquals(med, card.id)
        val taken = c.taken(med).shown()
        assertEquals(MessageKind.DONE, taken.said.kind)
        assertTrue(taken.said.text, taken.said.text.startsWith("Logged zolpidem ½ × 10 mg (5 mg)"))
        assertEquals(1u, (taken.view.screen as Screen.Medicines).cards.single().takenToday)
        // Undo deletes exactly what Taken logged.
        assertEquals(listOf(taken.savedId!!), c.undo(taken.said.entryId!!).shown().deletedIds)
        // At a time picked on the Today screen (local, read by the core).
        val at = "${c.todayDate()} 00:30"
        val earlier = c.taken(med, at).shown()
        assertTrue(earlier.said.text, earlier.said.text.contains("00:30"))
        val skipped = c.skipped(med, " slept early ").shown()
        assertTrue(skipped.said.text, skipped.said.text.isNotBlank())
        // Change the amount from today on, then stop it: the earlier regimen is kept in its history.
        c.changeMedicine(med, FormState.medicine(card.draft).with(Field.Tablets, "¼").with(Field.From, c.todayDate().toString())).shown()
        val changed = (c.view().screen as Screen.Medicines).cards.single()
        assertTrue(changed.usual, changed.usual.contains("¼"))
        assertTrue(changed.history.size >= 2)
        // Stopped today: today is its last day, so it stays on Today until tomorrow; its history says so.
        c.stopMedicine(med).shown()
        val stopped = (c.view().screen as Screen.Medicines).cards.single()
        assertEquals(changed.history.size + 1, stopped.history.size)
        assertTrue(stopped.active)
        assertEquals(med, c.show(Page.Today).shown().view.let { (it.screen as Screen.Today).state.medicines.single().id })
    }

    @Test
    fun theMedicinePickerSearchesTheCatalogueOfThePatientsCountry() {
        val c = open()
        assertEquals(listOf("Stilnox"), c.search("stil", Country.FR).map { it.name })
        assertTrue(c.search("stil", Country.BE).any { it.name == "Stilnoct" })
        assertTrue(c.search("  ", null).isEmpty())
        assertTrue(c.search("diaz", null).first().strengthsMg.isNotEmpty())
    }

    @Test
    fun aPlanIsMadeHeldResumedRepacedEndedAndSentToTheCalendar() {
        val c = open()
        // 10 % of 2 mg is less than a quarter of 1 mg: the core lengthens the first interval to 28 days.
        val start = c.todayDate().minusDays(35)
        c.logForm(EntryKind.PLAN) {
            it.with(Field.Drug, "lormetazepam").with(Field.StartMg, "2").with(Field.Start, start.toString())
                .with(Field.Strengths, "1 2").with(Field.Percent, "10").with(Field.IntervalDays, "14")
        }
        val plan = (c.show(Page.Plan).shown().view.screen as Screen.Plan).state
        assertTrue(plan.active)
        assertEquals("2 mg", plan.steps.first().dose)
        assertEquals("", plan.steps.first().cut)
        assertEquals(1, plan.steps.count { it.current })
        assertEquals(plan.steps.map { "${it.date} ${it.dose} ${it.status}" }.toString(), StepStatus.DONE, plan.steps.first().status)
        assertTrue(plan.steps[1].cut, plan.steps[1].cut.startsWith("−"))
        assertNotNull(plan.today)
        val endBefore = plan.plan!!.endDate

        val held = (c.hold(" bad nights ").shown().view.screen as Screen.Plan).state
        assertTrue(held.holding)
        assertEquals("bad nights", held.holds.single().reason)
        assertTrue(held.holds.single().open)
        // Holding twice is refused by the core, in words.
        assertEquals(MessageKind.INVALID_INPUT, c.hold("again").refusal().kind)
        val resumed = (c.resume().shown().view.screen as Screen.Plan).state
        assertFalse(resumed.holding)
        assertFalse("the hold is closed", resumed.holds.single().open)
        // Held and resumed the same day: no day was held, so the end date has not moved.
        assertEquals(endBefore, resumed.plan!!.endDate)

        assertEquals(Field.Percent, c.changePace("", "21").refusal().field)
        assertEquals(Field.IntervalDays, c.changePace("5", "three weeks").refusal().field)
        val slower = (c.changePace("5", "21").shown().view.screen as Screen.Plan).state
        // From today on the steps follow the new pace: the upcoming steps are not the ones before.
        val upcoming = { p: PlanState -> p.steps.filter { it.status == StepStatus.UPCOMING }.map { it.date to it.dose } }
        assertNotEquals(upcoming(resumed), upcoming(slower))
        assertEquals(resumed.steps.filter { it.status == StepStatus.DONE }, slower.steps.filter { it.status == StepStatus.DONE })

        val calendar = c.planCalendar() as FileOutcome.File
        assertTrue(calendar.file.mimeType, calendar.file.mimeType.startsWith("text/calendar"))
        val ics = String(calendar.file.bytes, Charsets.UTF_8)
        assertTrue(ics.contains("BEGIN:VCALENDAR"))
        assertFalse("neutral titles: no drug name", ics.contains("lormetazepam", ignoreCase = true))

        val ended = (c.endPlan("agreed with my GP").shown().view.screen as Screen.Plan).state
        assertFalse(ended.active)
        assertNotNull(ended.plan!!.endedOn)
    }

    @Test
    fun goalsAreSetWithDueAndReviewDatesReviewedAndClosed() {
        val c = open()
        val today = c.todayDate()
        val goal = c.logForm(EntryKind.GOAL) {
            it.with(Field.WhatMatters, "sleep through the night").with(Field.Kind, "keep").with(Field.ProposedBy, "patient")
                .with(Field.Due, today.plusMonths(3).toString()).with(Field.ReviewOn, today.plusDays(30).toString())
        }
        val open = (c.show(Page.Goals).shown().view.screen as Screen.Goals).open.single()
        assertEquals(goal, open.id)
        assertEquals("sleep through the night", open.whatMatters)
        assertEquals(today.plusDays(30).toString(), open.nextReview)
        val review = FormState.start(c.newForm(EntryKind.REVIEW)).with(Field.Goal, goal).with(Field.Gas, "0").with(Field.Decision, "keep")
            .with(Field.NextReview, today.plusDays(90).toString())
        c.save(review).shown()
        assertEquals(today.plusDays(90).toString(), (c.view().screen as Screen.Goals).open.single().nextReview)
        c.setGoalStatus(goal, GoalStatus.ACHIEVED).shown()
        val after = c.view().screen as Screen.Goals
        assertTrue(after.open.isEmpty())
        assertEquals(goal, after.closed.single().id)
    }

    @Test
    fun questionsAreAskedAndMarkedAsTalkedAbout() {
        val c = open()
        val q = c.logForm(EntryKind.QUESTION) { it.with(Field.Text, "Can I drive after my evening dose?") }
        val before = c.show(Page.Questions).shown().view.screen as Screen.Questions
        assertEquals(q, before.open.single().id)
        assertTrue(before.discussed.isEmpty())
        val after = c.questionDiscussed(q).shown().view.screen as Screen.Questions
        assertTrue(after.open.isEmpty())
        assertEquals(q, after.discussed.single().id)
        assertTrue(after.discussed.single().line, after.discussed.single().line.contains("drive"))
    }

    @Test
    fun everySummaryFormatInEveryLanguageSaysWhatWasLeftOut() {
        val c = open()
        c.logForm(EntryKind.DOSE) { it.with(Field.Drug, "diazepam").with(Field.Mg, "5").withAmountUnit(AmountUnit.MG).with(Field.Note, "my private note") }
        c.logForm(EntryKind.DOSE) {
            it.with(Field.Drug, "unknown").with(Field.Tablets, "1").with(Field.StrengthMg, "").toggled(Field.NonPrescribed, true)
        }
        val formats = mutableMapOf<ExportFormat, String>()
        // The doses were logged today, so the period runs to today (the default ends yesterday).
        val today = c.todayDate().toString()
        for (lang in SUMMARY_LANGUAGES) {
            for (format in SHARE_FORMATS) {
                val all = c.summaryFile(SummaryChoice(to = today, language = lang, format = format)) as FileOutcome.File
                val hidden = c.summaryFile(SummaryChoice(to = today, language = lang, format = format, exclude = setOf(Hideable.NOTES, Hideable.NON_PRESCRIBED))) as FileOutcome.File
                assertTrue("$lang $format", all.file.bytes.isNotEmpty())
                assertFalse("$lang $format file name without health data", all.file.fileName.contains("diazepam"))
                assertFalse("$lang $format: different with parts left out", all.file.bytes.contentEquals(hidden.file.bytes))
                formats[format] = all.file.mimeType
                if (format != ExportFormat.PDF) {
                    val text = String(all.file.bytes, Charsets.UTF_8)
                    val without = String(hidden.file.bytes, Charsets.UTF_8)
                    assertTrue("$lang $format keeps the note", text.contains("my private note"))
                    assertFalse("$lang $format leaves the note out", without.contains("my private note"))
                } else {
                    assertEquals("%PDF", String(all.file.bytes.copyOfRange(0, 4), Charsets.US_ASCII))
                }
            }
        }
        assertEquals("application/pdf", formats[ExportFormat.PDF])
        assertTrue(formats[ExportFormat.CSV]!!, formats[ExportFormat.CSV]!!.startsWith("text/csv"))
        assertTrue(formats[ExportFormat.FHIR]!!, formats[ExportFormat.FHIR]!!.contains("fhir+json"))
        // The clinician's language differs from the patient's: the same facts, other words.
        val en = c.summaryFile(SummaryChoice(language = Lang.EN, format = ExportFormat.TEXT)) as FileOutcome.File
        val nb = c.summaryFile(SummaryChoice(language = Lang.NB, format = ExportFormat.TEXT)) as FileOutcome.File
        assertFalse(en.file.bytes.contentEquals(nb.file.bytes))
    }

    @Test
    fun theSummaryScreenShowsThePreviewTheChartAndThePeriodChosen() {
        val c = open()
        c.logForm(EntryKind.DOSE) { it.with(Field.Drug, "diazepam").with(Field.Mg, "5").withAmountUnit(AmountUnit.MG) }
        val to = c.todayDate()
        val (from, _) = SummaryChoice.lastDays(to, 14)
        val choice = SummaryChoice(from = from, to = to.toString(), language = Lang.FR, exclude = setOf(Hideable.SLEEP))
        val state = (c.show(Page.Summary(choice)).shown().view.screen as Screen.Summary).state
        assertEquals(14, state.chart.points.size)
        assertEquals(from, state.screen.from)
        assertTrue(state.preview, state.preview.isNotBlank())
        assertTrue("French preview", state.preview != String((c.summaryFile(choice.copy(language = Lang.EN, format = ExportFormat.TEXT)) as FileOutcome.File).file.bytes))
        // TalkBack reads every day's figure: today's 5 mg diazepam, "5 mg" (French decimals).
        assertTrue(state.chart.description, state.chart.description.endsWith(": 5 mg"))
        assertTrue(state.chart.description, state.chart.description.startsWith(c.show(Page.Today).shown().view.let { (it.screen as Screen.Today).state.view.tableNote.trim().removePrefix("(").removeSuffix(")") }))
        // The default period is the core's.
        val default = (c.show(Page.Summary(SummaryChoice())).shown().view.screen as Screen.Summary).state
        assertEquals(app.steady.core.defaultPeriod(to.toString())[0], default.screen.from)
        // It ends with the last complete diary day: today's doses may not all be taken yet.
        assertEquals(to.minusDays(1).toString(), default.screen.to)
        assertEquals(default.screen.from to default.screen.to, SummaryChoice().period(to.toString()))
    }

    @Test
    fun aBackupNeedsThePassphraseTwiceAndRestoresIntoAFreshDiary() {
        val c = open()
        c.logForm(EntryKind.DOSE) { it.with(Field.Drug, "diazepam").with(Field.Mg, "5").withAmountUnit(AmountUnit.MG) }
        c.logForm(EntryKind.QUESTION) { it.with(Field.Text, "What next?") }
        val mismatch = c.backup("correct horse", "correct hose") as FileOutcome.Refused
        assertEquals(c.words().labels.shellBackupMismatch, mismatch.message.text)
        val backup = c.backup("correct horse", "correct horse") as FileOutcome.File
        assertEquals(2uL, backup.entries)
        assertTrue(backup.skipped.isEmpty())

        val phone = open("new-phone")
        assertEquals(MessageKind.WRONG_PASSPHRASE, phone.restore(backup.file.bytes, "correct hose").refusal().kind)
        val done = phone.restore(backup.file.bytes, "correct horse").shown()
        assertEquals(phone.words().labels.shellRestoreDone, done.said.text)
        assertEquals(2uL, done.view.entryCount)
        assertEquals(
            (c.show(Page.History()).shown().view.screen as Screen.History).days.flatMap { it.entries }.map { it.line },
            (phone.show(Page.History()).shown().view.screen as Screen.History).days.flatMap { it.entries }.map { it.line },
        )
        val cut = phone.restore(backup.file.bytes.copyOf(backup.file.bytes.size - 5), "correct horse").refusal()
        assertEquals(MessageKind.BAD_BACKUP, cut.kind)
        assertEquals(2uL, phone.view().entryCount)
    }

    @Test
    fun settingsChangeTheDayStartTheLanguageAndTheCheckInReminder() {
        val c = open()
        assertEquals("04:00", c.settings().dayStart)
        c.changeSetting(SettingChange.DayStart("03:00")).shown()
        assertEquals("03:00", c.settings().dayStart)
        val late = c.changeSetting(SettingChange.DayStart("13:00")).refusal()
        assertEquals(Field.DayStart, late.field)
        assertEquals("03:00", c.settings().dayStart)
        assertTrue(c.reminders().none { it.medicineId == null })
        c.changeSetting(SettingChange.CheckIn("21:00")).shown()
        val checkIns = c.reminders().filter { it.medicineId == null }
        assertTrue(checkIns.size >= 6)
        assertTrue(checkIns.all { it.localTime == "21:00" })
        c.changeSetting(SettingChange.Language(Lang.NB)).shown()
        val settings = c.show(Page.Settings).shown().view
        assertEquals(Lang.NB, (settings.screen as Screen.Settings).settings.language)
        val words = settings.words!!
        assertEquals(Lang.NB, words.lang)
        assertEquals(words.labels.shellLanguageNb, words.language(Lang.NB))
    }

    @Test
    fun aLockedDiaryRefusesEveryCallWithAMessageAndComesBack() {
        val keys = MemoryKeyProvider()
        val c = open(keys = keys)
        c.logForm(EntryKind.ANXIETY) { it.with(Field.Score, "3") }
        c.lock()
        assertTrue(c.isLocked)
        val refused = c.refresh().refusal()
        assertEquals(MessageKind.LOCKED, refused.kind)
        assertTrue(refused.text.isNotBlank())
        assertTrue(c.summaryFile(SummaryChoice()) is FileOutcome.Refused)
        assertEquals(MessageKind.WRONG_KEY, c.unlock(MemoryKeyProvider()).refusal().kind)
        assertEquals(1uL, c.unlock(keys).shown().view.entryCount)
        assertFalse(c.isLocked)
    }
}
