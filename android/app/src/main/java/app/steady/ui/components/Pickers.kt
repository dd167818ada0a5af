package app.steady.ui.components

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.CalendarMonth
import androidx.compose.material.icons.filled.Schedule
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.AssistChip
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TimePicker
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.material3.rememberTimePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.steady.ui.logic.CoreTime
import app.steady.ui.logic.Formats
import java.time.Instant
import java.time.LocalDate
import java.time.LocalTime
import java.time.ZoneOffset

/** The words a picker's dialog needs: the core's Save and Cancel. */
data class PickerWords(val ok: String, val cancel: String, val now: String)

/**
 * A date: a button showing the date the local way, opening Material's date picker. [value] is
 * `YYYY-MM-DD` or blank. TalkBack reads the field's label and the date.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun DateField(label: String, value: String, formats: Formats, words: PickerWords, onChange: (String) -> Unit) {
    var showing by rememberSaveable { mutableStateOf(false) }
    val shown = value.takeIf { it.isNotBlank() }?.let { runCatching { formats.date(it) }.getOrNull() }
    Column {
        if (label.isNotBlank()) Text(label, style = MaterialTheme.typography.labelLarge)
        OutlinedButton(
            onClick = { showing = true },
            modifier = Modifier.semantics { contentDescription = listOfNotNull(label.ifBlank { null }, shown).joinToString(": ") },
        ) {
            Icon(Icons.Filled.CalendarMonth, contentDescription = null)
            Text(shown ?: "—", modifier = Modifier.padding(start = 8.dp))
        }
    }
    if (showing) {
        val initial = value.takeIf { it.isNotBlank() }?.let { runCatching { LocalDate.parse(it) }.getOrNull() } ?: LocalDate.now()
        val state = rememberDatePickerState(initialSelectedDateMillis = initial.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
        DatePickerDialog(
            onDismissRequest = { showing = false },
            confirmButton = {
                TextButton(onClick = {
                    state.selectedDateMillis?.let { millis ->
                        onChange(CoreTime.date(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate()))
                    }
                    showing = false
                }) { Text(words.ok) }
            },
            dismissButton = { TextButton(onClick = { showing = false }) { Text(words.cancel) } },
        ) {
            DatePicker(state = state)
        }
    }
}

/** A clock time: a button showing `HH:MM`, opening Material's time picker (24-hour, as the core reads it). */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun TimeField(label: String, value: String, words: PickerWords, onChange: (String) -> Unit) {
    var showing by rememberSaveable { mutableStateOf(false) }
    Column(Modifier.fillMaxWidth()) {
        Text(label, style = MaterialTheme.typography.labelLarge)
        OutlinedButton(
            onClick = { showing = true },
            modifier = Modifier.semantics { contentDescription = listOf(label, value.ifBlank { "—" }).joinToString(": ") },
        ) {
            Icon(Icons.Filled.Schedule, contentDescription = null)
            Text(value.ifBlank { "—" }, modifier = Modifier.padding(start = 8.dp))
        }
    }
    if (showing) {
        TimeDialog(value, words, onDismiss = { showing = false }) {
            onChange(it)
            showing = false
        }
    }
}

/** Material's time picker in a dialog; gives `HH:MM`. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun TimeDialog(value: String, words: PickerWords, onDismiss: () -> Unit, onPicked: (String) -> Unit) {
    val initial = value.takeIf { it.isNotBlank() }?.let { runCatching { LocalTime.parse(it) }.getOrNull() } ?: LocalTime.now()
    val state = rememberTimePickerState(initialHour = initial.hour, initialMinute = initial.minute, is24Hour = true)
    AlertDialog(
        onDismissRequest = onDismiss,
        text = { TimePicker(state = state) },
        confirmButton = { TextButton(onClick = { onPicked(CoreTime.clock(state.hour, state.minute)) }) { Text(words.ok) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words.cancel) } },
    )
}

/**
 * A date and time, "Now" by default (the core reads the clock): a Now chip, or a date and a time
 * picked. [value] is blank (now), `YYYY-MM-DD HH:MM`, or the stored instant of an entry being edited.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun InstantField(label: String, value: String, formats: Formats, words: PickerWords, onChange: (String) -> Unit) {
    val local = when {
        value.isBlank() -> null
        CoreTime.splitLocal(value) != null -> value
        else -> runCatching { CoreTime.localOf(value) }.getOrNull()
    }
    val (date, time) = local?.let { CoreTime.splitLocal(it) } ?: (null to null)
    var pickTime by rememberSaveable { mutableStateOf(false) }
    Column(Modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(label, style = MaterialTheme.typography.labelLarge)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            FilterChip(selected = value.isBlank(), onClick = { onChange("") }, label = { Text(words.now) })
            DateField(
                label = "",
                value = date?.toString().orEmpty(),
                formats = formats,
                words = words,
            ) { picked -> onChange(CoreTime.local(LocalDate.parse(picked), time ?: LocalTime.now())) }
            AssistChip(
                onClick = { pickTime = true },
                label = { Text(time?.let { CoreTime.clock(it.hour, it.minute) } ?: "—") },
                leadingIcon = { Icon(Icons.Filled.Schedule, contentDescription = null) },
                modifier = Modifier.semantics {
                    contentDescription = listOfNotNull(label, time?.let { CoreTime.clock(it.hour, it.minute) }).joinToString(": ")
                },
            )
        }
    }
    if (pickTime) {
        TimeDialog(time?.let { CoreTime.clock(it.hour, it.minute) }.orEmpty(), words, onDismiss = { pickTime = false }) { hhmm ->
            onChange(CoreTime.local(date ?: LocalDate.now(), LocalTime.parse(hhmm)))
            pickTime = false
        }
    }
}
