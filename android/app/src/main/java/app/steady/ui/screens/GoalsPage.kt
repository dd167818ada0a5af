package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringArrayResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import app.steady.R
import app.steady.core.Field
import app.steady.core.GoalType
import app.steady.core.Proposer
import app.steady.core.ReviewDecision
import app.steady.ui.forField
import app.steady.ui.logic.EntryForm
import app.steady.ui.logic.GoalForm
import app.steady.ui.logic.GoalRow
import app.steady.ui.logic.ReviewForm
import app.steady.ui.logic.UiMessage
import java.time.LocalDate

/**
 * Goals, with the patient in charge: what matters in their own words, a treatment goal chosen
 * among four equally valid ones, and reviews rated with Goal Attainment Scaling (−2 … +2).
 */
@Composable
fun GoalsPage(
    goals: List<GoalRow>,
    today: LocalDate,
    message: UiMessage?,
    onSave: (EntryForm, onSaved: () -> Unit) -> Unit,
) {
    var reviewing by remember { mutableStateOf<GoalRow?>(null) }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        val current = reviewing
        if (current != null) {
            ReviewView(current, message, onCancel = { reviewing = null }) { form ->
                onSave(form) { reviewing = null }
            }
            return@Column
        }
        Text(stringResource(R.string.goals_active), style = MaterialTheme.typography.titleMedium)
        if (goals.isEmpty()) Text(stringResource(R.string.today_no_goals))
        goals.forEach { goal ->
            Section(goal.whatMatters) {
                Text(goal.description)
                goal.nextReview?.let {
                    Text(stringResource(if (goal.reviewDue) R.string.goal_review_due else R.string.goal_review_on, it))
                }
                OutlinedButton(onClick = { reviewing = goal }) { Text(stringResource(R.string.goal_review)) }
            }
        }
        SetGoalView(today, message, onSave)
    }
}

@Composable
private fun SetGoalView(today: LocalDate, message: UiMessage?, onSave: (EntryForm, () -> Unit) -> Unit) {
    var form by remember { mutableStateOf(GoalForm()) }
    Section(stringResource(R.string.goal_set)) {
        OutlinedTextField(
            value = form.whatMatters,
            onValueChange = { form = form.copy(whatMatters = it) },
            label = { Text(stringResource(R.string.field_what_matters)) },
            supportingText = { Text(message.forField(Field.WhatMatters) ?: stringResource(R.string.goal_what_matters_hint)) },
            isError = message.forField(Field.WhatMatters) != null,
            modifier = Modifier.fillMaxWidth(),
        )
        Text(stringResource(R.string.field_goal_kind), style = MaterialTheme.typography.labelLarge)
        val kinds = listOf(
            GoalType.STOP to R.string.goal_kind_stop,
            GoalType.REDUCE to R.string.goal_kind_reduce,
            GoalType.STABLE to R.string.goal_kind_stable,
            GoalType.KEEP to R.string.goal_kind_keep,
        )
        kinds.forEach { (kind, label) ->
            RadioRow(form.kind == kind, stringResource(label)) { form = form.copy(kind = kind) }
        }
        if (form.kind != GoalType.KEEP) {
            val drugError = message.forField(Field.Drug)
            OutlinedTextField(
                value = form.drug,
                onValueChange = { form = form.copy(drug = it) },
                label = { Text(stringResource(R.string.field_drug)) },
                isError = drugError != null,
                supportingText = if (drugError != null) { { Text(drugError) } } else null,
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
        }
        if (form.kind == GoalType.REDUCE) {
            NumberField(form.targetText, { form = form.copy(targetText = it) }, R.string.field_target, message.forField(Field.TargetMg))
        }
        Text(stringResource(R.string.field_review_on), style = MaterialTheme.typography.labelLarge)
        val reviewChoices = listOf(
            null to R.string.goal_review_none,
            today.plusWeeks(4) to R.string.goal_review_4_weeks,
            today.plusMonths(3) to R.string.goal_review_3_months,
        )
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            reviewChoices.forEach { (date, label) ->
                FilterChip(
                    selected = form.reviewOn == date,
                    onClick = { form = form.copy(reviewOn = date) },
                    label = { Text(stringResource(label)) },
                )
            }
        }
        message.forField(Field.ReviewOn, Field.Due, Field.Kind)?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        Text(stringResource(R.string.goal_proposed_by), style = MaterialTheme.typography.labelLarge)
        listOf(
            Proposer.PATIENT to R.string.proposed_patient,
            Proposer.CLINICIAN to R.string.proposed_clinician,
            Proposer.TOGETHER to R.string.proposed_together,
        ).forEach { (who, label) ->
            RadioRow(form.proposedBy == who, stringResource(label)) { form = form.copy(proposedBy = who) }
        }
        OutlinedTextField(
            value = form.agreedWith,
            onValueChange = { form = form.copy(agreedWith = it) },
            label = { Text(stringResource(R.string.field_agreed_with)) },
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        Button(onClick = { onSave(form) { form = GoalForm() } }, modifier = Modifier.fillMaxWidth()) {
            Text(stringResource(R.string.save))
        }
    }
}

@Composable
private fun ReviewView(goal: GoalRow, message: UiMessage?, onCancel: () -> Unit, onSave: (EntryForm) -> Unit) {
    var form by remember(goal.id) { mutableStateOf(ReviewForm(goal.id)) }
    val gasLabels = stringArrayResource(R.array.gas_levels)
    Text(stringResource(R.string.goal_review_title, goal.whatMatters), style = MaterialTheme.typography.titleMedium)
    Text(goal.description)
    Text(stringResource(R.string.field_gas), style = MaterialTheme.typography.labelLarge)
    ReviewForm.GAS_LEVELS.forEachIndexed { i, gas ->
        RadioRow(form.gas == gas, "%+d  %s".format(gas, gasLabels[i])) { form = form.copy(gas = gas) }
    }
    Text(stringResource(R.string.field_decision), style = MaterialTheme.typography.labelLarge)
    listOf(
        ReviewDecision.KEEP to R.string.decision_keep,
        ReviewDecision.ADJUST to R.string.decision_adjust,
        ReviewDecision.CHANGE to R.string.decision_change,
    ).forEach { (decision, label) ->
        RadioRow(form.decision == decision, stringResource(label)) { form = form.copy(decision = decision) }
    }
    OutlinedTextField(
        value = form.note,
        onValueChange = { form = form.copy(note = it) },
        label = { Text(stringResource(R.string.field_note)) },
        modifier = Modifier.fillMaxWidth(),
    )
    message.forField(Field.Gas, Field.Goal, Field.Id, Field.Decision, Field.Note)?.let { Text(it, color = MaterialTheme.colorScheme.error) }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedButton(onClick = onCancel) { Text(stringResource(R.string.cancel)) }
        Button(onClick = { onSave(form) }) { Text(stringResource(R.string.save)) }
    }
}

@Composable
internal fun RadioRow(selected: Boolean, label: String, onSelect: () -> Unit) {
    Row(
        Modifier.fillMaxWidth().selectable(selected = selected, onClick = onSelect, role = Role.RadioButton),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected = selected, onClick = null)
        Text(label)
    }
}
