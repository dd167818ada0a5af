package app.steady.ui.logic

import app.steady.core.Field
import app.steady.core.Lang
import app.steady.core.Problem
import app.steady.core.SteadyException
import app.steady.core.errorMessage

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/** What kind of message a screen shows: how the shell reacts, never what it says. */
enum class MessageKind {
    /** A value was refused (by the core, or unreadable before it got there): shown under [UiMessage.field]. */
    INVALID_INPUT,

    /** The key does not open the diary: the lost-key screen (restore a backup or erase). */
    WRONG_KEY,

    /** The keystore failed or returned a bad key. */
    KEYSTORE,

    /** One entry failed authentication and is hidden. */
    DAMAGED_ENTRY,

    /** The diary file is damaged: the rescue screen. */
    DAMAGED_FILE,

    /** The device is full; the entry was not saved. */
    DISK_FULL,

    /** The diary is locked (the app was in the background): unlock again. */
    LOCKED,

    /** The backup passphrase does not open the backup file; nothing was imported. */
    WRONG_PASSPHRASE,

    /** The backup file was refused; nothing was imported. */
    BAD_BACKUP,

    /** The key material in the diary file is damaged (not a wrong key): rescue, restore or erase. */
    KEY_DAMAGED,

    /** Another process changed the key since the diary was opened; nothing was written: open it again. */
    KEY_CHANGED,

    /** An older copy of the whole diary file was put back; refused, nothing written: restore or erase. */
    ROLLED_BACK,

    /** Another storage failure. */
    STORAGE,

    /** A bug in the core, reported instead of a crash. */
    INTERNAL,

    /** Not an error: a confirmation ("Backup saved."), or what one-step "Taken" logged. */
    DONE,
}

/**
 * One message for the screen, already in the patient's language: [text] comes from the core (a
 * refusal's `detail`, or `errorMessage` for errors raised before or outside a diary). [field] is
 * the form field it belongs under (the core's typed [Field]); [problem] says what was wrong.
 */
data class UiMessage(
    val kind: MessageKind,
    val text: String,
    val field: Field? = null,
    val problem: Problem? = null,
    /** An entry the message is about (what "Taken" logged, for Undo). */
    val entryId: String? = null,
    /** What a rescue or a restore did, line by line, worded by the app's plurals after [text]. */
    val counts: List<ReportCount> = emptyList(),
) {
    /** True when this message belongs under one of these form fields. */
    fun isFor(vararg fields: Field): Boolean = this.field != null && this.field in fields

    /** The GAD-7 question (0-based) a message about `Field.Item(1…7)` belongs to. */
    val gad7Item: Int?
        get() {
            val item = this.field as? Field.Item ?: return null
            return (item.number.toInt() - 1).takeIf { it in 0..6 }
        }

    /** True when the message is about a field (shown inline) rather than the whole screen. */
    val inline: Boolean get() = this.field != null

    companion object {
        fun done(text: String, entryId: String? = null, counts: List<ReportCount> = emptyList()) =
            UiMessage(MessageKind.DONE, text, entryId = entryId, counts = counts)
    }
}

/** The kind of message an exception gives. */
fun SteadyException.kind(): MessageKind = when (this) {
    is SteadyException.InvalidInput -> MessageKind.INVALID_INPUT
    is SteadyException.WrongKey -> MessageKind.WRONG_KEY
    is SteadyException.KeyProvider -> MessageKind.KEYSTORE
    is SteadyException.Tampered -> MessageKind.DAMAGED_ENTRY
    is SteadyException.Corrupt -> MessageKind.DAMAGED_FILE
    is SteadyException.DiskFull -> MessageKind.DISK_FULL
    is SteadyException.Locked -> MessageKind.LOCKED
    is SteadyException.WrongPassphrase -> MessageKind.WRONG_PASSPHRASE
    is SteadyException.BadBackup -> MessageKind.BAD_BACKUP
    is SteadyException.KeyDamaged -> MessageKind.KEY_DAMAGED
    is SteadyException.KeyChanged -> MessageKind.KEY_CHANGED
    is SteadyException.RolledBack -> MessageKind.ROLLED_BACK
    is SteadyException.Storage -> MessageKind.STORAGE
    is SteadyException.Internal -> MessageKind.INTERNAL
}

/**
 * The exception in the patient's words. A refusal from an open diary already carries them
 * (`detail`, in the diary's language); everything else is worded by the core's `errorMessage`.
 */
fun SteadyException.toUiMessage(lang: Lang): UiMessage = when (this) {
    is SteadyException.InvalidInput -> UiMessage(kind(), detail.ifBlank { errorMessage(this, lang) }, field, problem)
    else -> UiMessage(kind(), errorMessage(this, lang))
}

/**
 * A value the form could not even hand to the core (a required field left empty, letters in a
 * number box), worded by the core as if the core had refused it, under the form's own field.
 */
fun refusal(field: Field, problem: Problem, lang: Lang): UiMessage =
    SteadyException.InvalidInput(field, problem, "").let { UiMessage(MessageKind.INVALID_INPUT, errorMessage(it, lang), field, problem) }
