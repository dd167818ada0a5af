package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.steady.core.EntryRow
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.ConfirmDialog
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.logic.Screen
import app.steady.ui.logic.editable

/** History by diary day, newest first; each entry can be edited (the core's form) or deleted after a confirmation. */
@Composable
fun HistoryPage(state: UiState, vm: AppViewModel) {
    val labels = state.view.labels ?: return
    val days = (state.view.screen as? Screen.History)?.days
    if (days == null) {
        Loading(labels.shellLoading)
        return
    }
    var deleting by rememberSaveable { mutableStateOf<String?>(null) }
    LazyColumn(Modifier.fillMaxSize().padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        item { PageTitle(labels.screenHistory) }
        if (days.isEmpty()) item { Text(labels.shellNothingYet) }
        days.forEach { day ->
            item(key = "day-${day.date}") {
                Text(
                    day.dateText,
                    style = MaterialTheme.typography.titleMedium,
                    modifier = Modifier.padding(top = 16.dp).semantics { heading() },
                )
            }
            items(day.entries, key = { it.id }) { row ->
                EntryLine(row, labels, onEdit = { vm.editForm(row.id) }, onDelete = { deleting = row.id })
                HorizontalDivider()
            }
        }
    }
    val row = days.flatMap { it.entries }.firstOrNull { it.id == deleting }
    if (row != null) {
        ConfirmDialog(
            text = labels.actionDeleteConfirm + "\n\n" + row.line,
            confirm = labels.actionDelete,
            cancel = labels.actionCancel,
            onConfirm = {
                vm.delete(row.id)
                deleting = null
            },
            onDismiss = { deleting = null },
        )
    }
}

@Composable
fun EntryLine(row: EntryRow, labels: app.steady.core.AppLabels, onEdit: () -> Unit, onDelete: () -> Unit) {
    Row(Modifier.fillMaxWidth().padding(vertical = 6.dp), verticalAlignment = Alignment.CenterVertically) {
        Column(Modifier.weight(1f)) {
            Text("${row.time} · ${row.kindText}", style = MaterialTheme.typography.labelLarge)
            Text(row.line)
            row.note?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        }
        if (row.editable()) {
            IconButton(onClick = onEdit) { Icon(Icons.Filled.Edit, contentDescription = "${labels.actionEdit}: ${row.line}") }
        }
        IconButton(onClick = onDelete) { Icon(Icons.Filled.Delete, contentDescription = "${labels.actionDelete}: ${row.line}") }
    }
}
