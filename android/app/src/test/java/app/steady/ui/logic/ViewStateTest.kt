package app.steady.ui.logic

import app.steady.core.EntryKind
import app.steady.core.EntryRow
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFormat
import app.steady.core.Hideable
import app.steady.core.Lang
import app.steady.core.MemoryKeyProvider
import app.steady.core.SettingChange
import app.steady.core.SteadyDiary
import app.steady.logic.GateWords
import app.steady.logic.GateWordsStore
import java.io.File
import java.time.LocalDate
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/** The glue's own logic: figures per language, history by day, the summary's choices, the words gathered from the core. */
class ViewStateTest {
    @get:Rule
    val tmp = TemporaryFolder()

    @Test
    fun figuresAndDatesFollowThePatientsLanguage() {
        assertEquals("2.5", Formats(Lang.EN).number(2.5))
        assertEquals("2,5", Formats(Lang.FR).number(2.5))
        assertEquals("2,5", Formats(Lang.NL).number(2.5))
        assertEquals("7,5–15", Formats(Lang.NB).range(7.5, 15.0))
        assertEquals("10", Formats(Lang.EN).range(10.0, 10.0))
        assertEquals("0.13", Formats(Lang.EN).number(0.125))
        assertEquals("1 Mar 2026", Formats(Lang.EN).date("2026-03-01"))
        assertEquals("1 mars 2026", Formats(Lang.FR).date("2026-03-01"))
        assertTrue(Formats(Lang.NL).date("2026-03-01"), Formats(Lang.NL).date("2026-03-01").contains("mrt"))
        assertEquals("1½", Formats(Lang.EN).tablets(1.5))
        assertEquals("¾", Formats(Lang.FR).tablets(0.75))
        assertEquals("0,3", Formats(Lang.FR).tablets(0.3))
        assertEquals("2026-03-01 22:30", CoreTime.local(LocalDate.of(2026, 3, 1), java.time.LocalTime.of(22, 30, 15)))
        assertEquals(LocalDate.of(2026, 3, 1) to java.time.LocalTime.of(22, 30), CoreTime.splitLocal("2026-03-01 22:30"))
        assertNull(CoreTime.splitLocal("22:30"))
        assertEquals("2026-03-01T22:30:00+01:00", CoreTime.instant(java.time.OffsetDateTime.parse("2026-03-01T22:30:00.123+01:00")))
        // "Taken at 23:30" picked at 00:10 is last night; at 07:00 picked at 08:00 is this morning.
        val justAfterMidnight = java.time.LocalDateTime.of(2026, 3, 2, 0, 10)
        assertEquals("2026-03-01 23:30", CoreTime.latestPast(java.time.LocalTime.of(23, 30), justAfterMidnight))
        assertEquals("2026-03-02 00:05", CoreTime.latestPast(java.time.LocalTime.of(0, 5), justAfterMidnight))
        assertEquals("2026-03-02 07:00", CoreTime.latestPast(java.time.LocalTime.of(7, 0), java.time.LocalDateTime.of(2026, 3, 2, 8, 0)))
    }

    @Test
    fun historyShowsTheNewestDiaryDayFirstAndTimeOrderWithinADay() {
        fun row(id: String, date: String, time: String, kind: EntryKind = EntryKind.DOSE) =
            EntryRow(id = id, kind = kind, kindText = "dose", date = date, time = time, line = id, nonPrescribed = false, note = null)
        val rows = listOf(row("a", "2026-03-01", "22:00"), row("c", "2026-03-02", "23:30"), row("b", "2026-03-02", "08:00", EntryKind.SLEEP))
        val days = rows.byDayNewestFirst(Formats(Lang.FR))
        assertEquals(listOf("2026-03-02", "2026-03-01"), days.map { it.date })
        assertEquals(listOf("b", "c"), days.first().entries.map { it.id })
        assertEquals("2 mars 2026", days.first().dateText)
        assertEquals(listOf("b"), rows.ofKind(EntryKind.SLEEP).map { it.id })
        assertEquals(3, rows.ofKind(null).size)
        assertFalse(row("s", "2026-03-01", "00:00", EntryKind.SETTINGS).editable())
    }

    @Test
    fun theSummaryChoiceSurvivesRotationAndBuildsTheRequest() {
        val choice = SummaryChoice(from = "2026-01-01", to = "2026-02-25", language = Lang.NL, table = EquivalenceTable.DUTCH,
            format = ExportFormat.FHIR, exclude = setOf(Hideable.NON_PRESCRIBED, Hideable.QUESTIONS))
        assertEquals(choice, SummaryChoice.restore(choice.save()))
        assertEquals(SummaryChoice(), SummaryChoice.restore(SummaryChoice().save()))
        val request = choice.request()
        assertEquals(ExportFormat.FHIR, request.format)
        assertEquals(Lang.NL, request.language)
        assertEquals(listOf(Hideable.NON_PRESCRIBED, Hideable.QUESTIONS), request.exclude)
        // No language picked: the summary is in the patient's.
        assertEquals(Lang.FR, SummaryChoice().request(diaryLanguage = Lang.FR).language)
        assertEquals(Hideable.values().toSet(), Hideable.values().fold(SummaryChoice()) { c, h -> c.toggled(h) }.exclude)
        assertTrue(choice.toggled(Hideable.QUESTIONS).includes(Hideable.QUESTIONS))
        assertEquals("2026-02-12" to "2026-02-25", SummaryChoice.lastDays(LocalDate.of(2026, 2, 25), 14))
    }

    @Test
    fun aChartReadsEveryNumberToTalkBack() {
        val chart = ChartState("Anxiety, last 7 days", listOf(
            ChartPoint("M", "2 Mar", 3.0, "3", 0.3f),
            ChartPoint("T", "3 Mar", null, null, null),
            ChartPoint("W", "4 Mar", 4.5, "4,5", 0.45f),
        ), "mean 3,8")
        assertEquals("Anxiety, last 7 days. mean 3,8. 2 Mar: 3; 3 Mar: –; 4 Mar: 4,5", chart.description)
    }

    @Test
    fun theWordsOfEveryScreenComeFromTheCoreInEachLanguage() {
        SteadyDiary.open(File(tmp.root, "diary").path, MemoryKeyProvider()).use { diary ->
            val seen = mutableSetOf<String>()
            for (lang in Lang.values()) {
                diary.changeSetting(SettingChange.Language(lang))
                val words = ShellWords.gather(lang, diary.labels()) { diary.form(app.steady.core.FormRequest.New(it)) }
                assertEquals(EquivalenceTable.values().toSet(), words.tableNames.keys)
                assertEquals(Hideable.values().toSet(), words.hideable.keys)
                assertTrue(words.hideable.values.all { it.isNotBlank() })
                assertTrue(words.dayStart, words.dayStart.contains("12"))
                assertEquals("ERASE", words.eraseWord)
                assertTrue(confirmsErase(" ERASE ", words.labels.actionEraseConfirm))
                assertFalse(confirmsErase("erase", words.labels.actionEraseConfirm))
                ExportFormat.values().forEach { assertTrue(words.format(it).isNotBlank()) }
                seen += words.hideable.getValue(Hideable.SLEEP)
                // The words of the lock and lost-key screens are kept for when no diary can be asked.
                val store = GateWordsStore(File(tmp.root, "gate-$lang.properties"))
                val gate = GateWords.of(lang, words.labels)
                store.save(gate)
                assertEquals(gate, store.load())
            }
            assertEquals("a word per language", 4, seen.size)
        }
        assertNull(GateWordsStore(File(tmp.root, "none.properties")).load())
        assertNull(GateWords.fromMap(mapOf("lang" to "EN")))
        assertNotEquals("ERASE", eraseWord("Type WISSEN om te bevestigen"))
    }
}
