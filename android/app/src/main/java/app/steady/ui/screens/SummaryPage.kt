package app.steady.ui.screens

import androidx.annotation.StringRes
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.ExposedDropdownMenuBox
import androidx.compose.material3.ExposedDropdownMenuDefaults
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.MenuAnchorType
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.steady.R
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFormat
import app.steady.core.Hideable
import app.steady.core.Lang
import app.steady.core.SummaryScreen
import app.steady.ui.logic.Amounts
import app.steady.ui.logic.SHARE_FORMATS
import app.steady.ui.logic.SummaryChoice
import app.steady.ui.logic.OFFERED_LANGUAGES
import app.steady.ui.logic.OPTIONAL_SECTIONS
import app.steady.ui.logic.SummaryPeriod
import app.steady.ui.logic.toLine
import app.steady.ui.tableLabel
import app.steady.ui.text

/**
 * Summary for the next appointment: pick the period, language, equivalence table and what to
 * include, see the daily table, and share a file (text or JSON for now; PDF and FHIR join when the
 * core makes them).
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun SummaryPage(
    summary: SummaryScreen?,
    onShow: (SummaryChoice) -> Unit,
    onShare: (SummaryChoice) -> Unit,
) {
    var choice by remember { mutableStateOf(SummaryChoice()) }
    LaunchedEffect(choice.period) { onShow(choice) }

    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(stringResource(R.string.summary_period), style = MaterialTheme.typography.labelLarge)
        val periods = listOf(
            SummaryPeriod.DEFAULT to R.string.period_default,
            SummaryPeriod.LAST_7_DAYS to R.string.period_7_days,
            SummaryPeriod.LAST_14_DAYS to R.string.period_14_days,
            SummaryPeriod.LAST_4_WEEKS to R.string.period_4_weeks,
            SummaryPeriod.LAST_3_MONTHS to R.string.period_3_months,
        )
        Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            periods.forEach { (period, label) ->
                FilterChip(
                    selected = choice.period == period,
                    onClick = { choice = choice.copy(period = period) },
                    label = { Text(stringResource(label)) },
                )
            }
        }

        // The clinician's language; the list is OFFERED_LANGUAGES (English for now).
        var languageOpen by remember { mutableStateOf(false) }
        ExposedDropdownMenuBox(expanded = languageOpen, onExpandedChange = { languageOpen = it }) {
            OutlinedTextField(
                value = stringResource(languageLabel(choice.language)),
                onValueChange = {},
                readOnly = true,
                label = { Text(stringResource(R.string.summary_language)) },
                trailingIcon = { ExposedDropdownMenuDefaults.TrailingIcon(expanded = languageOpen) },
                modifier = Modifier.menuAnchor(MenuAnchorType.PrimaryNotEditable).fillMaxWidth(),
            )
            ExposedDropdownMenu(expanded = languageOpen, onDismissRequest = { languageOpen = false }) {
                OFFERED_LANGUAGES.forEach { language ->
                    DropdownMenuItem(
                        text = { Text(stringResource(languageLabel(language))) },
                        onClick = {
                            choice = choice.copy(language = language)
                            languageOpen = false
                        },
                    )
                }
            }
        }

        Text(stringResource(R.string.summary_table), style = MaterialTheme.typography.labelLarge)
        Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            FilterChip(
                selected = choice.table == null,
                onClick = { choice = choice.copy(table = null) },
                label = { Text(stringResource(R.string.table_current)) },
            )
            EquivalenceTable.entries.forEach { table ->
                FilterChip(
                    selected = choice.table == table,
                    onClick = { choice = choice.copy(table = table) },
                    label = { Text(stringResource(tableLabel(table))) },
                )
            }
        }

        // What to include: the patient decides, e.g. whether non-prescribed use shows.
        Text(stringResource(R.string.summary_included), style = MaterialTheme.typography.labelLarge)
        Text(stringResource(R.string.summary_included_hint), style = MaterialTheme.typography.bodySmall)
        OPTIONAL_SECTIONS.forEach { section ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Checkbox(checked = choice.includes(section), onCheckedChange = { choice = choice.toggled(section) })
                Text(stringResource(sectionLabel(section)))
            }
        }

        summary?.let { SummaryTable(it) }

        Text(stringResource(R.string.summary_format), style = MaterialTheme.typography.labelLarge)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            SHARE_FORMATS.forEach { format ->
                FilterChip(
                    selected = choice.format == format,
                    onClick = { choice = choice.copy(format = format) },
                    label = {
                        Text(stringResource(if (format == ExportFormat.JSON) R.string.format_json else R.string.format_text))
                    },
                )
            }
        }
        Button(onClick = { onShare(choice) }, modifier = Modifier.fillMaxWidth()) {
            Text(stringResource(R.string.summary_share))
        }
    }
}

@StringRes
private fun languageLabel(language: Lang): Int = when (language) {
    Lang.EN -> R.string.language_english
    Lang.FR -> R.string.language_french
    Lang.NL -> R.string.language_dutch
    Lang.NB -> R.string.language_norwegian_bokmal
}

@StringRes
private fun sectionLabel(section: Hideable): Int = when (section) {
    Hideable.NON_PRESCRIBED -> R.string.section_non_prescribed
    Hideable.NOTES -> R.string.section_notes
    Hideable.SLEEP -> R.string.section_sleep
    Hideable.ANXIETY -> R.string.section_anxiety
    Hideable.GOALS -> R.string.section_goals
    Hideable.PLAN -> R.string.section_plan
    Hideable.QUESTIONS -> R.string.section_questions
}

@Composable
private fun SummaryTable(s: SummaryScreen) {
    Section(stringResource(R.string.summary_table_title, s.from, s.to)) {
        Text(stringResource(R.string.summary_table_source, s.tableName, s.tableSource), style = MaterialTheme.typography.bodySmall)
        Text(stringResource(R.string.today_prescribed_total, s.prescribed.toLine().text()))
        s.nonPrescribed?.let { Text(stringResource(R.string.today_nonprescribed_total, it.toLine().text())) }
        Text(stringResource(R.string.summary_days_without_dose, s.daysWithoutDose.toInt()))
        s.meanSleepH?.let { Text(stringResource(R.string.summary_mean_sleep, Amounts.number(it))) }
        s.meanAnxiety?.let { Text(stringResource(R.string.summary_mean_anxiety, Amounts.number(it))) }
        Row {
            Text(stringResource(R.string.summary_col_date), Modifier.width(104.dp), style = MaterialTheme.typography.labelMedium)
            Text(stringResource(R.string.summary_col_prescribed), Modifier.weight(1f), style = MaterialTheme.typography.labelMedium)
            Text(stringResource(R.string.summary_col_nonprescribed), Modifier.weight(1f), style = MaterialTheme.typography.labelMedium)
            Text(stringResource(R.string.summary_col_unknown), Modifier.width(64.dp), style = MaterialTheme.typography.labelMedium)
        }
        s.days.forEach { day ->
            Row {
                Text(day.date, Modifier.width(104.dp))
                Text(Amounts.range(day.deLowMg, day.deHighMg), Modifier.weight(1f))
                val np = day.nonprescribedDeLowMg?.let { low -> Amounts.range(low, day.nonprescribedDeHighMg ?: low) } ?: "–"
                Text(np, Modifier.weight(1f))
                Text(if (day.unknownDoses > 0u) day.unknownDoses.toString() else "", Modifier.width(64.dp))
            }
        }
    }
}
