package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.SegmentedButton
import androidx.compose.material3.SegmentedButtonDefaults
import androidx.compose.material3.SingleChoiceSegmentedButtonRow
import androidx.compose.material3.Slider
import androidx.compose.material3.Switch
import androidx.compose.material3.Tab
import androidx.compose.material3.TabRow
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringArrayResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.steady.R
import app.steady.core.Field
import app.steady.ui.forField
import app.steady.ui.logic.AnxietyForm
import app.steady.ui.logic.Amounts
import app.steady.ui.logic.DoseForm
import app.steady.ui.logic.DoseUnit
import app.steady.ui.logic.Gad7Form
import app.steady.ui.logic.SleepForm
import app.steady.ui.logic.TABLET_CHOICES
import app.steady.ui.logic.UiMessage
import app.steady.ui.logic.EntryForm
import app.steady.ui.logic.gad7Field
import java.time.LocalDate
import kotlin.math.roundToInt

/** Log: a dose, a night, today's anxiety, or a GAD-7. Each form only collects; the core decides. */
@Composable
fun LogPage(today: LocalDate, message: UiMessage?, onSave: (EntryForm, onSaved: () -> Unit) -> Unit) {
    var tab by rememberSaveable { mutableIntStateOf(0) }
    val tabs = listOf(R.string.log_dose, R.string.log_sleep, R.string.log_anxiety, R.string.log_gad7)
    Column(Modifier.fillMaxSize()) {
        TabRow(selectedTabIndex = tab) {
            tabs.forEachIndexed { i, title ->
                Tab(selected = tab == i, onClick = { tab = i }, text = { Text(stringResource(title)) })
            }
        }
        Column(
            Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            when (tab) {
                0 -> DoseFormView(message, onSave)
                1 -> SleepFormView(today, message, onSave)
                2 -> AnxietyFormView(onSave)
                else -> Gad7FormView(message, onSave)
            }
        }
    }
}

@Composable
private fun DoseFormView(message: UiMessage?, onSave: (EntryForm, () -> Unit) -> Unit) {
    var form by remember { mutableStateOf(DoseForm()) }
    OutlinedTextField(
        value = form.drug,
        onValueChange = { form = form.copy(drug = it) },
        label = { Text(stringResource(R.string.field_drug)) },
        supportingText = { Text(message.forField(Field.Drug) ?: stringResource(R.string.dose_drug_hint)) },
        isError = message.forField(Field.Drug) != null,
        singleLine = true,
        modifier = Modifier.fillMaxWidth(),
    )
    SingleChoiceSegmentedButtonRow(Modifier.fillMaxWidth()) {
        DoseUnit.entries.forEachIndexed { i, unit ->
            SegmentedButton(
                selected = form.unit == unit,
                onClick = { form = form.copy(unit = unit) },
                shape = SegmentedButtonDefaults.itemShape(i, DoseUnit.entries.size),
            ) {
                Text(stringResource(if (unit == DoseUnit.MG) R.string.dose_unit_mg else R.string.dose_unit_tablets))
            }
        }
    }
    if (form.unit == DoseUnit.MG) {
        NumberField(form.mgText, { form = form.copy(mgText = it) }, R.string.field_mg, message.forField(Field.Mg))
    } else {
        Text(stringResource(R.string.dose_tablet_fraction), style = MaterialTheme.typography.labelLarge)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            TABLET_CHOICES.forEach { t ->
                FilterChip(
                    selected = form.tabletChoice == t,
                    onClick = { form = form.copy(tabletChoice = t) },
                    label = { Text(Amounts.tablets(t)) },
                )
            }
        }
        Row(verticalAlignment = Alignment.CenterVertically) {
            Text(stringResource(R.string.dose_extra_whole, form.extraWholeTablets), modifier = Modifier.weight(1f))
            TextButton(onClick = { form = form.copy(extraWholeTablets = (form.extraWholeTablets - 1).coerceAtLeast(0)) }) {
                Text("−")
            }
            TextButton(onClick = { form = form.copy(extraWholeTablets = (form.extraWholeTablets + 1).coerceAtMost(9)) }) {
                Text("+")
            }
        }
        message.forField(Field.Tablets)?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        if (!form.strengthUnknown) {
            NumberField(
                form.strengthText,
                { form = form.copy(strengthText = it) },
                R.string.field_strength,
                message.forField(Field.StrengthMg),
            )
        }
    }
    Row(verticalAlignment = Alignment.CenterVertically) {
        Text(stringResource(R.string.dose_nonprescribed), modifier = Modifier.weight(1f))
        Switch(
            checked = form.nonPrescribed,
            onCheckedChange = { form = form.copy(nonPrescribed = it, strengthUnknown = it && form.strengthUnknown) },
        )
    }
    if (form.nonPrescribed && form.unit == DoseUnit.TABLETS) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = form.strengthUnknown, onCheckedChange = { form = form.copy(strengthUnknown = it) })
            Text(stringResource(R.string.dose_strength_unknown))
        }
    }
    OutlinedTextField(
        value = form.note,
        onValueChange = { form = form.copy(note = it) },
        label = { Text(stringResource(R.string.field_note)) },
        modifier = Modifier.fillMaxWidth(),
    )
    message.forField(Field.TakenAt, Field.Note)?.let { Text(it, color = MaterialTheme.colorScheme.error) }
    Button(onClick = { onSave(form) { form = DoseForm() } }, modifier = Modifier.fillMaxWidth()) {
        Text(stringResource(R.string.save))
    }
}

@Composable
private fun SleepFormView(today: LocalDate, message: UiMessage?, onSave: (EntryForm, () -> Unit) -> Unit) {
    var form by remember(today) { mutableStateOf(SleepForm(night = today.minusDays(1))) }
    Text(stringResource(R.string.sleep_night_of, form.night.toString()), style = MaterialTheme.typography.titleMedium)
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        TextButton(onClick = { form = form.copy(night = form.night.minusDays(1)) }) { Text(stringResource(R.string.sleep_earlier)) }
        TextButton(
            onClick = { form = form.copy(night = minOf(form.night.plusDays(1), today)) },
        ) { Text(stringResource(R.string.sleep_later)) }
    }
    message.forField(Field.Night)?.let { Text(it, color = MaterialTheme.colorScheme.error) }

    Text(stringResource(R.string.field_quality), style = MaterialTheme.typography.labelLarge)
    val qualities = stringArrayResource(R.array.sleep_quality_labels)
    Column {
        qualities.forEachIndexed { i, label ->
            val score = i + 1
            Row(
                Modifier.fillMaxWidth().selectable(form.quality == score, onClick = { form = form.copy(quality = score) }, role = Role.RadioButton),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = form.quality == score, onClick = null)
                Text(label)
            }
        }
    }
    message.forField(Field.Quality)?.let { Text(it, color = MaterialTheme.colorScheme.error) }

    NumberField(form.hoursText, { form = form.copy(hoursText = it) }, R.string.field_hours, message.forField(Field.Hours))
    Text(stringResource(R.string.sleep_details), style = MaterialTheme.typography.labelLarge)
    TimeField(form.inBed, R.string.field_in_bed, message.forField(Field.InBed)) { form = form.copy(inBed = it) }
    TimeField(form.triedToSleep, R.string.field_tried_to_sleep, message.forField(Field.TriedToSleep)) {
        form = form.copy(triedToSleep = it)
    }
    NumberField(form.latencyText, { form = form.copy(latencyText = it) }, R.string.field_latency, message.forField(Field.LatencyMin))
    NumberField(form.awakeningsText, { form = form.copy(awakeningsText = it) }, R.string.field_awakenings, message.forField(Field.Awakenings))
    NumberField(form.wasoText, { form = form.copy(wasoText = it) }, R.string.field_waso, message.forField(Field.WasoMin))
    TimeField(form.finalAwakening, R.string.field_final_awakening, message.forField(Field.FinalAwakening)) {
        form = form.copy(finalAwakening = it)
    }
    TimeField(form.outOfBed, R.string.field_out_of_bed, message.forField(Field.OutOfBed)) {
        form = form.copy(outOfBed = it)
    }
    OutlinedTextField(
        value = form.note,
        onValueChange = { form = form.copy(note = it) },
        label = { Text(stringResource(R.string.field_note)) },
        modifier = Modifier.fillMaxWidth(),
    )
    Button(onClick = { onSave(form) { form = SleepForm(night = today.minusDays(1)) } }, modifier = Modifier.fillMaxWidth()) {
        Text(stringResource(R.string.save))
    }
}

@Composable
private fun AnxietyFormView(onSave: (EntryForm, () -> Unit) -> Unit) {
    var form by remember { mutableStateOf(AnxietyForm(score = 5)) }
    Text(stringResource(R.string.anxiety_question), style = MaterialTheme.typography.titleMedium)
    Text(stringResource(R.string.anxiety_value, form.score), style = MaterialTheme.typography.displaySmall)
    Slider(
        value = form.score.toFloat(),
        onValueChange = { form = form.copy(score = it.roundToInt()) },
        valueRange = 0f..10f,
        steps = 9,
    )
    Row {
        Text(stringResource(R.string.anxiety_none), modifier = Modifier.weight(1f), style = MaterialTheme.typography.bodySmall)
        Text(stringResource(R.string.anxiety_worst), style = MaterialTheme.typography.bodySmall)
    }
    OutlinedTextField(
        value = form.note,
        onValueChange = { form = form.copy(note = it) },
        label = { Text(stringResource(R.string.field_note)) },
        modifier = Modifier.fillMaxWidth(),
    )
    Button(onClick = { onSave(form) { form = AnxietyForm(score = 5) } }, modifier = Modifier.fillMaxWidth()) {
        Text(stringResource(R.string.save))
    }
}

@Composable
private fun Gad7FormView(message: UiMessage?, onSave: (EntryForm, () -> Unit) -> Unit) {
    var form by remember { mutableStateOf(Gad7Form()) }
    val questions = stringArrayResource(R.array.gad7_items)
    val answers = stringArrayResource(R.array.gad7_answers)
    Text(stringResource(R.string.gad7_intro), style = MaterialTheme.typography.titleMedium)
    questions.forEachIndexed { item, question ->
        Column {
            Text("${item + 1}. $question", style = MaterialTheme.typography.bodyLarge)
            answers.forEachIndexed { score, label ->
                Row(
                    Modifier.fillMaxWidth().selectable(
                        selected = form.answers[item] == score,
                        onClick = { form = form.answer(item, score) },
                        role = Role.RadioButton,
                    ),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    RadioButton(selected = form.answers[item] == score, onClick = null)
                    Text(label)
                }
            }
            if (message?.gad7Item == item) {
                Text(message.forField(gad7Field(item)) ?: "", color = MaterialTheme.colorScheme.error)
            }
            Spacer(Modifier.height(8.dp))
        }
    }
    Text(stringResource(R.string.gad7_source), style = MaterialTheme.typography.bodySmall)
    Button(onClick = { onSave(form) { form = Gad7Form() } }, enabled = form.complete, modifier = Modifier.fillMaxWidth()) {
        Text(stringResource(R.string.save))
    }
}

@Composable
internal fun NumberField(value: String, onChange: (String) -> Unit, label: Int, error: String?) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(stringResource(label)) },
        isError = error != null,
        supportingText = if (error != null) { { Text(error) } } else null,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal),
        singleLine = true,
        modifier = Modifier.fillMaxWidth(),
    )
}

/** A clock time typed as HH:MM; the core reads it and names the field when it cannot. */
@Composable
private fun TimeField(value: String, label: Int, error: String?, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(stringResource(label)) },
        placeholder = { Text(stringResource(R.string.time_placeholder)) },
        isError = error != null,
        supportingText = if (error != null) { { Text(error) } } else null,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        singleLine = true,
        modifier = Modifier.fillMaxWidth(),
    )
}
