package app.steady.ui.logic

import app.steady.core.Field
import app.steady.core.Problem
import app.steady.core.SteadyException

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/** What kind of message a screen shows; the Compose layer picks the words from strings.xml. */
enum class MessageKind {
    /** The core refused a field; [UiMessage.problem] says why (typed), [UiMessage.detail] in English. */
    INVALID_INPUT,

    /** The shell could not read a field (e.g. letters in a number box). */
    UNREADABLE,

    /** A required field or answer is missing. */
    REQUIRED,

    /** The keystore key does not open the diary; nothing was changed. */
    WRONG_KEY,

    /** The keystore failed or returned a bad key. */
    KEYSTORE,

    /** One entry failed authentication and is hidden. */
    DAMAGED_ENTRY,

    /** The diary file is damaged. */
    DAMAGED_FILE,

    /** The device is full; the entry was not saved. */
    DISK_FULL,

    /** The diary is locked (the app was in the background); unlock it again. */
    LOCKED,

    /** The backup passphrase does not open the backup file; nothing was imported. */
    WRONG_PASSPHRASE,

    /** The backup file was refused (damaged, cut short, from a newer app); nothing was imported. */
    BAD_BACKUP,

    /** Another storage failure. */
    STORAGE,

    /** A bug in the core, reported instead of a crash. */
    INTERNAL,
}

/**
 * One message for the screen: its kind, the form field it belongs to (the core's typed [Field]),
 * the core's English detail, and, for a refusal by the core, the typed [Problem] (so the screen can
 * phrase it in the patient's language).
 */
data class UiMessage(
    val kind: MessageKind,
    val field: Field? = null,
    val detail: String? = null,
    val problem: Problem? = null,
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
}

/** Maps the core's exception to a message, keeping the field it names and what was wrong. */
fun SteadyException.toUiMessage(): UiMessage = when (this) {
    is SteadyException.InvalidInput -> UiMessage(MessageKind.INVALID_INPUT, field, detail, problem)
    is SteadyException.WrongKey -> UiMessage(MessageKind.WRONG_KEY)
    is SteadyException.KeyProvider -> UiMessage(MessageKind.KEYSTORE, detail = detail)
    is SteadyException.Tampered -> UiMessage(MessageKind.DAMAGED_ENTRY, detail = id)
    is SteadyException.Corrupt -> UiMessage(MessageKind.DAMAGED_FILE, detail = detail)
    is SteadyException.DiskFull -> UiMessage(MessageKind.DISK_FULL)
    is SteadyException.Locked -> UiMessage(MessageKind.LOCKED)
    is SteadyException.WrongPassphrase -> UiMessage(MessageKind.WRONG_PASSPHRASE)
    is SteadyException.BadBackup -> UiMessage(MessageKind.BAD_BACKUP, detail = detail)
    is SteadyException.Storage -> UiMessage(MessageKind.STORAGE, detail = detail)
    is SteadyException.Internal -> UiMessage(MessageKind.INTERNAL, detail = detail)
}

/** Maps a local form problem to a message. */
fun FormResult.Unreadable.toUiMessage(): UiMessage = when (problem) {
    LocalProblem.REQUIRED -> UiMessage(MessageKind.REQUIRED, field)
    LocalProblem.NOT_A_NUMBER, LocalProblem.NOT_A_WHOLE_NUMBER, LocalProblem.NOT_A_CLOCK_TIME ->
        UiMessage(MessageKind.UNREADABLE, field)
}
