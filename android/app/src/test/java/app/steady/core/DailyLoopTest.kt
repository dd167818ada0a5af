package app.steady.core

import java.io.File
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * The daily loop through the real library, as the Android app drives it: add a medicine, one-step
 * "Taken", reminders for a week, the language setting, refusals worded in the patient's language,
 * forms described by the core. Every word asserted here comes from the core.
 */
class DailyLoopTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var diary: SteadyDiary

    @Before
    fun setUp() {
        diary = SteadyDiary.open(File(tmp.root, "diary").path, MemoryKeyProvider())
    }

    @After
    fun tearDown() = diary.close()

    private val yesterday: String = LocalDate.now().minusDays(1).toString()

    private fun stilnoct(times: List<String> = listOf("22:30")) = MedicineDraft(
        drug = "Stilnoct", tablets = 0.5, strengthMg = 10.0, times = times, from = yesterday,
    )

    @Test
    fun aMedicineIsAddedListedAndTakenInOneStep() {
        val id = diary.addMedicine(stilnoct())
        val card = diary.medicines().single()
        assertEquals(id, card.id)
        assertEquals("Stilnoct (zolpidem) ½ × 10 mg (5 mg), 22:30, prescribed", card.text)
        assertEquals(listOf("22:30"), card.times)
        // One medicine: "Taken" needs no id; it logs the usual amount and says so.
        val logged = diary.taken(medicine = null, at = null)
        assertTrue(logged.text, logged.text.startsWith("Logged zolpidem ½ × 10 mg (5 mg) at "))
        val after = diary.medicines().single()
        assertEquals(1u, after.takenToday)
        assertEquals("taken once today", after.todayText)
        // The today screen carries the card and the dose, with its labels.
        val today = diary.today()
        assertEquals(id, today.medicines.single().id)
        assertEquals(logged.id, today.doses.single().id)
        assertEquals("Taken", today.labels.taken)
        // Skipped is one step too, and undoable by its id.
        val skip = diary.skipped(medicine = id, at = null, note = "slept early")
        assertTrue(skip.text, skip.text.startsWith("Noted: the "))
        assertEquals(listOf(skip.id), diary.delete(skip.id))
    }

    @Test
    fun remindersForSevenDaysAreNeutralAndSoonestFirst() {
        val id = diary.addMedicine(stilnoct(listOf("08:00", "22:30")))
        diary.changeSetting(SettingChange.CheckIn(at = "21:00"))
        val from = LocalDate.now().plusDays(1).toString()
        val reminders = diary.reminders(from = from, days = 7u)
        assertEquals(21, reminders.size)
        val instants = reminders.map { OffsetDateTime.parse(it.at) }
        assertEquals(instants.sorted(), instants)
        reminders.forEach { r ->
            assertEquals("Steady", r.title)
            assertFalse(r.body, r.body.contains("Stilnoct") || r.body.contains("zolpidem") || r.body.contains("mg"))
            // The wall-clock time is the patient's, whatever the offset of that day.
            assertEquals(r.localTime, OffsetDateTime.parse(r.at).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")))
        }
        assertEquals(14, reminders.count { it.medicineId == id })
        assertEquals(7, reminders.count { it.medicineId == null && it.localTime == "21:00" })
        assertEquals(reminders.size, reminders.map { it.id }.toSet().size)
        val tooMany = assertThrows(SteadyException.InvalidInput::class.java) { diary.reminders(from = null, days = 40u) }
        assertEquals(Field.Days, tooMany.field)
    }

    @Test
    fun theLanguageSettingChangesEveryWordTheCoreGives() {
        diary.addMedicine(stilnoct())
        assertEquals("Taken", diary.labels().actionTaken)
        val settings = diary.changeSetting(SettingChange.Language(language = Lang.FR))
        assertEquals(Lang.FR, settings.language)
        assertEquals(Lang.FR, diary.settings().language)
        val labels = diary.labels()
        assertNotEquals("Taken", labels.actionTaken)
        assertTrue(labels.actionTaken, labels.actionTaken.isNotBlank())
        val card = diary.medicines().single()
        assertTrue(card.text, card.text.contains("prescrit"))
        val today = diary.today()
        assertTrue(today.labels.title, today.labels.title.startsWith("Aujourd"))
        // Dates and decimals per locale.
        diary.changeSetting(SettingChange.Language(language = Lang.NB))
        val logged = diary.log(EntryDraft.Dose(DoseDraft(drug = "diazepam", mg = 2.5)))
        val row = diary.history(null, null).single { it.id == logged }
        assertTrue(row.line, row.line.contains("2,5"))
    }

    @Test
    fun aRefusalIsWordedInThePatientsLanguageAndNamesTheField() {
        val english = assertThrows(SteadyException.InvalidInput::class.java) {
            diary.log(EntryDraft.Anxiety(at = null, score = 11, note = null))
        }
        assertEquals(Field.Score, english.field)
        assertEquals("Anxiety must be between 0 and 10.", english.detail)
        diary.changeSetting(SettingChange.Language(language = Lang.NL))
        val dutch = assertThrows(SteadyException.InvalidInput::class.java) {
            diary.log(EntryDraft.Anxiety(at = null, score = 11, note = null))
        }
        assertEquals(Field.Score, dutch.field)
        assertEquals(Problem.OutOfRange(0L, 10L), dutch.problem)
        assertNotEquals(english.detail, dutch.detail)
        assertTrue(dutch.detail, dutch.detail.contains("10"))
        // An error from before a diary is open, worded by the core too.
        assertNotEquals(errorMessage(SteadyException.WrongKey(), Lang.EN), errorMessage(SteadyException.WrongKey(), Lang.FR))
        // A day start after noon is refused; the setting is unchanged.
        val late = assertThrows(SteadyException.InvalidInput::class.java) {
            diary.changeSetting(SettingChange.DayStart(at = "13:00"))
        }
        assertEquals(Field.DayStart, late.field)
        assertEquals("04:00", diary.settings().dayStart)
    }

    @Test
    fun formsComeFromTheCoreAndEditsGetTheirValuesBack() {
        val anxiety = diary.form(FormRequest.New(kind = EntryKind.ANXIETY))
        val scale = anxiety.fields.first()
        assertEquals(Field.Score, scale.field)
        assertEquals("Overall, how anxious have you felt today?", scale.label)
        assertTrue(scale.input is Input.Scale)
        assertNull("no answer is suggested", anxiety.prefill)
        val gad7 = diary.form(FormRequest.New(kind = EntryKind.GAD7)).fields.first().input as Input.Items
        assertEquals(7, gad7.items.size)
        assertEquals(4, gad7.answers.size)
        val id = diary.log(EntryDraft.Dose(DoseDraft(drug = "Loramet", tablets = 1.5, strengthMg = 1.0, note = "late")))
        val dose = diary.form(FormRequest.New(kind = EntryKind.DOSE))
        val prefill = dose.prefill as EntryDraft.Dose
        // The next dose starts from the name the patient typed, as the dose keeps it.
        assertEquals("Loramet", prefill.v1.drug)
        assertEquals(1.5, prefill.v1.tablets!!, 0.0)
        assertNull(prefill.v1.note)
        val edit = diary.entryDraft(id) as EntryDraft.Dose
        assertEquals("late", edit.v1.note)
        // The picker's search: brands of the patient's country, with strengths.
        val found = searchCatalogue("stil", Country.FR)
        assertEquals(listOf("Stilnox"), found.map { it.name })
        assertTrue(found.single().strengthsMg.contains(10.0))
    }
}
