package app.steady.ui.components

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Close
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Icon
import androidx.compose.material3.InputChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.SegmentedButton
import androidx.compose.material3.SegmentedButtonDefaults
import androidx.compose.material3.SingleChoiceSegmentedButtonRow
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.steady.core.DrugMatch
import app.steady.core.EntryKind
import app.steady.core.Field
import app.steady.core.FormField
import app.steady.core.FormView
import app.steady.core.GoalLine
import app.steady.core.Input
import app.steady.core.MedicineCard
import app.steady.ui.logic.AmountUnit
import app.steady.ui.logic.FormState
import app.steady.ui.logic.Formats
import app.steady.ui.logic.UiMessage
import app.steady.ui.logic.field
import app.steady.ui.logic.gad7Field
import app.steady.ui.logic.shown

/** What a form needs besides itself: the patient's medicines and goals (pickers) and the catalogue. */
data class FormContext(
    val formats: Formats,
    val words: PickerWords,
    val medicines: List<MedicineCard>,
    val goals: List<GoalLine>,
    val search: (String, (List<DrugMatch>) -> Unit) -> Unit,
)

/**
 * Any form the core describes: one control per field, in the core's order, with the core's labels,
 * help, units, ranges and choices; "required"/"optional" as the core words them; the refusal shown
 * under the field it names. The state lives in the caller's `rememberSaveable`.
 */
@Composable
fun CoreForm(
    form: FormView,
    state: FormState,
    onChange: (FormState) -> Unit,
    message: UiMessage?,
    context: FormContext,
    onSave: () -> Unit,
    onCancel: () -> Unit,
    busy: Boolean,
) {
    Column(Modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(16.dp)) {
        PageTitle(form.title)
        if (form.kind == EntryKind.DOSE || form.kind == EntryKind.MEDICINE) AmountUnitChoice(form, state, onChange)
        form.shown(state).forEach { field ->
            FieldControl(form, field, state, onChange, message, context)
        }
        if (message != null && !message.inline) FieldError(message.text)
        Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            Button(onClick = onSave, enabled = !busy) { Text(form.save) }
            TextButton(onClick = onCancel) { Text(form.cancel) }
        }
        Spacer(Modifier.height(24.dp))
    }
}

/** Milligrams or tablets, named by the units the core gives the two fields. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun AmountUnitChoice(form: FormView, state: FormState, onChange: (FormState) -> Unit) {
    val mg = form.field(Field.Mg)?.unit ?: return
    val tablets = form.field(Field.Tablets)?.unit ?: return
    val units = listOf(AmountUnit.TABLETS to tablets, AmountUnit.MG to mg)
    SingleChoiceSegmentedButtonRow(Modifier.fillMaxWidth()) {
        units.forEachIndexed { i, (unit, word) ->
            SegmentedButton(
                selected = state.amountUnit == unit,
                onClick = { onChange(state.withAmountUnit(unit)) },
                shape = SegmentedButtonDefaults.itemShape(i, units.size),
            ) { Text(word) }
        }
    }
}

@Composable
private fun FieldControl(
    form: FormView,
    field: FormField,
    state: FormState,
    onChange: (FormState) -> Unit,
    message: UiMessage?,
    context: FormContext,
) {
    val f = field.field
    val value = state[f]
    val label = field.label + if (field.required) "" else " (${form.optionalText})"
    val error = message?.takeIf { it.isFor(f) }?.text
    val set = { v: String -> onChange(state.with(f, v)) }
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        when (val input = field.input) {
            is Input.Text -> OutlinedTextField(
                value = value,
                onValueChange = { if (it.length <= input.maxChars.toInt()) set(it) },
                label = { Text(label) },
                singleLine = !input.multiline,
                minLines = if (input.multiline) 2 else 1,
                isError = error != null,
                modifier = Modifier.fillMaxWidth(),
            )
            is Input.Number -> if (f == Field.Tablets) {
                val n = value.toDoubleOrNull() ?: 0.0
                Stepper(
                    label = label,
                    valueText = if (value.isBlank()) "—" else context.formats.tablets(n) + (field.unit?.let { " $it" } ?: ""),
                    value = n.toFloat(),
                    range = input.min.toFloat()..input.max.toFloat(),
                    steps = (((input.max - input.min) / input.step).toInt() - 1).coerceAtLeast(0),
                    onStep = { up -> onChange(state.stepped(f, input, up)) },
                    onSet = { target -> set(FormState.plain(Math.round(target / input.step) * input.step)) },
                )
            } else {
                NumberText(label, value, field.unit, error, KeyboardType.Decimal, set)
            }
            is Input.Whole -> if (input.max - input.min <= SMALL_RANGE) {
                val n = value.toLongOrNull()
                Stepper(
                    label = label,
                    valueText = n?.toString() ?: "—",
                    value = (n ?: input.min).toFloat(),
                    range = input.min.toFloat()..input.max.toFloat(),
                    steps = (input.max - input.min - 1).toInt().coerceAtLeast(0),
                    onStep = { up -> set(((n ?: if (up) input.min - 1 else input.min) + if (up) 1 else -1).coerceIn(input.min, input.max).toString()) },
                    onSet = { target -> set(Math.round(target).toLong().coerceIn(input.min, input.max).toString()) },
                )
            } else {
                NumberText(label, value, field.unit, error, KeyboardType.Number, set)
            }
            is Input.Date -> DateField(label, value, context.formats, context.words, set)
            is Input.Time -> TimeField(label, value, context.words, set)
            is Input.Instant -> InstantField(label, value, context.formats, context.words, set)
            is Input.Times -> TimesField(label, state, onChange, context.words)
            is Input.Toggle -> ToggleRow(label, state.isOn(f)) { onChange(state.toggled(f, it)) }
            is Input.Drug -> DrugField(label, value, error, context, set)
            is Input.Medicine -> Choices(
                label,
                context.medicines.filter { it.active }.map { it.id to it.name },
                value,
                set,
            )
            is Input.Goal -> Choices(label, context.goals.map { it.id to it.whatMatters }, value, set)
            is Input.Pick -> Choices(label, input.choices.map { it.key to it.label }, value, set)
            is Input.Scale -> ScaleField(label, input, value, set)
            is Input.Items -> ItemsField(input, state, onChange, message)
        }
        field.help?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        FieldError(error)
    }
}

@Composable
private fun NumberText(label: String, value: String, unit: String?, error: String?, keyboard: KeyboardType, set: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = set,
        label = { Text(label) },
        suffix = unit?.let { { Text(it) } },
        singleLine = true,
        isError = error != null,
        keyboardOptions = KeyboardOptions(keyboardType = keyboard),
        modifier = Modifier.fillMaxWidth(),
    )
}

@Composable
fun ToggleRow(label: String, on: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        Modifier.fillMaxWidth().toggleable(value = on, role = Role.Switch, onValueChange = onChange).padding(vertical = 4.dp),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(label, modifier = Modifier.weight(1f))
        Switch(checked = on, onCheckedChange = null)
    }
}

/** One of a few values, as radio buttons (they wrap at any font size, unlike a row of chips). */
@Composable
fun Choices(label: String, choices: List<Pair<String, String>>, selected: String, onSelect: (String) -> Unit) {
    Column(Modifier.selectableGroup()) {
        if (label.isNotBlank()) Text(label, style = MaterialTheme.typography.labelLarge)
        choices.forEach { (key, text) ->
            Row(
                Modifier.fillMaxWidth()
                    .selectable(selected = key == selected, role = Role.RadioButton, onClick = { onSelect(key) })
                    .padding(vertical = 6.dp),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = key == selected, onClick = null)
                Text(text, modifier = Modifier.padding(start = 12.dp))
            }
        }
    }
}

/** A 0–10 scale: one chip per value, nothing pre-selected, the core's words at both ends. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ScaleField(label: String, input: Input.Scale, value: String, set: (String) -> Unit) {
    Column(Modifier.selectableGroup()) {
        Text(label, style = MaterialTheme.typography.bodyLarge)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(6.dp)) {
            (input.min..input.max).forEach { n ->
                val key = n.toString()
                val anchor = when (n) {
                    input.min -> input.minLabel
                    input.max -> input.maxLabel
                    else -> null
                }
                FilterChip(
                    selected = value == key,
                    onClick = { set(key) },
                    label = { Text(key) },
                    modifier = Modifier.semantics { contentDescription = listOfNotNull(key, anchor).joinToString(", ") },
                )
            }
        }
        Text("${input.min} = ${input.minLabel} · ${input.max} = ${input.maxLabel}", style = MaterialTheme.typography.bodySmall)
    }
}

/** The GAD-7: the stem, then each question with its four answers; a missing answer is shown under its question. */
@Composable
private fun ItemsField(input: Input.Items, state: FormState, onChange: (FormState) -> Unit, message: UiMessage?) {
    val answers = state.answers
    Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(input.stem, style = MaterialTheme.typography.bodyLarge)
        input.items.forEachIndexed { i, item ->
            Column(Modifier.selectableGroup()) {
                Text("${i + 1}. $item", style = MaterialTheme.typography.titleSmall)
                input.answers.forEach { answer ->
                    val n = answer.key.toIntOrNull() ?: return@forEach
                    Row(
                        Modifier.fillMaxWidth()
                            .selectable(selected = answers.getOrNull(i) == n, role = Role.RadioButton, onClick = { onChange(state.withAnswer(i, n)) })
                            .padding(vertical = 4.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        RadioButton(selected = answers.getOrNull(i) == n, onClick = null)
                        Text(answer.label, modifier = Modifier.padding(start = 12.dp))
                    }
                }
                FieldError(message?.takeIf { it.isFor(gad7Field(i)) }?.text)
            }
        }
    }
}

/** A medicine's usual times: a chip per time (tap × to remove), and a button to add one. */
@OptIn(ExperimentalLayoutApi::class, ExperimentalMaterial3Api::class)
@Composable
private fun TimesField(label: String, state: FormState, onChange: (FormState) -> Unit, words: PickerWords) {
    var adding by rememberSaveable { mutableStateOf(false) }
    Column {
        Text(label, style = MaterialTheme.typography.labelLarge)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            state.times.forEach { t ->
                InputChip(
                    selected = false,
                    onClick = { onChange(state.withoutTime(t)) },
                    label = { Text(t) },
                    trailingIcon = { Icon(Icons.Filled.Close, contentDescription = null) },
                    modifier = Modifier.semantics { contentDescription = "$label: $t, ${words.cancel}" },
                )
            }
            OutlinedButton(onClick = { adding = true }) {
                Icon(Icons.Filled.Add, contentDescription = label)
            }
        }
    }
    if (adding) {
        TimeDialog("", words, onDismiss = { adding = false }) {
            onChange(state.withTime(it))
            adding = false
        }
    }
}

/** A medicine or brand: typed, with the catalogue's matches (the patient's country first) to tap. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun DrugField(label: String, value: String, error: String?, context: FormContext, set: (String) -> Unit) {
    var matches by remember { mutableStateOf(emptyList<DrugMatch>()) }
    var picked by remember { mutableStateOf(false) }
    LaunchedEffect(value) {
        if (!picked && value.trim().length >= 2) context.search(value) { matches = it } else matches = emptyList()
    }
    OutlinedTextField(
        value = value,
        onValueChange = {
            picked = false
            set(it)
        },
        label = { Text(label) },
        singleLine = true,
        isError = error != null,
        modifier = Modifier.fillMaxWidth(),
    )
    if (matches.isNotEmpty()) {
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            matches.take(8).forEach { m ->
                val strengths = m.strengthsMg.joinToString(" · ") { context.formats.number(it) }
                FilterChip(
                    selected = m.name.equals(value.trim(), ignoreCase = true),
                    onClick = {
                        picked = true
                        matches = emptyList()
                        set(m.name)
                    },
                    label = { Text(if (strengths.isEmpty()) m.name else "${m.name} ($strengths)") },
                )
            }
        }
    }
}

private const val SMALL_RANGE = 99L
