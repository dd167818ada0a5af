package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Share
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.unit.dp
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.BarChart
import app.steady.ui.components.Choices
import app.steady.ui.components.DateField
import app.steady.ui.components.PageTitle
import app.steady.ui.components.PickerWords
import app.steady.ui.components.Section
import app.steady.ui.logic.Formats
import app.steady.ui.logic.OPTIONAL_SECTIONS
import app.steady.ui.logic.Page
import app.steady.ui.logic.SHARE_FORMATS
import app.steady.ui.logic.SUMMARY_LANGUAGES
import app.steady.ui.logic.Screen
import app.steady.ui.logic.SummaryChoice
import java.io.File

/**
 * The summary for an appointment: the period, the format (PDF, text, CSV, FHIR, JSON), the
 * clinician's language, the table, what to leave out (the summary says so); the figures and the
 * summary itself shown before sharing; the file shared through the share sheet and deleted after.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SummaryPage(state: UiState, vm: AppViewModel, share: (File, String) -> Unit) {
    val words = state.view.words ?: return
    val labels = words.labels
    var saved by rememberSaveable { mutableStateOf(SummaryChoice(language = state.view.lang).save()) }
    val choice = SummaryChoice.restore(saved)
    val set = { c: SummaryChoice -> saved = c.save() }
    LaunchedEffect(saved) { vm.show(Page.Summary(choice)) }
    val summary = (state.view.screen as? Screen.Summary)?.state
    val formats = Formats(state.view.lang)
    val pickers = PickerWords(labels.actionSave, labels.actionCancel, labels.shellNow)
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        PageTitle(labels.screenSummary)
        Section(labels.shellSummaryPeriod) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.Center) {
                DateField("", summary?.screen?.from ?: choice.from.orEmpty(), formats, pickers) { set(choice.copy(from = it)) }
                Text("–", modifier = Modifier.align(Alignment.CenterVertically))
                DateField("", summary?.screen?.to ?: choice.to.orEmpty(), formats, pickers) { set(choice.copy(to = it)) }
            }
        }
        Section(labels.shellSummaryFormat) {
            Choices("", SHARE_FORMATS.map { it.name to words.format(it) }, choice.format.name) { key ->
                set(choice.copy(format = SHARE_FORMATS.first { it.name == key }))
            }
        }
        Section(labels.shellSummaryLanguage) {
            Choices("", SUMMARY_LANGUAGES.map { it.name to words.language(it) }, (choice.language ?: state.view.lang).name) { key ->
                set(choice.copy(language = SUMMARY_LANGUAGES.first { it.name == key }))
            }
        }
        Section(words.tableLabel) {
            val current = choice.table ?: state.view.status?.table
            Choices("", words.tableNames.entries.map { (t, name) -> t.name to name }, current?.name.orEmpty()) { key ->
                set(choice.copy(table = words.tableNames.keys.first { it.name == key }))
            }
        }
        Section(labels.shellSummaryLeaveOut) {
            OPTIONAL_SECTIONS.forEach { part ->
                val out = !choice.includes(part)
                Row(
                    Modifier.fillMaxWidth().toggleable(value = out, role = Role.Checkbox) { set(choice.toggled(part)) }.padding(vertical = 4.dp),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    Checkbox(checked = out, onCheckedChange = null)
                    Text(words.hideable[part].orEmpty(), modifier = Modifier.padding(start = 12.dp))
                }
            }
        }
        Button(onClick = { vm.shareSummary(choice, share) }, enabled = !state.busy) {
            Icon(Icons.Filled.Share, contentDescription = null)
            Text(labels.actionShare, Modifier.padding(start = 8.dp))
        }
        if (summary != null) {
            Section(summary.period) {
                BarChart(summary.chart)
                Text(summary.screen.tableSource, style = MaterialTheme.typography.bodySmall)
            }
            Section(labels.actionMakeSummary) {
                Text(summary.preview, fontFamily = FontFamily.Monospace, style = MaterialTheme.typography.bodySmall)
            }
        }
    }
}
