package app.steady.ui.logic

import app.steady.core.DiaryStatus
import app.steady.core.EntryKind
import app.steady.core.EquivalenceTable
import app.steady.core.Field
import app.steady.core.ImportReport
import app.steady.core.Integrity
import app.steady.core.Lang
import app.steady.core.MemoryKeyProvider
import app.steady.core.RecoveryReport
import app.steady.core.SteadyDiary
import app.steady.core.integrityNotice
import java.io.File
import java.util.UUID
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * What the patient is told after the diary check, a rescue and a restore: the core's sentence for
 * the check (in every language), and the counts of a rescue or a restore, line by line.
 */
class ReportsTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val controllers = mutableListOf<DiaryController>()

    @After
    fun closeAll() = controllers.forEach { it.close() }

    private fun open(dir: String): DiaryController =
        DiaryController(SteadyDiary.open(File(tmp.root, dir).path, MemoryKeyProvider())).also {
            controllers += it
            it.show(Page.Today)
        }

    private fun DiaryController.dose(mg: String): String =
        (save(FormState.start(newForm(EntryKind.DOSE)).with(Field.Drug, "diazepam").with(Field.Mg, mg).withAmountUnit(AmountUnit.MG)) as Outcome.Shown)
            .savedId!!

    /** An entry id as the core writes them. */
    private fun id(): String = UUID.randomUUID().toString()

    private fun integrity(unreadable: Int = 0, missing: Int = 0, unexpected: Int = 0, manifestDamaged: Boolean = false) = Integrity(
        unreadable = List(unreadable) { id() },
        missing = List(missing) { id() },
        unexpected = List(unexpected) { id() },
        manifestDamaged = manifestDamaged,
    )

    @Test
    fun theDiaryCheckIsWordedByTheCoreInEveryLanguageAndSilentWhenAllIsWell() {
        assertNull(integrityNotice(integrity(), Lang.EN))
        val en = integrityNotice(integrity(unreadable = 2, missing = 1), Lang.EN)!!
        assertTrue(en, en.contains("2") && en.contains("1"))
        val texts = Lang.values().map { integrityNotice(integrity(unreadable = 2, missing = 1), it)!! }
        assertEquals("a different sentence per language: $texts", 4, texts.toSet().size)
        val unchecked = integrityNotice(integrity(manifestDamaged = true), Lang.EN)!!
        assertTrue(unchecked, unchecked.isNotBlank())
        assertTrue(integrityNotice(integrity(unexpected = 3), Lang.NB)!!.contains("3"))
    }

    @Test
    fun theDamageNoticeAboveEveryPageIsTheCoresSentenceOrNothing() {
        val c = open("diary")
        c.dose("5")
        val healthy = c.view()
        assertNull(healthy.damageNotice)
        assertTrue(!healthy.damaged)
        // The same view with what a damaged diary's status carries.
        val status = healthy.status!!
        val damaged = healthy.copy(status = status.copy(integrity = integrity(unreadable = 1)))
        assertTrue(damaged.damaged)
        assertEquals(integrityNotice(integrity(unreadable = 1), healthy.lang), damaged.damageNotice)
        // Only a record that failed authentication: the core's damaged-diary title.
        val record = healthy.copy(status = DiaryStatus(1uL, listOf(id()), EquivalenceTable.ASHTON, integrity()))
        assertEquals(c.words().labels.shellDamagedTitle, record.damageNotice)
    }

    @Test
    fun aRestoreSaysWhatWasAddedWhatWasAlreadyHereAndWhatWasKeptBecauseItIsNewer() {
        val c = open("diary")
        val first = c.dose("5")
        c.dose("2.5")
        val backup = (c.backup("correct horse", "correct horse") as FileOutcome.File).file.bytes
        // Into a fresh diary: everything is new.
        val fresh = (open("other").restore(backup, "correct horse") as Outcome.Shown).message!!
        assertEquals(listOf(ReportCount(ReportLine.ADDED, 2)), fresh.counts)
        // Back into the same diary after an edit: one kept (newer here), one already here.
        val edit = FormState.start(c.editForm(first)).with(Field.Mg, "4")
        assertTrue(c.save(edit, editing = first) is Outcome.Shown)
        val again = (c.restore(backup, "correct horse") as Outcome.Shown).message!!
        assertEquals(c.words().labels.shellRestoreDone, again.text)
        assertEquals(
            listOf(ReportCount(ReportLine.ADDED, 0), ReportCount(ReportLine.ALREADY_HERE, 1), ReportCount(ReportLine.KEPT_NEWER, 1)),
            again.counts,
        )
    }

    @Test
    fun aReportNamesOnlyWhatHappened() {
        val all = ImportReport(added = 3uL, updated = 1uL, unchanged = 0uL, kept = 2uL)
        assertEquals(
            listOf(ReportCount(ReportLine.ADDED, 3), ReportCount(ReportLine.REPLACED, 1), ReportCount(ReportLine.KEPT_NEWER, 2)),
            all.counts(),
        )
        fun rescue(damaged: Int, pagesLost: Boolean, lost: Int) = RecoveryReport(
            recovered = 7uL, damaged = List(damaged) { id() }, pagesLost = pagesLost, lost = List(lost) { id() },
            readFromPages = 0uL, keptAt = "/x",
        )
        assertEquals(listOf(ReportCount(ReportLine.RESCUED, 7)), rescue(0, false, 0).counts())
        assertEquals(
            listOf(ReportCount(ReportLine.RESCUED, 7), ReportCount(ReportLine.UNREADABLE, 2), ReportCount(ReportLine.LOST, 3)),
            rescue(2, true, 3).counts(),
        )
        // Pages lost but no entry known to be on them: said without a number.
        assertEquals(ReportLine.PAGES_LOST, rescue(0, true, 0).counts().last().line)
        assertNotNull(rescue(0, true, 0).counts().firstOrNull { it.line == ReportLine.RESCUED })
    }
}
