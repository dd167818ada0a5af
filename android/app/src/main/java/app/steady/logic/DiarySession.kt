package app.steady.logic

import app.steady.core.ImportReport
import app.steady.core.Lang
import app.steady.core.RecoveryReport
import app.steady.core.SteadyDiary
import app.steady.core.SteadyException
import app.steady.core.diaryExists
import app.steady.core.eraseDiary
import app.steady.core.recoverDiary
import app.steady.ui.logic.DiaryController
import app.steady.ui.logic.Outcome
import app.steady.ui.logic.UiMessage
import app.steady.ui.logic.toUiMessage
import java.io.File

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/** Where the diary stands for the app. Every state but [Open] has a way forward; none is a dead end. */
sealed interface SessionState {
    /** Not opened yet (or closed). */
    object Closed : SessionState

    /** Open and unlocked. */
    data class Open(val controller: DiaryController) : SessionState

    /** Open but locked (background past the grace period): unlock (after the app lock's prompt). */
    data class Locked(val controller: DiaryController) : SessionState

    /** The device is locked and the keystore will not answer until it is unlocked: try again. */
    data class DeviceLocked(val message: UiMessage) : SessionState

    /** The key that protected the diary is gone: restore a backup into a new diary, or erase. */
    data class KeyLost(val reason: KeyState, val message: UiMessage) : SessionState

    /**
     * The diary file is damaged (or its key material, or an older copy of it was put back): rescue
     * the readable entries (the damaged files are kept), restore a backup, or erase.
     */
    data class Damaged(val message: UiMessage) : SessionState

    /** Anything else (storage, an internal error): try again. */
    data class Failed(val message: UiMessage) : SessionState
}

/** A restore into a new diary (lost key): done, or refused with nothing changed. */
sealed interface RestoreResult {
    data class Restored(val report: ImportReport, val state: SessionState) : RestoreResult

    data class Refused(val message: UiMessage) : RestoreResult
}

/**
 * The app's one diary, from opening to erasing, free of Android. Layout under [root] (the app's
 * `no_backup/` directory): `diary/` (the core's files), `keys/diary-key.wrapped` (the sealed data
 * key), `keys/diary-generation.sealed` (the latest generation, [SealedGenerations]: an older copy of
 * the diary put back is refused as `RolledBack` and shown as damaged), `restore-staging/` while a
 * backup is restored into a new diary. Thread-safe.
 *
 * Opening classifies every failure so the screen has a way out: a locked device waits, a lost key
 * (invalidated, missing, or a key that does not open the diary) offers restore-from-backup or erase,
 * a damaged file offers rescue or erase. A restore after a lost key goes into a new diary in
 * `restore-staging/` first; only once the passphrase has opened the backup and every entry is in is
 * the old diary erased and the new one moved into place, so a wrong passphrase loses nothing.
 */
class DiarySession(
    private val root: File,
    private val keystore: WrappingKeystore,
    /** The words of the screens before the diary opens, kept from the last open (null: not kept). */
    private val gateWords: GateWordsStore? = GateWordsStore(File(root, "gate-words.properties")),
) {
    /** The patient's language before the diary is open: the one seen last, English before any. */
    fun lang(): Lang = gateWords?.load()?.lang ?: Lang.EN

    /** The kept words of the screens before the diary opens, or null (never opened here). */
    fun gateWords(): GateWords? = gateWords?.load()

    /** Keeps the open diary's words (after opening, and after a change of language). */
    fun rememberWords() {
        val c = (state as? SessionState.Open)?.controller ?: return
        try {
            gateWords?.save(GateWords.of(c.lang, c.words().labels))
        } catch (e: SteadyException) {
            // Locked in between: kept at the next open.
        } catch (e: java.io.IOException) {
            // Only the words of the next lock screen are at stake; the resources stand in.
        }
    }

    val dataDir = File(root, "diary")
    val keyFile = File(File(root, "keys"), "diary-key.wrapped")
    private val staging = File(root, "restore-staging")
    private val stagedDiary = File(staging, "diary")
    private val stagedKey = File(staging, "diary-key.wrapped")
    private val commitMarker = File(staging, "commit")

    val vault = KeyVault(keystore, keyFile, diaryExists = { diaryExists(dataDir.path) })

    /** The diary's latest generation, sealed by the keystore: an older copy put back is refused. */
    val generations = SealedGenerations(keystore, File(File(root, "keys"), "diary-generation.sealed"))

    @Volatile
    var state: SessionState = SessionState.Closed
        private set

    /** The open controller, if any (open or locked). */
    val controller: DiaryController?
        get() = when (val s = state) {
            is SessionState.Open -> s.controller
            is SessionState.Locked -> s.controller
            else -> null
        }

    /** True when a diary exists here (before anything is asked of the keystore). */
    fun exists(): Boolean = diaryExists(dataDir.path)

    /** Opens the diary (creating it on first use), or says why not. An open diary is kept. */
    @Synchronized
    fun openDiary(): SessionState {
        (state as? SessionState.Open)?.let { return it }
        (state as? SessionState.Locked)?.let { return unlock() }
        finishOrDropStaging()
        dataDir.mkdirs()
        val before = vault.state()
        if (before == KeyState.DEVICE_LOCKED || before.lost) return set(keyProblem(before, null))
        val diary = try {
            SteadyDiary.openGuarded(dataDir.path, vault, generations)
        } catch (e: SteadyException) {
            return set(classify(e))
        } finally {
            vault.wipeHandedOutKeys()
        }
        val controller = DiaryController(diary)
        return try {
            controller.view()
            set(SessionState.Open(controller)).also { rememberWords() }
        } catch (e: SteadyException) {
            controller.close()
            set(classify(e))
        }
    }

    /** Locks the open diary (keys wiped, entries dropped). */
    @Synchronized
    fun lock(): SessionState {
        val c = controller ?: return state
        try {
            c.lock()
        } catch (e: SteadyException) {
            // Already locked or erased: the state below says locked either way.
        }
        return set(SessionState.Locked(c))
    }

    /** Unlocks the locked diary with the keystore key (after the app lock's prompt, when on). */
    @Synchronized
    fun unlock(): SessionState {
        val c = (state as? SessionState.Locked)?.controller ?: return openDiary()
        val before = vault.state()
        if (before == KeyState.DEVICE_LOCKED || before.lost) return set(keyProblem(before, null)).also { keepLocked(c, it) }
        return try {
            when (val o = c.unlock(vault)) {
                is Outcome.Shown -> set(SessionState.Open(c))
                is Outcome.Refused -> set(classifyMessage(o.message)).also { keepLocked(c, it) }
            }
        } finally {
            vault.wipeHandedOutKeys()
        }
    }

    /** A key problem while locked: the controller is closed unless the problem is temporary. */
    private fun keepLocked(c: DiaryController, s: SessionState) {
        if (s is SessionState.DeviceLocked) {
            state = SessionState.Locked(c)
        } else {
            c.close()
        }
    }

    /** Rescues a damaged diary (the damaged files kept in a `damaged-…` folder), then opens it. */
    @Synchronized
    fun recover(): Pair<RecoveryReport?, SessionState> {
        close()
        return try {
            val report = recoverDiary(dataDir.path, vault)
            // The rescued diary is a new file: the patient chose it over the refused or damaged one.
            generations.forget()
            report to openDiary()
        } catch (e: SteadyException) {
            null to set(classify(e))
        } finally {
            vault.wipeHandedOutKeys()
        }
    }

    /**
     * Erases the diary and its key (the patient's wish, or a lost key), then starts a new, empty
     * one. Works whether or not the diary can be opened.
     */
    @Synchronized
    fun eraseAndStartOver(): SessionState {
        controller?.let { c ->
            try {
                c.erase()
            } catch (e: SteadyException) {
                // Locked or damaged: erased below without the key.
            }
            c.close()
        }
        state = SessionState.Closed
        try {
            eraseDiary(dataDir.path)
        } catch (e: SteadyException) {
            return set(SessionState.Failed(e.toUiMessage(lang())))
        }
        vault.forget()
        generations.forget()
        staging.deleteRecursively()
        return openDiary()
    }

    /**
     * Restores a backup into a new diary with a new key (the old key is lost): staged first, the old
     * diary erased only once every entry is in. A wrong passphrase or a bad file changes nothing.
     */
    @Synchronized
    fun restoreIntoNewDiary(bytes: ByteArray, passphrase: String): RestoreResult {
        staging.deleteRecursively()
        stagedDiary.mkdirs()
        val stagedVault = KeyVault(keystore, stagedKey, diaryExists = { false })
        val report = try {
            SteadyDiary.open(stagedDiary.path, stagedVault).use { it.restore(bytes, passphrase) }
        } catch (e: SteadyException) {
            stagedVault.forget()
            staging.deleteRecursively()
            return RestoreResult.Refused(e.toUiMessage(lang()))
        } finally {
            stagedVault.wipeHandedOutKeys()
        }
        commitMarker.createNewFile()
        close()
        finishOrDropStaging()
        return RestoreResult.Restored(report, openDiary())
    }

    /**
     * A staged restore that got as far as its commit marker is finished (the old diary erased, the
     * new one moved into place); one that did not is dropped (the old diary untouched).
     */
    private fun finishOrDropStaging() {
        if (!staging.exists()) return
        if (!commitMarker.exists()) {
            KeyVault(keystore, stagedKey, diaryExists = { false }).forget()
            staging.deleteRecursively()
            return
        }
        if (stagedDiary.exists()) {
            if (exists()) eraseDiary(dataDir.path)
            vault.forget()
            generations.forget()
            dataDir.deleteRecursively()
            keyFile.parentFile?.mkdirs()
            check(stagedKey.renameTo(keyFile)) { "could not move the new key into place" }
            check(stagedDiary.renameTo(dataDir)) { "could not move the new diary into place" }
        }
        staging.deleteRecursively()
    }

    /**
     * Runs [block] with the diary open, opening (or unlocking) it for the call when the app is not
     * showing it, and putting it back as it was: closed, or locked. For a notification's "Taken" and
     * for rescheduling reminders from a broadcast. Null when it cannot be opened (device locked, key
     * lost, damaged): the app's screens deal with that when the patient opens it.
     */
    @Synchronized
    fun <T> withDiary(block: (DiaryController) -> T): T? {
        val before = state
        val controller = (openDiary() as? SessionState.Open)?.controller
        if (controller == null) {
            // A failed unlock closed a locked diary (a lost key): the app's next start tells the patient.
            return null
        }
        try {
            return block(controller)
        } finally {
            when (before) {
                is SessionState.Open -> {}
                is SessionState.Locked -> lock()
                else -> close()
            }
        }
    }

    /** Opens the diary again from its files (another process changed its key: `KeyChanged`). */
    @Synchronized
    fun reopen(): SessionState {
        close()
        return openDiary()
    }

    /** Closes the diary (native handle released); the next call to [open] opens it again. */
    @Synchronized
    fun close() {
        controller?.close()
        state = SessionState.Closed
    }

    private fun set(s: SessionState): SessionState {
        state = s
        return s
    }

    private fun classify(e: SteadyException): SessionState {
        val message = e.toUiMessage(lang())
        return when (e) {
            is SteadyException.WrongKey -> SessionState.KeyLost(KeyState.LOST_MISSING, message)
            is SteadyException.Corrupt, is SteadyException.KeyDamaged, is SteadyException.RolledBack -> SessionState.Damaged(message)
            is SteadyException.KeyProvider -> keyProblem(vault.state(), message)
            else -> SessionState.Failed(message)
        }
    }

    private fun classifyMessage(m: UiMessage): SessionState = when (m.kind) {
        app.steady.ui.logic.MessageKind.WRONG_KEY -> SessionState.KeyLost(KeyState.LOST_MISSING, m)
        app.steady.ui.logic.MessageKind.DAMAGED_FILE, app.steady.ui.logic.MessageKind.KEY_DAMAGED,
        app.steady.ui.logic.MessageKind.ROLLED_BACK,
        -> SessionState.Damaged(m)
        app.steady.ui.logic.MessageKind.KEYSTORE -> keyProblem(vault.state(), m)
        else -> SessionState.Failed(m)
    }

    private fun keyProblem(k: KeyState, message: UiMessage?): SessionState {
        val m = message ?: SteadyException.KeyProvider(k.name).toUiMessage(lang())
        return when {
            k == KeyState.DEVICE_LOCKED -> SessionState.DeviceLocked(m)
            k.lost -> SessionState.KeyLost(k, m)
            else -> SessionState.Failed(m)
        }
    }
}
