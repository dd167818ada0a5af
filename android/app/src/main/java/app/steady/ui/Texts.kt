package app.steady.ui

import androidx.annotation.StringRes
import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import app.steady.R
import app.steady.core.DeTable
import app.steady.ui.logic.MessageKind
import app.steady.ui.logic.TotalLine
import app.steady.ui.logic.UiMessage

/** The label of a form field, by the core's field name (the same names the core's errors use). */
@StringRes
fun fieldLabel(field: String): Int = when (field) {
    "drug" -> R.string.field_drug
    "mg" -> R.string.field_mg
    "tablets" -> R.string.field_tablets
    "strength_mg" -> R.string.field_strength
    "taken_at", "at" -> R.string.field_time
    "note" -> R.string.field_note
    "night" -> R.string.field_night
    "quality" -> R.string.field_quality
    "hours" -> R.string.field_hours
    "latency_min" -> R.string.field_latency
    "awakenings" -> R.string.field_awakenings
    "waso_min" -> R.string.field_waso
    "in_bed" -> R.string.field_in_bed
    "tried_to_sleep" -> R.string.field_tried_to_sleep
    "final_awakening" -> R.string.field_final_awakening
    "out_of_bed" -> R.string.field_out_of_bed
    "score" -> R.string.field_anxiety
    "items" -> R.string.field_gad7
    "what_matters" -> R.string.field_what_matters
    "kind" -> R.string.field_goal_kind
    "target_mg" -> R.string.field_target
    "due" -> R.string.field_due
    "review_on" -> R.string.field_review_on
    "agreed_with" -> R.string.field_agreed_with
    "goal", "goal_id" -> R.string.field_goal
    "gas" -> R.string.field_gas
    "decision" -> R.string.field_decision
    "from", "to" -> R.string.field_period
    else -> if (field.startsWith("item")) R.string.field_gad7_item else R.string.field_other
}

/** A message in words. Inline field messages read "Amount (mg): must be greater than zero". */
@Composable
fun UiMessage.text(): String {
    val label = field?.let { f ->
        val item = gad7Item
        if (item != null) stringResource(R.string.field_gad7_item_n, item + 1) else stringResource(fieldLabel(f))
    }
    val body = when (kind) {
        MessageKind.INVALID_INPUT -> detail ?: stringResource(R.string.msg_invalid)
        MessageKind.UNREADABLE -> stringResource(R.string.msg_unreadable)
        MessageKind.REQUIRED -> stringResource(R.string.msg_required)
        MessageKind.WRONG_KEY -> stringResource(R.string.msg_wrong_key)
        MessageKind.KEYSTORE -> stringResource(R.string.msg_keystore)
        MessageKind.DAMAGED_ENTRY -> stringResource(R.string.msg_damaged_entry)
        MessageKind.DAMAGED_FILE -> stringResource(R.string.msg_damaged_file)
        MessageKind.DISK_FULL -> stringResource(R.string.msg_disk_full)
        MessageKind.LOCKED -> stringResource(R.string.msg_locked)
        MessageKind.WRONG_PASSPHRASE -> stringResource(R.string.msg_wrong_passphrase)
        MessageKind.BAD_BACKUP -> stringResource(R.string.msg_bad_backup)
        MessageKind.STORAGE -> stringResource(R.string.msg_storage)
        MessageKind.INTERNAL -> stringResource(R.string.msg_internal)
    }
    return if (label != null) stringResource(R.string.msg_field_format, label, body) else body
}

/** The inline error for one field, or null when the message is about another one. */
@Composable
fun UiMessage?.forField(vararg fields: String): String? =
    if (this != null && isFor(*fields)) text() else null

@StringRes
fun tableLabel(table: DeTable): Int = when (table) {
    DeTable.ASHTON -> R.string.table_ashton
    DeTable.VA_DOD -> R.string.table_va_dod
    DeTable.DUTCH -> R.string.table_dutch
    DeTable.NORWEGIAN -> R.string.table_norwegian
}

/** "17.5–25 mg diazepam equivalent · 1 dose unknown" for a total line. */
@Composable
fun TotalLine.text(): String {
    val known = range?.let { stringResource(R.string.de_amount, it) } ?: stringResource(R.string.de_unknown)
    return if (unknownDoses > 0 && range != null) {
        stringResource(R.string.de_with_unknown, known, unknownDoses)
    } else {
        known
    }
}
