package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.Help
import androidx.compose.material.icons.filled.Bedtime
import androidx.compose.material.icons.filled.Checklist
import androidx.compose.material.icons.filled.Medication
import androidx.compose.material.icons.filled.Mood
import androidx.compose.material3.Icon
import androidx.compose.material3.ListItem
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.foundation.clickable
import androidx.compose.material3.Text
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import app.steady.core.EntryKind
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.CoreForm
import app.steady.ui.components.FormContext
import app.steady.ui.components.PageTitle
import app.steady.ui.components.PickerWords
import app.steady.ui.logic.Formats
import app.steady.ui.logic.FormState
import app.steady.ui.logic.Screen
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue

/** Log: every kind of entry, each opening the core's form (started from the last entry of its kind). */
@Composable
fun LogPage(state: UiState, vm: AppViewModel) {
    val labels = state.view.labels ?: return
    val kinds: List<Triple<EntryKind, String, ImageVector>> = listOf(
        Triple(EntryKind.DOSE, labels.actionLogDose, Icons.Filled.Medication),
        Triple(EntryKind.SLEEP, labels.actionLogSleep, Icons.Filled.Bedtime),
        Triple(EntryKind.ANXIETY, labels.actionLogAnxiety, Icons.Filled.Mood),
        Triple(EntryKind.GAD7, labels.actionLogGad7, Icons.Filled.Checklist),
        Triple(EntryKind.QUESTION, labels.actionAddQuestion, Icons.AutoMirrored.Filled.Help),
    )
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        PageTitle(labels.screenLog)
        kinds.forEach { (kind, text, icon) ->
            ListItem(
                headlineContent = { Text(text) },
                leadingContent = { Icon(icon, contentDescription = null) },
                modifier = Modifier.fillMaxWidth().clickable(role = Role.Button) { vm.newForm(kind) },
            )
        }
    }
}

/**
 * The form on screen (new entry, edit, or a medicine's change). Its state is saved with
 * `rememberSaveable` (a flat map of strings), so rotation and process death keep what was typed.
 */
@Composable
fun FormPage(form: app.steady.ui.OpenForm, state: UiState, vm: AppViewModel) {
    val labels = state.view.labels ?: return
    var saved by rememberSaveable(form.key) { mutableStateOf(start(form).save()) }
    val current = FormState.restore(saved) ?: start(form)
    val today = state.view.screen as? Screen.Today
    val context = remember(state.view.lang, state.view.screen) {
        FormContext(
            formats = Formats(state.view.lang),
            words = PickerWords(labels.actionSave, labels.actionCancel, labels.shellNow),
            medicines = (state.view.screen as? Screen.Medicines)?.cards ?: today?.state?.view?.medicines.orEmpty(),
            goals = (state.view.screen as? Screen.Goals)?.open ?: today?.state?.view?.goals.orEmpty(),
            search = { text, done -> vm.search(text, done) },
        )
    }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        CoreForm(
            form = form.view,
            state = current,
            onChange = { saved = it.save() },
            message = state.fieldMessage,
            context = context,
            onSave = { vm.save(form, current) },
            onCancel = { vm.closeForm() },
            busy = state.busy,
        )
    }
}

/** The form's first state: the values it was opened with (a medicine's change, a goal to review), else the core's prefill. */
private fun start(form: app.steady.ui.OpenForm): FormState =
    form.initial?.let(FormState::restore) ?: FormState.start(form.view)
