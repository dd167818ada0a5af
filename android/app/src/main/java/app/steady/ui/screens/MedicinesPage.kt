package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.steady.core.MedicineCard
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.ConfirmDialog
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.components.Section
import app.steady.ui.logic.Screen

/** My medicines: add (with the catalogue's picker), change amount or times from a day on, stop. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun MedicinesPage(state: UiState, vm: AppViewModel) {
    val labels = state.view.labels ?: return
    val cards = (state.view.screen as? Screen.Medicines)?.cards
    if (cards == null) {
        Loading(labels.shellLoading)
        return
    }
    var stopping by rememberSaveable { mutableStateOf<String?>(null) }
    Scaffold(
        floatingActionButton = {
            ExtendedFloatingActionButton(
                onClick = { vm.medicineForm(null) },
                icon = { Icon(Icons.Filled.Add, contentDescription = null) },
                text = { Text(labels.actionAddMedicine) },
            )
        },
    ) { padding ->
        LazyColumn(
            Modifier.fillMaxSize().padding(padding).padding(horizontal = 16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { PageTitle(labels.screenMedicines) }
            items(cards, key = { it.id }) { card -> MedicineSection(card, labels, vm) { stopping = card.id } }
            item { Column(Modifier.padding(bottom = 96.dp)) {} }
        }
    }
    val stop = cards.firstOrNull { it.id == stopping }
    if (stop != null) {
        ConfirmDialog(
            text = stop.text,
            confirm = labels.actionStopMedicine,
            cancel = labels.actionCancel,
            onConfirm = {
                vm.stopMedicine(stop.id)
                stopping = null
            },
            onDismiss = { stopping = null },
        )
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun MedicineSection(card: MedicineCard, labels: app.steady.core.AppLabels, vm: AppViewModel, onStop: () -> Unit) {
    Section(card.name) {
        Text(card.text)
        card.plannedText?.let { Text(it) }
        if (card.todayText.isNotBlank()) Text(card.todayText, style = MaterialTheme.typography.bodySmall)
        card.history.forEach { Text(it, style = MaterialTheme.typography.bodySmall) }
        if (card.active) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = { vm.medicineForm(card) }) { Text(labels.actionChangeMedicine) }
                OutlinedButton(onClick = onStop) { Text(labels.actionStopMedicine) }
            }
        }
    }
}
