package app.steady.core

import java.io.File
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.After
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * Drives the real steady-core library through its generated Kotlin bindings, as the Android app
 * does: a Kotlin KeyProvider, typed drafts in, the core's typed views out, exceptions (naming a
 * typed field) for refusals.
 */
class SteadyDiaryTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private companion object {
        // RFC 3339 needs the seconds, which OffsetDateTime.toString() drops when they are zero.
        val RFC_3339: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
    }

    private lateinit var dataDir: File
    private lateinit var keys: MemoryKeyProvider
    private val opened = mutableListOf<SteadyDiary>()

    @Before
    fun setUp() {
        dataDir = tmp.newFolder("diary")
        keys = MemoryKeyProvider()
    }

    @After
    fun closeAll() {
        // close() is idempotent, so diaries a test already closed are fine here.
        opened.forEach { it.close() }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private fun open(provider: KeyProvider = keys, dir: File = dataDir): SteadyDiary =
        SteadyDiary.open(dir.path, provider).also { opened += it }

    private fun dose(
        drug: String,
        mg: Double? = null,
        tablets: Double? = null,
        strengthMg: Double? = null,
        nonPrescribed: Boolean = false,
        at: String? = null,
        note: String? = null,
    ) = EntryDraft.Dose(
        DoseDraft(
            takenAt = at, drug = drug, mg = mg, tablets = tablets, strengthMg = strengthMg,
            nonPrescribed = nonPrescribed, note = note,
        ),
    )

    private fun sleep(
        night: String,
        quality: Long = 4,
        hours: Double? = null,
        inBed: String? = "22:30",
        outOfBed: String? = "07:00",
    ) = EntryDraft.Sleep(
        SleepDraft(
            night = night, hours = hours, quality = quality, latencyMin = 20, awakenings = 1,
            wasoMin = 30, inBed = inBed, triedToSleep = inBed?.let { "23:00" },
            finalAwakening = outOfBed?.let { "06:30" }, outOfBed = outOfBed, note = null,
        ),
    )

    private fun goal(
        whatMatters: String,
        kind: GoalType = GoalType.KEEP,
        reviewOn: String? = null,
        drug: String? = null,
        targetMg: Double? = null,
        due: String? = null,
        setAt: String? = null,
    ) = EntryDraft.Goal(
        GoalDraft(
            setAt = setAt, kind = kind, whatMatters = whatMatters, drug = drug, targetMg = targetMg, due = due,
            reviewOn = reviewOn, proposedBy = Proposer.TOGETHER, agreedWith = "Dr. Peeters",
        ),
    )

    private fun gad7(vararg items: Long, at: String? = null) = EntryDraft.Gad7(at, items.toList())

    private fun review(goalId: String, gas: Long, decision: ReviewDecision = ReviewDecision.KEEP, note: String? = null) =
        EntryDraft.Review(goal = goalId, at = null, gas = gas, note = note, decision = decision, nextReview = null)

    private fun request(
        from: String,
        to: String,
        format: ExportFormat,
        table: EquivalenceTable? = null,
        exclude: List<Hideable> = emptyList(),
    ) = SummaryRequest(from = from, to = to, format = format, table = table, language = null, exclude = exclude)

    // `log(entry)` returns the saved entry's id and `today()` the today view: the core's own methods
    // (the old API returned both inside a view, as `Notice.Saved` and `Screen.Today`).

    /** Every entry, oldest first. */
    private fun SteadyDiary.history(): List<EntryRow> = history(null, null)

    /** The core's own date for "today" (the same device clock the app uses). */
    private fun SteadyDiary.date(): LocalDate = LocalDate.parse(today().date)

    /** An RFC 3339 instant `daysAgo` days before the core's today, at a fixed local clock time. */
    private fun SteadyDiary.at(daysAgo: Long, hour: Int, minute: Int = 0): String {
        val day = date().minusDays(daysAgo)
        val time = LocalTime.of(hour, minute)
        val offset = ZoneId.systemDefault().rules.getOffset(day.atTime(time))
        return OffsetDateTime.of(day, time, offset).format(RFC_3339)
    }

    private inline fun <reified E : SteadyException> refused(crossinline block: () -> Unit): E =
        assertThrows(E::class.java) { block() }

    private fun invalidField(block: () -> Unit): Field = refused<SteadyException.InvalidInput>(block).field

    /** The field of a value the bindings could not read in its wire form, checking what was expected. */
    private fun unreadable(expected: Expected, block: () -> Unit): Field {
        val e = refused<SteadyException.InvalidInput>(block)
        val problem = e.problem
        assertTrue("expected Unreadable, got $problem", problem is Problem.Unreadable)
        assertEquals(expected, (problem as Problem.Unreadable).expected)
        return e.field
    }

    private fun assertClose(expected: Double, actual: Double?, what: String) {
        assertNotNull("$what is missing", actual)
        assertEquals(what, expected, actual!!, 1e-9)
    }

    // --- opening ----------------------------------------------------------------------------------

    @Test
    fun opensWithAKotlinKeyProviderAndCreatesTheDiaryOnFirstUse() {
        assertFalse(keys.created)
        val diary = open()
        assertTrue("the provider created a key", keys.created)
        assertEquals(1, keys.calls.get())
        assertTrue("the diary wrote its file", dataDir.listFiles()!!.isNotEmpty())

        val status = diary.status()
        assertEquals(0uL, status.entryCount)
        assertEquals(EquivalenceTable.ASHTON, status.table)
        assertTrue(status.damagedIds.isEmpty())
        // The core keeps no current page any more: the today view is asked for.
        val today = diary.today()
        // The diary day starts at 04:00 by default: between midnight and 04:00 it is still yesterday.
        assertEquals(LocalDateTime.now().minusHours(4).toLocalDate().toString(), today.date)
        assertTrue(today.doses.isEmpty())
        assertNull(today.lastNight)
        assertEquals(7, today.anxiety7d.size)
    }

    // --- logging each kind ------------------------------------------------------------------------

    @Test
    fun logsADoseInMilligrams() {
        val diary = open()
        val id = diary.log(dose("diazepam", mg = 10.0, note = "morning"))

        val today = diary.today()
        val line = today.doses.single()
        assertEquals(id, line.id)
        assertEquals("diazepam", line.substance)
        assertClose(10.0, line.mg, "mg")
        assertNull(line.tablets)
        assertEquals(Use.PRESCRIBED, line.use)
        assertTrue(Regex("""\d\d:\d\d""").matches(line.time))
        assertClose(10.0, line.de?.low, "DE low")
        assertClose(10.0, line.de?.high, "DE high")
        assertEquals(DeTotal(10.0, 10.0, 1u, 0u, noValueDoses = 0u), today.totals.prescribed)
        assertEquals(1uL, diary.status().entryCount)
    }

    @Test
    fun logsThreeQuartersOfATwoMilligramTabletByBrandName() {
        val diary = open()
        diary.log(dose("Loramet", tablets = 0.75, strengthMg = 2.0))

        val line = diary.today().doses.single()
        assertEquals("lormetazepam", line.substance)
        assertClose(0.75, line.tablets, "tablets")
        assertClose(1.5, line.mg, "mg")
        // Ashton: 1–2 mg lormetazepam ≈ 10 mg diazepam, so 1.5 mg is a range, 7.5–15 mg.
        assertClose(7.5, line.de?.low, "DE low")
        assertClose(15.0, line.de?.high, "DE high")
        // The core's history line now shows the split too: "lormetazepam ¾ × 2 mg (1.5 mg), …".
        val row = diary.history().single().line
        assertTrue(row, row.startsWith("lormetazepam ") && row.contains("(1.5 mg)"))
    }

    @Test
    fun logsANonPrescribedDoseOfUnknownStrengthAsUnknownNeverZero() {
        val diary = open()
        diary.log(dose("Xanax", tablets = 2.0, nonPrescribed = true, note = "bought"))

        val today = diary.today()
        val line = today.doses.single()
        assertEquals("alprazolam", line.substance)
        assertEquals(Use.NON_PRESCRIBED, line.use)
        assertNull("unknown strength has no mg", line.mg)
        assertNull("and no diazepam equivalent", line.de)
        assertEquals(DeTotal(0.0, 0.0, 1u, 1u, noValueDoses = 0u), today.totals.nonPrescribed)
        assertEquals(DeTotal(0.0, 0.0, 0u, 0u, noValueDoses = 0u), today.totals.prescribed)

        val row = diary.history().single()
        assertEquals(EntryKind.DOSE, row.kind)
        assertTrue(row.nonPrescribed)
        assertEquals("bought", row.note)
        // The core's line: "alprazolam 2 tablets, strength unknown, non-prescribed, DE unknown — …".
        assertTrue(row.line, row.line.contains("strength unknown"))
    }

    @Test
    fun todayTotalsKeepPrescribedAndNonPrescribedApartAsRanges() {
        val diary = open()
        diary.log(dose("diazepam", mg = 10.0))
        diary.log(dose("lormetazepam", tablets = 0.75, strengthMg = 2.0))
        diary.log(dose("alprazolam", mg = 0.5, nonPrescribed = true))
        diary.log(dose("unknown", tablets = 1.0, nonPrescribed = true))

        val today = diary.today()
        assertEquals(4, today.doses.size)
        assertEquals(2, today.doses.count { it.use == Use.NON_PRESCRIBED })
        // Prescribed: 10 + (7.5–15) = 17.5–25 mg diazepam, nothing unknown.
        val prescribed = today.totals.prescribed
        assertClose(17.5, prescribed.lowMg, "prescribed low")
        assertClose(25.0, prescribed.highMg, "prescribed high")
        assertEquals(2u, prescribed.doses)
        assertEquals(0u, prescribed.unknownDoses)
        // Non-prescribed: 0.5 mg alprazolam = 10 mg; the unknown pill is counted, not added.
        val nonPrescribed = today.totals.nonPrescribed
        assertClose(10.0, nonPrescribed.lowMg, "non-prescribed low")
        assertClose(10.0, nonPrescribed.highMg, "non-prescribed high")
        assertEquals(2u, nonPrescribed.doses)
        assertEquals(1u, nonPrescribed.unknownDoses)
        assertEquals("unknown substance", today.doses.last().substance)
    }

    @Test
    fun logsASleepDiaryNightWithBedTimesAndShowsItAsLastNight() {
        val diary = open()
        val yesterday = diary.date().minusDays(1).toString()
        diary.log(sleep(yesterday, quality = 4))

        val night = diary.today().lastNight
        assertNotNull(night)
        assertEquals(yesterday, night!!.night)
        assertEquals(4.toUByte(), night.quality)
        // Consensus Sleep Diary: 23:00 → 06:30 minus 20 min latency and 30 min awake = 400 min.
        assertClose(400.0 / 60.0, night.totalSleepH, "total sleep")
        // In bed 22:30 → 07:00 = 510 min.
        assertClose(400.0 / 510.0 * 100.0, night.efficiencyPercent, "efficiency")
        val row = diary.history().single()
        assertEquals(EntryKind.SLEEP, row.kind)
        assertEquals(yesterday, row.date)
    }

    @Test
    fun anxietyRatingsFillTheSevenDayWeek() {
        val diary = open()
        diary.log(EntryDraft.Anxiety(at = null, score = 6, note = null))
        diary.log(EntryDraft.Anxiety(at = null, score = 4, note = "after the GP"))
        diary.log(EntryDraft.Anxiety(at = diary.at(2, 12), score = 1, note = null))

        val today = diary.today()
        val week = today.anxiety7d
        assertEquals(7, week.size)
        assertEquals(today.date, week.last().date)
        assertEquals(diary.date().minusDays(6).toString(), week.first().date)
        assertClose(5.0, week.last().mean, "today's mean")
        assertClose(1.0, week[4].mean, "two days ago")
        assertNull(week[5].mean)
        assertClose(11.0 / 3.0, today.anxiety7dMean, "week mean")
    }

    @Test
    fun logsAGad7Questionnaire() {
        val diary = open()
        val id = diary.log(gad7(1, 2, 0, 3, 1, 0, 2))

        val row = diary.history().single()
        assertEquals(id, row.id)
        assertEquals(EntryKind.GAD7, row.kind)
        // The core's line no longer repeats the kind: "total 9 (mild); items 1,2,0,3,1,0,2".
        assertTrue(row.line, row.line.contains("total 9"))
        assertTrue(row.line, row.line.contains("mild"))
    }

    @Test
    fun setsAGoalAndReviewsItThroughTheIdFromNoticeSaved() {
        val diary = open()
        val today = diary.date().toString()
        // Set at the diary day's start (04:00), not "now": between midnight and 04:00 the core dates a
        // goal set now by the calendar (tomorrow's date) while today() still shows the diary day,
        // and refuses a review "before the day the goal was set" (a core inconsistency, reported).
        val goalId = diary.log(goal("not fall at night", reviewOn = today, setAt = diary.at(0, 4)))

        val line = diary.today().goals.single()
        assertEquals(goalId, line.id)
        assertEquals("not fall at night", line.whatMatters)
        assertTrue(line.description.isNotBlank())
        assertEquals(today, line.nextReview)
        assertTrue("a review dated today is due", line.reviewDue)

        val reviewId = diary.log(
            review(goalId, gas = 1, note = "slept better"),
        )
        val rows = diary.history()
        assertEquals(listOf(EntryKind.GOAL, EntryKind.REVIEW), rows.map { it.kind })
        assertEquals(reviewId, rows.last().id)
        assertTrue(rows.last().line, rows.last().line.contains("GAS +1"))
        assertEquals("slept better", rows.last().note)
    }

    @Test
    fun aReduceGoalNamesItsDrugAndTarget() {
        val diary = open()
        val due = diary.date().plusDays(60).toString()
        diary.log(goal("stop buying pills", GoalType.REDUCE, drug = "Noctamid", targetMg = 1.0, due = due))

        val line = diary.today().goals.single()
        assertTrue(line.description, line.description.contains("lormetazepam"))
        assertNull(line.nextReview)
        assertFalse(line.reviewDue)
    }

    // --- reading, editing, deleting ---------------------------------------------------------------

    @Test
    fun historyListsEntriesInTimeOrderOldestFirst() {
        val diary = open()
        diary.log(EntryDraft.Anxiety(at = diary.at(1, 9), score = 3, note = null))
        diary.log(dose("diazepam", mg = 5.0, at = diary.at(3, 8)))
        diary.log(gad7(0, 0, 1, 0, 0, 1, 0, at = diary.at(2, 20)))
        diary.log(dose("diazepam", mg = 5.0, at = diary.at(3, 21, 30)))

        val rows = diary.history()
        assertEquals(
            listOf(EntryKind.DOSE, EntryKind.DOSE, EntryKind.GAD7, EntryKind.ANXIETY),
            rows.map { it.kind },
        )
        assertEquals(listOf("08:00", "21:30", "20:00", "09:00"), rows.map { it.time })
        assertEquals(rows.sortedWith(compareBy({ it.date }, { it.time })), rows)
        assertEquals(diary.date().minusDays(3).toString(), rows.first().date)
    }

    @Test
    fun editReplacesAnEntryKeepingItsId() {
        val diary = open()
        val id = diary.log(dose("diazepam", mg = 10.0))

        assertEquals(id, diary.edit(id, dose("diazepam", mg = 5.0, note = "halved")))
        assertEquals(1uL, diary.status().entryCount)
        val line = diary.today().doses.single()
        assertEquals(id, line.id)
        assertClose(5.0, line.mg, "edited mg")
        assertEquals("halved", diary.history().single().note)
    }

    @Test
    fun deleteRemovesAnEntryAndAGoalTakesItsReviews() {
        val diary = open()
        val doseId = diary.log(dose("diazepam", mg = 10.0))
        val goalId = diary.log(goal("drive my grandchildren"))
        val reviewId = diary.log(
            review(goalId, gas = 0, decision = ReviewDecision.ADJUST),
        )
        assertEquals(3uL, diary.status().entryCount)

        assertEquals(listOf(doseId), diary.delete(doseId))
        assertTrue(diary.today().doses.isEmpty())

        val deleted = diary.delete(goalId)
        assertEquals(setOf(goalId, reviewId), deleted.toSet())
        assertEquals(0uL, diary.status().entryCount)
        assertTrue(diary.history().isEmpty())

        assertEquals(Field.Id, invalidField { diary.delete(doseId) })
    }

    // --- closing, reopening, keys -----------------------------------------------------------------

    @Test
    fun closeAndReopenKeepsEveryEntry() {
        val first = open()
        val doseId = first.log(dose("Stilnoct", tablets = 0.5, strengthMg = 10.0))
        first.log(EntryDraft.Anxiety(at = null, score = 2, note = null))
        val before = first.history()
        first.close()
        assertThrows(IllegalStateException::class.java) { first.status() }

        val second = open()
        assertEquals(2uL, second.status().entryCount)
        assertEquals(before, second.history())
        val line = second.today().doses.single()
        assertEquals(doseId, line.id)
        assertEquals("zolpidem", line.substance)
        assertEquals(2, keys.calls.get())
    }

    @Test
    fun destroyReleasesTheDiaryToo() {
        val first = open()
        first.log(dose("diazepam", mg = 2.0))
        first.destroy()
        first.destroy() // a second call is harmless
        assertThrows(IllegalStateException::class.java) { first.refresh() }
        assertEquals(1uL, open().status().entryCount)
    }

    @Test
    fun wrongKeyThrowsWrongKeyAndTheDiaryStillOpensWithTheRightKey() {
        open().apply {
            log(dose("diazepam", mg = 10.0))
            close()
        }

        refused<SteadyException.WrongKey> { open(MemoryKeyProvider(TestKeys.random())) }

        val diary = open()
        assertEquals(1uL, diary.status().entryCount)
        assertEquals(1, diary.today().doses.size)
    }

    @Test
    fun aKeyProviderThatRefusesBecomesAKeyProviderException() {
        val e = refused<SteadyException.KeyProvider> { open(RefusingKeyProvider("keystore is locked")) }
        assertTrue(e.message, e.message.contains("keystore is locked"))
        // Nothing was damaged: the right provider opens an empty diary afterwards.
        assertEquals(0uL, open().status().entryCount)
    }

    @Test
    fun aKeyProviderThatCrashesIsReportedNotPropagatedAsACrash() {
        refused<SteadyException.KeyProvider> { open(CrashingKeyProvider()) }
        assertEquals(0uL, open().status().entryCount)
    }

    @Test
    fun aKeyOf31BytesIsAnErrorNotACrash() {
        val e = refused<SteadyException.KeyProvider> { open(ShortKeyProvider()) }
        assertTrue(e.message, e.message.contains("31"))
        assertEquals(0uL, open().status().entryCount)
    }

    // --- refusals name the field ------------------------------------------------------------------

    @Test
    fun aNegativeDoseNamesMg() {
        val diary = open()
        val e = refused<SteadyException.InvalidInput> { diary.log(dose("diazepam", mg = -1.0)) }
        assertEquals(Field.Mg, e.field)
        assertEquals(Problem.NotPositive, e.problem)
        assertTrue("readable message: ${e.message}", e.message.contains("mg"))
        assertEquals("nothing was written", 0uL, diary.status().entryCount)
    }

    @Test
    fun eachBadInputNamesItsField() {
        val diary = open()
        val yesterday = diary.date().minusDays(1).toString()
        assertEquals(Field.Item(5u), invalidField { diary.log(gad7(0, 1, 2, 3, 4, 0, 0)) })
        assertEquals(Field.Quality, invalidField { diary.log(sleep(yesterday, quality = 6)) })
        // A date, id or instant not in its wire form is refused while the bindings read the draft,
        // before there is a draft: the field named is the value's type (Date, Id, Instant), not the
        // record field it was sent in (the old API said night, goal_id and taken_at).
        assertEquals(Field.Date, unreadable(Expected.Date) { diary.log(sleep("last tuesday")) })
        assertEquals(Field.Id, unreadable(Expected.EntryId) { diary.log(review("not-an-id", gas = 1)) })
        assertEquals(Field.Drug, invalidField { diary.log(dose("aspirin", mg = 500.0)) })
        assertEquals(Field.Tablets, invalidField { diary.log(dose("diazepam", tablets = 0.3, strengthMg = 5.0)) })
        assertEquals(Field.Score, invalidField { diary.log(EntryDraft.Anxiety(null, 11, null)) })
        assertEquals(Field.Instant, unreadable(Expected.Instant) { diary.log(dose("diazepam", mg = 5.0, at = "22:00")) })
        assertEquals("nothing was written", 0uL, diary.status().entryCount)
    }

    @Test
    fun aReviewOfAGoalThatDoesNotExistIsRefused() {
        val diary = open()
        val doseId = diary.log(dose("diazepam", mg = 5.0))
        // A well-formed id that is not a goal: refused, and nothing is written.
        refused<SteadyException.InvalidInput> {
            diary.log(review(doseId, gas = 1))
        }
        assertEquals(1uL, diary.status().entryCount)
    }

    // --- summaries --------------------------------------------------------------------------------

    private fun SteadyDiary.fillAWeek(): Pair<String, String> {
        val to = date()
        val from = to.minusDays(6)
        log(dose("diazepam", mg = 10.0, at = at(5, 8)))
        log(dose("Xanax", tablets = 1.0, nonPrescribed = true, at = at(4, 23)))
        log(sleep(from.plusDays(2).toString()))
        log(EntryDraft.Anxiety(at(3, 12), 5, null))
        log(gad7(1, 1, 1, 1, 1, 1, 1, at = at(2, 10)))
        return from.toString() to to.toString()
    }

    @Test
    fun summaryAsPlainTextMentionsThePeriod() {
        val diary = open()
        val (from, to) = diary.fillAWeek()

        val file = diary.summary(request(from, to, ExportFormat.TEXT, null))
        assertEquals("text/plain; charset=utf-8", file.mimeType)
        assertTrue(file.fileName, file.fileName.endsWith(".txt"))
        assertTrue(file.fileName, file.fileName.contains(from) && file.fileName.contains(to))
        val text = file.bytes.toString(Charsets.UTF_8)
        assertTrue(text, TestSupport.mentionsPeriod(text, LocalDate.parse(from), LocalDate.parse(to)))
        assertTrue(text, text.contains("Ashton"))
        assertTrue(text, text.contains("diazepam"))
        assertTrue("at most 80 columns", text.lines().all { it.length <= 80 })
    }

    @Test
    fun summaryAsJsonCarriesTheDaysAndTheChosenTable() {
        val diary = open()
        val (from, to) = diary.fillAWeek()

        val file = diary.summary(request(from, to, ExportFormat.JSON, EquivalenceTable.DUTCH))
        assertEquals("application/json", file.mimeType)
        assertTrue(file.fileName, file.fileName.endsWith(".json"))
        val json = file.bytes.toString(Charsets.UTF_8).trim()
        assertTrue(json.startsWith("{") && json.endsWith("}"))
        assertTrue(json.contains("\"days\""))
        assertTrue(json.contains("\"$from\""))
        assertTrue(json.contains("\"$to\""))
        assertTrue(json.contains("Dutch"))
        // The summary does not change the diary's own table.
        assertEquals(EquivalenceTable.ASHTON, diary.status().table)
    }

    @Test
    fun summaryLeavesOutNonPrescribedUseWhenThePatientSaysSo() {
        val diary = open()
        val (from, to) = diary.fillAWeek()
        fun text(exclude: List<Hideable>) =
            diary.summary(request(from, to, ExportFormat.TEXT, exclude = exclude)).bytes.toString(Charsets.UTF_8)

        val full = text(emptyList())
        assertTrue(full, full.contains("alprazolam"))
        val without = text(listOf(Hideable.NON_PRESCRIBED))
        assertFalse(without, without.contains("alprazolam"))
        assertTrue("prescribed doses stay", without.contains("diazepam"))
        val json = diary.summary(request(from, to, ExportFormat.JSON, exclude = listOf(Hideable.NON_PRESCRIBED)))
        assertFalse(json.bytes.toString(Charsets.UTF_8).contains("alprazolam"))
    }

    @Test
    fun summaryScreenAndBadPeriodsNameTheirField() {
        val diary = open()
        val (from, to) = diary.fillAWeek()
        val s = diary.summaryScreen(request(from, to, ExportFormat.TEXT))
        assertEquals(7, s.days.size)
        assertEquals(1u, s.prescribed.doses)
        assertEquals(1u, s.nonPrescribed!!.unknownDoses)
        assertEquals(1u, s.sleepNights)
        // Two days with a dose; today is unfinished, so of the 6 complete days 4 had none.
        assertEquals(4u, s.daysWithoutDose)
        assertTrue(s.tableSource, s.tableSource.contains("benzo.org.uk"))

        // Dates not in the wire form are refused while the bindings read the request: the field named
        // is the value's type, Date (the old API said from and to).
        assertEquals(Field.Date, unreadable(Expected.Date) { diary.summary(request("01/03/2026", to, ExportFormat.TEXT, null)) })
        assertEquals(Field.Date, unreadable(Expected.Date) { diary.summary(request(from, "", ExportFormat.JSON, null)) })
        assertEquals(Field.From, invalidField { diary.summary(request(to, from, ExportFormat.TEXT, null)) })
    }

    // --- threads and settings ---------------------------------------------------------------------

    @Test
    fun concurrentCallsFromTwoThreadsAreAllSaved() {
        val diary = open()
        val pool = Executors.newFixedThreadPool(2)
        val start = CountDownLatch(1)
        val ids = java.util.Collections.synchronizedList(mutableListOf<String>())
        val jobs = (0 until 2).map { thread ->
            pool.submit {
                start.await()
                repeat(25) { i ->
                    ids += diary.log(dose("diazepam", mg = 1.0, note = "thread $thread dose $i"))
                    if (i % 5 == 0) diary.status()
                }
            }
        }
        start.countDown()
        jobs.forEach { it.get(60, TimeUnit.SECONDS) }
        pool.shutdown()

        assertEquals(50, ids.toSet().size)
        assertEquals(50uL, diary.status().entryCount)
        val today = diary.today()
        assertEquals(50, today.doses.size)
        assertEquals(50u, today.totals.prescribed.doses)
        assertClose(50.0, today.totals.prescribed.lowMg, "total")
    }

    @Test
    fun useTableChangesTheTableOnTheTodayScreen() {
        val diary = open()
        diary.log(dose("lormetazepam", mg = 1.5))
        assertEquals("Ashton Manual", diary.today().table.name)

        diary.useTable(EquivalenceTable.DUTCH)
        assertEquals(EquivalenceTable.DUTCH, diary.status().table)
        val dutch = diary.today()
        assertEquals("Dutch table", dutch.table.name)
        // Dutch table: lormetazepam 1 mg ≈ 10 mg diazepam, a single value.
        assertClose(15.0, dutch.totals.prescribed.lowMg, "Dutch low")
        assertClose(15.0, dutch.totals.prescribed.highMg, "Dutch high")

        diary.useTable(EquivalenceTable.NORWEGIAN)
        val norwegian = diary.today()
        assertTrue(norwegian.table.name, norwegian.table.name.startsWith("Norwegian"))
        // No sourced value for lormetazepam in that table: unknown, never zero.
        assertEquals(1u, norwegian.totals.prescribed.unknownDoses)
        assertNull(norwegian.doses.single().de)
    }

    @Test
    fun viewReadsWithoutChangingAndRefreshKeepsTheScreen() {
        val diary = open()
        val id = diary.log(dose("diazepam", mg = 10.0))
        val a = diary.status()
        val b = diary.status()
        assertEquals(a, b)
        assertEquals(diary.today(), diary.today())
        // The old view carried the last event's notice (Notice.Saved(id), cleared by Refresh); now
        // log returns the id and no view keeps a notice.
        val refreshed = diary.refresh()
        assertEquals(a, refreshed)
        assertEquals(1uL, refreshed.entryCount)
        // The core keeps no current page any more; what the today screen shows is unchanged.
        assertEquals(id, diary.today().doses.single().id)
    }

    @Test
    fun summaryBytesAreIdenticalForTheSameRequest() {
        val diary = open()
        val (from, to) = diary.fillAWeek()
        val req = request(from, to, ExportFormat.JSON)
        assertArrayEquals(diary.summary(req).bytes, diary.summary(req).bytes)
    }

    // --- lock, backup, restore, rotation, recovery, erase --------------------------------------

    @Test
    fun lockRefusesEveryCallUntilUnlockedAndAWrongKeyKeepsItLocked() {
        val diary = open()
        diary.log(dose("diazepam", mg = 5.0))
        diary.lock()
        assertTrue(diary.isLocked())
        refused<SteadyException.Locked> { diary.status() }
        refused<SteadyException.Locked> { diary.refresh() }
        refused<SteadyException.Locked> { diary.today() }
        refused<SteadyException.Locked> { diary.backup("words") }
        refused<SteadyException.WrongKey> { diary.unlock(MemoryKeyProvider(TestKeys.random())) }
        assertTrue(diary.isLocked())
        assertEquals(1uL, diary.unlock(keys).entryCount)
        assertFalse(diary.isLocked())
        diary.log(dose("diazepam", mg = 2.0))
        assertEquals(2uL, diary.status().entryCount)
    }

    @Test
    fun aBackupMovesTheDiaryToANewPhoneOnceAndAWrongPassphraseImportsNothing() {
        val old = open()
        old.log(dose("diazepam", mg = 5.0, note = "moving day"))
        old.log(EntryDraft.Anxiety(at = null, score = 3, note = null))
        val backup = old.backup("backup words")
        assertEquals(2uL, backup.entries)
        assertTrue(backup.skipped.isEmpty())
        assertFalse(String(backup.file.bytes, Charsets.ISO_8859_1).contains("moving day"))

        val phone = open(MemoryKeyProvider(TestKeys.random()), tmp.newFolder("new-phone"))
        refused<SteadyException.WrongPassphrase> { phone.restore(backup.file.bytes, "guess") }
        assertEquals(0uL, phone.status().entryCount)
        assertEquals(ImportReport(added = 2uL, updated = 0uL, unchanged = 0uL), phone.restore(backup.file.bytes, "backup words"))
        assertEquals(ImportReport(added = 0uL, updated = 0uL, unchanged = 2uL), phone.restore(backup.file.bytes, "backup words"))
        assertEquals(2uL, phone.status().entryCount)

        val cut = backup.file.bytes.copyOf(backup.file.bytes.size - 5)
        val e = refused<SteadyException.BadBackup> { phone.restore(cut, "backup words") }
        assertTrue(e.detail, e.detail.contains("record 1"))
    }

    @Test
    fun rotatingTheKeyKeepsEveryEntryAndTheKeystoreKeyStillOpens() {
        val diary = open()
        diary.log(dose("diazepam", mg = 5.0))
        val before = diary.history()
        diary.rotateKey()
        diary.close()
        assertEquals(before, open().history())
    }

    @Test
    fun recoveryOfAHealthyDiaryKeepsTheOldFileAndEraseLeavesNothing() {
        open().apply {
            log(dose("diazepam", mg = 5.0))
            close()
        }
        val report = recoverDiary(dataDir.path, keys)
        assertEquals(1uL, report.recovered)
        assertFalse(report.pagesLost)
        assertTrue(report.keptAt, File(report.keptAt, "diary.sqlite").exists())
        val diary = open()
        assertEquals(1uL, diary.status().entryCount)
        assertTrue(diary.erase() >= 1uL)
        refused<SteadyException.Locked> { diary.status() }
        assertTrue(dataDir.walkTopDown().none { it.isFile })
        assertEquals(0uL, eraseDiary(dataDir.path))
    }
}
