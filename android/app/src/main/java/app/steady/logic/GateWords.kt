package app.steady.logic

import app.steady.core.AppLabels
import app.steady.core.Lang
import java.io.File
import java.io.IOException
import java.util.Properties

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/**
 * The words of the screens shown before the diary is open (unlock prompt, lost key, damaged
 * diary, restore, erase): the core's `AppLabels`, kept from the last time the diary was open so
 * these screens speak the patient's language although no diary can be asked. On a phone where the
 * diary was never open (nothing to unlock yet) the app falls back to its `values-*` resources,
 * which repeat the core's wording (tests/jvm/check_android.py checks they match the core's files).
 */
data class GateWords(
    val lang: Lang,
    val loading: String,
    val locked: String,
    val unlockReason: String,
    val unlock: String,
    val unlockFailed: String,
    val keyLostTitle: String,
    val keyLostBody: String,
    val damagedTitle: String,
    val recover: String,
    val errorTitle: String,
    val restore: String,
    val restoreDone: String,
    val erase: String,
    val eraseConfirm: String,
    val eraseDone: String,
    val passphrase: String,
    val cancel: String,
) {
    /** As a flat map (the saved file, the resource fallback). */
    fun toMap(): Map<String, String> = mapOf(
        "lang" to lang.name,
        "loading" to loading,
        "locked" to locked,
        "unlockReason" to unlockReason,
        "unlock" to unlock,
        "unlockFailed" to unlockFailed,
        "keyLostTitle" to keyLostTitle,
        "keyLostBody" to keyLostBody,
        "damagedTitle" to damagedTitle,
        "recover" to recover,
        "errorTitle" to errorTitle,
        "restore" to restore,
        "restoreDone" to restoreDone,
        "erase" to erase,
        "eraseConfirm" to eraseConfirm,
        "eraseDone" to eraseDone,
        "passphrase" to passphrase,
        "cancel" to cancel,
    )

    companion object {
        fun of(lang: Lang, l: AppLabels) = GateWords(
            lang = lang,
            loading = l.shellLoading,
            locked = l.shellLocked,
            unlockReason = l.shellUnlockReason,
            unlock = l.actionUnlock,
            unlockFailed = l.shellUnlockFailed,
            keyLostTitle = l.shellKeyLostTitle,
            keyLostBody = l.shellKeyLostBody,
            damagedTitle = l.shellDamagedTitle,
            recover = l.actionRecover,
            errorTitle = l.shellErrorTitle,
            restore = l.actionRestore,
            restoreDone = l.shellRestoreDone,
            erase = l.actionErase,
            eraseConfirm = l.actionEraseConfirm,
            eraseDone = l.shellEraseDone,
            passphrase = l.shellBackupPassphrase,
            cancel = l.actionCancel,
        )

        /** From [toMap]; null when a word is missing. */
        fun fromMap(m: Map<String, String>): GateWords? {
            fun w(k: String) = m[k]?.takeIf { it.isNotEmpty() }
            return GateWords(
                lang = w("lang")?.let { n -> Lang.values().firstOrNull { it.name == n } } ?: return null,
                loading = w("loading") ?: return null,
                locked = w("locked") ?: return null,
                unlockReason = w("unlockReason") ?: return null,
                unlock = w("unlock") ?: return null,
                unlockFailed = w("unlockFailed") ?: return null,
                keyLostTitle = w("keyLostTitle") ?: return null,
                keyLostBody = w("keyLostBody") ?: return null,
                damagedTitle = w("damagedTitle") ?: return null,
                recover = w("recover") ?: return null,
                errorTitle = w("errorTitle") ?: return null,
                restore = w("restore") ?: return null,
                restoreDone = w("restoreDone") ?: return null,
                erase = w("erase") ?: return null,
                eraseConfirm = w("eraseConfirm") ?: return null,
                eraseDone = w("eraseDone") ?: return null,
                passphrase = w("passphrase") ?: return null,
                cancel = w("cancel") ?: return null,
            )
        }
    }
}

/** The file the gate words are kept in (app-private; they say nothing but the patient's language). */
class GateWordsStore(private val file: File) {
    fun save(words: GateWords) {
        val p = Properties()
        words.toMap().forEach { (k, v) -> p.setProperty(k, v) }
        file.parentFile?.mkdirs()
        val tmp = File(file.parentFile, file.name + ".tmp")
        tmp.outputStream().use { p.store(it, null) }
        if (!tmp.renameTo(file)) tmp.delete()
    }

    /** The words last saved, or null (never saved, or unreadable). */
    fun load(): GateWords? =
        try {
            if (!file.exists()) {
                null
            } else {
                val p = Properties().apply { file.inputStream().use { load(it) } }
                GateWords.fromMap(p.stringPropertyNames().associateWith { p.getProperty(it) })
            }
        } catch (e: IOException) {
            null
        } catch (e: IllegalArgumentException) {
            null
        }
}
