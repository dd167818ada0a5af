package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Done
import androidx.compose.material3.Button
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.steady.core.EntryKind
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.ConfirmDialog
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.components.Section
import app.steady.ui.logic.Screen

/** "What I want to talk about": the patient's questions for the next appointment, ticked off once discussed. */
@Composable
fun QuestionsPage(state: UiState, vm: AppViewModel) {
    val labels = state.view.labels ?: return
    val questions = state.view.screen as? Screen.Questions
    if (questions == null) {
        Loading(labels.shellLoading)
        return
    }
    var deleting by rememberSaveable { mutableStateOf<String?>(null) }
    LazyColumn(Modifier.fillMaxSize().padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        item {
            PageTitle(labels.screenQuestions)
            Button(onClick = { vm.newForm(EntryKind.QUESTION) }) {
                Icon(Icons.Filled.Add, contentDescription = null)
                Text(labels.actionAddQuestion, Modifier.padding(start = 8.dp))
            }
        }
        if (questions.open.isEmpty()) item { Text(labels.shellNoQuestion) }
        items(questions.open, key = { it.id }) { q ->
            Column {
                EntryLine(q, labels, onEdit = { vm.editForm(q.id) }, onDelete = { deleting = q.id })
                OutlinedButton(onClick = { vm.questionDiscussed(q.id, true) }) {
                    Icon(Icons.Filled.Done, contentDescription = null)
                    Text(labels.actionQuestionDone, Modifier.padding(start = 8.dp))
                }
                HorizontalDivider(Modifier.padding(top = 8.dp))
            }
        }
        if (questions.discussed.isNotEmpty()) {
            item {
                Section(labels.actionQuestionDone) {
                    questions.discussed.forEach { q ->
                        EntryLine(q, labels, onEdit = { vm.editForm(q.id) }, onDelete = { deleting = q.id })
                    }
                }
            }
        }
    }
    val row = (questions.open + questions.discussed).firstOrNull { it.id == deleting }
    if (row != null) {
        ConfirmDialog(labels.actionDeleteConfirm + "\n\n" + row.line, labels.actionDelete, labels.actionCancel, onConfirm = {
            vm.delete(row.id)
            deleting = null
        }, onDismiss = { deleting = null })
    }
}
