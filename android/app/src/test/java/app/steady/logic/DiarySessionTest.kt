package app.steady.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.Lang
import app.steady.core.SettingChange
import app.steady.core.SteadyDiary
import app.steady.ui.logic.FileOutcome
import app.steady.ui.logic.MessageKind
import app.steady.ui.logic.Outcome
import java.io.File
import java.io.RandomAccessFile
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/**
 * The app's diary from opening to erasing, against the real library, with a software keystore that
 * can be locked, invalidated or wiped the way a phone's can: every way the diary can fail to open
 * leads somewhere (wait, restore, rescue, erase), never to a dead end.
 */
class DiarySessionTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val keystore = SoftwareKeystore()
    private val sessions = mutableListOf<DiarySession>()

    @After
    fun closeAll() = sessions.forEach { it.close() }

    private fun session(root: File = File(tmp.root, "no_backup")) = DiarySession(root, keystore).also { sessions += it }

    private fun SessionState.opened(): app.steady.ui.logic.DiaryController =
        (this as? SessionState.Open)?.controller ?: throw AssertionError("not open: $this")

    private fun dose(mg: Double, note: String? = null) = EntryDraft.Dose(DoseDraft(drug = "diazepam", mg = mg, note = note))

    private fun app.steady.ui.logic.DiaryController.log(mg: Double) {
        val state = app.steady.ui.logic.FormState.of(app.steady.core.EntryKind.DOSE, dose(mg))
        assertTrue(save(state) is Outcome.Shown)
    }

    @Test
    fun theFirstOpenCreatesTheDiaryAndItsKeyAndLaterOpensFindThem() {
        val s = session()
        assertFalse(s.exists())
        s.openDiary().opened().log(5.0)
        assertTrue(s.exists())
        assertTrue(s.keyFile.exists())
        s.close()
        val again = session()
        assertEquals(1uL, again.openDiary().opened().view().entryCount)
    }

    @Test
    fun aLockedDeviceWaitsAndNothingIsLost() {
        val s = session()
        s.openDiary().opened().log(5.0)
        s.close()
        keystore.deviceLocked = true
        val waiting = s.openDiary()
        assertTrue(waiting.toString(), waiting is SessionState.DeviceLocked)
        assertTrue(s.exists())
        keystore.deviceLocked = false
        assertEquals(1uL, s.openDiary().opened().view().entryCount)
    }

    @Test
    fun anInvalidatedKeyLeadsToRestoreOrEraseInThePatientsLanguage() {
        val s = session()
        val c = s.openDiary().opened()
        c.changeSetting(SettingChange.Language(Lang.FR))
        s.rememberWords()
        s.close()
        keystore.invalidateAll()
        val lost = s.openDiary()
        assertTrue(lost.toString(), lost is SessionState.KeyLost)
        assertEquals(KeyState.LOST_INVALIDATED, (lost as SessionState.KeyLost).reason)
        // The lost-key screen speaks French, although no diary could be asked.
        val words = s.gateWords()!!
        assertEquals(Lang.FR, words.lang)
        assertTrue(words.keyLostTitle, words.keyLostTitle.isNotBlank())
        assertNotEquals("This diary can no longer be opened on this device", words.keyLostTitle)
        assertEquals(Lang.FR, s.lang())
        // Erase is always a way out: a new, empty diary opens.
        val fresh = s.eraseAndStartOver().opened()
        assertEquals(0uL, fresh.view().entryCount)
    }

    @Test
    fun aKeyThatDoesNotOpenTheDiaryIsALostKeyNotADeletion() {
        val s = session()
        s.openDiary().opened().log(5.0)
        s.close()
        // Another key under the same file: the core refuses it and changes nothing.
        s.vault.forget()
        keystore.wipe()
        val other = DiarySession(File(tmp.root, "other"), keystore).also { sessions += it }
        other.openDiary()
        other.close()
        other.keyFile.copyTo(s.keyFile, overwrite = true)
        val lost = s.openDiary()
        assertTrue(lost.toString(), lost is SessionState.KeyLost)
        assertEquals(MessageKind.WRONG_KEY, (lost as SessionState.KeyLost).message.kind)
        assertTrue(File(s.dataDir, "diary.sqlite").exists())
    }

    @Test
    fun aLostKeyIsReplacedByRestoringABackupIntoANewDiaryAndAWrongPassphraseChangesNothing() {
        val s = session()
        val c = s.openDiary().opened()
        c.log(5.0)
        c.log(2.0)
        val backup = (c.backup("moving day words", "moving day words") as FileOutcome.File).file.bytes
        s.close()
        keystore.wipe()
        assertTrue(s.openDiary() is SessionState.KeyLost)

        val wrong = s.restoreIntoNewDiary(backup, "guess")
        assertTrue(wrong is RestoreResult.Refused)
        assertEquals(MessageKind.WRONG_PASSPHRASE, (wrong as RestoreResult.Refused).message.kind)
        assertTrue("the old diary is still there", File(s.dataDir, "diary.sqlite").exists())
        assertFalse(File(tmp.root, "no_backup/restore-staging").exists())

        val restored = s.restoreIntoNewDiary(backup, "moving day words")
        assertTrue(restored.toString(), restored is RestoreResult.Restored)
        assertEquals(2uL, (restored as RestoreResult.Restored).report.added)
        assertEquals(2uL, restored.state.opened().view().entryCount)
        // No wrapping key left from before: the new diary's, and the one sealing its generation.
        assertEquals(setOf(s.vault.alias(), SealedGenerations.ALIAS), keystore.aliases)
        // It opens again from scratch with the new key.
        s.close()
        assertEquals(2uL, session().openDiary().opened().view().entryCount)
    }

    @Test
    fun aRestoreInterruptedAfterItsCommitIsFinishedAtTheNextOpen() {
        val root = File(tmp.root, "no_backup")
        val s = session(root)
        s.openDiary().opened().log(5.0)
        s.close()
        // A staged diary with three entries and its commit marker, as a crash would leave them.
        val staged = File(root, "restore-staging")
        val vault = KeyVault(keystore, File(staged, "diary-key.wrapped"), diaryExists = { false })
        SteadyDiary.open(File(staged, "diary").apply { mkdirs() }.path, vault).use { d ->
            repeat(3) { d.log(dose(1.0 + it)) }
        }
        File(staged, "commit").createNewFile()
        assertEquals(3uL, session(root).openDiary().opened().view().entryCount)
        assertFalse(staged.exists())
        // Without the marker a staged diary is dropped and the old one kept.
        val s2 = session(File(tmp.root, "second"))
        s2.openDiary().opened().log(5.0)
        s2.close()
        File(tmp.root, "second/restore-staging/diary").mkdirs()
        assertEquals(1uL, session(File(tmp.root, "second")).openDiary().opened().view().entryCount)
    }

    @Test
    fun aDamagedDiaryIsRescuedWithItsReadableEntries() {
        val s = session()
        val c = s.openDiary().opened()
        c.log(5.0)
        s.close()
        val file = File(s.dataDir, "diary.sqlite")
        RandomAccessFile(file, "rw").use { it.write(ByteArray(100) { 0x5a }) }
        val damaged = s.openDiary()
        assertTrue(damaged.toString(), damaged is SessionState.Damaged)
        assertEquals(MessageKind.DAMAGED_FILE, (damaged as SessionState.Damaged).message.kind)
        val (report, after) = s.recover()
        assertNotNull(after.toString(), report)
        assertTrue(report!!.keptAt, File(report.keptAt).exists())
        assertTrue(after.toString(), after is SessionState.Open)
    }

    @Test
    fun lockWipesTheOpenDiaryAndUnlockBringsItBack() {
        val s = session()
        val c = s.openDiary().opened()
        c.log(5.0)
        val locked = s.lock()
        assertTrue(locked is SessionState.Locked)
        assertTrue(c.isLocked)
        assertTrue(c.refresh() is Outcome.Refused)
        assertEquals(MessageKind.LOCKED, (c.refresh() as Outcome.Refused).message.kind)
        keystore.deviceLocked = true
        assertTrue(s.unlock() is SessionState.DeviceLocked)
        assertTrue("still locked, still there", s.state is SessionState.Locked)
        keystore.deviceLocked = false
        assertEquals(1uL, s.unlock().opened().view().entryCount)
    }

    @Test
    fun eraseLeavesNoFileAndNoKeyBehind() {
        val s = session()
        s.openDiary().opened().log(5.0)
        val oldAlias = s.vault.alias()
        assertNotNull(oldAlias)
        val fresh = s.eraseAndStartOver().opened()
        assertEquals(0uL, fresh.view().entryCount)
        assertFalse(oldAlias in keystore.aliases)
        assertNotEquals(oldAlias, s.vault.alias())
        assertNull(File(s.dataDir.parentFile, "restore-staging").listFiles())
    }

    @Test
    fun aNotificationsTakenLogsThroughTheCoreAndLeavesTheDiaryAsItWas() {
        val s = session()
        val c = s.openDiary().opened()
        val med = (c.addMedicine(
            app.steady.ui.logic.FormState.medicine(null).with(app.steady.core.Field.Drug, "Stilnoct")
                .with(app.steady.core.Field.Tablets, "½").with(app.steady.core.Field.StrengthMg, "10").withTime("22:30")
                .with(app.steady.core.Field.From, java.time.LocalDate.parse(c.diaryDay()).minusDays(1).toString()),
        ) as Outcome.Shown).savedId!!
        // The app is in the background, its diary locked: "Taken" unlocks for the call and locks again.
        s.lock()
        val logged = s.withDiary { it.taken(med) }
        assertTrue(logged.toString(), logged is Outcome.Shown)
        assertTrue((logged as Outcome.Shown).message!!.text.startsWith("Logged zolpidem"))
        assertTrue(s.state is SessionState.Locked)
        assertTrue(c.isLocked)
        // The app is not running at all: opened for the call, closed after.
        s.close()
        assertTrue(s.withDiary { it.taken(med) } is Outcome.Shown)
        assertTrue(s.state is SessionState.Closed)
        assertEquals(2, s.withDiary { d -> (d.show(app.steady.ui.logic.Page.Today) as Outcome.Shown).view }!!
            .let { (it.screen as app.steady.ui.logic.Screen.Today).state.view.doses.size })
        // The device is locked: nothing is logged, nothing is lost, the notification stays.
        keystore.deviceLocked = true
        assertNull(s.withDiary { it.taken(med) })
        keystore.deviceLocked = false
        // The medicine and its two doses, nothing more.
        assertEquals(3uL, s.openDiary().opened().view().entryCount)
    }
}
