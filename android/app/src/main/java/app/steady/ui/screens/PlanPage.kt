package app.steady.ui.screens

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.CalendarMonth
import androidx.compose.material.icons.filled.CheckCircle
import androidx.compose.material.icons.filled.PauseCircle
import androidx.compose.material.icons.filled.PlayCircle
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.selected
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.steady.core.EntryKind
import app.steady.core.StepStatus
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.FieldError
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.components.Section
import app.steady.ui.components.TextDialog
import app.steady.ui.logic.Screen
import app.steady.ui.logic.StepRow
import java.io.File

/**
 * The taper plan: today's step in the core's words, every step (date, tablets, mg, cut), the holds
 * with their reasons, and hold / resume / change the pace / end, and the steps as a calendar file for
 * the share sheet (neutral titles). A hold is a normal step; nothing here judges it.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun PlanPage(state: UiState, vm: AppViewModel, share: (File, String) -> Unit) {
    val words = state.view.words ?: return
    val labels = words.labels
    val plan = (state.view.screen as? Screen.Plan)?.state
    if (plan == null) {
        Loading(labels.shellLoading)
        return
    }
    var dialog by rememberSaveable { mutableStateOf<String?>(null) }
    LazyColumn(Modifier.fillMaxSize().padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        item { PageTitle(labels.screenPlan) }
        if (plan.plan == null) {
            item {
                Text(labels.shellNoPlan)
                Button(onClick = { vm.newForm(EntryKind.PLAN) }) { Text(labels.actionCreatePlan) }
            }
            return@LazyColumn
        }
        plan.today?.let { today -> item { Section(today.molecule) { Text(today.text) } } }
        plan.plan.switch?.let { s -> item { Text(s.line) } }
        plan.plan.switch?.let { s -> item { Text(s.checkLine) } }
        plan.plan.tailLine?.let { line -> item { Text(line) } }
        plan.plan.finalLine?.let { line -> item { Text(line) } }
        item {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                if (plan.active) {
                    if (plan.holding) {
                        Button(onClick = { vm.resume() }) {
                            Icon(Icons.Filled.PlayCircle, contentDescription = null)
                            Text(labels.actionResume, Modifier.padding(start = 8.dp))
                        }
                    } else {
                        OutlinedButton(onClick = { dialog = "hold" }) {
                            Icon(Icons.Filled.PauseCircle, contentDescription = null)
                            Text(labels.actionHold, Modifier.padding(start = 8.dp))
                        }
                    }
                    OutlinedButton(onClick = { dialog = "pace" }) { Text(labels.actionAdjust) }
                    OutlinedButton(onClick = { vm.sharePlanCalendar(share) }) {
                        Icon(Icons.Filled.CalendarMonth, contentDescription = null)
                        Text(labels.actionCalendar, Modifier.padding(start = 8.dp))
                    }
                    TextButton(onClick = { dialog = "end" }) { Text(labels.actionEndPlan) }
                } else {
                    Button(onClick = { vm.newForm(EntryKind.PLAN) }) { Text(labels.actionCreatePlan) }
                }
            }
        }
        state.fieldMessage?.let { m -> item { FieldError(m.text) } }
        items(plan.steps, key = { it.index }) { StepLine(it) }
        if (plan.holds.isNotEmpty()) {
            item {
                Section(labels.actionHold) {
                    plan.holds.forEach { h ->
                        Text(h.dates, style = MaterialTheme.typography.titleSmall)
                        if (h.reason.isNotBlank()) Text(h.reason)
                    }
                }
            }
        }
    }
    when (dialog) {
        "hold" -> TextDialog(
            title = labels.actionHold,
            label = labels.actionHold,
            confirm = labels.actionHold,
            cancel = labels.actionCancel,
            onConfirm = {
                vm.hold(it)
                dialog = null
            },
            onDismiss = { dialog = null },
        )
        "end" -> TextDialog(
            title = labels.actionEndPlan,
            label = labels.actionEndPlan,
            confirm = labels.actionEndPlan,
            cancel = labels.actionCancel,
            onConfirm = {
                vm.endPlan(it)
                dialog = null
            },
            onDismiss = { dialog = null },
        )
        "pace" -> PaceDialog(words.percentLabel, words.intervalLabel, labels.actionAdjust, labels.actionCancel, null) { percent, days ->
            if (percent != null && days != null) vm.changePace(percent, days)
            dialog = null
        }
    }
}

/** One step: current step marked (and "selected" for TalkBack), done steps ticked. */
@Composable
private fun StepLine(step: StepRow) {
    val current = step.status == StepStatus.CURRENT
    Column(
        Modifier.fillMaxWidth()
            .then(if (current) Modifier.background(MaterialTheme.colorScheme.primaryContainer) else Modifier)
            .padding(8.dp)
            .semantics(mergeDescendants = true) { selected = current },
    ) {
        FlowRow(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            if (step.status == StepStatus.DONE) Icon(Icons.Filled.CheckCircle, contentDescription = null)
            Text(step.date, fontWeight = if (current) FontWeight.Bold else FontWeight.Normal)
            Text(step.tablets)
            Text(step.dose)
            if (step.cut.isNotEmpty()) Text(step.cut)
        }
        step.paceFlag?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
    }
}

@Composable
private fun PaceDialog(percentLabel: String, daysLabel: String, confirm: String, cancel: String, error: String?, onDone: (String?, String?) -> Unit) {
    var percent by rememberSaveable { mutableStateOf("") }
    var days by rememberSaveable { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = { onDone(null, null) },
        title = { Text(confirm) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(percent, { percent = it }, label = { Text(percentLabel) },
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal), modifier = Modifier.fillMaxWidth())
                OutlinedTextField(days, { days = it }, label = { Text(daysLabel) },
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number), modifier = Modifier.fillMaxWidth())
                FieldError(error)
            }
        },
        confirmButton = { TextButton(onClick = { onDone(percent, days) }) { Text(confirm) } },
        dismissButton = { TextButton(onClick = { onDone(null, null) }) { Text(cancel) } },
    )
}
