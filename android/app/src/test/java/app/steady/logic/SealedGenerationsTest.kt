package app.steady.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.ui.logic.DiaryController
import app.steady.ui.logic.MessageKind
import app.steady.ui.logic.Outcome
import java.io.File
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * The rolled-back diary guard: the generation kept sealed by the keystore, handed to the real core
 * through `SteadyDiary.openGuarded`. An older copy of the diary put back is refused and leads to
 * rescue, restore or erase; the sealed number cannot be edited or swapped.
 */
class SealedGenerationsTest {
    @get:Rule
    val tmp = TemporaryFolder()

    /** A software keystore that counts seals, to see when the generation file is written. */
    private class CountingKeystore(val inner: SoftwareKeystore = SoftwareKeystore()) : WrappingKeystore by inner {
        var seals = 0

        override fun seal(alias: String, plain: ByteArray): Pair<ByteArray, ByteArray> {
            seals++
            return inner.seal(alias, plain)
        }
    }

    private val keystore = CountingKeystore()
    private val sessions = mutableListOf<DiarySession>()
    private val root get() = File(tmp.root, "no_backup")

    @After
    fun closeAll() = sessions.forEach { it.close() }

    private fun session() = DiarySession(root, keystore).also { sessions += it }

    private fun SessionState.opened(): DiaryController =
        (this as? SessionState.Open)?.controller ?: throw AssertionError("not open: $this")

    private fun DiaryController.log(mg: Double) {
        val draft = EntryDraft.Dose(DoseDraft(drug = "diazepam", mg = mg))
        assertTrue(save(app.steady.ui.logic.FormState.of(app.steady.core.EntryKind.DOSE, draft)) is Outcome.Shown)
    }

    /** A session with one dose, closed, and a copy of its diary folder as it was then. */
    private fun diaryWithAnOldCopy(): Pair<DiarySession, File> {
        val s = session()
        s.openDiary().opened().log(5.0)
        s.close()
        val copy = File(tmp.root, "old-copy")
        s.dataDir.copyRecursively(copy)
        val c = s.openDiary().opened()
        c.log(2.5)
        c.log(2.0)
        s.close()
        return s to copy
    }

    private fun putBack(s: DiarySession, copy: File) {
        s.dataDir.deleteRecursively()
        copy.copyRecursively(s.dataDir)
    }

    @Test
    fun anOlderCopyOfTheDiaryPutBackIsRefusedAndNothingIsWritten() {
        val (s, copy) = diaryWithAnOldCopy()
        putBack(s, copy)
        val before = s.dataDir.walk().filter { it.isFile }.associate { it.name to it.readBytes().toList() }
        val refused = s.openDiary()
        assertTrue(refused.toString(), refused is SessionState.Damaged)
        val message = (refused as SessionState.Damaged).message
        assertEquals(MessageKind.ROLLED_BACK, message.kind)
        assertTrue(message.text, message.text.contains("older"))
        val after = s.dataDir.walk().filter { it.isFile }.associate { it.name to it.readBytes().toList() }
        assertEquals("the refused file is left as it was", before, after)
    }

    @Test
    fun theNewestDiaryOpensAgainAfterTheRefusal() {
        val (s, copy) = diaryWithAnOldCopy()
        val newest = File(tmp.root, "newest")
        s.dataDir.copyRecursively(newest)
        putBack(s, copy)
        assertTrue(s.openDiary() is SessionState.Damaged)
        putBack(s, newest)
        assertEquals(3uL, s.openDiary().opened().view().entryCount)
    }

    @Test
    fun rescuingTheOldCopyIsThePatientsChoiceAndOpensIt() {
        val (s, copy) = diaryWithAnOldCopy()
        putBack(s, copy)
        assertTrue(s.openDiary() is SessionState.Damaged)
        val (report, after) = s.recover()
        assertEquals(1uL, report!!.recovered)
        assertEquals(1uL, after.opened().view().entryCount)
        // From now on the rescued diary is the one guarded: a write moves the number on.
        after.opened().log(1.0)
        s.close()
        assertEquals(2uL, s.openDiary().opened().view().entryCount)
    }

    @Test
    fun eraseForgetsTheNumberSoTheNewDiaryOpens() {
        val (s, copy) = diaryWithAnOldCopy()
        val old = s.generations.latestGeneration()!!
        putBack(s, copy)
        assertTrue(s.openDiary() is SessionState.Damaged)
        val fresh = s.eraseAndStartOver().opened()
        assertEquals(0uL, fresh.view().entryCount)
        fresh.log(1.0)
        val now = s.generations.latestGeneration()!!
        assertTrue("the new diary's own number ($now), not the erased one's ($old)", now < old)
        assertTrue(SealedGenerations.ALIAS in keystore.inner.aliases)
    }

    @Test
    fun anEditedOrSwappedGenerationFileFailsClosed() {
        val s = session()
        s.openDiary().opened().log(5.0)
        s.close()
        val file = s.generations.file
        assertTrue(file.exists())
        // A flipped byte: the seal does not open, so the diary is not opened either.
        val bytes = file.readBytes()
        bytes[bytes.size - 1] = (bytes[bytes.size - 1].toInt() xor 1).toByte()
        file.writeBytes(bytes)
        assertEquals(SealedGenerations.REFUSE_ALL, SealedGenerations(keystore, file).latestGeneration())
        val refused = s.openDiary()
        assertEquals(MessageKind.ROLLED_BACK, (refused as SessionState.Damaged).message.kind)
        // The sealed data key in its place: sealed by another key, refused the same way.
        s.vault.file.copyTo(file, overwrite = true)
        assertEquals(SealedGenerations.REFUSE_ALL, SealedGenerations(keystore, file).latestGeneration())
    }

    @Test
    fun aMissingFileLetsTheFirstOpenThroughAndIsWrittenAtOnce() {
        val s = session()
        s.openDiary().opened().log(5.0)
        s.close()
        // As after an update from a version without the guard.
        s.generations.forget()
        assertFalse(s.generations.file.exists())
        assertEquals(1uL, s.openDiary().opened().view().entryCount)
        assertTrue(s.generations.file.exists())
        val stored = SealedGenerations(keystore, s.generations.file).latestGeneration()
        assertTrue("a generation was recorded: $stored", stored != null && stored > 0uL && stored != SealedGenerations.REFUSE_ALL)
    }

    @Test
    fun readingTheDiaryDoesNotTouchTheKeystoreAndEachWriteSealsTheNewNumberOnce() {
        val s = session()
        val c = s.openDiary().opened()
        val g = s.generations
        val start = g.latestGeneration()!!
        val sealsBefore = keystore.seals
        repeat(5) { c.view() }
        c.show(app.steady.ui.logic.Page.Today)
        c.show(app.steady.ui.logic.Page.History())
        assertEquals("no seal for reads", sealsBefore, keystore.seals)
        c.log(5.0)
        val afterWrite = g.latestGeneration()!!
        assertTrue("the write moved the generation on ($start -> $afterWrite)", afterWrite > start)
        assertEquals(sealsBefore + 1, keystore.seals)
        // A lower number never replaces a higher one.
        g.recordGeneration(1uL)
        assertEquals(afterWrite, SealedGenerations(keystore, g.file).latestGeneration())
    }

    @Test
    fun aWriteTheKeystoreRefusedIsRetriedAtTheNextCall() {
        val file = File(tmp.root, "gen.sealed")
        val inner = SoftwareKeystore()
        val g = SealedGenerations(inner, file)
        inner.deviceLocked = true
        g.recordGeneration(7uL)
        assertFalse(file.exists())
        assertNull("nothing stored yet", SealedGenerations(inner, file).latestGeneration())
        inner.deviceLocked = false
        g.recordGeneration(7uL)
        assertEquals(7uL, SealedGenerations(inner, file).latestGeneration())
    }
}
