package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Flag
import androidx.compose.material3.Button
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.steady.core.EntryKind
import app.steady.core.Field
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.components.Section
import app.steady.ui.logic.FormState
import app.steady.ui.logic.Screen

/**
 * Goals, set with the patient in charge (what matters, in their words; the treatment goal they
 * choose; due and review dates) and reviewed (Goal Attainment Scaling, keep / adjust / change).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun GoalsPage(state: UiState, vm: AppViewModel) {
    val labels = state.view.labels ?: return
    val goals = state.view.screen as? Screen.Goals
    if (goals == null) {
        Loading(labels.shellLoading)
        return
    }
    LazyColumn(Modifier.fillMaxSize().padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        item {
            PageTitle(labels.screenGoals)
            Button(onClick = { vm.newForm(EntryKind.GOAL) }) {
                Icon(Icons.Filled.Flag, contentDescription = null)
                Text(labels.actionSetGoal, Modifier.padding(start = 8.dp))
            }
        }
        items(goals.open, key = { it.id }) { g ->
            Section(g.whatMatters) {
                Text(g.goal)
                Text(g.statusText, style = MaterialTheme.typography.bodySmall)
                Text(g.progressText)
                Text(
                    g.reviewText,
                    color = if (g.reviewDue) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
                )
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    Button(onClick = { vm.newForm(EntryKind.REVIEW, FormState(EntryKind.REVIEW).with(Field.Goal, g.id)) }) {
                        Text(labels.actionReviewGoal)
                    }
                    OutlinedButton(onClick = { vm.editForm(g.id) }) { Text(labels.actionEdit) }
                }
            }
        }
        items(goals.closed, key = { it.id }) { row ->
            EntryLine(row, labels, onEdit = { vm.editForm(row.id) }, onDelete = { vm.delete(row.id) })
        }
    }
}
