package app.steady.ui.screens

import android.Manifest
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Check
import androidx.compose.material.icons.filled.Schedule
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.steady.core.AppLabels
import app.steady.core.MedicineCard
import app.steady.ui.AppViewModel
import app.steady.ui.Routes
import app.steady.ui.UiState
import app.steady.ui.components.Banner
import app.steady.ui.components.BarChart
import app.steady.ui.components.Loading
import app.steady.ui.components.PickerWords
import app.steady.ui.components.Section
import app.steady.ui.components.TimeDialog
import app.steady.ui.logic.CoreTime
import app.steady.ui.logic.Screen
import java.time.LocalDateTime
import java.time.LocalTime

/**
 * Today: each medicine with one-tap "Taken" (its usual dose, or the plan's dose of the day), the
 * doses logged, totals kept apart, last night, the anxiety week as a chart TalkBack reads, goals.
 * Every word is the core's.
 */
@Composable
fun TodayPage(state: UiState, vm: AppViewModel, onSomethingElse: () -> Unit, onOpen: (String) -> Unit) {
    val today = (state.view.screen as? Screen.Today)?.state
    val labels = state.view.labels
    if (today == null || labels == null) {
        Loading(labels?.shellLoading)
        return
    }
    val t = today.view.labels
    val askNotifications = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) {
        vm.remindersPermissionChanged()
    }
    LazyColumn(
        Modifier.fillMaxSize().padding(horizontal = 16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            Text(t.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.padding(top = 12.dp).semantics { heading() })
            Text(today.view.dateText, style = MaterialTheme.typography.titleMedium)
        }
        if (!state.notificationsAllowed && today.medicines.any { it.times.isNotEmpty() }) {
            item {
                Banner(labels.shellRemindersAllow, labels.shellReminders) {
                    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
                }
            }
        }
        today.view.plan?.let { plan ->
            item {
                Section(labels.screenPlan) {
                    Text(plan.text)
                    TextButton(onClick = { onOpen(Routes.PLAN) }) { Text(labels.screenPlan) }
                }
            }
        }
        item {
            Section(t.medicines) {
                if (today.medicines.isEmpty()) {
                    Text(t.noMedicine)
                    OutlinedButton(onClick = { vm.medicineForm(null) }) { Text(labels.actionAddMedicine) }
                }
                today.medicines.forEach { MedicineTaken(it, labels, vm) }
                TextButton(onClick = onSomethingElse) { Text(t.somethingElse) }
            }
        }
        item {
            Section(t.doses) {
                if (today.view.doses.isEmpty()) Text(t.noDose)
                today.view.doses.forEach { Text("${it.time}  ${it.text}") }
                Text(today.view.totalsText, style = MaterialTheme.typography.bodyMedium)
                Text(today.view.tableNote, style = MaterialTheme.typography.bodySmall)
            }
        }
        item { Section(labels.actionLogSleep) { Text(today.view.lastNightText) } }
        item { Section(t.anxietyWeek) { BarChart(today.anxiety.copy(title = t.anxietyWeek)) } }
        item {
            Section(t.goals) {
                if (today.view.goals.isEmpty()) Text(t.noGoal)
                today.view.goals.forEach { g ->
                    Column(Modifier.fillMaxWidth().padding(vertical = 4.dp)) {
                        Text(g.whatMatters, style = MaterialTheme.typography.titleSmall)
                        Text(g.goal)
                        Text(g.reviewText, style = MaterialTheme.typography.bodySmall)
                    }
                }
                TextButton(onClick = { onOpen(Routes.GOALS) }) { Text(labels.screenGoals) }
            }
        }
    }
}

/** One medicine: its line, what "Taken" will log, and the buttons (Taken, at another time, Skipped). */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun MedicineTaken(card: MedicineCard, labels: AppLabels, vm: AppViewModel) {
    var pickTime by rememberSaveable(card.id) { mutableStateOf(false) }
    Column(Modifier.fillMaxWidth().padding(vertical = 6.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(card.name, style = MaterialTheme.typography.titleMedium)
        Text(card.plannedText ?: card.usual)
        card.nextText?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        if (card.todayText.isNotBlank()) Text(card.todayText, style = MaterialTheme.typography.bodySmall)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Button(onClick = { vm.taken(card.id) }, contentPadding = ButtonDefaults.ButtonWithIconContentPadding) {
                Icon(Icons.Filled.Check, contentDescription = null)
                Text(labels.actionTaken, modifier = Modifier.padding(start = 8.dp))
            }
            IconButton(onClick = { pickTime = true }) {
                Icon(Icons.Filled.Schedule, contentDescription = "${labels.shellTimeTaken}: ${card.name}")
            }
            OutlinedButton(onClick = { vm.skipped(card.id) }) { Text(labels.actionSkipped) }
        }
    }
    if (pickTime) {
        TimeDialog("", PickerWords(labels.actionSave, labels.actionCancel, labels.shellNow), onDismiss = { pickTime = false }) { hhmm ->
            pickTime = false
            vm.taken(card.id, CoreTime.latestPast(LocalTime.parse(hhmm), LocalDateTime.now()))
        }
    }
}
