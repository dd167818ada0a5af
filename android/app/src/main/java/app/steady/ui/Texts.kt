package app.steady.ui

import androidx.annotation.StringRes
import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import app.steady.R
import app.steady.core.EquivalenceTable
import app.steady.core.Field
import app.steady.ui.logic.MessageKind
import app.steady.ui.logic.TotalLine
import app.steady.ui.logic.UiMessage

/** The label of a form field, by the core's typed field (the same values the core's errors carry). */
@StringRes
fun fieldLabel(field: Field): Int = when (field) {
    Field.Drug -> R.string.field_drug
    Field.Mg -> R.string.field_mg
    Field.Tablets -> R.string.field_tablets
    Field.StrengthMg -> R.string.field_strength
    Field.TakenAt, Field.At, Field.Instant, Field.Time -> R.string.field_time
    Field.Note -> R.string.field_note
    Field.Night -> R.string.field_night
    Field.Quality -> R.string.field_quality
    Field.Hours -> R.string.field_hours
    Field.LatencyMin -> R.string.field_latency
    Field.Awakenings -> R.string.field_awakenings
    Field.WasoMin -> R.string.field_waso
    Field.InBed -> R.string.field_in_bed
    Field.TriedToSleep -> R.string.field_tried_to_sleep
    Field.FinalAwakening -> R.string.field_final_awakening
    Field.OutOfBed -> R.string.field_out_of_bed
    Field.Score -> R.string.field_anxiety
    Field.Items -> R.string.field_gad7
    is Field.Item -> R.string.field_gad7_item
    Field.WhatMatters -> R.string.field_what_matters
    Field.Kind -> R.string.field_goal_kind
    Field.TargetMg -> R.string.field_target
    Field.Due -> R.string.field_due
    Field.ReviewOn -> R.string.field_review_on
    Field.AgreedWith -> R.string.field_agreed_with
    Field.Goal, Field.GoalId -> R.string.field_goal
    Field.Gas -> R.string.field_gas
    Field.Decision -> R.string.field_decision
    Field.From, Field.To -> R.string.field_period
    else -> R.string.field_other
}

/**
 * A message in words. Inline field messages read "Amount (mg): mg must be greater than zero" (the
 * core's English detail; the screens' rewrite phrases [UiMessage.problem] in the patient's language).
 */
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
fun UiMessage?.forField(vararg fields: Field): String? =
    if (this != null && isFor(*fields)) text() else null

@StringRes
fun tableLabel(table: EquivalenceTable): Int = when (table) {
    EquivalenceTable.ASHTON -> R.string.table_ashton
    EquivalenceTable.VA_DOD -> R.string.table_va_dod
    EquivalenceTable.DUTCH -> R.string.table_dutch
    EquivalenceTable.NORWEGIAN -> R.string.table_norwegian
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
